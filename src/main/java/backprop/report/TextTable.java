package backprop.report;

import java.util.List;

/** A plain-text table whose columns are as wide as their widest cell, separated by " | ". */
public final class TextTable {

    private TextTable() {
    }

    /**
     * @param header the column titles
     * @param rows   the cells, one array per row, as many cells as titles
     * @return the table, a rule of dashes under the header
     */
    public static String of(List<String> header, List<String[]> rows) {
        int[] width = new int[header.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = header.get(c).length();
            for (String[] row : rows) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder s = new StringBuilder();
        appendRow(s, header.toArray(new String[0]), width);
        String[] rule = new String[width.length];
        for (int c = 0; c < width.length; c++) {
            rule[c] = "-".repeat(width[c]);
        }
        appendRow(s, rule, width);
        for (String[] row : rows) {
            appendRow(s, row, width);
        }
        return s.toString();
    }

    private static void appendRow(StringBuilder s, String[] cells, int[] width) {
        for (int c = 0; c < cells.length; c++) {
            s.append(c == 0 ? "" : " | ").append(cells[c]);
            if (c < cells.length - 1) {
                s.append(" ".repeat(width[c] - cells[c].length()));
            }
        }
        s.append('\n');
    }
}
