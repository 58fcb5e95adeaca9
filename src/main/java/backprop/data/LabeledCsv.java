package backprop.data;

import backprop.losses.Targets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
     * The file is UTF-8 text, plain or gzip-compressed; blank lines are skipped.
     *
     * @param file   the CSV file, with a header line
     * @param label  the name of the label column
     * @param ignore the names of columns to leave out
     * @return the features, one-hot targets and the sorted class names (at least two)
     * @throws IOException if the file cannot be read
     * @throws DataFormatException naming the file, line and column of the first thing that is wrong
     */
    public static LabeledDataset read(Path file, String label, List<String> ignore) throws IOException {
        Table table = table(file, label, ignore);
        List<String> classes = sortedClasses(Arrays.asList(table.labels()));
        int n = table.labels().length;
        if (classes.size() < 2) {
            throw new DataFormatException(file, 0, "the label column '" + label + "' holds one class only ('"
                    + Csv.shorten(classes.get(0)) + "', in all " + n + " rows); expected at least two classes");
        }
        Idx.checkMemory(file, 8L * n * classes.size(), "one-hot targets for " + classes.size()
                + " distinct values of the label column '" + label + "' in " + n + " rows (is it a class label?)");
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            index.put(classes.get(c), c);
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = index.get(table.labels()[i]);
        }
        return new LabeledDataset(new Dataset(table.x(), Targets.oneHot(y, classes.size())), classes);
    }

    /**
     * The header line's column names.
     *
     * @param file a CSV file, plain or gzip-compressed
     * @return the names in the first line, unquoted and stripped
     * @throws IOException if the file cannot be read
     * @throws DataFormatException if the file is empty or not UTF-8 text
     */
    public static List<String> header(Path file) throws IOException {
        String first = TextFiles.firstLine(file);
        if (first == null || first.isBlank()) {
            throw new DataFormatException(file, 1, "the file " + (first == null ? "is empty" : "starts with a blank line")
                    + "; expected a header line naming the columns");
        }
        return Csv.fields(first, file, 1);
    }

    /**
     * The rows of a labelled CSV before its labels become classes.
     *
     * @param x      the feature values, one row per data line
     * @param labels the label cell of each row
     * @param lines  the line number of each row in the file (from 1)
     */
    record Table(double[][] x, String[] labels, long[] lines) {
    }

    /** Reads the features and label cells of every data line, checking every field. */
    static Table table(Path file, String label, List<String> ignore) throws IOException {
        List<String> lines = Csv.lines(file);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new DataFormatException(file, 1, "the file " + (lines.isEmpty() ? "is empty" : "starts with a blank line")
                    + "; expected a header line naming the columns");
        }
        List<String> header = Csv.fields(lines.get(0), file, 1);
        Map<String, Integer> seen = new HashMap<>();
        for (int j = 0; j < header.size(); j++) {
            Integer before = seen.putIfAbsent(header.get(j), j);
            if (before != null) {
                throw new DataFormatException(file, 1, "columns " + (before + 1) + " and " + (j + 1) + " are both named '"
                        + Csv.shorten(header.get(j)) + "'; expected every column name once");
            }
        }
        int labelColumn = header.indexOf(label);
        if (labelColumn < 0) {
            throw new DataFormatException(file, 1, "no column named '" + label + "'; the header has "
                    + Csv.shorten(header.toString()));
        }
        for (String name : ignore) {
            if (!header.contains(name)) {
                throw new DataFormatException(file, 1, "no column named '" + name + "' to ignore; the header has "
                        + Csv.shorten(header.toString()));
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
        int[] columns = featureColumns.stream().mapToInt(Integer::intValue).toArray();
        Csv.Rows rows = Csv.rows(file, lines, header, columns, labelColumn, label);
        return new Table(rows.x(), rows.labels().toArray(new String[0]), rows.lines());
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
