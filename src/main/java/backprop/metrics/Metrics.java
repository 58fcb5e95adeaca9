package backprop.metrics;

import backprop.losses.Targets;
import backprop.matrix.Matrix;

/** Scores of predictions against the truth. */
public final class Metrics {

    private Metrics() {
    }

    /**
     * The fraction of positions where {@code predicted} equals {@code actual}.
     *
     * @param predicted the predicted class of each sample
     * @param actual    the true class of each sample
     * @return the accuracy, in [0, 1]
     */
    public static double accuracy(int[] predicted, int[] actual) {
        checkLengths(predicted.length, actual.length);
        int right = 0;
        for (int i = 0; i < actual.length; i++) {
            if (predicted[i] == actual[i]) {
                right++;
            }
        }
        return (double) right / actual.length;
    }

    /**
     * The class of each row: the column of the largest entry, or for one column, 1 where y ≥ 0.5.
     *
     * @param y one-hot rows or probabilities, one row per sample
     * @return the class of each row
     */
    public static int[] classes(double[][] y) {
        return Targets.labels(y);
    }

    /**
     * mean((ŷ − y)²) over all entries (no ½: the usual regression score, not the training loss).
     *
     * @param predicted the predictions ŷ
     * @param actual    the targets y, same shape
     * @return the mean squared error
     */
    public static double meanSquaredError(double[][] predicted, double[][] actual) {
        double[][] d = Matrix.subtract(predicted, actual);
        double sum = 0;
        for (double[] row : d) {
            for (double v : row) {
                sum += v * v;
            }
        }
        return sum / ((double) d.length * d[0].length);
    }

    /**
     * mean(|ŷ − y|) over all entries.
     *
     * @param predicted the predictions ŷ
     * @param actual    the targets y, same shape
     * @return the mean absolute error
     */
    public static double meanAbsoluteError(double[][] predicted, double[][] actual) {
        double[][] d = Matrix.subtract(predicted, actual);
        double sum = 0;
        for (double[] row : d) {
            for (double v : row) {
                sum += Math.abs(v);
            }
        }
        return sum / ((double) d.length * d[0].length);
    }

    static void checkLengths(int predicted, int actual) {
        if (predicted != actual) {
            throw new IllegalArgumentException("metrics: " + predicted + " predictions for " + actual
                    + " true labels; expected one prediction per label");
        }
        if (actual == 0) {
            throw new IllegalArgumentException("metrics: no labels to score");
        }
    }
}
