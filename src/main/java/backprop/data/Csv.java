package backprop.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small helpers shared by the CSV readers: lines, quoted fields, numbers with file and line in errors. */
final class Csv {

    private Csv() {
    }

    /**
     * The file's lines, decoded as UTF-8 (plain or gzip-compressed), with a byte-order mark removed; a
     * missing file, and any byte that is not UTF-8, are named in the exception.
     */
    static List<String> lines(Path file) throws IOException {
        return TextFiles.lines(file);
    }

    /**
     * Splits one line into fields at commas. A field in double quotes may hold commas, and "" inside quotes
     * stands for one quote. Surrounding spaces are removed.
     */
    static List<String> fields(String line, Path file, long lineNumber) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString().strip());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new DataFormatException(file, lineNumber, "a quoted field is not closed");
        }
        fields.add(field.toString().strip());
        return fields;
    }

    /** Parses one numeric cell, or throws naming the file, line and column. */
    static double parseNumber(String cell, Path file, long line, int column) {
        return parseNumber(cell, file, line, column, null);
    }

    /** As {@link #parseNumber(String, Path, long, int)}, the column also named ({@code name} null: not). */
    static double parseNumber(String cell, Path file, long line, int column, String name) {
        String text = cell.strip();
        String where = "column " + column + (name == null ? "" : " ('" + shorten(name) + "')");
        if (!isDecimal(text)) {
            throw new DataFormatException(file, line, where + " holds '" + shorten(text) + "', expected a number"
                    + (name == null ? "" : "; a column of text or ids can be left out (ignore '" + shorten(name)
                    + "')"));
        }
        double v = Double.parseDouble(text);
        if (!Double.isFinite(v)) {
            throw new DataFormatException(file, line, where + " holds '" + shorten(text)
                    + "', expected a finite number");
        }
        return v;
    }

    /**
     * Whether {@code s} is a decimal number: an optional sign, digits with an optional point (at least one
     * digit in all), an optional exponent. Java's own parser would also take "0x1p3", "1f", "NaN".
     */
    static boolean isDecimal(String s) {
        int i = 0;
        int n = s.length();
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A cell as a message quotes it: at most 40 characters, control characters as '?'. */
    static String shorten(String cell) {
        return shorten(cell, 40);
    }

    /** Text as a message quotes it: at most {@code max} characters, control characters as '?'. */
    static String shorten(String cell, int max) {
        String s = cell.length() > max ? cell.substring(0, max - 3) + "…" : cell;
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.toString();
    }

    /**
     * The chosen numeric columns and the label cell of every data line (blank lines skipped), each line
     * checked to have as many fields as the header, a cell that is no number named with its column.
     * {@code labelColumn} &lt; 0: no labels (null).
     */
    static Rows rows(Path file, List<String> lines, List<String> header, int[] columns, int labelColumn, String label) {
        int headerSize = header.size();
        List<double[]> rows = new ArrayList<>();
        List<String> labels = labelColumn < 0 ? null : new ArrayList<>();
        List<Long> lineNumbers = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            List<String> cells = fields(lines.get(n), file, n + 1);
            if (cells.size() != headerSize) {
                throw new DataFormatException(file, n + 1, "expected " + headerSize + " fields as in the header, found "
                        + cells.size());
            }
            double[] row = new double[columns.length];
            for (int k = 0; k < row.length; k++) {
                row[k] = parseNumber(cells.get(columns[k]), file, n + 1, columns[k] + 1, header.get(columns[k]));
            }
            if (labels != null) {
                String value = cells.get(labelColumn);
                if (value.isEmpty()) {
                    throw new DataFormatException(file, n + 1, "the label column '" + label + "' is empty");
                }
                labels.add(value);
            }
            rows.add(row);
            lineNumbers.add((long) n + 1);
        }
        if (rows.isEmpty()) {
            throw new DataFormatException(file, 2, "no data rows after the header");
        }
        return new Rows(rows.toArray(new double[0][]), labels, lineNumbers.stream().mapToLong(Long::longValue).toArray());
    }

    /** The rows {@link #rows} read: features, label cells (or null) and each row's line number, from 1. */
    record Rows(double[][] x, List<String> labels, long[] lines) {
    }
}
