package backprop.data;

import backprop.losses.Targets;
import backprop.training.Dataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Kaggle's {@code Iris.csv} as document 004 reads it: a header
 * {@code Id,SepalLengthCm,SepalWidthCm,PetalLengthCm,PetalWidthCm,Species}, then one flower per line.
 * The four measurements become the features (in centimetres, unscaled); the species names become class
 * indexes in the order {@link #SPECIES} and one-hot targets.
 */
public final class IrisCsv {

    /** Class 0, 1, 2. */
    public static final List<String> SPECIES = List.of("Iris-setosa", "Iris-versicolor", "Iris-virginica");

    private static final String HEADER = "Id,SepalLengthCm,SepalWidthCm,PetalLengthCm,PetalWidthCm,Species";

    private IrisCsv() {
    }

    /** Reads the file; throws {@link DataFormatException} naming the file and line of any bad row. */
    public static Dataset read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).strip().replace("\uFEFF", "").equals(HEADER)) {
            throw new DataFormatException(file, 1, "expected the header '" + HEADER + "'");
        }
        List<double[]> features = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 6) {
                throw new DataFormatException(file, n + 1, "expected 6 comma-separated fields, found " + cells.length);
            }
            double[] row = new double[4];
            for (int j = 0; j < 4; j++) {
                row[j] = Csv.parseNumber(cells[j + 1], file, n + 1, j + 2);
            }
            int label = SPECIES.indexOf(cells[5].strip());
            if (label < 0) {
                throw new DataFormatException(file, n + 1, "unknown species '" + cells[5] + "', expected one of "
                        + SPECIES);
            }
            features.add(row);
            labels.add(label);
        }
        if (features.isEmpty()) {
            throw new DataFormatException(file, 1, "no data rows after the header");
        }
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        return new Dataset(features.toArray(new double[0][]), Targets.oneHot(y, SPECIES.size()));
    }
}
