package backprop.data;

import backprop.losses.Targets;
import backprop.matrix.Matrix;
import backprop.random.SplitMix64;

/** Data made up on the spot: document 001's sine and document 004's logic gates. */
public final class Synthetic {

    private Synthetic() {
    }

    /**
     * n points with x uniform on [−π, π] and y = sin(x) + noise·N(0, 1) (document 001 part 1: 200 points).
     * x is drawn first for all points, then the noise.
     *
     * @param n      the number of points, ≥ 1
     * @param noise  the standard deviation of the noise, ≥ 0
     * @param random draws x and the noise
     * @return n rows of x and y, one column each
     */
    public static Dataset sine(int n, double noise, SplitMix64 random) {
        if (n < 1 || !(noise >= 0)) {
            throw new IllegalArgumentException("sine: " + n + " points with noise " + noise
                    + "; expected n ≥ 1 and noise ≥ 0");
        }
        double[][] x = new double[n][1];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            x[i][0] = -Math.PI + 2 * Math.PI * random.nextDouble();
        }
        for (int i = 0; i < n; i++) {
            y[i][0] = Math.sin(x[i][0]) + (noise > 0 ? noise * random.nextGaussian() : 0.0);
        }
        return new Dataset(x, y);
    }

    /**
     * n points evenly spaced on [−π, π], both ends included, with y = sin(x): the grid a fit is scored on.
     *
     * @param n the number of points, ≥ 1 (one point is x = −π)
     * @return n rows of x and y = sin(x), one column each
     */
    public static Dataset sineGrid(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("sine grid of " + n + " points; expected n ≥ 1");
        }
        double[][] x = new double[n][1];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            x[i][0] = -Math.PI + 2 * Math.PI * i / Math.max(1, n - 1);
            y[i][0] = Math.sin(x[i][0]);
        }
        return new Dataset(x, y);
    }

    private static final double[][] TWO_INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

    /**
     * AND: one 0/1 output column (document 004 OneNet).
     *
     * @return the four rows (0,0), (0,1), (1,0), (1,1) with targets 0, 0, 0, 1
     */
    public static Dataset and() {
        return new Dataset(copy(TWO_INPUTS), Targets.column(0, 0, 0, 1));
    }

    /**
     * OR: one 0/1 output column.
     *
     * @return the four rows (0,0), (0,1), (1,0), (1,1) with targets 0, 1, 1, 1
     */
    public static Dataset or() {
        return new Dataset(copy(TWO_INPUTS), Targets.column(0, 1, 1, 1));
    }

    /**
     * NOT: one input, one 0/1 output column.
     *
     * @return the two rows 0, 1 with targets 1, 0
     */
    public static Dataset not() {
        return new Dataset(new double[][] {{0}, {1}}, Targets.column(1, 0));
    }

    /**
     * XOR: two one-hot output columns (document 004 TwoNet classifies it with softmax).
     *
     * @return the four rows (0,0), (0,1), (1,0), (1,1) with classes 0, 1, 1, 0
     */
    public static Dataset xor() {
        return new Dataset(copy(TWO_INPUTS), Targets.oneHot(new int[] {0, 1, 1, 0}, 2));
    }

    private static double[][] copy(double[][] a) {
        return Matrix.copy(a);
    }
}
