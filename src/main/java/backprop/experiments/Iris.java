package backprop.experiments;

import backprop.data.InputTransform;
import backprop.data.IrisCsv;
import backprop.data.LabeledDataset;
import backprop.data.Splits;
import backprop.layers.Initializer;
import backprop.losses.SoftmaxCrossEntropy;
import backprop.matrix.SplitMix64;
import backprop.network.Network;
import backprop.network.NetworkBuilder;
import backprop.training.EpochListener;
import backprop.training.Sgd;
import backprop.training.TrainingSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Document 004's ThreeNet on Iris: 4-20-20-3, ReLU, softmax cross-entropy, L2 1e-3, best epoch kept. */
public final class Iris implements Experiment {

    @Override
    public String name() {
        return "iris";
    }

    @Override
    public String document() {
        return "004";
    }

    @Override
    public String description() {
        return "ThreeNet: 4-20-20-3 ReLU, softmax cross-entropy, L2 1e-3, full batch, stratified 80/20";
    }

    @Override
    public String documentFigure() {
        return "train 98.33%, test 100%";
    }

    @Override
    public ExperimentSettings defaults() {
        return ExperimentSettings.of(10_000, 0, 5e-2, List.of(20, 20), 3);
    }

    @Override
    public Path defaultData() {
        return Path.of("testdata/iris/Iris.csv");
    }

    @Override
    public Result run(ExperimentSettings s, EpochListener listener) throws IOException {
        long start = System.nanoTime();
        LabeledDataset iris = IrisCsv.read(s.data() == null ? defaultData() : s.data());
        Splits.Split split = Splits.stratified(iris.data(), 0.8, new SplitMix64(2024));
        NetworkBuilder b = Network.builder(4, new SplitMix64(s.seed())).weights(Initializer.normal(0.01))
                .biases(Initializer.normal(0.01));
        for (int h : s.hidden()) {
            b.dense(h).relu();
        }
        Network net = b.dense(3).loss(new SoftmaxCrossEntropy()).l2(1e-3).build();
        TrainingSettings training = TrainingSettings.of(s.epochs(), s.learningRate()).withBatchSize(s.batchSize())
                .withSeed(s.seed()).withKeepBest(true);
        return Classification.train(name(), s, new Classification.Run(net, new Sgd(), training, split.first(), null,
                split.second(), iris.classNames(), InputTransform.IDENTITY, List.of("split: stratified 80/20 with seed 2024 (120/30 rows)",
                        "the epoch with the best training accuracy is kept, as in the document",
                        "biases step along their gradients (the document's b2, b3 only decay)")), listener, start);
    }
}
