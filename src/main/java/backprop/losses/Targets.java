package backprop.losses;

import backprop.matrix.Matrix;

/** Building target matrices, and the shape checks every loss shares. */
public final class Targets {

    private Targets() {
    }

    /**
     * One-hot rows: row i has a 1 in column {@code labels[i]} and 0 elsewhere (N×classes).
     *
     * @param labels  the class of each row, each in 0..classes−1
     * @param classes the number of classes, ≥ 1
     * @return the N×classes one-hot matrix
     */
    public static double[][] oneHot(int[] labels, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("oneHot: " + classes + " classes, expected at least 1");
        }
        double[][] y = new double[labels.length][classes];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("oneHot: label " + labels[i] + " at row " + i
                        + " is outside 0.." + (classes - 1));
            }
            y[i][labels[i]] = 1.0;
        }
        return y;
    }

    /**
     * An N×1 column holding {@code values} (0/1 targets of a binary classifier, or regression targets).
     *
     * @param values the entries, top to bottom
     * @return a new N×1 matrix
     */
    public static double[][] column(double... values) {
        double[][] y = new double[values.length][1];
        for (int i = 0; i < values.length; i++) {
            y[i][0] = values[i];
        }
        return y;
    }

    /**
     * The class of each row of a one-hot or probability matrix: the column of its largest entry, or for a
     * single column (a binary classifier), 1 where the entry is at least 0.5 and 0 elsewhere.
     *
     * @param y one-hot rows or probabilities, one row per sample
     * @return the class of each row
     */
    public static int[] labels(double[][] y) {
        Matrix.checkRectangular(y, "labels");
        if (y[0].length > 1) {
            return Matrix.rowArgMax(y);
        }
        int[] c = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            c[i] = y[i][0] >= 0.5 ? 1 : 0;
        }
        return c;
    }

    /** Throws unless input and target are proper matrices of one shape; names the loss and both shapes. */
    static void checkPair(String loss, double[][] input, double[][] target) {
        Matrix.checkRectangular(input, loss + ": input");
        Matrix.checkRectangular(target, loss + ": target");
        if (input.length != target.length || input[0].length != target[0].length) {
            throw new IllegalArgumentException(loss + ": input is " + Matrix.shape(input) + " but target is "
                    + Matrix.shape(target) + "; they must have the same shape");
        }
    }

    /** Throws unless every row of the target is a distribution: entries in [0, 1] summing to 1. */
    static void checkDistributions(String loss, double[][] target) {
        for (int i = 0; i < target.length; i++) {
            double sum = 0;
            for (int k = 0; k < target[i].length; k++) {
                double t = target[i][k];
                if (!(t >= 0 && t <= 1)) {
                    throw new IllegalArgumentException(loss + ": target row " + i + " has entry " + t
                            + " at column " + k + "; expected one-hot rows (use Targets.oneHot)");
                }
                sum += t;
            }
            if (Math.abs(sum - 1.0) > 1e-9) {
                throw new IllegalArgumentException(loss + ": target row " + i + " sums to " + sum
                        + "; expected one-hot rows summing to 1 (use Targets.oneHot)");
            }
        }
    }

    /** Throws unless every target entry lies in [0, 1]. */
    static void checkUnitInterval(String loss, double[][] target) {
        for (int i = 0; i < target.length; i++) {
            for (int k = 0; k < target[i].length; k++) {
                double t = target[i][k];
                if (!(t >= 0 && t <= 1)) {
                    throw new IllegalArgumentException(loss + ": target entry " + t + " at (" + i + ", " + k
                            + ") is outside [0, 1]; binary targets are 0 or 1");
                }
            }
        }
    }
}
