package backprop.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV read by column names, the way a saved model says ({@link CsvColumns}): the named feature columns in
 * the model's order wherever they stand in the file, the label column if the file has one, every other
 * column (ignored ones, text, row ids) left alone.
 */
public final class NamedColumns {

    private NamedColumns() {
    }

    /**
     * The rows of a CSV read by name.
     *
     * @param x      the features, one row per data line, in the order asked for
     * @param labels each row's label text, or null when the file has no label column
     * @param lines  each row's line number in the file, from 1 (the header is line 1)
     */
    public record Table(double[][] x, List<String> labels, long[] lines) {
    }

    /**
     * @param file a CSV file with a header line
     * @return the header's column names, in order
     * @throws IOException if the file cannot be read
     */
    public static List<String> header(Path file) throws IOException {
        return LabeledCsv.header(file);
    }

    /**
     * Reads the named columns of every data line.
     *
     * @param file          a CSV file with a header line
     * @param features      the feature columns, in the order wanted
     * @param label         the label column's name
     * @param labelRequired whether a file without the label column is an error (else its labels are null)
     * @return the features, the labels if present, and the line of each row
     * @throws IOException if the file cannot be read
     */
    public static Table read(Path file, List<String> features, String label, boolean labelRequired)
            throws IOException {
        List<String> lines = Csv.lines(file);
        if (lines.isEmpty()) {
            throw new DataFormatException(file, 1, "the file is empty; expected a header line");
        }
        List<String> header = Csv.fields(lines.get(0), file, 1);
        int[] columns = new int[features.size()];
        List<String> missing = new ArrayList<>();
        for (int k = 0; k < columns.length; k++) {
            columns[k] = header.indexOf(features.get(k));
            if (columns[k] < 0) {
                missing.add(features.get(k));
            }
        }
        if (!missing.isEmpty()) {
            throw new DataFormatException(file, 1, "no column named " + missing + ", which the model reads; the "
                    + "header has " + header);
        }
        int labelColumn = header.indexOf(label);
        if (labelColumn < 0 && labelRequired) {
            throw new DataFormatException(file, 1, "no label column '" + label + "' to score against; the header has "
                    + header);
        }
        Csv.Rows rows = Csv.rows(file, lines, header, columns, labelColumn, label);
        return new Table(rows.x(), rows.labels(), rows.lines());
    }
}
