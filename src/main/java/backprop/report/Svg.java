package backprop.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plots as SVG text, written by hand: line charts (loss and accuracy per epoch, the sine fit) and a
 * heat map (the confusion matrix). Each series is one {@code <polyline class="series">}, so a test can
 * count them.
 */
public final class Svg {

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd"};
    private static final int WIDTH = 640;
    private static final int HEIGHT = 400;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

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
     * A line chart; non-finite points are skipped, empty series are left out.
     *
     * @param title  the title above the chart
     * @param xLabel the label of the x axis
     * @param yLabel the label of the y axis
     * @param series the lines, one colour each
     * @return the SVG text
     */
    public static String lineChart(String title, String xLabel, String yLabel, List<Series> series) {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        List<Series> drawn = new ArrayList<>();
        for (Series s : series) {
            boolean any = false;
            for (int i = 0; i < s.x().length; i++) {
                if (Double.isFinite(s.x()[i]) && Double.isFinite(s.y()[i])) {
                    xMin = Math.min(xMin, s.x()[i]);
                    xMax = Math.max(xMax, s.x()[i]);
                    yMin = Math.min(yMin, s.y()[i]);
                    yMax = Math.max(yMax, s.y()[i]);
                    any = true;
                }
            }
            if (any) {
                drawn.add(s);
            }
        }
        if (drawn.isEmpty()) {
            xMin = 0;
            xMax = 1;
            yMin = 0;
            yMax = 1;
        }
        if (xMax == xMin) {
            xMax = xMin + 1;
        }
        if (yMax == yMin) {
            yMax = yMin + 1;
        }
        StringBuilder s = header(title);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%.0f\" fill=\"none\" "
                + "stroke=\"#888\"/>%n", LEFT, TOP, plotW, plotH));
        for (int t = 0; t <= 4; t++) {
            double fx = xMin + (xMax - xMin) * t / 4;
            double fy = yMin + (yMax - yMin) * t / 4;
            double px = LEFT + plotW * t / 4;
            double py = TOP + plotH - plotH * t / 4;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.0f\" stroke=\"#eee\"/>%n",
                    px, TOP, px, TOP + plotH));
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#eee\"/>%n",
                    LEFT, py, LEFT + plotW, py));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.0f\" font-size=\"11\" text-anchor=\"middle\">"
                    + "%s</text>%n", px, TOP + plotH + 16, tick(fx)));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">"
                    + "%s</text>%n", LEFT - 6, py + 4, tick(fy)));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%d\" font-size=\"13\" text-anchor=\"middle\">%s"
                + "</text>%n", LEFT + plotW / 2, HEIGHT - 10, escape(xLabel)));
        s.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.0f\" font-size=\"13\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 16 %.0f)\">%s</text>%n", TOP + plotH / 2, TOP + plotH / 2, escape(yLabel)));
        for (int k = 0; k < drawn.size(); k++) {
            Series line = drawn.get(k);
            String colour = COLOURS[k % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < line.x().length; i++) {
                if (Double.isFinite(line.x()[i]) && Double.isFinite(line.y()[i])) {
                    double px = LEFT + plotW * (line.x()[i] - xMin) / (xMax - xMin);
                    double py = TOP + plotH - plotH * (line.y()[i] - yMin) / (yMax - yMin);
                    points.append(String.format(Locale.ROOT, "%.2f,%.2f ", px, py));
                }
            }
            s.append(String.format(Locale.ROOT, "<polyline class=\"series\" fill=\"none\" stroke=\"%s\" "
                    + "stroke-width=\"2\" points=\"%s\"><title>%s</title></polyline>%n", colour,
                    points.toString().strip(), escape(line.name())));
            s.append(String.format(Locale.ROOT, "<rect x=\"%.0f\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>%n",
                    LEFT + plotW - 150, TOP + 8 + 18 * k, colour));
            s.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%d\" font-size=\"12\">%s</text>%n",
                    LEFT + plotW - 132, TOP + 18 + 18 * k, escape(line.name())));
        }
        return s.append("</svg>\n").toString();
    }

    /**
     * A heat map of counts, e.g. a confusion matrix: rows are the truth, columns the prediction.
     *
     * @param title  the title above the map
     * @param counts a square matrix of counts, counts[a][p]
     * @param labels the name of each row and column; empty for their indexes
     * @return the SVG text
     */
    public static String heatMap(String title, int[][] counts, List<String> labels) {
        int n = counts.length;
        int max = 1;
        for (int[] row : counts) {
            for (int c : row) {
                max = Math.max(max, c);
            }
        }
        double cell = Math.min(40, (Math.min(WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM)) / (double) n);
        StringBuilder s = header(title);
        for (int a = 0; a < n; a++) {
            String name = labels.isEmpty() ? String.valueOf(a) : labels.get(a);
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%s"
                    + "</text>%n", LEFT - 6, TOP + cell * a + cell / 2 + 4, escape(shorten(name))));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\">"
                    + "%s</text>%n", LEFT + cell * a + cell / 2, TOP + cell * n + 14, escape(shorten(name))));
            for (int p = 0; p < n; p++) {
                double shade = (double) counts[a][p] / max;
                int level = (int) Math.round(255 * (1 - shade));
                s.append(String.format(Locale.ROOT, "<rect class=\"cell\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                        + "height=\"%.1f\" fill=\"rgb(%d,%d,255)\" stroke=\"#fff\"/>%n", LEFT + cell * p,
                        TOP + cell * a, cell, cell, level, level));
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor="
                        + "\"middle\" fill=\"%s\">%d</text>%n", LEFT + cell * p + cell / 2, TOP + cell * a + cell / 2 + 4,
                        shade > 0.5 ? "#fff" : "#000", counts[a][p]));
            }
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%.0f\" font-size=\"13\" text-anchor=\"middle\">"
                + "predicted</text>%n", LEFT + cell * n / 2, TOP + cell * n + 32));
        s.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.0f\" font-size=\"13\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 16 %.0f)\">true class</text>%n", TOP + cell * n / 2, TOP + cell * n / 2));
        return s.append("</svg>\n").toString();
    }

    private static StringBuilder header(String title) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"15\" font-weight=\"bold\">%s</text>%n",
                LEFT, escape(title)));
        return s;
    }

    private static String tick(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e4 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
    }

    private static String shorten(String s) {
        return s.length() <= 10 ? s : s.substring(0, 9) + "…";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
