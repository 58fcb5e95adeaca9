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
 * regression, early stopping, the schedules and clipping; two runs use only + − × ÷ and √, so that all
 * their numbers are promised bit for bit. Each run gives the order of the rows after every epoch's shuffle,
 * the running mean loss after every batch, every epoch's record, the best epoch and the parameters at the end.
 */
final class TrainerVectors {

    /** Tolerance on everything a run computes with the platform's exp and log. */
    static final double TOLERANCE = 1e-12;
    static final int TRAIN_ROWS = 1100;
    static final int VALIDATION_ROWS = 1030;
    static final long DATA_SEED = 31;
    /** Rows of the run without validation. */
    static final int SMALL_ROWS = 300;
    private static final double DECAY_INITIAL = 0.25;
    private static final int DECAY_EVERY = 2;
    private static final double NORM_LIMIT = 0.5;
    private static final double STEP_INITIAL = 0.2;
    private static final double[] STEP_THRESHOLDS = {0.03, 0.015};
    private static final double[] STEP_RATES = {0.1, 0.05};
    private static final double VALUE_LIMIT = 0.02;
    private static final int STEP_EPOCHS = 12;
    private static final int STEP_PATIENCE = 3;

    private TrainerVectors() {
    }

    /** Builds a run's network from its generator. */
    @FunctionalInterface
    private interface Recipe {
        NetworkBuilder start(SplitMix64 random);
    }

    /**
     * One run: its network, data, optimiser and settings, the schedule and clipping as the file writes them,
     * and whether every number it computes is promised bit for bit ({@code exact}: no exp, log, tanh or pow
     * other than exact powers of two on its way).
     */
    private record Run(String name, String about, long seed, Initializer weights, Initializer biases, Recipe recipe,
            Dataset train, Dataset validation, Map<String, Object> optimizerAbout, Supplier<Optimizer> optimizer,
            TrainingSettings settings, Map<String, Object> scheduleAbout, Map<String, Object> clippingAbout,
            boolean exact) {
    }

