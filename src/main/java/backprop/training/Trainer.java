package backprop.training;

import backprop.data.Dataset;
import backprop.layers.Parameter;
import backprop.losses.Targets;
import backprop.matrix.Matrix;
import backprop.network.Network;
import backprop.random.SplitMix64;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trains a network: for each epoch, shuffle (unless full batch), then for each mini-batch one forward and
 * backward pass, optional clipping, and one optimiser step; after the epoch, score and remember the best.
 *
 * <pre>
 *   for epoch = 1 .. E:
 *       η = schedule(epoch, lowest training loss so far)
 *       order = the previous epoch's order (0..N−1 before the first epoch), shuffled again by the
 *               seeded generator (not shuffled for full batch)
 *       for each batch B of the order:
 *           X_B = augmentation(X_B, generator)          only with an augmentation (e.g. random shifts)
 *           L = network.computeGradients(X_B, Y_B)      forward, loss, backward, + λW
 *           clip the gradients;  optimiser.step(η)
 *       score training (and validation) set; keep the best parameters; stop early after `patience`
 *       epochs without improvement
 * </pre>
 */
public final class Trainer {

    /** Rows scored per forward pass when a whole set is scored, so memory stays bounded. */
    private static final int SCORING_CHUNK = 1024;

    /**
     * A batch loss above this many times max(1, the run's first batch loss) counts as diverged, like a NaN:
     * the loss of a run whose weights explode can climb to 1e56 and more without ever becoming NaN.
     */
    public static final double DIVERGENCE_FACTOR = 1e3;

    private final Network network;
    private final Optimizer optimizer;
    private final TrainingSettings settings;
    private final Augmentation augmentation;
    private volatile boolean stopRequested;
    private double firstLoss = Double.NaN;

    /**
     * A trainer that updates {@code network} with {@code optimizer} as {@code settings} say.
     *
     * @param network   the network to train; its parameters are changed in place
     * @param optimizer the update rule
     * @param settings  epochs, batch size, schedule, clipping, early stopping and seed
     */
    public Trainer(Network network, Optimizer optimizer, TrainingSettings settings) {
        this(network, optimizer, settings, null);
    }

    /**
     * A trainer that changes every training batch with {@code augmentation} before its step.
     *
     * @param network      the network to train; its parameters are changed in place
     * @param optimizer    the update rule
     * @param settings     epochs, batch size, schedule, clipping, early stopping and seed
     * @param augmentation changes each batch, drawing from the trainer's generator after the epoch's
     *                     permutation; null for none
     */
    public Trainer(Network network, Optimizer optimizer, TrainingSettings settings, Augmentation augmentation) {
        this.network = network;
        this.optimizer = optimizer;
        this.settings = settings;
        this.augmentation = augmentation;
    }

    /**
     * Asks a running {@link #fit} to stop after the batch it is on, from any thread (a Ctrl-C handler, say).
     * The history then says where it stopped; the epoch cut short is not in it, and the parameters are those
     * of the best epoch (with keepBest) or of the last complete one. The request ends with that fit.
     */
    public void requestStop() {
        stopRequested = true;
    }

    /**
     * Loss (with penalty) and accuracy (NaN for regression) of the network on a whole set.
     *
     * @param loss     the mean data loss plus the L2 penalty
     * @param accuracy the fraction of samples classified correctly, NaN for regression
     */
    public record Score(double loss, double accuracy) {
    }

