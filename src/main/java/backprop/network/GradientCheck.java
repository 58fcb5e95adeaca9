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
import java.util.Locale;

/**
 * Compares analytic gradients with centred finite differences, entry by entry:
 *
 * <pre>
 *   numeric  = (f(θ + h) − f(θ − h)) / 2h          for every entry θ of every parameter and of the input
 *   relative = |analytic − numeric| / max(|analytic|, |numeric|, tiny)
 *   tiny     = δ / threshold
 *   δ        = max(ε·max(|f(θ ± h)|, 1)/h,  |numeric − numeric₂ₕ|),   numeric₂ₕ = (f(θ + 2h) − f(θ − 2h)) / 4h
 * </pre>
 *
 * <p>δ is how far the centred difference can be trusted. f itself is only known to a few units of
 * ε = 2^-52 times the size of the numbers it is made of (the loss, and terms of order one inside it), so
 * two derivatives closer than ε·max(|f|, 1)/h cannot be told apart; and the same difference taken with
 * step 2h shows directly how much the numeric value moves with its own rounding and truncation. The floor
 * {@code tiny} makes an entry pass exactly when |analytic − numeric| ≤ max(threshold·max(|analytic|,
 * |numeric|), δ): relative agreement wherever the difference can resolve the gradient, agreement within the
 * difference's own uncertainty elsewhere (a gradient of 1e-9 beside a loss of 10, say). δ is about 1e-11
 * for a loss near 1; a wrong formula is off by far more.
 * <p>The step h = 1e-5 balances the two errors of a centred difference in doubles: truncation grows as
 * h²·|f'''|/6 (about 1e-11 here) and rounding as ε·|f|/h with ε ≈ 2.2e-16 (about 2e-11 for f near 1);
 * their sum is smallest near h = ε^(1/3) ≈ 6e-6. A correct gradient of moderate size then agrees to about
 * 1e-9 relative; {@link #LAYER_THRESHOLD} 1e-7 and {@link #NETWORK_THRESHOLD} 1e-6 leave room for the
 * longer sums of a whole network, and a wrong formula lands far above them (1e-2 and more).
 *
 * <p>A ReLU-type input that lies within h of zero puts f(θ + h) and f(θ − h) on different linear pieces;
 * the centred difference then measures neither slope. Such an entry is counted as "at a kink" and left
 * out of the maximum instead of being reported as a failure.
 */
public final class GradientCheck {

    /** The finite-difference step h. */
    public static final double STEP = 1e-5;
    /** Threshold for one layer or one loss: below it the gradient is correct. */
    public static final double LAYER_THRESHOLD = 1e-7;
    /** Threshold for a whole small network. */
    public static final double NETWORK_THRESHOLD = 1e-6;
    /**
     * Threshold for the documents' full-size networks (hundreds of units, raw pixels): their hidden sums are
     * hundreds of times larger than the loss, and their rounding moves a centred difference by about 2e-11,
     * a relative 1e-6 of the smallest gradients that matter there.
     */
    public static final double LARGE_NETWORK_THRESHOLD = 1e-5;
    /** Guards the relative error against 0/0 where f is exactly 0 and both gradients are too. */
    private static final double TINY = 1e-300;

    private GradientCheck() {
    }

    /**
     * One compared entry.
     *
     * @param row           the entry's row
     * @param col           the entry's column
     * @param analytic      the analytic gradient at the entry
     * @param numeric       the centred difference (f(θ + h) − f(θ − h)) / 2h
     * @param lossPlus      f(θ + h)
     * @param lossMinus     f(θ − h)
     * @param relativeError |analytic − numeric| / max(|analytic|, |numeric|, tiny)
     */
    public record Entry(int row, int col, double analytic, double numeric, double lossPlus, double lossMinus,
            double relativeError) {
    }

    /**
     * The outcome for one parameter (or the input): how many of its {@code total} entries were compared,
     * how many sat at a kink, and the entry with the largest relative error among the rest (null if all
     * were at kinks).
     *
     * @param name      the parameter's name, e.g. {@code dense1.W}, or "input"
     * @param shape     its shape, "rows×cols"
     * @param entries   the number of entries chosen for the check, kinks included
     * @param total     the number of entries the parameter has
     * @param kinks     how many of the chosen entries sat at a kink and were left out
     * @param worst     the entry with the largest relative error, null if every entry was at a kink
     * @param threshold the largest relative error that passes
     */
    public record ParameterReport(String name, String shape, int entries, int total, int kinks, Entry worst,
            double threshold) {

        /** @return the largest relative error over the compared entries, 0 if none was compared */
        public double maxRelativeError() {
            return worst == null ? 0.0 : worst.relativeError();
        }

        /** @return whether {@link #maxRelativeError()} ≤ threshold */
        public boolean passed() {
            return maxRelativeError() <= threshold;
        }
    }

