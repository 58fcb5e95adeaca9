package backprop.experiments;

import backprop.data.Dataset;
import backprop.data.InputTransform;
import backprop.data.Preprocessing;
import backprop.data.Splits;
import backprop.metrics.ConfusionMatrix;
import backprop.network.Network;
import backprop.random.SplitMix64;
import backprop.training.Augmentation;
import backprop.training.EpochListener;
import backprop.training.History;
import backprop.training.LearningRateSchedule;
import backprop.training.Optimizer;
import backprop.training.RandomShifts;
import backprop.training.Trainer;
import backprop.training.TrainingSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The common part of every classification experiment: hold out a validation set, treat the inputs, build,
 * train, score training and test sets, tabulate. Each step is the experiment's own unless the run's
 * {@link TrainingChoices} say otherwise, and every choice is named in the run's notes.
 */
final class Classification {

    private Classification() {
    }

    /**
     * How an experiment trains when the run chooses nothing else.
     *
     * @param optimizer     its optimiser
     * @param transform     what it does to raw inputs; null to standardise them on the training part
     * @param inputsNote    what it does to the inputs, in words (dropped when the run chooses otherwise)
     * @param validation    how it holds out a validation set from the training part, or null for none
     * @param keepBest      whether it keeps its best epoch
     * @param scoreTraining whether it scores the whole training set after each epoch
     * @param notes         where it departs from its document, and why
     */
    record Own(Optimizer optimizer, InputTransform transform, String inputsNote,
            Function<Dataset, Splits.Split> validation, boolean keepBest, boolean scoreTraining, List<String> notes) {

        /** Copies the notes. */
        Own {
            notes = List.copyOf(notes);
        }
    }

    static Result run(Experiment e, ExperimentSettings s, Parts parts, Own own, EpochListener listener,
            long startNanos) {
        TrainingChoices c = s.choices();
        List<String> notes = new ArrayList<>(own.notes());
        Dataset train = parts.train();
        Dataset validation = null;
        if (c.validation() > 0) {
            Splits.Split held = Splits.stratified(train, 1 - c.validation(), new SplitMix64(s.seed()));
            train = held.first();
            validation = held.second();
            notes.add(String.format(Locale.ROOT, "validation: %d of the %d training rows held out (%.3g, stratified, "
                    + "seed %d); the epoch best on them is kept", validation.size(), parts.train().size(),
                    c.validation(), s.seed()));
        } else if (own.validation() != null) {
            Splits.Split held = own.validation().apply(train);
            train = held.first();
            validation = held.second();
        }

        InputTransform transform;
        if (c.choosesInputs()) {
            double scale = c.scale() == null ? 1.0 : c.scale();
            transform = InputTransform.scaled(scale);
            if (c.standardize()) {
                Preprocessing.Standardizer st = Preprocessing.Standardizer.fit(transform.apply(train));
                transform = new InputTransform(0.0, scale, st.mean(), st.std());
            }
            notes.add("inputs: " + (scale == 1.0 ? "raw values" : "raw values × " + Numbers.text(scale))
                    + (c.standardize() ? ", then every feature standardised with the training part's mean and "
                            + "deviation" : ""));
        } else {
            transform = own.transform() != null ? own.transform()
                    : InputTransform.standardized(Preprocessing.Standardizer.fit(train));
            if (own.inputsNote() != null) {
                notes.add(own.inputsNote());
            }
        }

        NetworkRecipe recipe = e.network().with(c);
        Network net = recipe.build(train.features(), s.hidden(), train.outputs(), new SplitMix64(s.seed()));
        if (c.weights() != null) {
            notes.add("weights: " + recipe.weights().name() + ", biases zeros (the document: "
                    + e.network().weights().name() + ", " + e.network().biases().name() + ")");
        }
        if (c.l2() != null) {
            notes.add("L2 penalty λ = " + c.l2() + " (the document: " + e.network().l2() + ")");
        }
        Optimizer optimizer = c.optimizer(own.optimizer());
        if (c.optimizer() != null) {
            notes.add("optimiser: " + optimizer.describe() + " (the document: " + own.optimizer().describe() + ")");
        }
        boolean keepBest = own.keepBest() || c.validation() > 0 || c.patience() > 0;
        TrainingSettings training = TrainingSettings.of(s.epochs(), s.learningRate()).withBatchSize(s.batchSize())
                .withSeed(s.seed()).withKeepBest(keepBest).withPatience(c.patience())
                .withScoreTraining(own.scoreTraining());
        if (c.halveEvery() > 0) {
            training = training.withSchedule(LearningRateSchedule.stepDecay(s.learningRate(), 0.5, c.halveEvery()));
            notes.add("learning rate halved after every " + c.halveEvery() + " epochs (the document: constant)");
        }
        if (c.patience() > 0) {
            notes.add("early stopping after " + c.patience() + " epochs without improvement; the best epoch is kept");
        }
        Augmentation augmentation = null;
        if (c.shift() > 0) {
            int side = (int) Math.round(Math.sqrt(train.features()));
            if (side * side != train.features()) {
                throw new IllegalArgumentException("shift: the " + train.features() + " inputs are not a square "
                        + "image; random shifts need images");
            }
            augmentation = new RandomShifts(side, side, c.shift());
            notes.add("augmentation: every training image shifted by −" + c.shift() + " … " + c.shift()
                    + " pixels each way, drawn afresh per image and epoch (edge pixels copied inwards)");
        }

        Dataset trainInputs = transform.apply(train);
        Dataset validationInputs = validation == null ? null : transform.apply(validation);
        Dataset testInputs = transform.apply(parts.test());
        History history = new Trainer(net, optimizer, training, augmentation).fit(trainInputs, validationInputs,
                listener);
        Trainer.Score trainScore = Trainer.score(net, trainInputs);
        Trainer.Score test = Trainer.score(net, testInputs);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("train_samples", (double) trainInputs.size());
        if (validation != null) {
            metrics.put("validation_samples", (double) validation.size());
        }
        metrics.put("test_samples", (double) testInputs.size());
        metrics.put("train_loss", trainScore.loss());
        metrics.put("train_accuracy", trainScore.accuracy());
        if (validation != null) {
            metrics.put("validation_accuracy", Trainer.score(net, validationInputs).accuracy());
        }
        metrics.put("test_loss", test.loss());
        metrics.put("test_accuracy", test.accuracy());
        int classes = testInputs.outputs() == 1 ? 2 : testInputs.outputs();
        ConfusionMatrix confusion = ConfusionMatrix.of(net.predict(testInputs.x()), testInputs.labels(), classes);
        String figure = String.format(Locale.ROOT, "train %.2f%%, test %.2f%%", 100 * trainScore.accuracy(),
                100 * test.accuracy());
        return new Result(KnownData.runName(e.name(), parts.dataName()), s, net, history, metrics, figure, notes,
                confusion, parts.classNames(), null, transform, head(testInputs, 4),
                (System.nanoTime() - startNanos) / 1e9, parts.csv());
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
