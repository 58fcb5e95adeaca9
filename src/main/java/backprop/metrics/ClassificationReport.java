package backprop.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Per-class precision, recall, F1 and support, with macro and weighted averages: document 002's
 * classification report.
 * <pre>
 *   precision_c = TP_c / (TP_c + FP_c)    (0 when nothing was predicted as c)
 *   recall_c    = TP_c / (TP_c + FN_c)    (0 when class c has no samples)
 *   F1_c        = 2·precision·recall / (precision + recall)   (0 when both are 0)
 *   macro       = plain mean over classes;  weighted = mean weighted by support
 * </pre>
 */
public final class ClassificationReport {

    /**
     * One class's row.
     *
     * @param label     the class's name, or "macro avg" / "weighted avg" for an average
     * @param precision TP / (TP + FP)
     * @param recall    TP / (TP + FN)
     * @param f1        2·precision·recall / (precision + recall)
     * @param support   the number of samples of the class (all samples for an average)
     */
    public record Row(String label, double precision, double recall, double f1, int support) {
    }

    private final List<Row> rows;
    private final Row macro;
    private final Row weighted;
    private final double accuracy;

    private ClassificationReport(List<Row> rows, Row macro, Row weighted, double accuracy) {
        this.rows = rows;
        this.macro = macro;
        this.weighted = weighted;
        this.accuracy = accuracy;
    }

    /**
     * The report of a confusion matrix; {@code names} label the classes (null: their indexes).
     *
     * @param m     the confusion matrix
     * @param names the class names, one per class; null to use the indexes
     * @return precision, recall, F1 and support per class, with averages and the accuracy
     */
    public static ClassificationReport of(ConfusionMatrix m, List<String> names) {
        List<Row> rows = new ArrayList<>();
        double[] sums = new double[3];
        double[] weightedSums = new double[3];
        int total = m.total();
        int correct = 0;
        for (int c = 0; c < m.classes(); c++) {
            int tp = m.count(c, c);
            correct += tp;
            int predicted = m.predictedCount(c);
            int support = m.support(c);
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = support == 0 ? 0 : (double) tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            rows.add(new Row(names == null ? String.valueOf(c) : names.get(c), precision, recall, f1, support));
            sums[0] += precision;
            sums[1] += recall;
            sums[2] += f1;
            weightedSums[0] += precision * support;
            weightedSums[1] += recall * support;
            weightedSums[2] += f1 * support;
        }
        int k = m.classes();
        Row macro = new Row("macro avg", sums[0] / k, sums[1] / k, sums[2] / k, total);
        Row weighted = new Row("weighted avg", weightedSums[0] / total, weightedSums[1] / total,
                weightedSums[2] / total, total);
        return new ClassificationReport(List.copyOf(rows), macro, weighted, (double) correct / total);
    }

    /** @return one row per class, in class order */
    public List<Row> rows() {
        return rows;
    }

    /** @return the plain mean over classes */
    public Row macroAverage() {
        return macro;
    }

    /** @return the mean over classes weighted by support */
    public Row weightedAverage() {
        return weighted;
    }

    /** @return the fraction of samples on the diagonal */
    public double accuracy() {
        return accuracy;
    }

    /** The table as document 002 prints it, the label column as wide as the longest class name (14 at least). */
    @Override
    public String toString() {
        int width = 14;
        for (Row r : rows) {
            width = Math.max(width, r.label().length());
        }
        String label = "%" + width + "s";
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, label + " %10s %10s %10s %10s%n",
                "", "precision", "recall", "f1-score", "support"));
        for (Row r : rows) {
            s.append(line(r, label));
        }
        s.append('\n');
        s.append(String.format(Locale.ROOT, label + " %10s %10s %10.4f %10d%n", "accuracy", "", "", accuracy,
                macro.support()));
        s.append(line(macro, label)).append(line(weighted, label));
        return s.toString();
    }

    private static String line(Row r, String label) {
        return String.format(Locale.ROOT, label + " %10.4f %10.4f %10.4f %10d%n", r.label(), r.precision(),
                r.recall(), r.f1(), r.support());
    }
}
