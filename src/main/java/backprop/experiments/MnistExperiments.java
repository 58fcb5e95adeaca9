package backprop.experiments;

import backprop.data.DigitCsv;
import backprop.data.InputTransform;
import backprop.data.Mnist;
import backprop.data.Splits;
import backprop.layers.Initializer;
import backprop.losses.CrossEntropy;
import backprop.losses.SigmoidBinaryCrossEntropy;
import backprop.losses.SoftmaxCrossEntropy;
import backprop.matrix.SplitMix64;
import backprop.network.Network;
import backprop.network.NetworkBuilder;
import backprop.training.Dataset;
import backprop.training.EpochListener;
import backprop.training.Sgd;
import backprop.training.TrainingSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The four MNIST networks of the documents. Each reads an MNIST-style IDX folder (default
 * {@code testdata/mnist}: the first 10,000 official training images and the official 10,000 test images).
 */
public final class MnistExperiments {

    private MnistExperiments() {
    }

    static final Path DEFAULT_DATA = Path.of("testdata/mnist");

    static Mnist.Parts load(ExperimentSettings s) throws IOException {
        return Mnist.read(s.data() == null ? DEFAULT_DATA : s.data());
    }

    /** Document 004: ThreeNet 784-200-80-10, ReLU, softmax cross-entropy, raw pixels, batch 256, lr 1e-3. */
    public static final class ThreeNet implements Experiment {

        @Override
        public String name() {
            return "mnist";
        }

        @Override
        public String document() {
            return "004";
        }

        @Override
        public String description() {
            return "ThreeNet: 784-200-80-10 ReLU, softmax cross-entropy, L2 1e-3, raw pixels, batch 256";
        }

        @Override
        public String documentFigure() {
            return "test 97.92% (60,000 images, 200 epochs)";
        }

        @Override
        public ExperimentSettings defaults() {
            return ExperimentSettings.of(20, 256, 1e-3, List.of(200, 80), 0);
        }

        @Override
        public ExperimentSettings tour() {
            return defaults().withEpochs(10);
        }

        @Override
        public Path defaultData() {
            return DEFAULT_DATA;
        }

        @Override
        public Result run(ExperimentSettings s, EpochListener listener) throws IOException {
            long start = System.nanoTime();
            Mnist.Parts data = load(s);
            NetworkBuilder b = Network.builder(784, new SplitMix64(s.seed())).weights(Initializer.normal(0.01))
                    .biases(Initializer.normal(0.01));
            for (int h : s.hidden()) {
                b.dense(h).relu();
            }
            Network net = b.dense(10).loss(new SoftmaxCrossEntropy()).l2(1e-3).build();
            TrainingSettings training = TrainingSettings.of(s.epochs(), s.learningRate())
                    .withBatchSize(s.batchSize()).withSeed(s.seed()).withKeepBest(true);
            return Classification.train(name(), s, new Classification.Run(net, new Sgd(), training, data.train(),
                    null, data.test(), Mnist.classNames(), InputTransform.IDENTITY, List.of(
                            "raw 0..255 pixels as in the document (its lr 1e-3 is small enough for them)",
                            "best epoch chosen on the whole training set, not on one batch",
                            "biases step along their gradients (the document's b2, b3 only decay)")),
                    listener, start);
        }
    }

    /** Document 000: 784-800-400-10 leaky ReLU (k = 0.3), softmax, randn/100 weights, batch 128, 5 epochs. */
    public static final class Leaky implements Experiment {

        @Override
        public String name() {
            return "mnist-leaky";
        }

        @Override
        public String document() {
            return "000";
        }

        @Override
        public String description() {
            return "784-800-400-10 leaky ReLU 0.3, softmax cross-entropy, randn/100 weights, raw pixels, batch 128";
        }

        @Override
        public String documentFigure() {
            return "test loss 0.2212 (Kaggle 42,000, 70/30, 5 epochs)";
        }

        @Override
        public ExperimentSettings defaults() {
            return ExperimentSettings.of(5, 128, 1e-3, List.of(800, 400), 2099);
        }

        @Override
        public ExperimentSettings tour() {
            return defaults().withEpochs(2);
        }

        @Override
        public Path defaultData() {
            return DEFAULT_DATA;
        }

        /**
         * Kaggle's digit-recognizer {@code train.csv} (the document's data), split 70/30 by a permutation
         * seeded like the document's (2099), when {@code --data} names a CSV file; an IDX folder otherwise.
         */
        private static Mnist.Parts kaggleOrIdx(ExperimentSettings s) throws IOException {
            if (s.data() == null || !s.data().toString().endsWith(".csv")) {
                return load(s);
            }
            Splits.Split split = Splits.random(DigitCsv.read(s.data()).data(), 0.7, new SplitMix64(s.seed()));
            return new Mnist.Parts(split.first(), split.second());
        }

