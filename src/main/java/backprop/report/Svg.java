package backprop.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plots as SVG text, written by hand: line charts (loss and accuracy per epoch, the sine fit) and a heat map
 * (the confusion matrix). Every picture is self-contained (no scripts, links or external fonts) and every
 * label is given room by its estimated width, so nothing is cut at the edges.
 * <p>
 * Line charts: ticks on 1-2-5 steps, the axes ending on ticks; integer axes (epochs) on whole numbers; log
 * axes on decades; the legend in a box in a corner the lines leave free, else above the plot. Each series
 * is one {@code <polyline class="series">}, the legend one {@code <g class="legend">} whose first child is
 * its box.
 * <p>
 * Heat maps: rows are the true class, columns the predicted one; the diagonal (right answers) in blues,
 * every other non-empty cell (errors) in reds, both by the cell's share of its row, with a colour scale for
 * each. Cells are {@code <rect class="cell">}.
 */
public final class Svg {

    /** The faces asked for: DejaVu Sans, whose widths {@link TextWidth} assumes, or a narrower one. */
    static final String FONT = "DejaVu Sans, Arial, Helvetica, sans-serif";

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};
    private static final String[] DASHES = {"", "7 4", "2 3", "9 3 2 3"};
    private static final int WIDTH = 640;
    private static final int HEIGHT = 400;
    private static final double TITLE_SIZE = 15;
    private static final double LABEL_SIZE = 13;
    private static final double TICK_SIZE = 12;
    private static final double LEGEND_SIZE = 12;
    /** Series of at most this many points also get a dot at each point. */
    private static final int MARKED_POINTS = 40;

    private Svg() {
    }

    /**
     * One line of a chart: a name for the legend and its points.
     *
     * @param name the name in the legend
     * @param x    the x values
     * @param y    the y values, one per x value
     */
    public record Series(String name, double[] x, double[] y) {
        /**
         * Checks that there is one y value per x value.
         *
         * @param name the name in the legend
         * @param x    the x values
         * @param y    the y values
         */
        public Series {
            if (x.length != y.length) {
                throw new IllegalArgumentException("series " + name + ": " + x.length + " x values but " + y.length
                        + " y values");
            }
        }
    }

    /**
     * How one axis is drawn.
     *
     * @param label    the axis title
     * @param integers whether ticks fall on whole numbers only (epochs)
     * @param log      whether the axis is logarithmic; ignored (linear) when a value to draw is not positive
     */
    public record Axis(String label, boolean integers, boolean log) {

        /**
         * @param label the axis title
         * @return a linear axis
         */
        public static Axis linear(String label) {
            return new Axis(label, false, false);
        }

        /**
         * @param label the axis title
         * @return a linear axis with whole-number ticks
         */
        public static Axis integers(String label) {
            return new Axis(label, true, false);
        }

        /**
         * @param label the axis title
         * @return a logarithmic axis
         */
        public static Axis log(String label) {
            return new Axis(label, false, true);
        }
    }

    /**
     * A line chart on linear axes; see {@link #lineChart(String, Axis, Axis, List)}.
     *
     * @param title  the title above the chart
     * @param xLabel the label of the x axis
     * @param yLabel the label of the y axis
     * @param series the lines, one colour each
     * @return the SVG text
     */
    public static String lineChart(String title, String xLabel, String yLabel, List<Series> series) {
        return lineChart(title, Axis.linear(xLabel), Axis.linear(yLabel), series);
    }

    /**
     * A line chart. Points that are not finite (and, on a log axis, not positive) are skipped; series with no
     * point left are left out of the chart and its legend.
     *
     * @param title  the title above the chart
     * @param x      the x axis
     * @param y      the y axis
     * @param series the lines, one colour and dash pattern each
     * @return the SVG text
     */
    public static String lineChart(String title, Axis x, Axis y, List<Series> series) {
        boolean logX = x.log() && allPositive(series, true);
        boolean logY = y.log() && allPositive(series, false);
        List<Series> drawn = new ArrayList<>();
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY};
        for (Series s : series) {
            boolean any = false;
            for (int i = 0; i < s.x().length; i++) {
                if (usable(s.x()[i], logX) && usable(s.y()[i], logY)) {
                    range[0] = Math.min(range[0], s.x()[i]);
                    range[1] = Math.max(range[1], s.x()[i]);
                    range[2] = Math.min(range[2], s.y()[i]);
                    range[3] = Math.max(range[3], s.y()[i]);
                    any = true;
                }
            }
            if (any) {
                drawn.add(s);
            }
        }
        if (drawn.isEmpty()) {
            range = new double[] {logX ? 1 : 0, logX ? 10 : 1, logY ? 1 : 0, logY ? 10 : 1};
        }
        Frame frame = Frame.of(x, y, logX, logY, range, 0);
        List<List<double[]>> lines = new ArrayList<>();
        for (Series s : drawn) {
            lines.add(frame.pixels(s, logX, logY));
        }
        Legend legend = Legend.of(drawn);
        double[] box = legend.isEmpty() ? null : legend.freeCorner(frame, lines);
        boolean legendAbove = !legend.isEmpty() && box == null;
        if (legendAbove) {
            frame = Frame.of(x, y, logX, logY, range, Legend.ROW_HEIGHT + 6);
            lines.clear();
            for (Series s : drawn) {
                lines.add(frame.pixels(s, logX, logY));
            }
            box = legend.rowAbove(frame);
        }

        StringBuilder s = header(WIDTH, HEIGHT, title);
        title(s, title, frame.left, WIDTH);
        frame.grid(s);
        for (int k = 0; k < drawn.size(); k++) {
            List<double[]> points = lines.get(k);
            StringBuilder list = new StringBuilder();
            for (double[] p : points) {
                list.append(String.format(Locale.ROOT, "%.2f,%.2f ", p[0], p[1]));
            }
            String dash = DASHES[k % DASHES.length];
            s.append(String.format(Locale.ROOT, "<polyline class=\"series\" fill=\"none\" stroke=\"%s\" "
                    + "stroke-width=\"2\" stroke-linejoin=\"round\"%s points=\"%s\"><title>%s</title></polyline>%n",
                    colour(k), dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"", list.toString().strip(),
                    escape(drawn.get(k).name())));
            if (points.size() <= MARKED_POINTS) {
                for (double[] p : points) {
                    s.append(String.format(Locale.ROOT, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"2.8\" fill=\"%s\"/>%n",
                            p[0], p[1], colour(k)));
                }
            }
        }
        frame.axisLabels(s, x.label() + (logX ? " (log scale)" : ""), y.label() + (logY ? " (log scale)" : ""));
        if (!legend.isEmpty()) {
            legend.draw(s, box, legendAbove);
        }
        return s.append("</svg>\n").toString();
    }

    private static boolean usable(double v, boolean log) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    /** Whether every finite value on one axis is positive (and there is one). */
    private static boolean allPositive(List<Series> series, boolean xAxis) {
        boolean any = false;
        for (Series s : series) {
            double[] values = xAxis ? s.x() : s.y();
            double[] other = xAxis ? s.y() : s.x();
            for (int i = 0; i < values.length; i++) {
                if (Double.isFinite(values[i]) && Double.isFinite(other[i])) {
                    if (values[i] <= 0) {
                        return false;
                    }
                    any = true;
                }
            }
        }
        return any;
    }

    /** The plot area of a line chart and its axes. */
    private static final class Frame {

        final double left;
        final double right;
        final double top;
        final double bottom;
        final Ticks xTicks;
        final Ticks yTicks;

        private Frame(double left, double right, double top, double bottom, Ticks xTicks, Ticks yTicks) {
            this.left = left;
            this.right = right;
            this.top = top;
            this.bottom = bottom;
            this.xTicks = xTicks;
            this.yTicks = yTicks;
        }

        /** Margins from the labels' widths: the y tick labels on the left, half the last x label on the right. */
        static Frame of(Axis x, Axis y, boolean logX, boolean logY, double[] range, double extraTop) {
            double top = 44 + extraTop;
            double bottom = HEIGHT - 50;
            Ticks yTicks = logY ? Ticks.log(range[2], range[3], bottom - top, 28)
                    : Ticks.linear(range[2], range[3], y.integers(), bottom - top, 28, 0);
            double left = 28 + yTicks.widestLabel(TICK_SIZE) + 8;
            double right = WIDTH - 24;
            Ticks xTicks = null;
            for (int pass = 0; pass < 3; pass++) {
                xTicks = logX ? Ticks.log(range[0], range[1], right - left, 44)
                        : Ticks.linear(range[0], range[1], x.integers(), right - left, 44, TICK_SIZE);
                String[] labels = xTicks.labels();
                double lastHalf = TextWidth.of(labels[labels.length - 1], TICK_SIZE) / 2;
                double firstHalf = TextWidth.of(labels[0], TICK_SIZE) / 2;
                right = WIDTH - Math.max(14, lastHalf + 6);
                left = Math.max(left, firstHalf + 6);
            }
            return new Frame(left, right, top, bottom, xTicks, yTicks);
        }

        double px(double v) {
            return left + (right - left) * xTicks.fraction(v);
        }

        double py(double v) {
            return bottom - (bottom - top) * yTicks.fraction(v);
        }

        List<double[]> pixels(Series s, boolean logX, boolean logY) {
            List<double[]> points = new ArrayList<>();
            for (int i = 0; i < s.x().length; i++) {
                if (usable(s.x()[i], logX) && usable(s.y()[i], logY)) {
                    points.add(new double[] {px(s.x()[i]), py(s.y()[i])});
                }
            }
            return points;
        }

        void grid(StringBuilder s) {
            s.append("<g class=\"grid\" stroke-width=\"1\">\n");
            for (double v : minorTicks(yTicks)) {
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                        + "stroke=\"#f3f3f3\"/>%n", left, py(v), right, py(v)));
            }
            for (double v : minorTicks(xTicks)) {
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                        + "stroke=\"#f3f3f3\"/>%n", px(v), top, px(v), bottom));
            }
            for (double v : yTicks.values()) {
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                        + "stroke=\"#e2e2e2\"/>%n", left, py(v), right, py(v)));
            }
            for (double v : xTicks.values()) {
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                        + "stroke=\"#e2e2e2\"/>%n", px(v), top, px(v), bottom));
            }
            s.append("</g>\n");
            s.append(String.format(Locale.ROOT, "<rect class=\"plot-area\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                    + "height=\"%.1f\" fill=\"none\" stroke=\"#999\"/>%n", left, top, right - left, bottom - top));
        }

        /** Unlabelled lines at 2…9 times each decade of a log axis that marks every decade. */
        private static List<Double> minorTicks(Ticks t) {
            List<Double> minor = new ArrayList<>();
            double[] v = t.values();
            if (!t.log() || v.length < 2 || Math.abs(v[1] / v[0] - 10) > 1e-9) {
                return minor;
            }
            for (int i = 0; i + 1 < v.length; i++) {
                for (int m = 2; m <= 9; m++) {
                    minor.add(v[i] * m);
                }
            }
            return minor;
        }

        void axisLabels(StringBuilder s, String xLabel, String yLabel) {
            double[] xv = xTicks.values();
            String[] xl = xTicks.labels();
            for (int i = 0; i < xv.length; i++) {
                double p = px(xv[i]);
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                        + "stroke=\"#999\"/>%n", p, bottom, p, bottom + 4));
                s.append(text(p, bottom + 18, TICK_SIZE, "middle", "#333", xl[i]));
            }
            double[] yv = yTicks.values();
            String[] yl = yTicks.labels();
            for (int i = 0; i < yv.length; i++) {
                double p = py(yv[i]);
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                        + "stroke=\"#999\"/>%n", left - 4, p, left, p));
                s.append(text(left - 7, p + 4, TICK_SIZE, "end", "#333", yl[i]));
            }
            String xText = TextWidth.fit(xLabel, LABEL_SIZE, WIDTH - 20);
            double xCentre = Math.min(Math.max((left + right) / 2, 10 + TextWidth.of(xText, LABEL_SIZE) / 2),
                    WIDTH - 10 - TextWidth.of(xText, LABEL_SIZE) / 2);
            s.append(text(xCentre, HEIGHT - 12, LABEL_SIZE, "middle", "#222", xText));
            String yText = TextWidth.fit(yLabel, LABEL_SIZE, bottom - top + 30);
            double yCentre = (top + bottom) / 2;
            s.append(String.format(Locale.ROOT, "<text x=\"18\" y=\"%.1f\" font-size=\"%s\" text-anchor=\"middle\" "
                    + "fill=\"#222\" transform=\"rotate(-90 18 %.1f)\">%s</text>%n", yCentre, number(LABEL_SIZE),
                    yCentre, escape(yText)));
        }
    }

    /** The key of a line chart: a short line in each series' colour and dash, then its name. */
    private static final class Legend {

        static final double ROW_HEIGHT = 22;
        private static final double SAMPLE = 24;
        private static final double PAD = 8;
        private static final double LINE = 18;
        private final List<String> names;

        private Legend(List<String> names) {
            this.names = names;
        }

        static Legend of(List<Series> drawn) {
            List<String> names = new ArrayList<>();
            for (Series s : drawn) {
                names.add(TextWidth.fit(s.name(), LEGEND_SIZE, 220));
            }
            return new Legend(names);
        }

        boolean isEmpty() {
            return names.isEmpty();
        }

        private double widestName() {
            double w = 0;
            for (String n : names) {
                w = Math.max(w, TextWidth.of(n, LEGEND_SIZE));
            }
            return w;
        }

        /** The box {x, y, width, height} in the first corner of the plot area no line comes near, or null. */
        double[] freeCorner(Frame f, List<List<double[]>> lines) {
            double w = PAD + SAMPLE + 6 + widestName() + PAD;
            double h = PAD / 2 + LINE * names.size() + PAD / 2;
            double inset = 8;
            double[][] corners = {
                {f.right - inset - w, f.top + inset}, {f.right - inset - w, f.bottom - inset - h},
                {f.left + inset, f.top + inset}, {f.left + inset, f.bottom - inset - h}};
            for (double[] c : corners) {
                double[] box = {c[0], c[1], w, h};
                if (c[0] >= f.left && !crosses(lines, box, 4)) {
                    return box;
                }
            }
            return null;
        }

        /** The box {x, y, width, height} of a one-row legend between the title and the plot, right-aligned. */
        double[] rowAbove(Frame f) {
            double w = PAD;
            for (String n : names) {
                w += SAMPLE + 6 + TextWidth.of(n, LEGEND_SIZE) + 14;
            }
            w += PAD - 14;
            double x = Math.max(4, f.right - w);
            return new double[] {x, f.top - ROW_HEIGHT - 4, Math.min(w, WIDTH - 8), ROW_HEIGHT};
        }

        void draw(StringBuilder s, double[] box, boolean oneRow) {
            s.append("<g class=\"legend\">\n");
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                    + "fill=\"#fff\" fill-opacity=\"0.92\" stroke=\"#bbb\" rx=\"3\"/>%n", box[0], box[1], box[2], box[3]));
            double x = box[0] + PAD;
            for (int k = 0; k < names.size(); k++) {
                double lineY = oneRow ? box[1] + box[3] / 2 : box[1] + PAD / 2 + LINE * k + LINE / 2;
                String dash = DASHES[k % DASHES.length];
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                        + "stroke=\"%s\" stroke-width=\"2\"%s/>%n", x, lineY, x + SAMPLE, lineY, colour(k),
                        dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\""));
                s.append(text(x + SAMPLE + 6, lineY + 4, LEGEND_SIZE, "start", "#222", names.get(k)));
                if (oneRow) {
                    x += SAMPLE + 6 + TextWidth.of(names.get(k), LEGEND_SIZE) + 14;
                }
            }
            s.append("</g>\n");
        }
    }

    /** Whether any segment of any line (or any point, drawn as a dot) comes within {@code margin} of the box. */
    static boolean crosses(List<List<double[]>> lines, double[] box, double margin) {
        double x0 = box[0] - margin;
        double y0 = box[1] - margin;
        double x1 = box[0] + box[2] + margin;
        double y1 = box[1] + box[3] + margin;
        for (List<double[]> line : lines) {
            for (int i = 0; i < line.size(); i++) {
                double[] a = line.get(i);
                double[] b = i + 1 < line.size() ? line.get(i + 1) : a;
                if (segmentMeetsBox(a[0], a[1], b[0], b[1], x0, y0, x1, y1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Liang–Barsky clipping: whether the segment from (ax, ay) to (bx, by) has a point inside the box. */
    private static boolean segmentMeetsBox(double ax, double ay, double bx, double by, double x0, double y0,
            double x1, double y1) {
        double t0 = 0;
        double t1 = 1;
        double dx = bx - ax;
        double dy = by - ay;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {ax - x0, x1 - ax, ay - y0, y1 - ay};
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return false;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
                if (t0 > t1) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * A heat map of counts, e.g. a confusion matrix: rows are the truth, columns the prediction. Each cell is
     * coloured by its share of its row: right answers (the diagonal) in blues from 0 to 100%, errors in reds
     * from 0 to the largest error share; empty cells stay white. A subtitle gives the right answers of all.
     *
     * @param title  the title above the map
     * @param counts a square matrix of counts, counts[a][p]
     * @param labels the name of each row and column; if there is not one per class (an empty list, say),
     *               the classes are named by their indexes
     * @return the SVG text
     * @throws IllegalArgumentException if the counts are not square or one is negative
     */
    public static String heatMap(String title, int[][] counts, List<String> labels) {
        int n = counts.length;
        for (int[] row : counts) {
            if (row.length != n) {
                throw new IllegalArgumentException("heat map: a row of " + row.length + " counts in a matrix of " + n
                        + " rows; expected a square matrix");
            }
            for (int c : row) {
                if (c < 0) {
                    throw new IllegalArgumentException("heat map: a count of " + c + "; expected counts of 0 or more");
                }
            }
        }
        if (n == 0) {
            return message(title, "no classes to tabulate");
        }
        return new HeatMap(counts, names(labels, n)).draw(title);
    }

    /** The labels if there is one per class, else the indexes: names that do not match cannot be placed. */
    private static List<String> names(List<String> labels, int n) {
        boolean named = labels != null && labels.size() == n;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = named ? labels.get(i) : null;
            names.add(name == null || name.isBlank() ? String.valueOf(i) : name);
        }
        return names;
    }

    /** The layout and colours of one confusion matrix. */
    private static final class HeatMap {

        private static final double NAME_SIZE = 12;
        private static final double SCALE_SIZE = 11;
        private static final double MAX_NAME = 170;
        private static final double[][] BLUES = {{247, 251, 255}, {107, 174, 214}, {8, 48, 107}};
        private static final double[][] REDS = {{252, 187, 161}, {251, 106, 74}, {203, 24, 29}};
        private static final int SCALE_STEPS = 48;

        private final int[][] counts;
        private final List<String> names;
        private final int n;
        private final double[] rowTotals;

        HeatMap(int[][] counts, List<String> fullNames) {
            this.counts = counts;
            this.n = counts.length;
            this.names = new ArrayList<>();
            for (String name : fullNames) {
                names.add(TextWidth.fit(name.strip(), NAME_SIZE, MAX_NAME));
            }
            rowTotals = new double[n];
            for (int a = 0; a < n; a++) {
                for (int c : counts[a]) {
                    rowTotals[a] += c;
                }
            }
        }

        private double share(int a, int p) {
            return rowTotals[a] == 0 ? 0 : counts[a][p] / rowTotals[a];
        }

        String draw(String title) {
            double widestName = 0;
            for (String name : names) {
                widestName = Math.max(widestName, TextWidth.of(name, NAME_SIZE));
            }
            double side = Math.max(300, Math.min(520, 44.0 * n));
            double cell = side / n;
            boolean slanted = widestName > cell - 8;
            double slant = Math.sqrt(0.5);
            double below = slanted ? widestName * slant + NAME_SIZE * slant + 10 : NAME_SIZE + 8;
            double left = 10 + LABEL_SIZE + 10 + widestName + 8;
            if (slanted) {
                left = Math.max(left, 8 + widestName * slant - cell / 2 + NAME_SIZE);
            }
            double top = 76;
            double maxError = 0;
            long right = 0;
            long total = 0;
            for (int a = 0; a < n; a++) {
                for (int p = 0; p < n; p++) {
                    total += counts[a][p];
                    if (a == p) {
                        right += counts[a][p];
                    } else {
                        maxError = Math.max(maxError, share(a, p));
                    }
                }
            }
            Ticks correctScale = Ticks.linear(0, 100, false, side, 40, 0);
            Ticks errorScale = maxError > 0 ? Ticks.linear(0, 100 * maxError, false, side, 40, 0) : null;
            double scaleLeft = left + side + 26;
            double scaleBlock = 14 + 5 + Math.max(correctScale.widestLabel(SCALE_SIZE) + TextWidth.of("%", SCALE_SIZE),
                    TextWidth.of("correct", SCALE_SIZE)) + 18;
            double errorBlock = errorScale == null ? TextWidth.of("no errors", SCALE_SIZE) + 12
                    : 14 + 5 + Math.max(errorScale.widestLabel(SCALE_SIZE) + TextWidth.of("%", SCALE_SIZE),
                    TextWidth.of("errors", SCALE_SIZE)) + 18;
            double width = Math.ceil(scaleLeft + scaleBlock + errorBlock + 6);
            double height = Math.ceil(top + side + below + LABEL_SIZE + 14);

            StringBuilder s = header(width, height, title);
            title(s, title, 12, width);
            String subtitle = String.format(Locale.ROOT, "%,d of %,d right (%.2f%%); colour: share of the true class",
                    right, total, total == 0 ? 0.0 : 100.0 * right / total);
            s.append(text(12, 46, NAME_SIZE, "start", "#555", TextWidth.fit(subtitle, NAME_SIZE, width - 20)));
            for (int a = 0; a < n; a++) {
                for (int p = 0; p < n; p++) {
                    cell(s, a, p, left + cell * p, top + cell * a, cell);
                }
            }
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                    + "fill=\"none\" stroke=\"#999\"/>%n", left, top, side, side));
            for (int a = 0; a < n; a++) {
                s.append(text(left - 8, top + cell * a + cell / 2 + NAME_SIZE * 0.35, NAME_SIZE, "end", "#222",
                        names.get(a)));
                double cx = left + cell * a + cell / 2;
                if (slanted) {
                    double y = top + side + 8 + NAME_SIZE * 0.7;
                    s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%s\" "
                            + "text-anchor=\"end\" fill=\"#222\" transform=\"rotate(-45 %.1f %.1f)\">%s</text>%n",
                            cx + NAME_SIZE * 0.35, y, number(NAME_SIZE), cx + NAME_SIZE * 0.35, y,
                            escape(names.get(a))));
                } else {
                    s.append(text(cx, top + side + 6 + NAME_SIZE, NAME_SIZE, "middle", "#222", names.get(a)));
                }
            }
            s.append(text(left + side / 2, top + side + below + LABEL_SIZE + 4, LABEL_SIZE, "middle", "#222",
                    "predicted class"));
            double yCentre = top + side / 2;
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%s\" text-anchor=\"middle\" "
                    + "fill=\"#222\" transform=\"rotate(-90 %.1f %.1f)\">true class</text>%n", 10 + LABEL_SIZE / 2 + 4,
                    yCentre, number(LABEL_SIZE), 10 + LABEL_SIZE / 2 + 4, yCentre));
            colourScale(s, scaleLeft, top, side, "correct", correctScale, BLUES);
            if (errorScale != null) {
                colourScale(s, scaleLeft + scaleBlock, top, side, "errors", errorScale, REDS);
            } else {
                s.append(text(scaleLeft + scaleBlock, top - 14, SCALE_SIZE, "start", "#222", "no errors"));
            }
            return s.append("</svg>\n").toString();
        }

        private void cell(StringBuilder s, int a, int p, double x, double y, double size) {
            int count = counts[a][p];
            double share = share(a, p);
            double[] rgb;
            if (count == 0) {
                rgb = new double[] {255, 255, 255};
            } else if (a == p) {
                rgb = ramp(BLUES, share);
            } else {
                rgb = ramp(REDS, share / maxErrorShare());
            }
            String fill = hex(rgb);
            s.append(String.format(Locale.ROOT, "<rect class=\"cell\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" "
                    + "height=\"%.2f\" fill=\"%s\" stroke=\"#e4e4e4\"><title>%s</title></rect>%n", x, y, size, size, fill,
                    escape(String.format(Locale.ROOT, "true %s, predicted %s: %,d (%.1f%% of %s)", names.get(a),
                            names.get(p), count, 100 * share, names.get(a)))));
            String number = String.format(Locale.ROOT, "%,d", count);
            double fontSize = Math.min(Math.min(16, size * 0.34), (size - 6) / (0.64 * number.length()));
            if (fontSize < 7) {
                return;
            }
            String ink = count == 0 ? "#b0b0b0" : luminance(rgb) < 0.5 ? "#fff" : "#111";
            boolean withShare = count > 0 && size >= 64;
            double cy = y + size / 2 + fontSize * 0.35 - (withShare ? fontSize * 0.45 : 0);
            s.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"%s\" text-anchor=\"middle\" "
                    + "fill=\"%s\"%s>%s</text>%n", x + size / 2, cy, number(fontSize), ink,
                    count > 0 && a != p ? " font-weight=\"bold\"" : "", number));
            if (withShare) {
                s.append(text(x + size / 2, cy + fontSize * 1.1, fontSize * 0.72, "middle", ink,
                        String.format(Locale.ROOT, "%.1f%%", 100 * share)));
            }
        }

        private double maxErrorShare() {
            double max = 0;
            for (int a = 0; a < n; a++) {
                for (int p = 0; p < n; p++) {
                    if (a != p) {
                        max = Math.max(max, share(a, p));
                    }
                }
            }
            return max;
        }

        /** A vertical bar of the colours from 0 (bottom) to the scale's top, its ticks in per cent. */
        private void colourScale(StringBuilder s, double x, double top, double height, String caption, Ticks scale,
                double[][] ramp) {
            double high = scale.high();
            double errorTop = 100 * maxErrorShare();
            s.append(text(x, top - 14, SCALE_SIZE, "start", "#222", caption));
            for (int k = 0; k < SCALE_STEPS; k++) {
                double from = high * k / SCALE_STEPS;
                double mid = high * (k + 0.5) / SCALE_STEPS;
                // the errors' colours run from the smallest error to the largest; the right answers' from 0 to 100%
                double t = ramp == REDS ? Math.min(1, mid / errorTop) : mid / 100;
                double y0 = top + height - height * (from + high / SCALE_STEPS) / high;
                s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.2f\" width=\"14\" height=\"%.2f\" "
                        + "fill=\"%s\"/>%n", x, y0, height / SCALE_STEPS + 0.5, hex(ramp(ramp, t))));
            }
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"14\" height=\"%.1f\" fill=\"none\" "
                    + "stroke=\"#999\"/>%n", x, top, height));
            double[] values = scale.values();
            String[] labels = scale.labels();
            for (int i = 0; i < values.length; i++) {
                double y = top + height - height * values[i] / high;
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                        + "stroke=\"#999\"/>%n", x + 14, y, x + 17, y));
                s.append(text(x + 19, y + SCALE_SIZE * 0.35, SCALE_SIZE, "start", "#333", labels[i] + "%"));
            }
        }

        /** A colour between the stops of a ramp, t from 0 to 1. */
        private static double[] ramp(double[][] stops, double t) {
            double u = Math.max(0, Math.min(1, t)) * (stops.length - 1);
            int i = Math.min(stops.length - 2, (int) Math.floor(u));
            double f = u - i;
            double[] c = new double[3];
            for (int k = 0; k < 3; k++) {
                c[k] = stops[i][k] + f * (stops[i + 1][k] - stops[i][k]);
            }
            return c;
        }

        private static double luminance(double[] rgb) {
            return (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]) / 255;
        }

        private static String hex(double[] rgb) {
            return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(rgb[0]), Math.round(rgb[1]),
                    Math.round(rgb[2]));
        }
    }

    /**
     * A picture that says, in place of a plot, why there is none.
     *
     * @param title the plot's title
     * @param text  what happened
     * @return the SVG text
     */
    public static String message(String title, String text) {
        StringBuilder s = header(WIDTH, 120, title);
        title(s, title, 12, WIDTH);
        s.append(text(12, 70, LABEL_SIZE, "start", "#a00", TextWidth.fit(text, LABEL_SIZE, WIDTH - 24)));
        return s.append("</svg>\n").toString();
    }

    private static StringBuilder header(double width, double height, String title) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%s\" height=\"%s\" "
                + "viewBox=\"0 0 %s %s\" font-family=\"%s\" role=\"img\" aria-label=\"%s\">%n", number(width),
                number(height), number(width), number(height), FONT, escape(title)));
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        return s;
    }

    /** The title in bold, from x = {@code left} if it fits there, else from the picture's left edge, cut if need be. */
    private static void title(StringBuilder s, String title, double left, double width) {
        double x = TextWidth.of(title, TITLE_SIZE, true) <= width - left - 10 ? left : 10;
        String shown = TextWidth.fit(title, TITLE_SIZE, true, width - x - 10);
        s.append(String.format(Locale.ROOT, "<text class=\"title\" x=\"%.1f\" y=\"26\" font-size=\"%s\" "
                + "font-weight=\"bold\" fill=\"#111\">%s</text>%n", x, number(TITLE_SIZE), escape(shown)));
    }

    private static String text(double x, double y, double size, String anchor, String fill, String text) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%s\" text-anchor=\"%s\" "
                + "fill=\"%s\">%s</text>%n", x, y, number(size), anchor, fill, escape(text));
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String colour(int k) {
        return COLOURS[k % COLOURS.length];
    }

    /**
     * Text made safe for XML on one line: the special characters escaped, line breaks and tabs made spaces,
     * characters XML cannot hold (other controls, unpaired surrogates) replaced by U+FFFD.
     *
     * @param s the text
     * @return the escaped text
     */
    static String escape(String s) {
        return escape(s, false);
    }

    /**
     * Text made safe for XML: the special characters escaped, characters XML cannot hold (controls other
     * than line breaks and tabs, unpaired surrogates) replaced by U+FFFD.
     *
     * @param s          the text
     * @param lineBreaks whether line breaks and tabs are kept (for preformatted text) or made spaces
     * @return the escaped text
     */
    static String escape(String s, boolean lineBreaks) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\n', '\r', '\t' -> out.append(lineBreaks ? c : ' ');
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c) || c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
