package backprop.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small helpers shared by the CSV readers: lines, quoted fields, numbers with file and line in errors. */
final class Csv {

    private Csv() {
    }

    /** The file's lines, with a byte-order mark removed; a missing file is named in the exception. */
    static List<String> lines(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.io.FileNotFoundException(file + ": no such file");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (!lines.isEmpty() && lines.get(0).startsWith("\uFEFF")) {
            lines.set(0, lines.get(0).substring(1));
        }
        return lines;
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
        String text = cell.strip();
        try {
            double v = Double.parseDouble(text);
            if (!Double.isFinite(v)) {
                throw new DataFormatException(file, line, "column " + column + " holds '" + text
                        + "', expected a finite number");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new DataFormatException(file, line, "column " + column + " holds '" + text
                    + "', expected a number");
        }
    }
}
