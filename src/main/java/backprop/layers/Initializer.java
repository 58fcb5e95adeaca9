package backprop.layers;

import backprop.random.SplitMix64;

/**
 * How a parameter matrix is filled before training. Each initialiser draws from the generator it is given,
 * row by row, left to right, so a port that fills its matrices in the same order draws the same numbers.
 *
 * @param name   a short description, e.g. "normal(0.01)", printed in reports and saved with a model
 * @param filler the rule that fills a fanIn×fanOut matrix
 */
public record Initializer(String name, Filler filler) {

    /** The rule behind an initialiser. */
    @FunctionalInterface
    public interface Filler {
        /**
         * One entry of the matrix.
         *
         * @param random the generator to draw from
         * @param fanIn  the number of inputs of the layer (rows of its weight matrix)
         * @param fanOut the number of outputs of the layer (columns of its weight matrix)
         * @return the entry
         */
        double draw(SplitMix64 random, int fanIn, int fanOut);
    }

    /**
     * Fills {@code w} (fanIn×fanOut for weights, 1×fanOut for biases) in row-major order.
     *
     * @param w      the matrix, overwritten
     * @param fanIn  the number of inputs of the layer
     * @param fanOut the number of outputs of the layer
     * @param random the generator to draw from
     */
    public void fill(double[][] w, int fanIn, int fanOut, SplitMix64 random) {
        for (double[] row : w) {
            for (int j = 0; j < row.length; j++) {
                row[j] = filler.draw(random, fanIn, fanOut);
            }
        }
    }

    /**
     * All zeros. For weights this keeps every hidden unit identical forever (document 003's note).
     *
     * @return the initialiser "zeros"
     */
    public static Initializer zeros() {
        return new Initializer("zeros", (r, in, out) -> 0.0);
    }

    /**
     * Every entry {@code c}.
     *
     * @param c the value of every entry
     * @return the initialiser "constant(c)"
     */
    public static Initializer constant(double c) {
        return new Initializer("constant(" + c + ")", (r, in, out) -> c);
    }

    /**
     * σ·N(0, 1). Document 004 uses σ = 0.01; document 000's randn/100 is the same rule.
     *
     * @param sigma the standard deviation σ
     * @return the initialiser "normal(σ)"
     */
    public static Initializer normal(double sigma) {
        return new Initializer("normal(" + sigma + ")", (r, in, out) -> sigma * r.nextGaussian());
    }

    /**
     * a·U(0, 1), uniform on [0, a). Document 003 uses a = 0.001 for its weights.
     *
     * @param a the width of the interval
     * @return the initialiser "uniform(a)"
     */
    public static Initializer uniform(double a) {
        return new Initializer("uniform(" + a + ")", (r, in, out) -> a * r.nextDouble());
    }

    /**
     * Xavier/Glorot uniform: U(−s, s) with s = √(6 / (fanIn + fanOut)); suits tanh and sigmoid.
     *
     * @return the initialiser "xavier"
     */
    public static Initializer xavier() {
        return new Initializer("xavier", (r, in, out) -> {
            double s = Math.sqrt(6.0 / (in + out));
            return s * (2.0 * r.nextDouble() - 1.0);
        });
    }

    /**
     * He normal: √(2 / fanIn)·N(0, 1); suits ReLU.
     *
     * @return the initialiser "he"
     */
    public static Initializer he() {
        return new Initializer("he", (r, in, out) -> Math.sqrt(2.0 / in) * r.nextGaussian());
    }
}
