package backprop.network;

import backprop.layers.Kinked;
import backprop.layers.Layer;
import backprop.layers.Parameter;
import backprop.losses.Loss;
import backprop.matrix.Matrix;
import backprop.random.SplitMix64;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Compares analytic gradients with numeric derivatives of f, the loss, taken from values of f alone.
 *
 * <p><b>Per entry</b> ({@link #network}, {@link #layer}, {@link #loss}): for each checked entry θ of a parameter
 * (or of the input), a = the analytic ∂f/∂θ and n = the Richardson-extrapolated centred difference of
 * {@link NumericDerivative}, with its own uncertainty δ. <b>Directional</b> ({@link #directional}): for K
 * random directions v, a = g·v = Σ gᵢvᵢ and n = the derivative of f(θ + t·v) at t = 0, the same way; v covers
 * one parameter (one row each), the input, and all parameters at once, so every entry takes part.
 *
 * <p>The figures, which do not depend on any threshold:
 * <pre>
 *   relative error = |a − n| / max(|a|, |n|)       (0 when both are 0)
 *   absolute error = |a − n|
 *   δ              = the numeric value's resolution (NumericDerivative)
 * </pre>
 * and per parameter the entry with the largest relative error, with its absolute error and δ beside it.
 *
 * <p>The verdict, at a threshold: an entry passes "relative" when its relative error is at most the
 * threshold, else "within the difference's resolution" when |a − n| ≤ δ (the numeric value cannot tell a
 * from the true derivative: a gradient of 1e-12 beside a loss of 2, say); otherwise it fails. A parameter
 * passes when no entry fails, that is when the largest relative error among entries with |a − n| &gt; δ is
 * at most the threshold.
 *
 * <p>Entries whose every step crosses a ReLU or leaky-ReLU kink (layers implementing {@link Kinked}) are
 * counted as "at a kink" and not compared.
 */
public final class GradientCheck {

    /** Threshold for one layer or one loss: a relative error at most this is correct. */
    public static final double LAYER_THRESHOLD = 1e-7;
    /** Threshold for a whole small network. */
    public static final double NETWORK_THRESHOLD = 1e-6;
    /** Threshold for the documents' full-size networks (the extrapolated difference resolves them to 1e-7). */
    public static final double LARGE_NETWORK_THRESHOLD = 1e-7;
    /** The name of the directional check's row in which every parameter moves at once. */
    public static final String ALL_PARAMETERS = "all parameters";
    /** The name of the row for the network's or layer's input. */
    public static final String INPUT = "input";

    private GradientCheck() {
    }

    /** How a compared entry came out at a threshold. */
    public enum Rule {
        /** |a − n| ≤ threshold·max(|a|, |n|). */
        RELATIVE("relative"),
        /** The relative error exceeds the threshold but |a − n| ≤ δ. */
        RESOLUTION("within the difference's resolution"),
        /** Neither: the gradient is wrong, or the numeric value is worse than its δ says. */
        FAILED("failed");

        private final String words;

        Rule(String words) {
            this.words = words;
        }

        /** @return the rule in words, as the report prints it */
        public String words() {
            return words;
        }
    }

    /**
     * One compared entry, or one direction of a directional check.
     *
     * @param row        the entry's row; for a direction, its number (0, 1, …)
     * @param col        the entry's column; −1 for a direction
     * @param analytic   a: the analytic derivative (for a direction, g·v)
     * @param difference the numeric derivative n with its step, δ and the values of f it came from
     */
    public record Entry(int row, int col, double analytic, NumericDerivative difference) {

        /** @return n, the numeric derivative */
        public double numeric() {
            return difference.value();
        }

        /** @return |a − n| */
        public double absoluteError() {
            return Math.abs(analytic - numeric());
        }

        /** @return |a − n| / max(|a|, |n|), 0 when both are 0, +∞ when either is NaN */
        public double relativeError() {
            return GradientCheck.relativeError(analytic, numeric());
        }

        /** @return δ, the numeric derivative's resolution */
        public double resolution() {
            return difference.resolution();
        }

        /** @return whether |a − n| ≤ δ: the numeric value cannot tell the two apart */
        public boolean withinResolution() {
            return absoluteError() <= resolution();
        }

        /**
         * @param threshold the largest relative error that passes
         * @return the rule this entry passes by at {@code threshold}, or {@link Rule#FAILED}
         */
        public Rule rule(double threshold) {
            if (relativeError() <= threshold) {
                return Rule.RELATIVE;
            }
            return withinResolution() ? Rule.RESOLUTION : Rule.FAILED;
        }

        /** @return "(row,col)" for an entry, "v3" for direction 3 */
        public String where() {
            return col < 0 ? "v" + row : "(" + row + "," + col + ")";
        }
    }

    /**
     * The outcome for one parameter, the input, or (directional) all parameters at once.
     *
     * @param name                  the parameter's name, e.g. {@code dense1.W}; "input"; or "all parameters"
     * @param shape                 its shape, "rows×cols" (for all parameters, the number of entries)
     * @param directional           true when the probes were random directions, false when single entries
     * @param entries               the number of probes (entries or directions) made, kinks included
     * @param total                 the number of entries the parameter has
     * @param kinks                 how many probes sat at a kink at every step and were not compared
     * @param worst                 the probe with the largest relative error, null if none was compared
     * @param worstBeyondResolution the probe with the largest relative error among those with |a − n| &gt; δ,
     *                              null if there is none
     * @param passedByRelative      probes passing by the relative rule at {@code threshold}
     * @param passedByResolution    probes passing within the difference's resolution at {@code threshold}
     * @param failed                probes failing at {@code threshold}
     * @param threshold             the largest relative error that passes
     */
    public record ParameterReport(String name, String shape, boolean directional, int entries, int total, int kinks,
            Entry worst, Entry worstBeyondResolution, int passedByRelative, int passedByResolution, int failed,
            double threshold) {

        /** @return the plain relative error of the worst probe, 0 if none was compared */
        public double maxRelativeError() {
            return worst == null ? 0.0 : worst.relativeError();
        }

        /** @return the largest relative error among probes with |a − n| &gt; δ, 0 if there is none */
        public double maxRelativeErrorBeyondResolution() {
            return worstBeyondResolution == null ? 0.0 : worstBeyondResolution.relativeError();
        }

        /** @return whether no probe failed: every one passed by the relative rule or within δ */
        public boolean passed() {
            return failed == 0;
        }
    }

    /**
     * The outcome for every parameter, in order, then the input (and for a directional check, all
     * parameters at once).
     *
     * @param parameters one report per row
     * @param threshold  the largest relative error that passes
     */
    public record Report(List<ParameterReport> parameters, double threshold) {

        /** @return whether every row passed */
        public boolean passed() {
            return parameters.stream().allMatch(ParameterReport::passed);
        }

        /** @return the largest plain relative error over all rows */
        public double maxRelativeError() {
            return parameters.stream().mapToDouble(ParameterReport::maxRelativeError).max().orElse(0.0);
        }

        /**
         * The report for the row named {@code name}.
         *
         * @param name e.g. {@code dense1.W}, {@code input} or {@code all parameters}
         * @return its report
         */
        public ParameterReport get(String name) {
            for (ParameterReport p : parameters) {
                if (p.name().equals(name)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("gradient check: no parameter named '" + name + "'; the rows are "
                    + parameters.stream().map(ParameterReport::name).toList());
        }

        /**
         * The figures: one row per parameter with its worst probe's relative error, absolute error and δ,
         * and under it the values of f its numeric derivative came from. Nothing here depends on the
         * threshold.
         *
         * @return the table as text
         */
        public String figures() {
            return ReportText.figures(this);
        }

        /**
         * The verdict at the threshold: per row pass or FAIL, and how many probes passed by each rule.
         *
         * @return the verdict as text
         */
        public String verdict() {
            return ReportText.verdict(this);
        }

        /** The figures, then the verdict. */
        @Override
        public String toString() {
            return figures() + verdict();
        }

        /**
         * The same fields as the text, for JSON: {@code threshold}, {@code passed} and {@code rows}.
         *
         * @return nested maps, lists, numbers, strings and booleans
         */
        public Map<String, Object> toMap() {
            return ReportText.map(this);
        }
    }

    /** A matrix that is moved in place, with its analytic gradient computed beforehand. */
    private record Checked(String name, double[][] values, double[][] analytic) {
        int size() {
            return values.length * values[0].length;
        }
    }

    /**
     * Checks every entry of every parameter of {@code network} and of its input, with f = loss + penalty
     * on the batch (x, y). Neither x nor y is modified; the parameters are restored exactly.
     *
     * @param network   the network
     * @param x         the input batch, one sample per row
     * @param y         the targets, one row per sample
     * @param threshold the largest relative error that passes (&gt; 0)
     * @return one report per parameter, the input last
     */
    public static Report network(Network network, double[][] x, double[][] y, double threshold) {
        return network(network, x, y, threshold, Integer.MAX_VALUE, null);
    }

    /**
     * As {@link #network(Network, double[][], double[][], double)}, but checks at most {@code maxEntries}
     * entries of each parameter and of the input, drawn by {@code random} where there are more.
     *
     * @param network    the network
     * @param x          the input batch, one sample per row
     * @param y          the targets, one row per sample
     * @param threshold  the largest relative error that passes (&gt; 0)
     * @param maxEntries the most entries checked per parameter (0 or more)
     * @param random     draws the entries of a parameter with more than {@code maxEntries}; may be null only
     *                   if none has
     * @return one report per parameter, the input last
     */
    public static Report network(Network network, double[][] x, double[][] y, double threshold, int maxEntries,
            SplitMix64 random) {
        checkThreshold(threshold);
        if (maxEntries < 0) {
            throw new IllegalArgumentException("gradient check: maxEntries " + maxEntries + ", expected 0 or more");
        }
        double[][] input = Matrix.copy(x);
        List<Checked> checked = networkMatrices(network, input, y);
        for (Checked c : checked) {
            if (c.size() > maxEntries && random == null) {
                throw new IllegalArgumentException("gradient check: " + c.name() + " has " + c.size()
                        + " entries, more than maxEntries " + maxEntries + "; give a generator to draw which are checked");
            }
        }
        return perEntry(checked, () -> network.loss(input, y), kinked(network.layers()), threshold, maxEntries,
                random);
    }

    /**
     * Checks one layer with f = Σ G ⊙ layer(x) for a fixed upstream gradient G: then ∂f/∂x is exactly
     * what {@code backward(G)} must return, and ∂f/∂W what it must leave in the parameter gradients.
     *
     * @param layer     the layer; its parameter values are restored exactly
     * @param x         the input batch, one sample per row
     * @param upstream  the upstream gradient G, the shape of the layer's output
     * @param threshold the largest relative error that passes (&gt; 0)
     * @return one report per parameter, the input last
     */
    public static Report layer(Layer layer, double[][] x, double[][] upstream, double threshold) {
        checkThreshold(threshold);
        double[][] input = Matrix.copy(x);
        double[][] g = Matrix.copy(upstream);
        layer.forward(input);
        double[][] inputGradient = Matrix.copy(layer.backward(g));
        List<Checked> checked = new ArrayList<>();
        for (Parameter p : layer.parameters()) {
            checked.add(new Checked(p.name(), p.value(), Matrix.copy(p.gradient())));
        }
        checked.add(new Checked(INPUT, input, inputGradient));
        return perEntry(checked, () -> weightedSum(g, layer.forward(input)), kinked(List.of(layer)), threshold,
                Integer.MAX_VALUE, null);
    }

    /**
     * Checks a loss's gradient with respect to its input, with f = loss(input, target).
     *
     * @param loss      the loss
     * @param input     the loss's input, e.g. the network's output
     * @param target    the targets
     * @param threshold the largest relative error that passes (&gt; 0)
     * @return the report for the input
     */
    public static Report loss(Loss loss, double[][] input, double[][] target, double threshold) {
        checkThreshold(threshold);
        double[][] in = Matrix.copy(input);
        double[][] analytic = Matrix.copy(loss.evaluate(in, target).gradient());
        return perEntry(List.of(new Checked(INPUT, in, analytic)), () -> loss.evaluate(in, target).value(),
                new KinkWatch(List.of()), threshold, Integer.MAX_VALUE, null);
    }

    /**
     * The directional check: for each of {@code directions} random directions v (entries k/8 with k drawn
     * from ±1 … ±8, never 0), compares g·v with the numeric derivative of f(θ + t·v) at t = 0, for v on
     * each parameter alone, on the input alone, and on all parameters at once. Every entry of every
     * parameter takes part in every direction.
     *
     * @param network    the network
     * @param x          the input batch, one sample per row
     * @param y          the targets, one row per sample
     * @param threshold  the largest relative error that passes (&gt; 0)
     * @param directions how many directions (1 or more)
     * @param random     draws the directions
     * @return one row per parameter, then the input, then all parameters at once
     */
    public static Report directional(Network network, double[][] x, double[][] y, double threshold, int directions,
            SplitMix64 random) {
        checkThreshold(threshold);
        if (directions < 1) {
            throw new IllegalArgumentException("gradient check: " + directions + " directions, expected 1 or more");
        }
        if (random == null) {
            throw new IllegalArgumentException("gradient check: the directional check needs a generator to draw "
                    + "its directions");
        }
        double[][] input = Matrix.copy(x);
        List<Checked> checked = networkMatrices(network, input, y);
        int parameters = checked.size() - 1;
        DoubleSupplier f = () -> network.loss(input, y);
        KinkWatch kinks = kinked(network.layers());
        f.getAsDouble();
        kinks.markTheta();
        List<double[][]> saved = new ArrayList<>();
        List<Tally> tallies = new ArrayList<>();
        int all = 0;
        for (Checked c : checked) {
            saved.add(Matrix.copy(c.values()));
            tallies.add(new Tally(c.name(), Matrix.shape(c.values()), true, c.size()));
            all += c.name().equals(INPUT) ? 0 : c.size();
        }
        Tally everything = new Tally(ALL_PARAMETERS, all + " entries", true, all);
        for (int d = 0; d < directions; d++) {
            List<double[][]> direction = new ArrayList<>();
            for (Checked c : checked) {
                direction.add(drawDirection(random, c.values().length, c.values()[0].length));
            }
            double allAnalytic = 0;
            for (int q = 0; q < checked.size(); q++) {
                double a = dot(checked.get(q).analytic(), direction.get(q));
                if (q < parameters) {
                    allAnalytic += a;
                }
                Probe probe = new DirectionProbe(List.<double[][]>of(checked.get(q).values()),
                        List.<double[][]>of(saved.get(q)), List.<double[][]>of(direction.get(q)));
                tallies.get(q).add(d, -1, a, NumericDerivative.along(probe, f, kinks), threshold);
            }
            List<double[][]> values = new ArrayList<>();
            for (Checked c : checked.subList(0, parameters)) {
                values.add(c.values());
            }
            Probe probe = new DirectionProbe(values, saved.subList(0, parameters), direction.subList(0, parameters));
            everything.add(d, -1, allAnalytic, NumericDerivative.along(probe, f, kinks), threshold);
        }
        f.getAsDouble(); // leave every cache as it was at θ
        List<ParameterReport> reports = new ArrayList<>();
        for (Tally t : tallies) {
            reports.add(t.report(threshold));
        }
        reports.add(everything.report(threshold));
        return new Report(List.copyOf(reports), threshold);
    }

    /**
     * |a − n| / max(|a|, |n|): the plain relative error; 0 when both are 0; NaN anywhere counts as the worst
     * possible (infinite) error.
     *
     * @param analytic the analytic gradient a
     * @param numeric  the numeric gradient n
     * @return |a − n| / max(|a|, |n|), 0 for 0/0, or +∞ if either is NaN
     */
    public static double relativeError(double analytic, double numeric) {
        if (Double.isNaN(analytic) || Double.isNaN(numeric)) {
            return Double.POSITIVE_INFINITY;
        }
        double scale = Math.max(Math.abs(analytic), Math.abs(numeric));
        if (scale == 0) {
            return 0.0;
        }
        double rel = Math.abs(analytic - numeric) / scale;
        return Double.isNaN(rel) ? Double.POSITIVE_INFINITY : rel;     // ∞ − ∞
    }

    // ------------------------------------------------------------------ the probes

    /** Every parameter (values and analytic gradient of f = loss + penalty), then the input. */
    private static List<Checked> networkMatrices(Network network, double[][] input, double[][] y) {
        double[][] inputGradient = network.inputGradient(input, y);
        List<Checked> checked = new ArrayList<>();
        for (Parameter p : network.parameters()) {
            checked.add(new Checked(p.name(), p.value(), Matrix.copy(p.gradient())));
        }
        checked.add(new Checked(INPUT, input, inputGradient));
        return checked;
    }

    private static Report perEntry(List<Checked> checked, DoubleSupplier f, KinkWatch kinks, double threshold,
            int maxEntries, SplitMix64 random) {
        f.getAsDouble();
        kinks.markTheta();
        List<ParameterReport> reports = new ArrayList<>();
        for (Checked c : checked) {
            double[][] v = c.values();
            int cols = v[0].length;
            Tally tally = new Tally(c.name(), Matrix.shape(v), false, c.size());
            for (int flat : chosenEntries(c.size(), maxEntries, random)) {
                int i = flat / cols;
                int j = flat % cols;
                NumericDerivative n = NumericDerivative.along(new EntryProbe(v, i, j), f, kinks);
                tally.add(i, j, c.analytic()[i][j], n, threshold);
            }
            reports.add(tally.report(threshold));
        }
        f.getAsDouble(); // leave every cache as it was at θ
        return new Report(List.copyOf(reports), threshold);
    }

    /** θ + t at one entry. */
    private static final class EntryProbe implements Probe {
        private final double[][] values;
        private final int row;
        private final int col;
        private final double original;

        EntryProbe(double[][] values, int row, int col) {
            this.values = values;
            this.row = row;
            this.col = col;
            this.original = values[row][col];
        }

        @Override
        public void moveTo(double t) {
            values[row][col] = original + t;
        }

        @Override
        public void restore() {
            values[row][col] = original;
        }
    }

    /** θ + t·v over whole matrices, from saved copies of θ. */
    private static final class DirectionProbe implements Probe {
        private final List<double[][]> values;
        private final List<double[][]> saved;
        private final List<double[][]> direction;

        DirectionProbe(List<double[][]> values, List<double[][]> saved, List<double[][]> direction) {
            this.values = values;
            this.saved = saved;
            this.direction = direction;
        }

        @Override
        public void moveTo(double t) {
            for (int q = 0; q < values.size(); q++) {
                double[][] v = values.get(q);
                double[][] theta = saved.get(q);
                double[][] d = direction.get(q);
                for (int i = 0; i < v.length; i++) {
                    for (int j = 0; j < v[i].length; j++) {
                        v[i][j] = theta[i][j] + t * d[i][j];
                    }
                }
            }
        }

        @Override
        public void restore() {
            for (int q = 0; q < values.size(); q++) {
                Matrix.copyInto(saved.get(q), values.get(q));
            }
        }
    }

    /** A direction's entries: k/8 with k uniform in −8 … −1, 1 … 8, row by row. */
    private static double[][] drawDirection(SplitMix64 random, int rows, int cols) {
        double[][] d = new double[rows][cols];
        for (double[] row : d) {
            for (int j = 0; j < cols; j++) {
                int k = random.nextInt(16);
                row[j] = (k < 8 ? k - 8 : k - 7) / 8.0;
            }
        }
        return d;
    }

    /** Σ aᵢⱼ·bᵢⱼ, row by row. */
    private static double dot(double[][] a, double[][] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                s += a[i][j] * b[i][j];
            }
        }
        return s;
    }

    /** Every flat index 0..total−1, or {@code max} of them drawn by {@code random}, in increasing order. */
    private static int[] chosenEntries(int total, int max, SplitMix64 random) {
        if (total <= max) {
            int[] all = new int[total];
            for (int k = 0; k < total; k++) {
                all[k] = k;
            }
            return all;
        }
        int[] picked = Arrays.copyOf(random.permutation(total), max);
        Arrays.sort(picked);
        return picked;
    }

    private static double weightedSum(double[][] g, double[][] out) {
        if (g.length != out.length || g[0].length != out[0].length) {
            throw new IllegalArgumentException("gradient check: upstream gradient is " + Matrix.shape(g)
                    + " but the layer's output is " + Matrix.shape(out));
        }
        double s = 0;
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < g[i].length; j++) {
                s += g[i][j] * out[i][j];
            }
        }
        return s;
    }

    private static KinkWatch kinked(List<Layer> layers) {
        List<Kinked> kinked = new ArrayList<>();
        for (Layer layer : layers) {
            if (layer instanceof Kinked k) {
                kinked.add(k);
            }
        }
        return new KinkWatch(kinked);
    }

    private static void checkThreshold(double threshold) {
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("gradient check: threshold " + threshold
                    + ", expected a positive number such as 1e-7");
        }
    }

    // ------------------------------------------------------------------ tallies

    /** Gathers one row's probes: the worst, the worst beyond δ, and how many passed by each rule. */
    private static final class Tally {
        private final String name;
        private final String shape;
        private final boolean directional;
        private final int total;
        private int entries;
        private int kinks;
        private Entry worst;
        private Entry worstBeyond;
        private int relative;
        private int resolution;
        private int failed;

        Tally(String name, String shape, boolean directional, int total) {
            this.name = name;
            this.shape = shape;
            this.directional = directional;
            this.total = total;
        }

        void add(int row, int col, double analytic, NumericDerivative numeric, double threshold) {
            entries++;
            if (numeric == null) {
                kinks++;
                return;
            }
            Entry e = new Entry(row, col, analytic, numeric);
            if (worst == null || e.relativeError() > worst.relativeError()) {
                worst = e;
            }
            if (!e.withinResolution() && (worstBeyond == null || e.relativeError() > worstBeyond.relativeError())) {
                worstBeyond = e;
            }
            switch (e.rule(threshold)) {
                case RELATIVE -> relative++;
                case RESOLUTION -> resolution++;
                case FAILED -> failed++;
                default -> throw new IllegalStateException("unknown rule");
            }
        }

        ParameterReport report(double threshold) {
            return new ParameterReport(name, shape, directional, entries, total, kinks, worst, worstBeyond, relative,
                    resolution, failed, threshold);
        }
    }
}