        @Override
        public Result run(ExperimentSettings s, EpochListener listener) throws IOException {
            long start = System.nanoTime();
            Mnist.Parts data = kaggleOrIdx(s);
            NetworkBuilder b = Network.builder(784, new SplitMix64(s.seed())).weights(Initializer.normal(0.01));
            for (int h : s.hidden()) {
                b.dense(h).leakyRelu(0.3);
            }
            Network net = b.dense(10).loss(new SoftmaxCrossEntropy()).build();
            TrainingSettings training = TrainingSettings.of(s.epochs(), s.learningRate())
                    .withBatchSize(s.batchSize()).withSeed(s.seed());
            Result r = Classification.train(name(), s, new Classification.Run(net, new Sgd(), training, data.train(),
                    null, data.test(), Mnist.classNames(), InputTransform.IDENTITY, List.of(
                            "raw 0..255 pixels and lr 0.001 as in the document: with randn/100 weights they keep "
                                    + "the activations of the deep layers at a workable size",
                            "every gradient divided by the batch size, db1 included; all gradients computed "
                                    + "before any update (the document updates W3 before using it)",
                            s.data() != null && s.data().toString().endsWith(".csv")
                                    ? "Kaggle's train.csv split 70/30 by a permutation seeded " + s.seed()
                                    + ", as in the document"
                                    : "MNIST IDX files; give Kaggle's train.csv with --data for the document's "
                                    + "70/30 split")),
                    listener, start);
            return r.withFigure(String.format(Locale.ROOT, "test loss %.4f, test %.2f%%",
                    r.metrics().get("test_loss"), 100 * r.metrics().get("test_accuracy")));
        }
    }

    /** Document 002: 784-64-10 sigmoid, softmax, full-batch gradient descent at lr 1, pixels / 255. */
    public static final class SigmoidNet implements Experiment {

        @Override
        public String name() {
            return "mnist-sigmoid";
        }

        @Override
        public String document() {
            return "002";
        }

        @Override
        public String description() {
            return "784-64-10 sigmoid, softmax + cross-entropy, full batch, lr 1, pixels / 255";
        }

        @Override
        public String documentFigure() {
            return "none (interrupted at iteration ~100; starting cost 449,165)";
        }

        @Override
        public ExperimentSettings defaults() {
            return ExperimentSettings.of(4000, 0, 1.0, List.of(64), 138);
        }

        @Override
        public ExperimentSettings tour() {
            return defaults().withEpochs(60);
        }

        @Override
        public Path defaultData() {
            return DEFAULT_DATA;
        }

        @Override
        public Result run(ExperimentSettings s, EpochListener listener) throws IOException {
            long start = System.nanoTime();
            Mnist.Parts data = load(s);
            InputTransform pixels = InputTransform.scaled(1.0 / 255);
            Dataset train = pixels.apply(data.train());
            Dataset test = pixels.apply(data.test());
            NetworkBuilder b = Network.builder(784, new SplitMix64(s.seed())).weights(Initializer.xavier());
            for (int h : s.hidden()) {
                b.dense(h).sigmoid();
            }
            Network net = b.dense(10).softmax().loss(new CrossEntropy()).build();
            TrainingSettings training = TrainingSettings.of(s.epochs(), s.learningRate())
                    .withBatchSize(s.batchSize()).withSeed(s.seed()).withScoreTraining(false);
            return Classification.train(name(), s, new Classification.Run(net, new Sgd(), training, train, null,
                    test, Mnist.classNames(), pixels, List.of(
                            "Xavier initial weights: the document's unscaled randn saturates every sigmoid",
                            "softmax shifted by the row maximum; logs never see 0 (the document's first cost "
                                    + "was 449,165)",
                            "a separate Softmax layer and CrossEntropy, as the document derives them")),
                    listener, start);
        }
    }

    /** Document 003: 784-60-10 ReLU with sigmoid outputs, batch 250; split 50,000/10,000/10,000. */
    public static final class IdxNet implements Experiment {

        @Override
        public String name() {
            return "mnist-idx";
        }

        @Override
        public String document() {
            return "003";
        }

        @Override
        public String description() {
            return "784-60-10 ReLU, sigmoid outputs with binary cross-entropy, raw pixels, batch 250, lr 1e-3";
        }

        @Override
        public String documentFigure() {
            return "none reported";
        }

        @Override
        public ExperimentSettings defaults() {
            return ExperimentSettings.of(20, 250, 1e-3, List.of(60), 3);
        }

        @Override
        public ExperimentSettings tour() {
            return defaults().withEpochs(10);
        }

        @Override
        public Path defaultData() {
            return DEFAULT_DATA;
        }

        @Override
        public Result run(ExperimentSettings s, EpochListener listener) throws IOException {
            long start = System.nanoTime();
            Mnist.Parts data = load(s);
            Splits.Split split = Splits.firstRows(data.train(), data.train().size() * 5 / 6, new SplitMix64(s.seed()));
            NetworkBuilder b = Network.builder(784, new SplitMix64(s.seed())).weights(Initializer.uniform(0.001))
                    .biases(Initializer.normal(0.001));
            for (int h : s.hidden()) {
                b.dense(h).relu();
            }
            Network net = b.dense(10).loss(new SigmoidBinaryCrossEntropy()).build();
            TrainingSettings training = TrainingSettings.of(s.epochs(), s.learningRate())
                    .withBatchSize(s.batchSize()).withSeed(s.seed());
            return Classification.train(name(), s, new Classification.Run(net, new Sgd(), training, split.first(),
                    split.second(), data.test(), Mnist.classNames(), InputTransform.IDENTITY, List.of(
                            "loss: binary cross-entropy summed over the 10 sigmoid outputs, whose gradient is "
                                    + "the document's a2 − y (its stated loss −y·log a2 has another gradient)",
                            "raw 0..255 pixels and lr 0.001 as in the document (pixels / 255 with lr 0.3 reach "
                                    + "the same accuracy)",
                            "split 5/6 training, 1/6 validation, official test set: the document's 50,000 / "
                                    + "10,000 / 10,000 in proportion")),
                    listener, start);
        }
    }
}
