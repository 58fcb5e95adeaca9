package backprop.data;

import backprop.losses.Targets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Kaggle's digit-recognizer {@code train.csv} (document 000): a header {@code label,pixel0,…,pixel783}
 * and one image per line, the digit first and then 784 raw pixel values (0..255). Classes are always the
 * ten digits, whichever of them the file holds. A label may be written as any decimal number equal to a
 * digit ("5", "5.0", "5e0"). The file may be gzip-compressed.
 */
public final class DigitCsv {

    private DigitCsv() {
    }

    /**
     * Reads the file; throws {@link DataFormatException} naming the file, line and column of any bad row.
     *
     * @param file the {@code train.csv} file
     * @return 784 raw pixels per image, one-hot targets over the ten digits
     * @throws IOException if the file cannot be read
     */
    public static LabeledDataset read(Path file) throws IOException {
        List<String> header = LabeledCsv.header(file);
        if (header.size() < 2 || !header.get(0).equals("label") || !header.get(1).equals("pixel0")) {
            throw new DataFormatException(file, 1, "expected the header 'label,pixel0,…,pixel783' of Kaggle's"
                    + " digit-recognizer train.csv");
        }
        LabeledCsv.Table table = LabeledCsv.table(file, "label", List.of());
        if (table.x()[0].length != 784) {
            throw new DataFormatException(file, 1, table.x()[0].length + " pixel columns, expected 784 (28×28)");
        }
        int[] labels = new int[table.labels().length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = digit(table.labels()[i], file, table.lines()[i]);
            double[] pixels = table.x()[i];
            for (int p = 0; p < pixels.length; p++) {
                if (!(pixels[p] >= 0 && pixels[p] <= 255)) {
                    throw new DataFormatException(file, table.lines()[i], "column " + (p + 2) + " holds " + pixels[p]
                            + ", expected a pixel value 0..255");
                }
            }
        }
        return new LabeledDataset(new Dataset(table.x(), Targets.oneHot(labels, 10)), Mnist.classNames());
    }

    /** The digit a label cell names: a decimal number equal to one of 0..9. */
    private static int digit(String cell, Path file, long line) {
        double value = Csv.isDecimal(cell) ? Double.parseDouble(cell) : Double.NaN;
        if (!(value >= 0 && value <= 9 && value == Math.rint(value))) {
            throw new DataFormatException(file, line, "column 1 (label) holds '" + Csv.shorten(cell)
                    + "', expected a digit 0..9");
        }
        return (int) value;
    }
}
