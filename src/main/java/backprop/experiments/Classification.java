package backprop.experiments;

import backprop.data.Dataset;
import backprop.data.InputTransform;
import backprop.metrics.ConfusionMatrix;
import backprop.network.Network;
import backprop.training.EpochListener;
import backprop.training.History;
import backprop.training.Optimizer;
import backprop.training.Trainer;
import backprop.training.TrainingSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The common end of every classification experiment: train, score training and test sets, tabulate. */
final class Classification {

    private Classification() {
    }

    /** Everything one classification run needs besides the experiment's name. */
    record Run(Network network, Optimizer optimizer, TrainingSettings training, Dataset train, Dataset validation,
            Dataset test, List<String> classNames, InputTransform transform, List<String> notes) {
    }

    static Result train(String experiment, ExperimentSettings settings, Run run, EpochListener listener,
            long startNanos) {
        History history = new Trainer(run.network(), run.optimizer(), run.training())
                .fit(run.train(), run.validation(), listener);
        Trainer.Score train = Trainer.score(run.network(), run.train());
        Trainer.Score test = Trainer.score(run.network(), run.test());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("train_samples", (double) run.train().size());
        metrics.put("test_samples", (double) run.test().size());
        metrics.put("train_loss", train.loss());
        metrics.put("train_accuracy", train.accuracy());
        if (run.validation() != null) {
            Trainer.Score validation = Trainer.score(run.network(), run.validation());
            metrics.put("validation_accuracy", validation.accuracy());
        }
        metrics.put("test_loss", test.loss());
        metrics.put("test_accuracy", test.accuracy());
        int classes = run.test().outputs() == 1 ? 2 : run.test().outputs();
        ConfusionMatrix confusion = ConfusionMatrix.of(run.network().predict(run.test().x()), run.test().labels(),
                classes);
        String figure = String.format(Locale.ROOT, "train %.2f%%, test %.2f%%", 100 * train.accuracy(),
                100 * test.accuracy());
        return new Result(experiment, settings, run.network(), history, metrics, figure, run.notes(), confusion,
                run.classNames(), null, run.transform(), head(run.test(), 4), (System.nanoTime() - startNanos) / 1e9);
    }

    /** The first {@code n} rows of a dataset (sharing rows). */
    static Dataset head(Dataset data, int n) {
        if (n >= data.size()) {
            return data;
        }
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        return data.rows(index);
    }
}
