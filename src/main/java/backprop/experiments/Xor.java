package backprop.experiments;

import backprop.data.InputTransform;
import backprop.data.Synthetic;
import backprop.layers.Initializer;
import backprop.losses.SoftmaxCrossEntropy;
import backprop.matrix.SplitMix64;
import backprop.network.Network;
import backprop.network.NetworkBuilder;
import backprop.training.Dataset;
import backprop.training.EpochListener;
import backprop.training.Sgd;
import backprop.training.TrainingSettings;
import java.util.List;

/** Document 004's TwoNet on XOR: 2-6-2, ReLU, softmax cross-entropy, L2 1e-3. */
public final class Xor implements Experiment {

    @Override
    public String name() {
        return "xor";
    }

    @Override
    public String document() {
        return "004";
    }

    @Override
    public String description() {
        return "TwoNet: 2-6-2 ReLU, softmax cross-entropy, L2 1e-3, on XOR";
    }

    @Override
    public String documentFigure() {
        return "100%";
    }

    @Override
    public ExperimentSettings defaults() {
        return ExperimentSettings.of(10_000, 0, 0.1, List.of(6), 1);
    }

    @Override
    public Result run(ExperimentSettings s, EpochListener listener) {
        long start = System.nanoTime();
        Dataset data = Synthetic.xor();
        NetworkBuilder b = Network.builder(2, new SplitMix64(s.seed())).weights(Initializer.normal(0.01))
                .biases(Initializer.normal(0.01));
        for (int h : s.hidden()) {
            b.dense(h).relu();
        }
        Network net = b.dense(2).loss(new SoftmaxCrossEntropy()).l2(1e-3).build();
        Classification.Run run = new Classification.Run(net, new Sgd(),
                TrainingSettings.of(s.epochs(), s.learningRate()).withBatchSize(s.batchSize()).withSeed(s.seed()),
                data, null, data, List.of("0", "1"), InputTransform.IDENTITY,
                List.of("output bias steps along its gradient (the document's b2 -= lr·b2 never learns)"));
        Result r = Classification.train(name(), s, run, listener, start);
        return r.withFigure(String.format(java.util.Locale.ROOT, "%.0f%%", 100 * r.metrics().get("train_accuracy")));
    }
}
