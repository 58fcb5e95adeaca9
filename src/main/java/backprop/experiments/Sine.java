package backprop.experiments;

import backprop.data.InputTransform;
import backprop.data.Synthetic;
import backprop.layers.Initializer;
import backprop.losses.MeanSquaredError;
import backprop.matrix.SplitMix64;
import backprop.network.Network;
import backprop.network.NetworkBuilder;
import backprop.training.Adam;
import backprop.training.Dataset;
import backprop.training.EpochListener;
import backprop.training.History;
import backprop.training.Metrics;
import backprop.training.Trainer;
import backprop.training.TrainingSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Document 001 part 1: fit y = sin(x) on [−π, π] with 1-200-1, tanh hidden, linear output, ½·MSE. */
public final class Sine implements Experiment {

    /** Points of the grid the fit is scored on. */
    static final int GRID = 1000;

    @Override
    public String name() {
        return "sine";
    }

    @Override
    public String document() {
        return "001";
    }

    @Override
    public String description() {
        return "1-200-1 tanh, linear output, ½·MSE, 200 points of sin(x) on [−π, π]";
    }

    @Override
    public String documentFigure() {
        return "mean error < 0.01 wanted";
    }

    @Override
    public ExperimentSettings defaults() {
        return ExperimentSettings.of(3000, 0, 0.01, List.of(200), 7);
    }

    @Override
    public Result run(ExperimentSettings s, EpochListener listener) {
        long start = System.nanoTime();
        SplitMix64 random = new SplitMix64(s.seed());
        Dataset train = Synthetic.sine(200, 0.0, random);
        NetworkBuilder b = Network.builder(1, random).weights(Initializer.xavier());
        for (int h : s.hidden()) {
            b.dense(h).tanh();
        }
        Network net = b.dense(1).identity().loss(new MeanSquaredError()).build();
        TrainingSettings training = TrainingSettings.of(s.epochs(), s.learningRate()).withBatchSize(s.batchSize())
                .withSeed(s.seed()).withScoreTraining(false);
        History history = new Trainer(net, new Adam(), training).fit(train, null, listener);
        Dataset grid = Synthetic.sineGrid(GRID);
        double[][] predicted = net.forward(grid.x());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("train_loss", history.last().trainLoss());
        metrics.put("grid_mse", Metrics.meanSquaredError(predicted, grid.y()));
        metrics.put("grid_mean_abs_error", Metrics.meanAbsoluteError(predicted, grid.y()));
        double[][] fit = new double[GRID][3];
        for (int i = 0; i < GRID; i++) {
            fit[i] = new double[] {grid.x()[i][0], grid.y()[i][0], predicted[i][0]};
        }
        String figure = String.format(Locale.ROOT, "mean error %.4f, MSE %.2e (1,000-point grid)",
                metrics.get("grid_mean_abs_error"), metrics.get("grid_mse"));
        List<String> notes = List.of("Adam, full batch: the document's SGD at lr 5e-4 with a step schedule "
                + "needs hours for the same fit", "Xavier initial weights; one bias per hidden unit (the "
                + "document shares one per layer)");
        return new Result(name(), s, net, history, metrics, figure, notes, null, List.of(), fit,
                InputTransform.IDENTITY, Classification.head(grid, 4), (System.nanoTime() - start) / 1e9);
    }
}
