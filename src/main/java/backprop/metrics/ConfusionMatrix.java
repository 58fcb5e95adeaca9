package backprop.metrics;

import java.util.Locale;

/**
 * counts[a][p]: how many samples of true class a were predicted as class p (rows are the truth, as in
 * document 002's confusion matrix).
 */
public final class ConfusionMatrix {

    private final int[][] counts;

    private ConfusionMatrix(int[][] counts) {
        this.counts = counts;
    }

    /**
     * Counts the pairs (actual, predicted) for classes 0..classes−1.
     *
     * @param predicted the predicted class of each sample
     * @param actual    the true class of each sample
     * @param classes   the number of classes
     * @return the classes×classes counts
     */
    public static ConfusionMatrix of(int[] predicted, int[] actual, int classes) {
        Metrics.checkLengths(predicted.length, actual.length);
        int[][] counts = new int[classes][classes];
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] < 0 || actual[i] >= classes || predicted[i] < 0 || predicted[i] >= classes) {
                throw new IllegalArgumentException("confusion matrix: sample " + i + " has actual class "
                        + actual[i] + " and predicted class " + predicted[i] + ", expected 0.." + (classes - 1));
            }
            counts[actual[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(counts);
    }

    /** @return the number of classes */
    public int classes() {
        return counts.length;
    }

    /**
     * Samples of true class {@code actual} predicted as {@code predicted}.
     *
     * @param actual    the true class, the row
     * @param predicted the predicted class, the column
     * @return counts[actual][predicted]
     */
    public int count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /**
     * A copy of the counts.
     *
     * @return counts[a][p], rows the true class a, columns the predicted class p
     */
    public int[][] counts() {
        int[][] c = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            c[i] = counts[i].clone();
        }
        return c;
    }

    /**
     * Samples whose true class is {@code c}.
     *
     * @param c the class
     * @return Σ_p counts[c][p], the row sum
     */
    public int support(int c) {
        int s = 0;
        for (int p = 0; p < counts.length; p++) {
            s += counts[c][p];
        }
        return s;
    }

    /**
     * Samples predicted as {@code c}.
     *
     * @param c the class
     * @return Σ_a counts[a][c], the column sum
     */
    public int predictedCount(int c) {
        int s = 0;
        for (int[] row : counts) {
            s += row[c];
        }
        return s;
    }

    /** @return the number of samples, Σ_ap counts[a][p] */
    public int total() {
        int s = 0;
        for (int c = 0; c < counts.length; c++) {
            s += support(c);
        }
        return s;
    }

    /** The table with true classes down the side and predictions across. */
    @Override
    public String toString() {
        int width = Math.max(5, String.valueOf(total()).length() + 1);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-8s", "true\\pred"));
        for (int p = 0; p < counts.length; p++) {
            s.append(String.format(Locale.ROOT, "%" + width + "d", p));
        }
        s.append('\n');
        for (int a = 0; a < counts.length; a++) {
            s.append(String.format(Locale.ROOT, "%-9d", a));
            for (int p = 0; p < counts.length; p++) {
                s.append(String.format(Locale.ROOT, "%" + width + "d", counts[a][p]));
            }
            s.append('\n');
        }
        return s.toString();
    }
}
