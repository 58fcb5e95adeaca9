package backprop.data;

import backprop.losses.Targets;
import backprop.matrix.Matrix;

/**
 * Samples and their targets: X is N×D (one sample per row), Y is N×K (one-hot rows for classification,
 * 0/1 columns for a binary classifier, values for regression). Rows are shared, not copied, by
 * {@link #rows(int[])}: nothing in training writes to a dataset.
 *
 * @param x the features X, N×D
 * @param y the targets Y, N×K
 */
public record Dataset(double[][] x, double[][] y) {

    /**
     * Checks that X and Y are non-empty rectangular matrices with one target row per sample.
     *
     * @param x the features X, N×D
     * @param y the targets Y, N×K
     */
    public Dataset {
        Matrix.checkRectangular(x, "dataset features");
        Matrix.checkRectangular(y, "dataset targets");
        if (x.length != y.length) {
            throw new IllegalArgumentException("dataset: " + x.length + " feature rows (" + Matrix.shape(x)
                    + ") but " + y.length + " target rows (" + Matrix.shape(y) + "); expected one target per sample");
        }
    }

    /** @return N, the number of samples */
    public int size() {
        return x.length;
    }

    /** @return D, the number of features per sample */
    public int features() {
        return x[0].length;
    }

    /** @return K, the number of target columns */
    public int outputs() {
        return y[0].length;
    }

    /**
     * The class of every row: the largest entry of a one-hot row, or y ≥ 0.5 for a single column.
     *
     * @return the class of each sample
     */
    public int[] labels() {
        return Targets.labels(y);
    }

    /**
     * The rows at {@code index}, in that order (sharing the row arrays).
     *
     * @param index the row numbers, repeats allowed
     * @return a dataset of those rows
     */
    public Dataset rows(int[] index) {
        double[][] xs = new double[index.length][];
        double[][] ys = new double[index.length][];
        for (int i = 0; i < index.length; i++) {
            xs[i] = x[index[i]];
            ys[i] = y[index[i]];
        }
        return new Dataset(xs, ys);
    }
}
