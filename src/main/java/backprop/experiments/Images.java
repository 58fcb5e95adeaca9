package backprop.experiments;

import backprop.data.InputTransform;
import backprop.data.ImageFolder;
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

/**
 * Document 001 part 2: 28×28 grey images in one sub-folder per class, inverted (255 − p), 784-40-K ReLU,
 * softmax cross-entropy. The default folder is a small sample written from MNIST as dark ink on white.
 */
public final class Images implements Experiment {

    @Override
    public String name() {
        return "images";
    }

    @Override
    public String document() {
        return "001";
    }

    @Override
    public String description() {
        return "784-40-K ReLU, softmax cross-entropy, on a folder of 28×28 images (one sub-folder per class)";
    }

    @Override
    public String documentFigure() {
        return "none reported (12 Chinese characters)";
    }

    @Override
    public ExperimentSettings defaults() {
        return ExperimentSettings.of(60, 16, 0.05, List.of(40), 12);
    }

    @Override
    public Path defaultData() {
        return Path.of("testdata/images");
    }

    @Override
    public Result run(ExperimentSettings s, EpochListener listener) throws IOException {
        long start = System.nanoTime();
        LabeledDataset images = ImageFolder.read(s.data() == null ? defaultData() : s.data(), 28, 28, false);
        InputTransform transform = InputTransform.invertedPixels();
        Splits.Split split = Splits.stratified(transform.apply(images.data()), 0.8, new SplitMix64(s.seed()));
        NetworkBuilder b = Network.builder(784, new SplitMix64(s.seed())).weights(Initializer.he());
        for (int h : s.hidden()) {
            b.dense(h).relu();
        }
        Network net = b.dense(images.classNames().size()).loss(new SoftmaxCrossEntropy()).build();
        TrainingSettings training = TrainingSettings.of(s.epochs(), s.learningRate()).withBatchSize(s.batchSize())
                .withSeed(s.seed());
        return Classification.train(name(), s, new Classification.Run(net, new Sgd(), training, split.first(), null,
                split.second(), images.classNames(), transform, List.of("pixels inverted (255 − p) as in the document, then "
                        + "scaled to [0, 1]", "stratified 80/20 split; the test images are never trained on "
                        + "(the document's test loop also backpropagated)", "one bias per unit (the document "
                        + "shares one per layer)")), listener, start);
    }
}
