package backprop.experiments;

import backprop.layers.Initializer;
import backprop.losses.BinaryCrossEntropy;
import backprop.losses.CrossEntropy;
import backprop.losses.MeanSquaredError;
import backprop.losses.SigmoidBinaryCrossEntropy;
import backprop.losses.SoftmaxCrossEntropy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every experiment, in the order of the tour: each document's network with the document's settings as
 * defaults. The steps that differ (data, splits, training choices, notes) are in {@link Procedures}.
 */
public final class Experiments {

    private Experiments() {
    }

    private static final Path MNIST = DefaultData.locate("testdata/mnist");
    private static final Path IRIS = DefaultData.locate("testdata/iris/Iris.csv");
    private static final Path IMAGES = DefaultData.locate("testdata/images");

    /** The settings every experiment can change. */
    private static final Set<String> COMMON = Set.of("epochs", "lr", "seed", "optimizer", "init", "l2");
    /** … and those of networks with hidden layers trained on batches. */
    private static final Set<String> NETWORK = union(COMMON, Set.of("batch", "hidden", "patience"));
    /** … and those of experiments that read data. */
    private static final Set<String> DATA = union(NETWORK, Set.of("data", "scale", "standardize", "validation",
            "halve-every"));
    /** … and those of experiments that read images. */
    private static final Set<String> IMAGE_DATA = union(DATA, Set.of("shift"));

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static NetworkRecipe hidden(String activation, Initializer weights, Initializer biases,
            NetworkRecipe.LossMaker loss, double l2) {
        return new NetworkRecipe(activation, Map.of(), null, weights, biases, loss, l2);
    }

