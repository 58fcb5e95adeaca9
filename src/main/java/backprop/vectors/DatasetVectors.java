package backprop.vectors;

import backprop.data.Dataset;
import backprop.data.LabeledCsv;
import backprop.data.LabeledDataset;
import backprop.data.Mnist;
import backprop.data.Preprocessing;
import backprop.data.Splits;
import backprop.data.Synthetic;
import backprop.random.SplitMix64;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code datasets.json}: every row of data the experiment vectors train on, as the readers give it, so that
 * a port can check its experiments without any reader, and its readers against these rows.
 */
final class DatasetVectors {

    /** Training images of testdata/mnist the experiment vectors use: the first this many. */
    static final int MNIST_TRAIN_ROWS = 360;
    /** Test images of testdata/mnist the experiment vectors use: the first this many. */
    static final int MNIST_TEST_ROWS = 60;
    /** The points of the experiment {@code sine}, and the seed of the generator that draws them. */
    static final int SINE_POINTS = 200;
    static final long SINE_SEED = 7;
    /**
     * The tolerance of sine's y, sin(x) through the platform's sin: a port's sin may differ in the last bit
     * (2.2e-16 of the largest |y|, which is close to 1).
     */
    static final double SINE_TOLERANCE = 1e-15;

    static final String AND = "and";
    static final String OR = "or";
    static final String NOT = "not";
    static final String XOR = "xor";
    static final String SINE = "sine";
    static final String IRIS = "iris";
    static final String MNIST_TRAIN = "mnist-train";
    static final String MNIST_TEST = "mnist-test";
    static final String IMAGES = "images";
    static final String TINY_CSV = "tiny-csv";

    /** The feature columns of Iris.csv, in order (IrisCsv insists on this header). */
    private static final List<String> IRIS_COLUMNS = List.of("SepalLengthCm", "SepalWidthCm", "PetalLengthCm",
            "PetalWidthCm");

    private DatasetVectors() {
    }

