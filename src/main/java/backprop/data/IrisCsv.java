package backprop.data;

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
     * Reads the file; throws {@link DataFormatException} naming the file and line of any bad row.
     *
     * @param file the {@code Iris.csv} file
     * @return four features per flower, one-hot targets over {@link #SPECIES}
     * @throws IOException if the file cannot be read
     */
    public static LabeledDataset read(Path file) throws IOException {
        List<String> lines = Csv.lines(file);
        if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER)) {
            throw new DataFormatException(file, 1, "expected the header '" + HEADER + "'");
        }
        LabeledDataset table = LabeledCsv.read(file, "Species", List.of("Id"));
        if (!table.classNames().equals(SPECIES)) {
            throw new DataFormatException(file, 0, "species " + table.classNames() + ", expected " + SPECIES);
        }
        return table;
    }
}