    static Map<String, Object> build(Computation computation) {
        Map<String, Object> file = Encoding.header("trainer",
                "Trainer.fit on synthetic data, each run from the 'given' network, data and settings (NOTES.md "
                        + "12.4 is the algorithm): 'orders' is the row order of every epoch after its shuffle "
                        + "(the order is kept from epoch to epoch and shuffled in place; none for full batch); "
                        + "'epochs' per epoch: the learning rate the schedule gave, running_loss after each batch "
                        + "(the sum of batch loss times batch size over the rows seen so far), the training loss "
                        + "and accuracy as recorded (scored on the whole set in chunks of 1024 rows, or the last "
                        + "running mean), the validation loss and accuracy (where 'validation' is not null); then "
                        + "best_epoch, epochs_run (fewer than asked when early stopping ends the run) and "
                        + "'final', the parameters fit leaves (the best epoch's where keep_best). Inputs are "
                        + "multiples of 1/16, exact in any language. The runs marked exact use no exp, log or "
                        + "tanh, and pow only for exact powers of two, so every number they compute has a _bits "
                        + "twin and is promised bit for bit, for a port that keeps the order of every sum "
                        + "(NOTES.md 12.3)",
                Encoding.tolerances("given", 0.0, "orders", 0.0, "epochs", TOLERANCE, "final", TOLERANCE));
        List<Object> runs = new ArrayList<>();
        runs.add(run(classification(), computation));
        runs.add(run(regression(), computation));
        runs.add(run(exactStepDecay(), computation));
        runs.add(run(exactStepOnLoss(), computation));
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
                train, validation, sgd, Sgd::new, settings, constant(0.8), null, false);
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
                train, validation, momentum, () -> new Momentum(0.9), settings, constant(0.5), null, false);
    }

    /**
     * Everything + − × ÷ and √: ReLU and leaky-ReLU layers, an identity output, mean squared error, the L2
     * penalty, momentum, step decay by halves, global-norm clipping; so every number is promised bit for bit.
     */
    private static Run exactStepDecay() {
        SplitMix64 g = new SplitMix64(DATA_SEED + 2);
        Dataset train = values(g, TRAIN_ROWS);
        Dataset validation = values(g, VALIDATION_ROWS);
        Map<String, Object> momentum = new LinkedHashMap<>();
        momentum.put("type", "momentum");
        momentum.put("mu", 0.9);
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("type", "step-decay");
        schedule.put("initial", DECAY_INITIAL);
        schedule.put("factor", 0.5);
        schedule.put("every", DECAY_EVERY);
        TrainingSettings settings = new TrainingSettings(6, 128, LearningRateSchedule.stepDecay(DECAY_INITIAL, 0.5,
                DECAY_EVERY), GradientClipping.globalNorm(NORM_LIMIT), 0, true, false, true, 23);
        return new Run("exact-step-decay", "2-8-6-1, ReLU then leaky ReLU 0.25, identity output, mean squared error, "
                + "L2 1e-3; momentum 0.9 in batches of 128 (8 of 128 and a last of 76); the rate halved every "
                + DECAY_EVERY + " epochs from " + DECAY_INITIAL + "; the gradients rescaled together whenever their "
                + "joint norm exceeds " + NORM_LIMIT + "; training and validation sets scored in chunks of 1024; the "
                + "best epoch by validation loss restored. Only + - * / and sqrt: every number bit for bit (_bits)",
                43, Initializer.he(), Initializer.constant(0.0625),
                r -> Network.builder(2, r).weights(Initializer.he()).biases(Initializer.constant(0.0625)).dense(8)
                        .relu().dense(6).leakyRelu(0.25).dense(1).identity().loss(new MeanSquaredError()).l2(1e-3),
                train, validation, momentum, () -> new Momentum(0.9), settings, schedule, clipping("global-norm",
                        NORM_LIMIT), true);
    }

    /**
     * The same kind of network without validation: the rate steps down as the lowest training loss (the
     * epoch's batch mean) passes thresholds, gradients are clipped entry by entry, no penalty (λ = 0), and
     * early stopping ends the run; every number bit for bit.
     */
    private static Run exactStepOnLoss() {
        SplitMix64 g = new SplitMix64(DATA_SEED + 3);
        Dataset train = values(g, SMALL_ROWS);
        Map<String, Object> sgd = new LinkedHashMap<>();
        sgd.put("type", "sgd");
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("type", "step-on-loss");
        schedule.put("initial", STEP_INITIAL);
        schedule.put("thresholds", STEP_THRESHOLDS);
        schedule.put("rates", STEP_RATES);
        TrainingSettings settings = new TrainingSettings(STEP_EPOCHS, 32, LearningRateSchedule.stepOnLoss(STEP_INITIAL,
                STEP_THRESHOLDS, STEP_RATES), GradientClipping.value(VALUE_LIMIT), STEP_PATIENCE, true, false, false, 24);
        return new Run("exact-step-on-loss", "2-8-1, ReLU, identity output, mean squared error, no L2; SGD in batches "
                + "of 32 (9 of 32 and a last of 12); no validation set, so the best epoch is the one of the lowest "
                + "training loss, here the epoch's running mean of batch losses; the rate is " + STEP_INITIAL
                + " until the lowest training loss so far falls below a threshold, then that threshold's rate; "
                + "every gradient entry clipped to [-" + VALUE_LIMIT + ", " + VALUE_LIMIT + "]; patience "
                + STEP_PATIENCE + ". Only + - * / and sqrt: every number bit for bit (_bits)", 44,
                Initializer.he(), Initializer.zeros(), r -> Network.builder(2, r).weights(Initializer.he())
                        .biases(Initializer.zeros()).dense(8).relu().dense(1).identity().loss(new MeanSquaredError()),
                train, null, sgd, Sgd::new, settings, schedule, clipping("value", VALUE_LIMIT), true);
    }

    private static Map<String, Object> constant(double rate) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "constant");
        m.put("rate", rate);
        return m;
    }

    private static Map<String, Object> clipping(String type, double limit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("limit", limit);
        return m;
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
        given.put("validation", run.validation() == null ? null : data(run.validation()));
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("epochs", s.epochs());
        settings.put("batch", s.batchSize());
        settings.put("schedule", run.scheduleAbout());
        settings.put("clipping", run.clippingAbout());
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
        m.put("exact", run.exact());
        m.put("given", given);
        m.put("orders", orders(run.train().size(), s, history.epochs().size()));
        boolean classification = net.lossFunction().classification();
        boolean validation = run.validation() != null;
        List<Object> epochs = new ArrayList<>();
        int[] best = bestSoFar(history.epochs(), classification, validation);
        if (best[best.length - 1] != history.bestEpoch()) {
            throw new IllegalStateException("trainer.json: the best epoch by NOTES.md's rule is "
                    + best[best.length - 1] + " but Trainer.fit chose " + history.bestEpoch() + "; make them agree");
        }
        for (EpochRecord r : history.epochs()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("epoch", r.epoch());
            put(e, "learning_rate", r.learningRate(), run.exact());
            put(e, "running_loss", batches.running.get(r.epoch() - 1).stream().mapToDouble(Double::doubleValue)
                    .toArray(), run.exact());
            put(e, "train_loss", r.trainLoss(), run.exact());
            if (classification) {
                e.put("train_accuracy", r.trainAccuracy());
            }
            if (validation) {
                put(e, "validation_loss", r.validationLoss(), run.exact());
                if (classification) {
                    e.put("validation_accuracy", r.validationAccuracy());
                }
            }
            e.put("best_so_far", best[r.epoch() - 1]);
            epochs.add(e);
        }
        m.put("epochs", epochs);
        m.put("best_epoch", history.bestEpoch());
        m.put("epochs_run", history.epochs().size());
        m.put("final", run.exact() ? Encoding.parametersExact(net.parameters()) : Encoding.parameters(net.parameters()));
        return m;
    }

    /** A number, or numbers, with their {@code _bits} twins where the run is exact. */
    private static void put(Map<String, Object> m, String key, double v, boolean exact) {
        if (exact) {
            Encoding.putExact(m, key, v);
        } else {
            m.put(key, v);
        }
    }

    private static void put(Map<String, Object> m, String key, double[] v, boolean exact) {
        if (exact) {
            Encoding.putExact(m, key, v);
        } else {
            m.put(key, v);
        }
    }

    /**
     * The best epoch after each epoch: the first; then one whose accuracy (validation's if there is a
     * validation set, else training's) is higher, or equal with a lower loss of the same set; for regression,
     * a lower loss.
     */
    private static int[] bestSoFar(List<EpochRecord> records, boolean classification, boolean validation) {
        int[] best = new int[records.size()];
        EpochRecord b = null;
        for (int k = 0; k < records.size(); k++) {
            EpochRecord r = records.get(k);
            boolean better = b == null || (classification
                    ? accuracy(r, validation) > accuracy(b, validation)
                            || (accuracy(r, validation) == accuracy(b, validation)
                                    && loss(r, validation) < loss(b, validation))
                    : loss(r, validation) < loss(b, validation));
            if (better) {
                b = r;
            }
            best[k] = b.epoch();
        }
        return best;
    }

    private static double accuracy(EpochRecord r, boolean validation) {
        return validation ? r.validationAccuracy() : r.trainAccuracy();
    }

    private static double loss(EpochRecord r, boolean validation) {
        return validation ? r.validationLoss() : r.trainLoss();
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