    /**
     * The outcome for every parameter, in order, with the input last.
     *
     * @param parameters one report per parameter, the input last
     * @param threshold  the largest relative error that passes
     */
    public record Report(List<ParameterReport> parameters, double threshold) {

        /** @return whether every parameter passed */
        public boolean passed() {
            return parameters.stream().allMatch(ParameterReport::passed);
        }

        /** @return the largest relative error over all parameters */
        public double maxRelativeError() {
            return parameters.stream().mapToDouble(ParameterReport::maxRelativeError).max().orElse(0.0);
        }

        /**
         * The report for the parameter named {@code name} ("input" for the input).
         *
         * @param name the parameter's name, e.g. {@code dense1.W}
         * @return its report
         */
        public ParameterReport get(String name) {
            for (ParameterReport p : parameters) {
                if (p.name().equals(name)) {
                    return p;
                }
            }
            throw new IllegalArgumentException("gradient check: no parameter named '" + name + "'");
        }

        /** A table, one row per parameter, with everything needed to see why a row failed. */
        @Override
        public String toString() {
            StringBuilder s = new StringBuilder();
            s.append(String.format(Locale.ROOT, "%-14s %-9s %13s %6s %11s %-10s %14s %14s %17s %17s  %s%n",
                    "parameter", "shape", "entries", "kinks", "max rel err", "worst at", "analytic", "numeric",
                    "f(θ+h)", "f(θ−h)", "result"));
            for (ParameterReport p : parameters) {
                Entry w = p.worst();
                String entries = p.entries() == p.total() ? String.valueOf(p.total()) : p.entries() + "/" + p.total();
                s.append(String.format(Locale.ROOT, "%-14s %-9s %13s %6d %11.3e %-10s %14.6e %14.6e %17.10e %17.10e"
                        + "  %s%n", p.name(), p.shape(), entries, p.kinks(), p.maxRelativeError(),
                        w == null ? "-" : "(" + w.row() + "," + w.col() + ")",
                        w == null ? Double.NaN : w.analytic(), w == null ? Double.NaN : w.numeric(),
                        w == null ? Double.NaN : w.lossPlus(), w == null ? Double.NaN : w.lossMinus(),
                        p.passed() ? "pass" : "FAIL (threshold " + p.threshold() + ")"));
            }
            s.append(String.format(Locale.ROOT, "h = %.0e, threshold %.0e: %s%n", STEP, threshold,
                    passed() ? "all gradients pass" : "FAILED"));
            return s.toString();
        }
    }

    /** f(θ): the scalar whose gradient is checked, evaluated at the current values. */
    @FunctionalInterface
    private interface Objective {
        double value();
    }

    /** A matrix that is perturbed in place, with the analytic gradient computed beforehand. */
    private record Checked(String name, double[][] values, double[][] analytic) {
    }

    /**
     * Checks every parameter of {@code network} and its input, with f = loss + penalty on the batch (x, y).
     * Neither x nor y is modified.
     *
     * @param network   the network; its parameter values are restored after each perturbation
     * @param x         the input batch, one sample per row
     * @param y         the targets, one row per sample
     * @param threshold the largest relative error that passes
     * @return one report per parameter, the input last
     */
    public static Report network(Network network, double[][] x, double[][] y, double threshold) {
        return network(network, x, y, threshold, Integer.MAX_VALUE, null);
    }

    /**
     * As {@link #network(Network, double[][], double[][], double)}, but checks at most {@code maxEntries}
     * entries of each parameter, chosen by {@code random} (for networks whose 157,000-entry weight matrices
     * would take minutes to check whole).
     *
     * @param network    the network; its parameter values are restored after each perturbation
     * @param x          the input batch, one sample per row
     * @param y          the targets, one row per sample
     * @param threshold  the largest relative error that passes
     * @param maxEntries the most entries checked per parameter
     * @param random     draws the entries of a parameter with more than {@code maxEntries}
     * @return one report per parameter, the input last
     */
    public static Report network(Network network, double[][] x, double[][] y, double threshold, int maxEntries,
            SplitMix64 random) {
        double[][] input = Matrix.copy(x);
        double[][] inputGradient = network.inputGradient(input, y);
        List<Checked> checked = new ArrayList<>();
        for (Parameter p : network.parameters()) {
            checked.add(new Checked(p.name(), p.value(), Matrix.copy(p.gradient())));
        }
        checked.add(new Checked("input", input, inputGradient));
        List<Kinked> kinked = new ArrayList<>();
        for (Layer layer : network.layers()) {
            if (layer instanceof Kinked k) {
                kinked.add(k);
            }
        }
        return run(checked, () -> network.loss(input, y), kinked, threshold, maxEntries, random);
    }

