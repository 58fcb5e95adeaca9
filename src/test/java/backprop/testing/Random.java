package backprop.testing;

import backprop.random.SplitMix64;

/** Random matrices for tests, drawn from a seeded generator. */
public final class Random {

    private Random() {
    }

    /** Entries uniform in [−scale, scale). */
    public static double[][] uniform(SplitMix64 r, int rows, int cols, double scale) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = scale * (2 * r.nextDouble() - 1);
            }
        }
        return a;
    }

    /**
     * Entries with |z| uniform in [0.1, 2] and a random sign: at least 0.1 from zero, beyond the widest
     * evaluation θ ± 4·2⁻⁶ = θ ± 0.0625 of the gradient check's first step, so no entry sits at a ReLU kink.
     */
    public static double[][] awayFromZero(SplitMix64 r, int rows, int cols) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                double magnitude = 0.1 + 1.9 * r.nextDouble();
                row[j] = r.nextDouble() < 0.5 ? -magnitude : magnitude;
            }
        }
        return a;
    }

    /** Uniform entries of which about {@code zeroFraction} are set to exactly 0. */
    public static double[][] sparse(SplitMix64 r, int rows, int cols, double zeroFraction) {
        double[][] a = uniform(r, rows, cols, 1.0);
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                if (r.nextDouble() < zeroFraction) {
                    row[j] = 0.0;
                }
            }
        }
        return a;
    }

    /** Random class labels in 0..classes−1. */
    public static int[] labels(SplitMix64 r, int n, int classes) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(classes);
        }
        return y;
    }
}