    /** Every experiment, in the order of the tour. */
    public static final List<Experiment> ALL = List.of(
            new Experiment("gates", "004", "OneNet: 2→1 (NOT: 1→1) sigmoid, binary cross-entropy, L2 1e-3, on AND, OR, NOT",
                    "all patterns right (AND 0.0033 0.108 0.108 0.814)",
                    ExperimentSettings.of(200_000, 0, 1e-3, List.of(), 4), null, null,
                    new NetworkRecipe("sigmoid", Map.of(), "sigmoid", Initializer.normal(0.01), Initializer.normal(0.01),
                            BinaryCrossEntropy::new, 1e-3),
                    Procedures::gates, COMMON, Procedures::gatesData),
            new Experiment("xor", "004", "TwoNet: 2-6-2 ReLU, softmax cross-entropy, L2 1e-3, on XOR", "100%",
                    ExperimentSettings.of(10_000, 0, 0.1, List.of(6), 1), null, null,
                    hidden("relu", Initializer.normal(0.01), Initializer.normal(0.01), SoftmaxCrossEntropy::new, 1e-3),
                    Procedures::xor, NETWORK, Procedures::xorData),
            new Experiment("sine", "001", "1-200-1 tanh, linear output, ½·MSE, 200 points of sin(x) on [−π, π]",
                    "mean error < 0.01 wanted",
                    ExperimentSettings.of(3000, 0, 0.01, List.of(200), 7), null, null,
                    new NetworkRecipe("tanh", Map.of(), "identity", Initializer.xavier(), Initializer.zeros(),
                            MeanSquaredError::new, 0),
                    Procedures::sine, NETWORK, Procedures::sineData),
            new Experiment("iris", "004",
                    "ThreeNet: 4-20-20-3 ReLU, softmax cross-entropy, L2 1e-3, full batch, stratified 80/20",
                    "train 98.33%, test 100%",
                    ExperimentSettings.of(10_000, 0, 5e-2, List.of(20, 20), 3), null, IRIS,
                    hidden("relu", Initializer.normal(0.01), Initializer.normal(0.01), SoftmaxCrossEntropy::new, 1e-3),
                    Procedures::iris, DATA, Procedures::irisData),
            new Experiment("mnist", "004",
                    "ThreeNet: 784-200-80-10 ReLU, softmax cross-entropy, L2 1e-3, raw pixels, batch 256",
                    "test 97.92% (60,000 images, 200 epochs)",
                    ExperimentSettings.of(20, 256, 1e-3, List.of(200, 80), 0),
                    ExperimentSettings.of(10, 256, 1e-3, List.of(200, 80), 0), MNIST,
                    hidden("relu", Initializer.normal(0.01), Initializer.normal(0.01), SoftmaxCrossEntropy::new, 1e-3),
                    Procedures::mnist, IMAGE_DATA, Procedures::idxData),
            new Experiment("mnist-leaky", "000",
                    "784-800-400-10 leaky ReLU 0.3, softmax cross-entropy, randn/100 weights, raw pixels, batch 128",
                    "test loss 0.2212 (Kaggle 42,000, 70/30, 5 epochs)",
                    ExperimentSettings.of(5, 128, 1e-3, List.of(800, 400), 2099),
                    ExperimentSettings.of(2, 128, 1e-3, List.of(800, 400), 2099), MNIST,
                    new NetworkRecipe("leaky-relu", Map.of("slope", 0.3), null, Initializer.normal(0.01),
                            Initializer.zeros(), SoftmaxCrossEntropy::new, 0),
                    Procedures::mnistLeaky, IMAGE_DATA, Procedures::leakyData),
            new Experiment("mnist-sigmoid", "002",
                    "784-64-10 sigmoid, softmax + cross-entropy, full batch, lr 1, pixels / 255",
                    "none (interrupted at iteration ~100; starting cost 449,165)",
                    ExperimentSettings.of(4000, 0, 1.0, List.of(64), 138),
                    ExperimentSettings.of(60, 0, 1.0, List.of(64), 138), MNIST,
                    new NetworkRecipe("sigmoid", Map.of(), "softmax", Initializer.xavier(), Initializer.zeros(),
                            CrossEntropy::new, 0),
                    Procedures::mnistSigmoid, IMAGE_DATA, Procedures::idxData),
            new Experiment("mnist-idx", "003",
                    "784-60-10 ReLU, sigmoid outputs with binary cross-entropy, raw pixels, batch 250, lr 1e-3",
                    "none reported",
                    ExperimentSettings.of(20, 250, 1e-3, List.of(60), 3),
                    ExperimentSettings.of(10, 250, 1e-3, List.of(60), 3), MNIST,
                    hidden("relu", Initializer.uniform(0.001), Initializer.normal(0.001),
                            SigmoidBinaryCrossEntropy::new, 0),
                    Procedures::mnistIdx, IMAGE_DATA, Procedures::idxData),
            new Experiment("images", "001",
                    "784-40-K ReLU, softmax cross-entropy, on a folder of 28×28 images (one sub-folder per class)",
                    "none reported (12 Chinese characters)",
                    ExperimentSettings.of(60, 16, 0.05, List.of(40), 12), null, IMAGES,
                    hidden("relu", Initializer.he(), Initializer.zeros(), SoftmaxCrossEntropy::new, 0),
                    Procedures::images, IMAGE_DATA, Procedures::imageData),
            new Experiment("csv", "—",
                    "any CSV: --label COLUMN [--ignore A,B], standardised, stratified 80/20, ReLU hidden, softmax", "—",
                    new ExperimentSettings(300, 32, 0.05, List.of(16), 1, null, null, List.of()),
                    new ExperimentSettings(300, 32, 0.05, List.of(16), 1, null, "Species", List.of("Id")), IRIS,
                    hidden("relu", Initializer.he(), Initializer.zeros(), SoftmaxCrossEntropy::new, 0),
                    Procedures::csv, union(DATA, Set.of("label", "ignore")), Procedures::csvData));

    /**
     * Document 004's MNIST network (784-200-80-10) trained beyond the document: Adam, He weights, pixels / 255,
     * every training image shifted by up to two pixels each way, no L2 penalty, 40 epochs of batch 256.
     */
    public static final ExperimentSettings MNIST_BEYOND = named("mnist").defaults().withEpochs(40)
            .withChoices(TrainingChoices.DOCUMENT.withOptimizer("adam").withWeights("he").withInputs(1.0 / 255, false)
                    .withShift(2).withL2(0.0));

    /** The options of {@code train} that give {@link #MNIST_BEYOND}. */
    public static final String MNIST_BEYOND_COMMAND =
            "train mnist --optimizer adam --init he --scale 1/255 --shift 2 --l2 0 --epochs 40";

    /**
     * @return every experiment, in the order of the tour
     */
    public static List<Experiment> all() {
        return ALL;
    }

    /**
     * @param name an experiment's name
     * @return the experiment called {@code name}, or null
     */
    public static Experiment named(String name) {
        for (Experiment e : ALL) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
