package backprop.data;

import backprop.losses.Targets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Kaggle's {@code Iris.csv} as document 004 reads it: a header
 * {@code Id,SepalLengthCm,SepalWidthCm,PetalLengthCm,PetalWidthCm,Species}, then one flower per line.
 * The four measurements become the features (in centimetres, unscaled); the {@code Id} is dropped; the
 * species become classes 0, 1, 2 in the order {@link #SPECIES}.
 */
public final class IrisCsv {

    /** Class 0, 1, 2. */
    public static final List<String> SPECIES = List.of("Iris-setosa", "Iris-versicolor", "Iris-virginica");

    private static final String HEADER = "Id,SepalLengthCm,SepalWidthCm,PetalLengthCm,PetalWidthCm,Species";

    private IrisCsv() {
    }

    /**
     * Reads the file; throws {@link DataFormatException} naming the file and line of any bad row. Every
     * species must be one of {@link #SPECIES}; a file may hold some of them only. Measurements must be ≥ 0.
     *
     * @param file the {@code Iris.csv} file, plain or gzip-compressed
     * @return four features per flower, one-hot targets over {@link #SPECIES}
     * @throws IOException if the file cannot be read
     */
    public static LabeledDataset read(Path file) throws IOException {
        String header = TextFiles.firstLine(file);
        if (header == null || !header.strip().equals(HEADER)) {
            throw new DataFormatException(file, 1, "expected the header '" + HEADER + "'");
        }
        LabeledCsv.Table table = LabeledCsv.table(file, "Species", List.of("Id"));
        int[] y = new int[table.labels().length];
        for (int i = 0; i < y.length; i++) {
            y[i] = SPECIES.indexOf(table.labels()[i]);
            if (y[i] < 0) {
                throw new DataFormatException(file, table.lines()[i], "column 6 (Species) holds '"
                        + Csv.shorten(table.labels()[i]) + "', expected one of " + SPECIES);
            }
            double[] row = table.x()[i];
            for (int j = 0; j < row.length; j++) {
                if (row[j] < 0) {
                    throw new DataFormatException(file, table.lines()[i], "column " + (j + 2) + " holds " + row[j]
                            + ", expected a length in centimetres, ≥ 0");
                }
            }
        }
        return new LabeledDataset(new Dataset(table.x(), Targets.oneHot(y, SPECIES.size())), SPECIES);
    }
}
