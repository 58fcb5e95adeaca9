package backprop.data;

import backprop.losses.Targets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Kaggle's digit-recognizer {@code train.csv} (document 000): a header {@code label,pixel0,…,pixel783}
 * and one image per line, the digit first and then 784 raw pixel values (0..255). Classes are always the
 * ten digits, whichever of them the file holds.
 */
public final class DigitCsv {

    private DigitCsv() {
    }

    /**
     * Reads the file; throws {@link DataFormatException} naming the file and line of any bad row.
     *
     * @param file the {@code train.csv} file
     * @return 784 raw pixels per image, one-hot targets over the ten digits
     * @throws IOException if the file cannot be read
     */
    public static LabeledDataset read(Path file) throws IOException {
        List<String> lines = Csv.lines(file);
        if (lines.isEmpty() || !lines.get(0).startsWith("label,pixel0,")) {
            throw new DataFormatException(file, 1, "expected the header 'label,pixel0,…,pixel783' of Kaggle's"
                    + " digit-recognizer train.csv");
        }
        LabeledDataset table = LabeledCsv.read(file, "label", List.of());
        if (table.data().features() != 784) {
            throw new DataFormatException(file, 1, table.data().features() + " pixel columns, expected 784 (28×28)");
        }
        // Re-index onto all ten digits, so a file lacking some digit still has ten output columns.
        int[] labels = new int[table.data().size()];
        int[] local = table.data().labels();
        for (int i = 0; i < labels.length; i++) {
            labels[i] = Integer.parseInt(table.classNames().get(local[i]));
            if (labels[i] < 0 || labels[i] > 9) {
                throw new DataFormatException(file, i + 2, "label " + labels[i] + " is not a digit 0..9");
            }
        }
        return new LabeledDataset(new Dataset(table.data().x(),
                Targets.oneHot(labels, 10)), Mnist.classNames());
    }
}
