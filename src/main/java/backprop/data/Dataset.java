package backprop.data;

import backprop.losses.Targets;
import backprop.matrix.Matrix;

/**
 * Samples and their targets: X is N×D (one sample per row), Y is N×K (one-hot rows for classification,
 * 0/1 columns for a binary classifier, values for regression). Rows are shared, not copied, by
 * {@link #rows(int[])}: nothing in training writes to a dataset.
 */
public record Dataset(double[][] x, double[][] y) {

    public Dataset {
        Matrix.checkRectangular(x, "dataset features");
        Matrix.checkRectangular(y, "dataset targets");
        if (x.length != y.length) {
            throw new IllegalArgumentException("dataset: " + x.length + " feature rows (" + Matrix.shape(x)
                    + ") but " + y.length + " target rows (" + Matrix.shape(y) + "); expected one target per sample");
        }
    }

    public int size() {
        return x.length;
    }

    public int features() {
        return x[0].length;
    }

    public int outputs() {
        return y[0].length;
    }

    /** The class of every row: the largest entry of a one-hot row, or y ≥ 0.5 for a single column. */
    public int[] labels() {
        return Targets.labels(y);
    }

    /** The rows at {@code index}, in that order (sharing the row arrays). */
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
