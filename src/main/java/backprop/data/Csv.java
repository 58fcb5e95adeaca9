package backprop.data;

import java.nio.file.Path;

/** Small helpers shared by the CSV readers. */
final class Csv {

    private Csv() {
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
