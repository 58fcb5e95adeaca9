package backprop.experiments;

import backprop.data.InputTransform;
import backprop.data.LabeledCsv;
import backprop.data.LabeledDataset;
import backprop.data.Preprocessing;
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
 * A user's own table: any CSV with a header and a label column ({@code --label}), other columns numeric
 * features, standardised with the training part's statistics; a seeded stratified 80/20 split; ReLU
 * hidden layers ({@code --hidden}) and softmax classification.
 */
public final class CsvTable implements Experiment {

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public String document() {
        return "—";
    }

    @Override
    public String description() {
        return "any CSV: --label COLUMN [--ignore A,B], standardised, stratified 80/20, ReLU hidden, softmax";
    }

    @Override
    public String documentFigure() {
        return "—";
    }

    @Override
    public ExperimentSettings defaults() {
        return new ExperimentSettings(300, 32, 0.05, List.of(16), 1, null, null, List.of());
    }

    @Override
    public ExperimentSettings tour() {
        return defaults().withLabel("Species", List.of("Id"));
    }

    @Override
    public Path defaultData() {
        return Path.of("testdata/iris/Iris.csv");
    }

    @Override
    public Result run(ExperimentSettings s, EpochListener listener) throws IOException {
        long start = System.nanoTime();
        if (s.label() == null) {
            throw new IllegalArgumentException("csv: name the label column with --label COLUMN");
        }
        Path file = s.data() == null ? defaultData() : s.data();
        LabeledDataset table = LabeledCsv.read(file, s.label(), s.ignore());
        Splits.Split split = Splits.stratified(table.data(), 0.8, new SplitMix64(s.seed()));
        Preprocessing.Standardizer standardizer = Preprocessing.Standardizer.fit(split.first());
        NetworkBuilder b = Network.builder(table.data().features(), new SplitMix64(s.seed()))
                .weights(Initializer.he());
        for (int h : s.hidden()) {
            b.dense(h).relu();
        }
        Network net = b.dense(table.classNames().size()).loss(new SoftmaxCrossEntropy()).build();
        TrainingSettings training = TrainingSettings.of(s.epochs(), s.learningRate()).withBatchSize(s.batchSize())
                .withSeed(s.seed());
        return Classification.train(name(), s, new Classification.Run(net, new Sgd(), training,
                standardizer.apply(split.first()), null, standardizer.apply(split.second()), table.classNames(),
                InputTransform.standardized(standardizer),
                List.of("features standardised with the training part's mean and deviation; " + file)),
                listener, start);
    }
}
