package backprop.vectors;

import backprop.data.Dataset;
import backprop.data.Idx;
import backprop.experiments.Experiment;
import backprop.experiments.ExperimentSettings;
import backprop.experiments.Experiments;
import backprop.experiments.Result;
import backprop.layers.Computation;
import backprop.layers.Parameter;
import backprop.network.Network;
import backprop.training.EpochListener;
import backprop.training.EpochRecord;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code experiments.json}: for every experiment, run by its own code ({@link Experiment#run}), the initial
 * parameters of its network with the document's settings, and its first epochs with narrower hidden layers
 * on the data of {@code datasets.json}; each with its whole recipe ({@link ExperimentRecipes}).
 */
final class ExperimentVectors {

    /** Tolerance on the first epochs' losses. */
    static final double EPOCHS_TOLERANCE = 1e-12;
    static final int EPOCHS = 3;
    static final int FIRST = 8;
    /** Rows of the MNIST folder the untrained networks are built beside: only its shape matters. */
    static final int UNTRAINED_ROWS = 12;

    /** Hidden widths of the first-epochs runs where the document's would make the plain products slow. */
    private static final Map<String, List<Integer>> NARROWER = Map.of("mnist", List.of(20, 8),
            "mnist-leaky", List.of(16, 8), "mnist-sigmoid", List.of(8), "mnist-idx", List.of(8));

    /** The figures of a finished run the vectors keep, where the run has them. */
    private static final List<String> AFTER = List.of("train_samples", "validation_samples", "test_samples",
            "train_loss", "train_accuracy", "validation_accuracy", "test_loss", "test_accuracy", "grid_mse",
            "grid_mean_abs_error", "and_accuracy", "and_output_0", "and_output_1", "and_output_2", "and_output_3");

    private ExperimentVectors() {
    }

    /** Sees the network before its first epoch: its parameters' checksum, and how its dense layers compute. */
    private static final class Start implements EpochListener {
        private final Computation computation;
        private long checksum;

        Start(Computation computation) {
            this.computation = computation;
        }

        @Override
        public void trainingStarted(Network network) {
            checksum = Encoding.checksum(network.parameters());
            network.setComputation(computation);
        }
    }

    static Map<String, Object> build(Computation computation, Sources sources) throws IOException {
        Map<String, Object> file = Encoding.header("experiments",
                "every experiment as `train EXPERIMENT` runs it, with its whole recipe in 'settings' (NOTES.md "
                        + "12.5 says what each field means). 'initial' is its untrained network with the "
                        + "document's settings (per parameter its shape, first " + FIRST + " entries in row-major "
                        + "order, checksum and plain sum, and one checksum running over all parameters in order); "
                        + "'first_epochs' runs the same recipe for " + EPOCHS + " epochs, the MNIST experiments "
                        + "with narrower hidden layers on the first " + DatasetVectors.MNIST_TRAIN_ROWS
                        + " training and " + DatasetVectors.MNIST_TEST_ROWS + " test images of testdata/mnist, "
                        + "every run on the rows of datasets.json named in its settings' data; it gives each "
                        + "epoch's training loss and accuracy as the trainer records them, the validation loss "
                        + "and accuracy where there is a validation set (each an array indexed by epoch: element "
                        + "0 is epoch 1), the best epoch, and in 'after' the run's figures once it has finished "
                        + "(after a kept best epoch is restored): the sizes of its parts (integers), the training "
                        + "part and the test set scored (NOTES.md 12.4 score), for sine the last batch mean and the "
                        + "grid's errors, for gates the fraction of the four AND rows classified right by the "
                        + "trained network (and_accuracy) and its output after the sigmoid for row i "
                        + "(and_output_i). checksum: "
                        + "h = 0xcbf29ce484222325; for each double v in order: h = (h xor bits(v)) * 0x100000001b3 "
                        + "mod 2^64; sum: s = 0.0, then s = s + v for each v in row-major order",
                Encoding.tolerances("initial", 0.0, "first_epochs", EPOCHS_TOLERANCE));
        Path temporary = Files.createTempDirectory("backprop-vectors-mnist");
        try {
            Path subset = Files.createDirectory(temporary.resolve("first-epochs"));
            writeIdx(subset, "train", DatasetVectors.mnistTrain(sources));
            writeIdx(subset, "t10k", DatasetVectors.mnistTest(sources));
            Path tiny = Files.createDirectory(temporary.resolve("untrained"));
            writeIdx(tiny, "train", Sources.first(sources.mnist().train(), UNTRAINED_ROWS));
            writeIdx(tiny, "t10k", Sources.first(sources.mnist().test(), UNTRAINED_ROWS));
            List<Object> experiments = new ArrayList<>();
            for (Experiment e : Experiments.all()) {
                experiments.add(experiment(e, computation, sources, tiny, subset));
            }
            file.put("experiments", experiments);
        } finally {
            try (Stream<Path> walk = Files.walk(temporary)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return file;
    }

    private static Map<String, Object> experiment(Experiment e, Computation computation, Sources sources, Path tiny,
            Path subset) throws IOException {
        boolean mnist = Sources.MNIST.equals(e.defaultData());
        ExperimentSettings base = e.name().equals("csv") ? e.tour() : e.defaults();
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("name", e.name());
        x.put("document", e.document());

        ExperimentSettings untrained = base.withEpochs(0);
        Result r0 = e.run(mnist ? untrained.withData(tiny) : untrained, null);
        Network net = r0.network();
        x.put("settings", ExperimentRecipes.recipe(e, base, net, data(e, false), trainRows(e, sources, false)));
        Map<String, Object> initial = new LinkedHashMap<>();
        initial.put("description", net.describe());
        List<Object> parameters = new ArrayList<>();
        for (Parameter p : net.parameters()) {
            Map<String, Object> m = new LinkedHashMap<>();
            double[][] v = p.value();
            m.put("name", p.name());
            m.put("rows", v.length);
            m.put("cols", v[0].length);
            double[] first = new double[Math.min(FIRST, v.length * v[0].length)];
            for (int k = 0; k < first.length; k++) {
                first[k] = v[k / v[0].length][k % v[0].length];
            }
            Encoding.putExact(m, "first", first);
            m.put("checksum", Encoding.hex(Encoding.checksum(Encoding.CHECKSUM_START, v)));
            double sum = 0;
            for (double[] row : v) {
                for (double w : row) {
                    sum += w;
                }
            }
            Encoding.putExact(m, "sum", sum);
            parameters.add(m);
        }
        initial.put("parameters", parameters);
        initial.put("checksum", Encoding.hex(Encoding.checksum(net.parameters())));
        x.put("initial", initial);

        ExperimentSettings shortRun = base.withEpochs(EPOCHS)
                .withHidden(NARROWER.getOrDefault(e.name(), base.hidden()));
        if (mnist) {
            shortRun = shortRun.withData(subset);
        }
        Start start = new Start(computation);
        Result r = e.run(shortRun, start);
        Map<String, Object> epochs = new LinkedHashMap<>();
        epochs.put("settings", ExperimentRecipes.recipe(e, shortRun, r.network(), data(e, true),
                trainRows(e, sources, true)));
        epochs.put("description", r.network().describe());
        epochs.put("initial_checksum", Encoding.hex(start.checksum));
        List<EpochRecord> records = r.history().epochs();
        double[] trainLoss = new double[records.size()];
        double[] trainAccuracy = new double[records.size()];
        double[] validationLoss = new double[records.size()];
        double[] validationAccuracy = new double[records.size()];
        for (int k = 0; k < records.size(); k++) {
            trainLoss[k] = records.get(k).trainLoss();
            trainAccuracy[k] = records.get(k).trainAccuracy();
            validationLoss[k] = records.get(k).validationLoss();
            validationAccuracy[k] = records.get(k).validationAccuracy();
        }
        epochs.put("train_loss", trainLoss);
        if (!Double.isNaN(trainAccuracy[0])) {
            epochs.put("train_accuracy", trainAccuracy);
        }
        if (!Double.isNaN(validationLoss[0])) {
            epochs.put("validation_loss", validationLoss);
            epochs.put("validation_accuracy", validationAccuracy);
        }
        epochs.put("best_epoch", r.history().bestEpoch());
        Map<String, Object> after = new LinkedHashMap<>();
        for (String key : AFTER) {
            if (r.metrics().containsKey(key)) {
                double v = r.metrics().get(key);
                after.put(key, key.endsWith("_samples") ? (Object) count(v, key) : (Object) v);
            }
        }
        epochs.put("after", after);
        x.put("first_epochs", epochs);
        return x;
    }

    /** A count the run's figures hold as a double, as the integer the files write. */
    private static int count(double v, String key) {
        if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE) {
            throw new IllegalStateException("experiments.json: " + key + " is " + v + ", not a count; write it as a "
                    + "double in ExperimentVectors");
        }
        return (int) v;
    }

    /** The files an experiment reads, and the rows of datasets.json that stand for them. */
    private static ExperimentRecipes.Data data(Experiment e, boolean embedded) {
        return switch (e.name()) {
            case "gates" -> new ExperimentRecipes.Data(null, DatasetVectors.AND, "train");
            case "xor" -> new ExperimentRecipes.Data(null, DatasetVectors.XOR, "train");
            case "sine" -> new ExperimentRecipes.Data(null, DatasetVectors.SINE, "grid");
            case "iris", "csv" -> new ExperimentRecipes.Data("testdata/iris/Iris.csv", DatasetVectors.IRIS, "split");
            case "images" -> new ExperimentRecipes.Data("testdata/images", DatasetVectors.IMAGES, "split");
            default -> embedded
                    ? new ExperimentRecipes.Data("testdata/mnist", DatasetVectors.MNIST_TRAIN,
                            DatasetVectors.MNIST_TEST)
                    : new ExperimentRecipes.Data("testdata/mnist", null, null);
        };
    }

    /** The rows of an experiment's training data, before any split. */
    private static int trainRows(Experiment e, Sources sources, boolean embedded) throws IOException {
        return switch (e.name()) {
            case "gates", "xor" -> 4;
            case "sine" -> DatasetVectors.SINE_POINTS;
            case "iris", "csv" -> sources.iris().data().size();
            case "images" -> sources.images().data().data().size();
            default -> embedded ? DatasetVectors.MNIST_TRAIN_ROWS : sources.mnist().train().size();
        };
    }

    /** Writes {@code data} as an uncompressed MNIST-style pair of IDX files, {@code prefix}-images and -labels. */
    private static void writeIdx(Path folder, String prefix, Dataset data) throws IOException {
        int side = (int) Math.round(Math.sqrt(data.features()));
        try (OutputStream file = Files.newOutputStream(folder.resolve(prefix + "-images-idx3-ubyte"));
                DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(file))) {
            out.writeInt(Idx.IMAGES_MAGIC);
            out.writeInt(data.size());
            out.writeInt(side);
            out.writeInt(side);
            for (double[] row : data.x()) {
                for (double v : row) {
                    out.writeByte((int) v);
                }
            }
        }
        try (OutputStream file = Files.newOutputStream(folder.resolve(prefix + "-labels-idx1-ubyte"));
                DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(file))) {
            out.writeInt(Idx.LABELS_MAGIC);
            out.writeInt(data.size());
            for (int label : data.labels()) {
                out.writeByte(label);
            }
        }
    }
}
