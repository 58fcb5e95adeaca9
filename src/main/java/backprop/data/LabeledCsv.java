package backprop.data;

import backprop.losses.Targets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Any CSV table with a header line and a named label column: every other column must be numeric and
 * becomes a feature; the label column's distinct values become the classes, in sorted order (numerically
 * when all are numbers, so "2" comes before "10"). Kaggle's {@code Iris.csv} reads with label
 * {@code Species} (and its {@code Id} column dropped with {@code ignore}); Kaggle's digit-recognizer
 * {@code train.csv} with label {@code label}.
 */
public final class LabeledCsv {

    private LabeledCsv() {
    }

    /**
     * Reads {@code file}, taking the column named {@code label} as the class and dropping {@code ignore}.
     *
     * @param file   the CSV file, with a header line
     * @param label  the name of the label column
     * @param ignore the names of columns to leave out
     * @return the features, one-hot targets and the sorted class names
     * @throws IOException if the file cannot be read
     */
    public static LabeledDataset read(Path file, String label, List<String> ignore) throws IOException {
        List<String> lines = Csv.lines(file);
        if (lines.isEmpty()) {
            throw new DataFormatException(file, 1, "the file is empty; expected a header line");
        }
        List<String> header = Csv.fields(lines.get(0), file, 1);
        int labelColumn = header.indexOf(label);
        if (labelColumn < 0) {
            throw new DataFormatException(file, 1, "no column named '" + label + "'; the header has " + header);
        }
        for (String name : ignore) {
            if (!header.contains(name)) {
                throw new DataFormatException(file, 1, "no column named '" + name + "' to ignore; the header has "
                        + header);
            }
        }
        List<Integer> featureColumns = new ArrayList<>();
        for (int j = 0; j < header.size(); j++) {
            if (j != labelColumn && !ignore.contains(header.get(j))) {
                featureColumns.add(j);
            }
        }
        if (featureColumns.isEmpty()) {
            throw new DataFormatException(file, 1, "no feature columns besides the label '" + label + "'");
        }
        List<double[]> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            List<String> cells = Csv.fields(lines.get(n), file, n + 1);
            if (cells.size() != header.size()) {
                throw new DataFormatException(file, n + 1, "expected " + header.size() + " fields as in the header, found "
                        + cells.size());
            }
            double[] row = new double[featureColumns.size()];
            for (int k = 0; k < row.length; k++) {
                int j = featureColumns.get(k);
                row[k] = Csv.parseNumber(cells.get(j), file, n + 1, j + 1);
            }
            String value = cells.get(labelColumn);
            if (value.isEmpty()) {
                throw new DataFormatException(file, n + 1, "the label column '" + label + "' is empty");
            }
            rows.add(row);
            labels.add(value);
        }
        if (rows.isEmpty()) {
            throw new DataFormatException(file, 2, "no data rows after the header");
        }
        List<String> classes = sortedClasses(labels);
        int[] y = labels.stream().mapToInt(classes::indexOf).toArray();
        return new LabeledDataset(new Dataset(rows.toArray(new double[0][]), Targets.oneHot(y, classes.size())),
                classes);
    }

    /** Distinct values, numerically sorted when every one is a number, else alphabetically. */
    static List<String> sortedClasses(List<String> labels) {
        TreeSet<String> distinct = new TreeSet<>(labels);
        boolean numeric = distinct.stream().allMatch(s -> s.matches("-?\\d+(\\.\\d+)?"));
        List<String> classes = new ArrayList<>(distinct);
        if (numeric) {
            classes.sort((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)));
        }
        return classes;
    }
}
