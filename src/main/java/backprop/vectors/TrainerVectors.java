package backprop.vectors;

import backprop.data.Dataset;
import backprop.layers.Computation;
import backprop.layers.Initializer;
import backprop.losses.MeanSquaredError;
import backprop.losses.SoftmaxCrossEntropy;
import backprop.losses.Targets;
import backprop.network.Network;
import backprop.network.NetworkBuilder;
import backprop.random.SplitMix64;
import backprop.training.EpochListener;
import backprop.training.EpochRecord;
import backprop.training.GradientClipping;
import backprop.training.History;
import backprop.training.LearningRateSchedule;
import backprop.training.Momentum;
import backprop.training.Optimizer;
import backprop.training.Sgd;
import backprop.training.Trainer;
import backprop.training.TrainingSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code trainer.json}: {@link Trainer#fit} itself on synthetic data, where the experiments' short runs do
 * not reach: mini-batches shuffled epoch after epoch with a smaller last batch, a validation set, more than
 * 1,024 rows scored (so in chunks), the best epoch kept and restored, running batch means instead of scores,
 * regression, and early stopping. Each run gives the order of the rows after every epoch's shuffle, the
 * running mean loss after every batch, every epoch's record, the best epoch and the parameters at the end.
 */
final class TrainerVectors {

    /** Tolerance on everything a run computes with the platform's exp and log. */
    static final double TOLERANCE = 1e-12;
    static final int TRAIN_ROWS = 1100;
    static final int VALIDATION_ROWS = 1030;
    static final long DATA_SEED = 31;

    private TrainerVectors() {
    }

    /** Builds a run's network from its generator. */
    @FunctionalInterface
    private interface Recipe {
        NetworkBuilder start(SplitMix64 random);
    }

    /** One run: its network, data, optimiser and settings. */
    private record Run(String name, String about, long seed, Initializer weights, Initializer biases, Recipe recipe,
            Dataset train, Dataset validation, Map<String, Object> optimizerAbout, Supplier<Optimizer> optimizer,
            TrainingSettings settings) {
    }

    static Map<String, Object> build(Computation computation) {
        Map<String, Object> file = Encoding.header("trainer",
                "Trainer.fit on synthetic data, each run from the 'given' network, data and settings (NOTES.md "
                        + "12.4 is the algorithm): 'orders' is the row order of every epoch after its shuffle "
                        + "(the order is kept from epoch to epoch and shuffled in place; none for full batch); "
                        + "'epochs' per epoch: running_loss after each batch (the sum of batch loss times batch "
                        + "size over the rows seen so far), the training loss and accuracy as recorded (scored on "
                        + "the whole set in chunks of 1024 rows, or the last running mean), the validation loss "
                        + "and accuracy; then best_epoch, epochs_run (fewer than asked when early stopping ends "
                        + "the run) and 'final', the parameters fit leaves (the best epoch's where keep_best). "
                        + "Inputs are multiples of 1/16, exact in any language",
                Encoding.tolerances("given", 0.0, "orders", 0.0, "epochs", TOLERANCE, "final", TOLERANCE));
        List<Object> runs = new ArrayList<>();
        runs.add(run(classification(), computation));
        runs.add(run(regression(), computation));
        file.put("runs", runs);
        return file;
    }

    /** Inputs (i − 32)/16 for i = nextInt(65): multiples of 1/16 in [−2, 2], two per row. */
    private static double[][] inputs(SplitMix64 g, int rows) {
        double[][] x = new double[rows][2];
        for (double[] row : x) {
            row[0] = (g.nextInt(65) - 32) / 16.0;
            row[1] = (g.nextInt(65) - 32) / 16.0;
        }
        return x;
    }

    /** Three classes by region (inside the unit circle, then either side of x1 = x2), one row in ten relabelled. */
    private static Dataset classes(SplitMix64 g, int rows) {
        double[][] x = inputs(g, rows);
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            double a = x[i][0];
            double b = x[i][1];
            labels[i] = a * a + b * b < 1 ? 0 : a > b ? 1 : 2;
            if (g.nextInt(10) == 0) {
                labels[i] = g.nextInt(3);
            }
        }
        return new Dataset(x, Targets.oneHot(labels, 3));
    }

    /** y = (x1 − x2)/4 + x1·x2/8, exact for these inputs. */
    private static Dataset values(SplitMix64 g, int rows) {
        double[][] x = inputs(g, rows);
        double[][] y = new double[rows][1];
        for (int i = 0; i < rows; i++) {
            y[i][0] = (x[i][0] - x[i][1]) / 4 + x[i][0] * x[i][1] / 8;
        }
        return new Dataset(x, y);
    }

    private static Run classification() {
        SplitMix64 g = new SplitMix64(DATA_SEED);
        Dataset train = classes(g, TRAIN_ROWS);
        Dataset validation = classes(g, VALIDATION_ROWS);
        Map<String, Object> sgd = new LinkedHashMap<>();
        sgd.put("type", "sgd");
        TrainingSettings settings = new TrainingSettings(6, 64, LearningRateSchedule.constant(0.8),
                GradientClipping.NONE, 0, true, false, true, 21);
        return new Run("classification", "2-8-3 ReLU, softmax cross-entropy, L2 1e-3; SGD at 0.8 in batches of 64 "
                + "(17 of 64 and a last of 12 per epoch); training and validation sets scored after every epoch "
                + "(1,100 and 1,030 rows: two chunks each); the best epoch by validation accuracy, an equal "
                + "accuracy going to the lower validation loss (epoch 2 ties epoch 1), and restored at the end "
                + "(the best is epoch 4 of 6)", 41, Initializer.he(), Initializer.zeros(),
                r -> Network.builder(2, r).weights(Initializer.he()).biases(Initializer.zeros()).dense(8).relu()
                        .dense(3).loss(new SoftmaxCrossEntropy()).l2(1e-3),
                train, validation, sgd, Sgd::new, settings);
    }

    private static Run regression() {
        SplitMix64 g = new SplitMix64(DATA_SEED + 1);
        Dataset train = values(g, TRAIN_ROWS);
        Dataset validation = values(g, VALIDATION_ROWS);
        Map<String, Object> momentum = new LinkedHashMap<>();
        momentum.put("type", "momentum");
        momentum.put("mu", 0.9);
        TrainingSettings settings = new TrainingSettings(10, 128, LearningRateSchedule.constant(0.5),
                GradientClipping.NONE, 2, true, false, false, 1);
        return new Run("regression", "2-6-1 tanh, identity output, mean squared error (regression: no accuracy, the "
                + "best epoch is the one of the lowest validation loss); momentum 0.9 at 0.5 in batches of 128 (8 "
                + "of 128 and a last of 76); the training loss recorded is the epoch's running mean, not a score; "
                + "patience 2: of 10 epochs asked for, training stops after epoch 9, two epochs after the best", 42,
                Initializer.xavier(), Initializer.zeros(), r -> Network.builder(2, r).weights(Initializer.xavier())
                        .biases(Initializer.zeros()).dense(6).tanh().dense(1).identity().loss(new MeanSquaredError()),
                train, validation, momentum, () -> new Momentum(0.9), settings);
    }

    /** Hears every batch's running mean loss, and switches the network to the computation asked for. */
    private static final class Batches implements EpochListener {
        private final Computation computation;
        final List<List<Double>> running = new ArrayList<>();

        Batches(Computation computation) {
            this.computation = computation;
        }

        @Override
        public void trainingStarted(Network network) {
            network.setComputation(computation);
        }

        @Override
        public void batchEnded(BatchProgress progress) {
            if (progress.batch() == 1) {
                running.add(new ArrayList<>());
            }
            running.get(running.size() - 1).add(progress.runningLoss());
        }
    }

    private static Map<String, Object> run(Run run, Computation computation) {
        Network net = run.recipe().start(new SplitMix64(run.seed())).build();
        TrainingSettings s = run.settings();
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("seed", run.seed());
        given.put("weights", Encoding.initializer(run.weights()));
        given.put("biases", Encoding.initializer(run.biases()));
        given.put("model", NetworkVectors.model(net));
        given.put("initial", Encoding.parametersExact(net.parameters()));
        given.put("train", data(run.train()));
        given.put("validation", data(run.validation()));
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("epochs", s.epochs());
        settings.put("batch", s.batchSize());
        settings.put("learning_rate", s.schedule().rate(1, Double.POSITIVE_INFINITY));
        settings.put("optimizer", run.optimizerAbout());
        settings.put("shuffle_seed", s.seed());
        settings.put("train_loss", s.scoreTraining() ? "scored" : "batch mean");
        settings.put("keep_best", s.keepBest());
        settings.put("patience", s.patience());
        given.put("settings", settings);

        Batches batches = new Batches(computation);
        History history = new Trainer(net, run.optimizer().get(), s).fit(run.train(), run.validation(), batches);

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", run.name());
        m.put("about", run.about());
        m.put("given", given);
        m.put("orders", orders(run.train().size(), s, history.epochs().size()));
        boolean classification = net.lossFunction().classification();
        List<Object> epochs = new ArrayList<>();
        int[] best = bestSoFar(history.epochs(), classification);
        if (best[best.length - 1] != history.bestEpoch()) {
            throw new IllegalStateException("trainer.json: the best epoch by NOTES.md's rule is "
                    + best[best.length - 1] + " but Trainer.fit chose " + history.bestEpoch() + "; make them agree");
        }
        for (EpochRecord r : history.epochs()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("epoch", r.epoch());
            e.put("running_loss", batches.running.get(r.epoch() - 1));
            e.put("train_loss", r.trainLoss());
            if (classification) {
                e.put("train_accuracy", r.trainAccuracy());
            }
            e.put("validation_loss", r.validationLoss());
            if (classification) {
                e.put("validation_accuracy", r.validationAccuracy());
            }
            e.put("best_so_far", best[r.epoch() - 1]);
            epochs.add(e);
        }
        m.put("epochs", epochs);
        m.put("best_epoch", history.bestEpoch());
        m.put("epochs_run", history.epochs().size());
        m.put("final", Encoding.parameters(net.parameters()));
        return m;
    }

    /**
     * The best epoch after each epoch: the first; then one whose accuracy (validation's, as every run here
     * has a validation set) is higher, or equal with a lower loss of the same set; for regression, a lower loss.
     */
    private static int[] bestSoFar(List<EpochRecord> records, boolean classification) {
        int[] best = new int[records.size()];
        EpochRecord b = null;
        for (int k = 0; k < records.size(); k++) {
            EpochRecord r = records.get(k);
            boolean better = b == null || (classification
                    ? r.validationAccuracy() > b.validationAccuracy()
                            || (r.validationAccuracy() == b.validationAccuracy()
                                    && r.validationLoss() < b.validationLoss())
                    : r.validationLoss() < b.validationLoss());
            if (better) {
                b = r;
            }
            best[k] = b.epoch();
        }
        return best;
    }

    /**
     * The row order of each epoch after its shuffle: one generator from the shuffle seed, the order kept
     * from epoch to epoch and shuffled in place (NOTES.md 12.4).
     */
    private static List<Object> orders(int n, TrainingSettings s, int epochs) {
        SplitMix64 g = new SplitMix64(s.seed());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        List<Object> out = new ArrayList<>();
        for (int e = 0; e < epochs; e++) {
            g.shuffle(order);
            List<Integer> copy = new ArrayList<>(n);
            for (int i : order) {
                copy.add(i);
            }
            out.add(copy);
        }
        return out;
    }

    private static Map<String, Object> data(Dataset d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("X", d.x());
        m.put("Y", d.y());
        return m;
    }
}
