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
 * parameters of its network with the document's settings, and the losses of its first epochs with narrower
 * hidden layers and, for the MNIST experiments, the first rows of {@code testdata/mnist}.
 */
final class ExperimentVectors {

    /** Tolerance on the first epochs' losses. */
    static final double EPOCHS_TOLERANCE = 1e-12;
    static final int EPOCHS = 3;
    static final int FIRST = 8;
    static final int MNIST_TRAIN_ROWS = 500;
    static final int MNIST_TEST_ROWS = 100;
    /** Rows of the MNIST folder the untrained networks are built beside: only its shape matters. */
    static final int UNTRAINED_ROWS = 12;

    /** Hidden widths of the first-epochs runs where the document's would make the plain products slow. */
    private static final Map<String, List<Integer>> NARROWER = Map.of("mnist", List.of(20, 8),
            "mnist-leaky", List.of(16, 8), "mnist-sigmoid", List.of(8), "mnist-idx", List.of(8));

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
                "every experiment as `train EXPERIMENT` runs it: 'initial' is its untrained network with the "
                        + "document's settings (per parameter its shape, first " + FIRST + " entries in row-major "
                        + "order, checksum and plain sum, and a checksum of all parameters in order); "
                        + "'first_epochs' runs the same recipe for " + EPOCHS + " epochs, the MNIST experiments "
                        + "with narrower hidden layers on the first " + MNIST_TRAIN_ROWS + " training and "
                        + MNIST_TEST_ROWS + " test images of testdata/mnist, and gives each epoch's training loss "
                        + "and accuracy as the trainer records them (and the validation loss where there is a "
                        + "validation set). checksum: h = 0xcbf29ce484222325; for each double v in order: "
                        + "h = (h xor bits(v)) * 0x100000001b3 mod 2^64",
                Encoding.tolerances("initial", 0.0, "first_epochs", EPOCHS_TOLERANCE));
        Path temporary = Files.createTempDirectory("backprop-vectors-mnist");
        try {
            Path subset = Files.createDirectory(temporary.resolve("first-epochs"));
            writeIdx(subset, "train", Sources.first(sources.mnist().train(), MNIST_TRAIN_ROWS));
            writeIdx(subset, "t10k", Sources.first(sources.mnist().test(), MNIST_TEST_ROWS));
            Path tiny = Files.createDirectory(temporary.resolve("untrained"));
            writeIdx(tiny, "train", Sources.first(sources.mnist().train(), UNTRAINED_ROWS));
            writeIdx(tiny, "t10k", Sources.first(sources.mnist().test(), UNTRAINED_ROWS));
            List<Object> experiments = new ArrayList<>();
            for (Experiment e : Experiments.all()) {
                experiments.add(experiment(e, computation, tiny, subset));
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

    private static Map<String, Object> experiment(Experiment e, Computation computation, Path tiny, Path subset)
            throws IOException {
        boolean mnist = Sources.MNIST.equals(e.defaultData());
        ExperimentSettings base = e.name().equals("csv") ? e.tour() : e.defaults();
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("name", e.name());
        x.put("document", e.document());
        x.put("settings", settings(base, e));

        ExperimentSettings untrained = base.withEpochs(0);
        Result r0 = e.run(mnist ? untrained.withData(tiny) : untrained, null);
        Network net = r0.network();
        Map<String, Object> initial = new LinkedHashMap<>();
        initial.put("network", net.describe());
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

        ExperimentSettings shortRun = base.withEpochs(EPOCHS).withHidden(NARROWER.getOrDefault(e.name(), base.hidden()));
        if (mnist) {
            shortRun = shortRun.withData(subset);
        }
        Start start = new Start(computation);
        Result r = e.run(shortRun, start);
        Map<String, Object> epochs = new LinkedHashMap<>();
        epochs.put("settings", settings(shortRun, e));
        epochs.put("data", mnist ? "the first " + MNIST_TRAIN_ROWS + " training images and the first "
                + MNIST_TEST_ROWS + " test images of testdata/mnist, in file order"
                : e.defaultData() == null ? "made by the experiment itself" : e.defaultData().toString());
        epochs.put("network", r.network().describe());
        epochs.put("initial_checksum", Encoding.hex(start.checksum));
        List<EpochRecord> records = r.history().epochs();
        double[] trainLoss = new double[records.size()];
        double[] trainAccuracy = new double[records.size()];
        double[] validationLoss = new double[records.size()];
        boolean validation = false;
        for (int k = 0; k < records.size(); k++) {
            trainLoss[k] = records.get(k).trainLoss();
            trainAccuracy[k] = records.get(k).trainAccuracy();
            validationLoss[k] = records.get(k).validationLoss();
            validation |= !Double.isNaN(validationLoss[k]);
        }
        epochs.put("train_loss", trainLoss);
        if (!Double.isNaN(trainAccuracy[0])) {
            epochs.put("train_accuracy", trainAccuracy);
        }
        if (validation) {
            epochs.put("validation_loss", validationLoss);
        }
        x.put("first_epochs", epochs);
        return x;
    }

    private static Map<String, Object> settings(ExperimentSettings s, Experiment e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs", s.epochs());
        m.put("batch", s.batchSize());
        m.put("learning_rate", s.learningRate());
        m.put("hidden", s.hidden());
        m.put("seed", s.seed());
        if (s.label() != null) {
            m.put("label", s.label());
            m.put("ignore", s.ignore());
        }
        return m;
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