    /**
     * Trains on {@code train}; {@code validation} may be null. Returns the history of every epoch.
     *
     * <p>Document 000 §七 (mini-batch SGD, a fixed number of epochs) and its §八 {@code train}
     * ({@code Document000.train}); 001 代码结构 ({@code Document001.Net.train}); 002's loop
     * ({@code Document002.iterate}); 003 {@code buildmode}; 004's loops ({@code Document004.mnistLoop}, best
     * epoch kept as 004 keeps its best snapshot, but scored on a whole set).
     *
     * @param train      the training set
     * @param validation the validation set, scored after every epoch; null for none
     * @param listener   hears about every batch and epoch and may stop training; null for none
     * @return the record of every epoch run, the best epoch and why training stopped
     */
    public History fit(Dataset train, Dataset validation, EpochListener listener) {
        checkFits(train, "training set");
        if (validation != null) {
            checkFits(validation, "validation set");
        }
        EpochListener events = listener == null ? EpochListener.SILENT : listener;
        firstLoss = Double.NaN;
        SplitMix64 random = new SplitMix64(settings.seed());
        int n = train.size();
        int batchSize = settings.batchSize() == 0 ? n : Math.min(settings.batchSize(), n);
        boolean fullBatch = batchSize == n;
        int batches = settings.dropRemainder() ? n / batchSize : (n + batchSize - 1) / batchSize;
        boolean classification = network.lossFunction().classification();

        History history = new History();
        List<double[][]> best = null;
        List<double[][]> epochStart = null;        // without keepBest: restored if the epoch is interrupted
        double lowestLoss = Double.POSITIVE_INFINITY;
        int sinceImprovement = 0;
        int[] order = identity(n);
        Batches buffers = new Batches();
        events.trainingStarted(network);
        if (settings.epochs() == 0) {
            history.setStopReason("no epochs: the network keeps its initial parameters");
        }

        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            double rate = settings.schedule().rate(epoch, lowestLoss);
            if (!fullBatch) {
                random.shuffle(order);
            }
            if (!settings.keepBest()) {
                epochStart = snapshot(network.parameters(), epochStart);
            }
            Pass pass = onePass(train, order, batchSize, batches, epoch, rate, buffers, events, random);
            if (pass.interruptedAfter() > 0) {
                // an epoch cut short is not in the history, so neither are its steps in the parameters
                history.setStopReason("interrupted in epoch " + epoch + " after batch " + pass.interruptedAfter()
                        + " of " + batches);
                if (epochStart != null) {
                    restore(network.parameters(), epochStart);
                }
                break;
            }

            Score trainScore = settings.scoreTraining() ? score(network, train)
                    : new Score(pass.lossSum() / pass.seen(),
                            classification ? (double) pass.correct() / pass.seen() : Double.NaN);
            Score validationScore = validation == null ? new Score(Double.NaN, Double.NaN) : score(network, validation);
            EpochRecord record = new EpochRecord(epoch, trainScore.loss(), trainScore.accuracy(),
                    validationScore.loss(), validationScore.accuracy(), rate, pass.seconds());
            history.add(record);
            lowestLoss = Math.min(lowestLoss, trainScore.loss());

            Score monitored = validation == null ? trainScore : validationScore;
            if (history.epochs().size() == 1 || isBetter(monitored, history.best(), validation != null)) {
                history.setBestEpoch(epoch);
                sinceImprovement = 0;
                if (settings.keepBest()) {
                    best = snapshot(network.parameters(), best);
                }
            } else {
                sinceImprovement++;
            }
            if (events.epochEnded(record) == EpochListener.Decision.STOP) {
                history.setStopReason("stopped by the listener after epoch " + epoch);
                break;
            }
            if (settings.patience() > 0 && sinceImprovement >= settings.patience()) {
                history.setStopReason("early stopping: no improvement for " + settings.patience()
                        + " epochs after epoch " + history.bestEpoch());
                break;
            }
        }
        if (settings.keepBest() && best != null) {
            restore(network.parameters(), best);
        }
        stopRequested = false;
        return history;
    }

    /**
     * What one pass over the training data added up: Σ loss·batch size, correct predictions, samples, time,
     * and the batch after which a requested stop ended it (0: it ran to the end).
     */
    private record Pass(double lossSum, int correct, int seen, double seconds, int interruptedAfter) {
    }

    /** The batch matrices, reused: one for full batches, one for the last, smaller batch. */
    private static final class Batches {
        final double[][][] x = new double[2][][];
        final double[][][] y = new double[2][][];
    }

    /**
     * One epoch's steps: for each batch of {@code order}, the augmentation if any, forward and backward, the
     * NaN guard, clipping and one optimiser step. The batch rows are the dataset's own rows, not copies.
     */
    private Pass onePass(Dataset train, int[] order, int batchSize, int batches, int epoch, double rate,
            Batches buffers, EpochListener events, SplitMix64 random) {
        boolean classification = network.lossFunction().classification();
        int n = train.size();
        long start = System.nanoTime();
        double lossSum = 0;
        int correct = 0;
        int seen = 0;
        for (int b = 0; b < batches; b++) {
            int from = b * batchSize;
            int size = Math.min(batchSize, n - from);
            int slot = size == batchSize ? 0 : 1;
            if (buffers.x[slot] == null || buffers.x[slot].length != size) {
                buffers.x[slot] = new double[size][];
                buffers.y[slot] = new double[size][];
            }
            double[][] x = buffers.x[slot];
            double[][] y = buffers.y[slot];
            for (int i = 0; i < size; i++) {
                x[i] = train.x()[order[from + i]];
                y[i] = train.y()[order[from + i]];
            }
            double[][] input = augmentation == null ? x : augmentation.apply(x, random);
            double loss = network.computeGradients(input, y);
            if (Double.isNaN(firstLoss)) {
                firstLoss = loss;
            }
            double bound = DIVERGENCE_FACTOR * Math.max(1.0, firstLoss);
            if (!Double.isFinite(loss) || loss > bound) {
                throw new TrainingDivergedException(String.format(Locale.ROOT,
                        "the loss became %s at epoch %d, batch %d of %d (learning rate %g)%s: training has "
                                + "diverged; try a smaller learning rate, such as %g", loss, epoch, b + 1,
                        batches, rate, Double.isFinite(loss) ? String.format(Locale.ROOT,
                                ", more than %.0f times its first value %.4g", DIVERGENCE_FACTOR, firstLoss) : "",
                        rate / 10));
            }
            if (classification) {
                correct += countCorrect(network, y);
            }
            settings.clipping().clip(network.parameters());
            optimizer.step(network.parameters(), rate);
            lossSum += loss * size;
            seen += size;
            events.batchEnded(new EpochListener.BatchProgress(epoch, b + 1, batches, seen, lossSum / seen,
                    classification ? (double) correct / seen : Double.NaN));
            if (stopRequested || events.stopRequested()) {
                return new Pass(lossSum, correct, seen, (System.nanoTime() - start) / 1e9, b + 1);
            }
        }
        return new Pass(lossSum, correct, seen, (System.nanoTime() - start) / 1e9, 0);
    }

    /**
     * Better means a higher accuracy, or an equal accuracy with a lower loss; for regression, a lower loss.
     */
    private static boolean isBetter(Score candidate, EpochRecord best, boolean onValidation) {
        double bestLoss = onValidation ? best.validationLoss() : best.trainLoss();
        double bestAccuracy = onValidation ? best.validationAccuracy() : best.trainAccuracy();
        if (Double.isNaN(candidate.accuracy())) {
            return candidate.loss() < bestLoss;
        }
        return candidate.accuracy() > bestAccuracy
                || (candidate.accuracy() == bestAccuracy && candidate.loss() < bestLoss);
    }

    /**
     * Loss (with penalty) and accuracy of {@code network} on the whole set, scored in chunks.
     *
     * @param network the network
     * @param data    the set to score
     * @return the loss and the accuracy (NaN for regression)
     */
    public static Score score(Network network, Dataset data) {
        int n = data.size();
        double lossSum = 0;
        int correct = 0;
        for (int from = 0; from < n; from += SCORING_CHUNK) {
            int size = Math.min(SCORING_CHUNK, n - from);
            double[][] x = new double[size][];
            double[][] y = new double[size][];
            for (int i = 0; i < size; i++) {
                x[i] = data.x()[from + i];
                y[i] = data.y()[from + i];
            }
            lossSum += network.dataLoss(x, y) * size;
            if (network.lossFunction().classification()) {
                correct += countCorrect(network, y);
            }
        }
        double loss = lossSum / n + network.penalty().value(network.parameters());
        double accuracy = network.lossFunction().classification() ? (double) correct / n : Double.NaN;
        return new Score(loss, accuracy);
    }

    /**
     * Correct predictions of the latest forward pass. With several outputs the largest one is the class,
     * whether the outputs are logits or probabilities (softmax and σ keep the order); a single output is
     * read through the loss's probabilities (σ of a logit, or the probability itself) against 0.5.
     */
    private static int countCorrect(Network network, double[][] y) {
        double[][] output = network.lastOutput();
        int[] predicted = output[0].length > 1 ? Matrix.rowArgMax(output)
                : Targets.labels(network.lossFunction().probabilities(output));
        int[] actual = Targets.labels(y);
        int right = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (predicted[i] == actual[i]) {
                right++;
            }
        }
        return right;
    }

    private void checkFits(Dataset data, String what) {
        if (data.features() != network.inputSize()) {
            throw new IllegalArgumentException(what + " has " + data.features() + " features per sample but the "
                    + "network takes " + network.inputSize());
        }
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    private static List<double[][]> snapshot(List<Parameter> parameters, List<double[][]> into) {
        List<double[][]> copies = into == null ? new ArrayList<>() : into;
        for (int k = 0; k < parameters.size(); k++) {
            if (into == null) {
                copies.add(Matrix.copy(parameters.get(k).value()));
            } else {
                Matrix.copyInto(parameters.get(k).value(), copies.get(k));
            }
        }
        return copies;
    }

    private static void restore(List<Parameter> parameters, List<double[][]> saved) {
        for (int k = 0; k < parameters.size(); k++) {
            Matrix.copyInto(saved.get(k), parameters.get(k).value());
        }
    }
}