    static Map<String, Object> build(Sources sources) throws IOException {
        Map<String, Object> file = Encoding.header("datasets",
                "the data the experiment vectors (experiments.json, first_epochs) train and test on, every row "
                        + "(and tiny-csv, there only to check a CSV reader): "
                        + "x (N rows of D features) and y (N rows of targets: one-hot over 'classes', or one 0/1 "
                        + "column for the logic gates, or values for sine). Whole numbers are written without a "
                        + "decimal point; read every number as a double. These are given, not computed: a port "
                        + "reads them instead of the repository's files, and can check its readers against them "
                        + "(iris is Iris.csv as read, tiny-csv testdata/csv/tiny.csv, mnist-train and mnist-test "
                        + "the first images of testdata/mnist, "
                        + "images every file of testdata/images in reading order). sine's y is sin(x) through the "
                        + "platform's sin, so a port that draws the points itself matches x bit for bit (x_bits) "
                        + "and y to the tolerance named 'sine'. 'splits' gives the row numbers of the two parts of some splits "
                        + "(NOTES.md 12.2) of these datasets, each part in increasing order, and for the csv "
                        + "experiment's split the Standardizer fitted on its first part (mean, std)",
                Encoding.tolerances("datasets", 0.0, SINE, SINE_TOLERANCE, "splits", 0.0));
        List<Object> sets = new ArrayList<>();
        sets.add(dataset(AND, "004's AND table (Synthetic.and)", null, List.of("0", "1"), Synthetic.and()));
        sets.add(dataset(OR, "004's OR table (Synthetic.or)", null, List.of("0", "1"), Synthetic.or()));
        sets.add(dataset(NOT, "004's NOT table (Synthetic.not)", null, List.of("0", "1"), Synthetic.not()));
        sets.add(dataset(XOR, "004's XOR table (Synthetic.xor), classes one-hot", null, List.of("0", "1"),
                Synthetic.xor()));
        Map<String, Object> sine = dataset(SINE, "Synthetic.sine(" + SINE_POINTS + ", noise 0) from SplitMix64("
                + SINE_SEED + "): x = (-pi) + (2*pi)*u for " + SINE_POINTS + " uniforms u, bit for bit (x_bits), then "
                + "y = sin(x) through the platform's sin, to the tolerance named 'sine'", null, List.of(), sine());
        Map<String, Object> sineWithBits = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : sine.entrySet()) {
            sineWithBits.put(e.getKey(), e.getValue());
            if (e.getKey().equals("x")) {
                sineWithBits.put("x_bits", Encoding.bits(sine().x()));
            }
        }
        sets.add(sineWithBits);
        LabeledDataset tiny = LabeledCsv.read(Sources.TINY_CSV, "kind", List.of());
        sets.add(dataset(IRIS, "testdata/iris/Iris.csv as read (column Id dropped, label Species), in file order",
                IRIS_COLUMNS, sources.iris().classNames(), sources.iris().data()));
        sets.add(dataset(TINY_CSV, "testdata/csv/tiny.csv as the csv experiment reads it with --label kind: the "
                + "quoted header field \"weight, kg\" is one column; the classes are words, in string order",
                List.of("height", "weight, kg", "colour"), tiny.classNames(), tiny.data()));
        Mnist.Parts mnist = sources.mnist();
        sets.add(dataset(MNIST_TRAIN, "the first " + MNIST_TRAIN_ROWS + " images of testdata/mnist/"
                + "train-images-idx3-ubyte.gz with their labels: raw pixels 0..255, 28 rows of 28, row by row", null,
                Mnist.classNames(), mnistTrain(sources)));
        sets.add(dataset(MNIST_TEST, "the first " + MNIST_TEST_ROWS + " images of testdata/mnist/"
                + "t10k-images-idx3-ubyte.gz with their labels", null, Mnist.classNames(),
                Sources.first(mnist.test(), MNIST_TEST_ROWS)));
        Sources.Images images = sources.images();
        Map<String, Object> folder = dataset(IMAGES, "every image of testdata/images as read: grey values 0..255 "
                + "of 28×28 pixels, row by row; classes the sub-folders; 'files' gives each row's file", null,
                images.data().classNames(), images.data().data());
        folder.put("files", images.files());
        sets.add(folder);
        file.put("datasets", sets);
        Dataset iris = sources.iris().data();
        List<Object> splits = new ArrayList<>();
        splits.add(split(IRIS, iris, "stratified", 0.8, 2024, Splits.stratified(iris, 0.8, new SplitMix64(2024))));
        Splits.Split csv = Splits.stratified(iris, 0.8, new SplitMix64(1));
        Map<String, Object> standardized = split(IRIS, iris, "stratified", 0.8, 1, csv);
        Preprocessing.Standardizer fitted = Preprocessing.Standardizer.fit(csv.first());
        Encoding.putExact(standardized, "mean", fitted.mean());
        Encoding.putExact(standardized, "std", fitted.std());
        splits.add(standardized);
        splits.add(split(IRIS, iris, "random", 0.7, 2099, Splits.random(iris, 0.7, new SplitMix64(2099))));
        Dataset digits = mnistTrain(sources);
        splits.add(split(MNIST_TRAIN, digits, "random-count", MNIST_TRAIN_ROWS * 5 / 6, 3,
                Splits.randomCount(digits, MNIST_TRAIN_ROWS * 5 / 6, new SplitMix64(3))));
        file.put("splits", splits);
        return file;
    }

    /**
     * A split of a dataset as the rows of its two parts, each in increasing order; the parts share the
     * dataset's row arrays, which is how the rows are found again.
     */
    private static Map<String, Object> split(String dataset, Dataset data, String type, double amount, long seed,
            Splits.Split split) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", dataset);
        m.put("type", type);
        m.put(type.equals("random-count") ? "count" : "fraction", type.equals("random-count") ? (Object) (int) amount
                : (Object) amount);
        m.put("seed", seed);
        m.put("first", rowsOf(split.first(), data));
        m.put("second", rowsOf(split.second(), data));
        return m;
    }

    private static List<Integer> rowsOf(Dataset part, Dataset data) {
        Map<double[], Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < data.size(); i++) {
            index.put(data.x()[i], i);
        }
        List<Integer> rows = new ArrayList<>();
        for (double[] row : part.x()) {
            rows.add(index.get(row));
        }
        return rows;
    }

    /** The experiment {@code sine}'s points: the first draws of its one generator. */
    static Dataset sine() {
        return Synthetic.sine(SINE_POINTS, 0.0, new SplitMix64(SINE_SEED));
    }

    static Dataset mnistTrain(Sources sources) throws IOException {
        return Sources.first(sources.mnist().train(), MNIST_TRAIN_ROWS);
    }

    static Dataset mnistTest(Sources sources) throws IOException {
        return Sources.first(sources.mnist().test(), MNIST_TEST_ROWS);
    }

    private static Map<String, Object> dataset(String name, String source, List<String> columns, List<String> classes,
            Dataset data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("description", source);
        m.put("rows", data.size());
        if (columns != null) {
            m.put("columns", columns);
        }
        m.put("classes", classes);
        m.put("x", numbers(data.x()));
        m.put("y", numbers(data.y()));
        return m;
    }

    /** Whole numbers without a decimal point when every entry is one, else round-trip decimals. */
    private static Object numbers(double[][] m) {
        for (double[] row : m) {
            for (double v : row) {
                if (v != Math.rint(v) || Math.abs(v) > 1e15 || Double.doubleToRawLongBits(v) == Long.MIN_VALUE) {
                    return Encoding.copy(m);
                }
            }
        }
        return Encoding.whole(m);
    }
}