    /**
     * Checks one layer with f = Σ G ⊙ layer(x) for a fixed upstream gradient G: then ∂f/∂x is exactly
     * what {@code backward(G)} must return, and ∂f/∂W what it must leave in the parameter gradients.
     *
     * @param layer     the layer; its parameter values are restored after each perturbation
     * @param x         the input batch, one sample per row
     * @param upstream  the upstream gradient G, the shape of the layer's output
     * @param threshold the largest relative error that passes
     * @return one report per parameter, the input last
     */
    public static Report layer(Layer layer, double[][] x, double[][] upstream, double threshold) {
        double[][] input = Matrix.copy(x);
        double[][] g = Matrix.copy(upstream);
        layer.forward(input);
        double[][] inputGradient = Matrix.copy(layer.backward(g));
        List<Checked> checked = new ArrayList<>();
        for (Parameter p : layer.parameters()) {
            checked.add(new Checked(p.name(), p.value(), Matrix.copy(p.gradient())));
        }
        checked.add(new Checked("input", input, inputGradient));
        List<Kinked> kinked = layer instanceof Kinked k ? List.of(k) : List.of();
        return run(checked, () -> weightedSum(g, layer.forward(input)), kinked, threshold, Integer.MAX_VALUE, null);
    }

    /**
     * Checks a loss's gradient with respect to its input, with f = loss(input, target).
     *
     * @param loss      the loss
     * @param input     the loss's input, e.g. the network's output
     * @param target    the targets
     * @param threshold the largest relative error that passes
     * @return the report for the input
     */
    public static Report loss(Loss loss, double[][] input, double[][] target, double threshold) {
        double[][] in = Matrix.copy(input);
        double[][] analytic = Matrix.copy(loss.evaluate(in, target).gradient());
        return run(List.of(new Checked("input", in, analytic)), () -> loss.evaluate(in, target).value(),
                List.of(), threshold, Integer.MAX_VALUE, null);
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

    private static Report run(List<Checked> checked, Objective objective, List<Kinked> kinked, double threshold,
            int maxEntries, SplitMix64 random) {
        List<ParameterReport> reports = new ArrayList<>();
        for (Checked c : checked) {
            double[][] v = c.values();
            int cols = v[0].length;
            int total = v.length * cols;
            Entry worst = null;
            int kinks = 0;
            for (int flat : chosenEntries(total, maxEntries, random)) {
                int i = flat / cols;
                int j = flat % cols;
                double original = v[i][j];
                double[] f = new double[4];
                boolean[][][] sides = new boolean[4][][];
                double[] steps = {STEP, -STEP, 2 * STEP, -2 * STEP};
                for (int e = 0; e < 4; e++) {
                    v[i][j] = original + steps[e];
                    f[e] = objective.value();
                    sides[e] = sides(kinked);
                }
                v[i][j] = original;
                if (!Arrays.deepEquals(sides[0], sides[1]) || !Arrays.deepEquals(sides[0], sides[2])
                        || !Arrays.deepEquals(sides[0], sides[3])) {
                    kinks++;
                    continue;
                }
                double plus = f[0];
                double minus = f[1];
                double numeric = (plus - minus) / (2 * STEP);
                double numericWide = (f[2] - f[3]) / (4 * STEP);
                double analytic = c.analytic()[i][j];
                double resolution = Math.max(Math.ulp(1.0) * Math.max(Math.max(Math.abs(plus), Math.abs(minus)), 1.0)
                        / STEP, Math.abs(numeric - numericWide));
                double rel = relativeError(analytic, numeric, resolution / threshold);
                if (worst == null || !(rel <= worst.relativeError())) {
                    worst = new Entry(i, j, analytic, numeric, plus, minus, rel);
                }
            }
            reports.add(new ParameterReport(c.name(), Matrix.shape(v), Math.min(total, maxEntries), total, kinks,
                    worst, threshold));
        }
        objective.value(); // leave every cache as it was at θ
        return new Report(List.copyOf(reports), threshold);
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

    /**
     * |a − n| / max(|a|, |n|, floor); NaN anywhere counts as the worst possible (infinite) error.
     *
     * @param analytic the analytic gradient a
     * @param numeric  the numeric gradient n
     * @param floor    the smallest denominator, so that tiny gradients are compared absolutely
     * @return |a − n| / max(|a|, |n|, floor), or +∞ if that is NaN
     */
    public static double relativeError(double analytic, double numeric, double floor) {
        double scale = Math.max(Math.max(Math.abs(analytic), Math.abs(numeric)), Math.max(floor, TINY));
        double rel = Math.abs(analytic - numeric) / scale;
        return Double.isNaN(rel) ? Double.POSITIVE_INFINITY : rel;
    }

    private static boolean[][] sides(List<Kinked> kinked) {
        boolean[][] s = new boolean[kinked.size()][];
        for (int k = 0; k < kinked.size(); k++) {
            s[k] = kinked.get(k).sidesOfKink();
        }
        return s;
    }
}
