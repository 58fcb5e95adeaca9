package backprop.vectors;

import static backprop.vectors.PortSupport.integer;
import static backprop.vectors.PortSupport.map;
import static backprop.vectors.PortSupport.matrix;
import static backprop.vectors.PortSupport.number;

import backprop.layers.Parameter;
import backprop.losses.Targets;
import backprop.matrix.Matrix;
import backprop.network.Network;
import backprop.random.SplitMix64;
import backprop.training.Optimizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A run of {@code trainer.json} done the way NOTES.md §12.4 writes the trainer, loop by loop, without
 * {@code Trainer}: what a port does. {@link Mistake} makes it go wrong the ways a port might.
 */
final class HandTrainer {

    /** Departures from §12.4 that the vectors must catch. */
    enum Mistake {
        /** None: the algorithm as written. */
        NONE,
        /** Each epoch shuffles a fresh 0..N−1 instead of the previous epoch's order. */
        FRESH_PERMUTATION,
        /** An equal accuracy never makes a new best, whatever the losses. */
        TIES_KEEP_THE_EARLIER_EPOCH,
        /** A whole set scored in one chunk instead of chunks of 1024 rows. */
        ONE_CHUNK
    }

    private static final int CHUNK = 1024;

    private HandTrainer() {
    }

    /** Loss and accuracy (NaN for regression) of a whole set, scored in chunks of 1024 rows. */
    private record Score(double loss, double accuracy) {
    }

    /**
     * Runs one entry of {@code runs[]} from its {@code given} part.
     *
     * @return the computed {@code orders}, {@code epochs}, {@code best_epoch}, {@code epochs_run}, {@code final}
     */
    static Map<String, Object> run(Map<String, Object> run, Mistake mistake) {
        return run(run, mistake, UnaryOperator.identity());
    }

    /**
     * The same, with the network changed by {@code platform} before training (its layers swapped for ones
     * that compute like another platform, say).
     */
    static Map<String, Object> run(Map<String, Object> run, Mistake mistake, UnaryOperator<Network> platform) {
        Map<String, Object> given = map(run.get("given"));
        Network net = platform.apply(PortSupport.network(map(given.get("model")),
                new SplitMix64((long) number(given.get("seed"))), PortSupport.initializer(given.get("weights")),
                PortSupport.initializer(given.get("biases"))));
        double[][] x = matrix(map(given.get("train")).get("X"));
        double[][] y = matrix(map(given.get("train")).get("Y"));
        boolean validates = given.get("validation") != null;
        double[][] vx = validates ? matrix(map(given.get("validation")).get("X")) : null;
        double[][] vy = validates ? matrix(map(given.get("validation")).get("Y")) : null;
        Map<String, Object> s = map(given.get("settings"));
        int epochsAsked = integer(s.get("epochs"));
        Map<String, Object> schedule = map(s.get("schedule"));
        Map<String, Object> clipping = s.get("clipping") == null ? null : map(s.get("clipping"));
        boolean exact = (Boolean) run.get("exact");
        int chunk = mistake == Mistake.ONE_CHUNK ? Integer.MAX_VALUE : CHUNK;
        boolean scored = s.get("train_loss").equals("scored");
        boolean keepBest = (Boolean) s.get("keep_best");
        int patience = integer(s.get("patience"));
        Optimizer optimizer = PortSupport.optimizer(s.get("optimizer"));
        boolean classification = net.lossFunction().classification();

        SplitMix64 g = new SplitMix64((long) number(s.get("shuffle_seed")));
        int n = x.length;
        int batch = integer(s.get("batch")) == 0 ? n : Math.min(integer(s.get("batch")), n);
        boolean full = batch == n;
        int batches = (n + batch - 1) / batch;
        int[] order = identity(n);
        double first = Double.NaN;
        List<Object> orders = new ArrayList<>();
        List<Object> epochs = new ArrayList<>();
        List<double[][]> kept = null;
        int best = 0;
        Score bestScore = null;
        int since = 0;
        int epochsRun = 0;
        double lowest = Double.POSITIVE_INFINITY;
        for (int epoch = 1; epoch <= epochsAsked; epoch++) {
            double rate = rate(schedule, epoch, lowest);
            if (!full) {
                if (mistake == Mistake.FRESH_PERMUTATION) {
                    order = identity(n);
                }
                g.shuffle(order);
                List<Integer> copy = new ArrayList<>();
                for (int i : order) {
                    copy.add(i);
                }
                orders.add(copy);
            }
            double lossSum = 0;
            int seen = 0;
            int correct = 0;
            List<Double> running = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                int from = b * batch;
                int size = Math.min(batch, n - from);
                double[][] bx = new double[size][];
                double[][] by = new double[size][];
                for (int i = 0; i < size; i++) {
                    bx[i] = x[order[from + i]];
                    by[i] = y[order[from + i]];
                }
                double loss = net.computeGradients(bx, by);
                if (Double.isNaN(first)) {
                    first = loss;
                }
                if (!Double.isFinite(loss) || loss > 1000 * Math.max(1.0, first)) {
                    throw new IllegalStateException("diverged at epoch " + epoch);
                }
                if (classification) {
                    correct += correct(net, by);
                }
                clip(clipping, net.parameters());
                optimizer.step(net.parameters(), rate);
                lossSum = lossSum + loss * size;
                seen = seen + size;
                running.add(lossSum / seen);
            }
            Score train = scored ? score(net, x, y, chunk)
                    : new Score(lossSum / seen, classification ? (double) correct / seen : Double.NaN);
            Score validation = validates ? score(net, vx, vy, chunk) : null;
            lowest = Math.min(lowest, train.loss());
            Score monitored = validates ? validation : train;
            boolean better;
            if (bestScore == null) {
                better = true;
            } else if (!classification) {
                better = monitored.loss() < bestScore.loss();
            } else if (mistake == Mistake.TIES_KEEP_THE_EARLIER_EPOCH) {
                better = monitored.accuracy() > bestScore.accuracy();
            } else {
                better = monitored.accuracy() > bestScore.accuracy()
                        || (monitored.accuracy() == bestScore.accuracy() && monitored.loss() < bestScore.loss());
            }
            if (better) {
                best = epoch;
                bestScore = monitored;
                since = 0;
                if (keepBest) {
                    kept = new ArrayList<>();
                    for (Parameter p : net.parameters()) {
                        kept.add(Matrix.copy(p.value()));
                    }
                }
            } else {
                since++;
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("epoch", epoch);
            put(e, "learning_rate", new double[] {rate}, exact, true);
            put(e, "running_loss", running.stream().mapToDouble(Double::doubleValue).toArray(), exact, false);
            put(e, "train_loss", new double[] {train.loss()}, exact, true);
            if (classification) {
                e.put("train_accuracy", train.accuracy());
            }
            if (validates) {
                put(e, "validation_loss", new double[] {validation.loss()}, exact, true);
                if (classification) {
                    e.put("validation_accuracy", validation.accuracy());
                }
            }
            e.put("best_so_far", best);
            epochs.add(e);
            epochsRun = epoch;
            if (patience > 0 && since >= patience) {
                break;
            }
        }
        if (keepBest && kept != null) {
            for (int k = 0; k < kept.size(); k++) {
                Matrix.copyInto(kept.get(k), net.parameters().get(k).value());
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("orders", orders);
        out.put("epochs", epochs);
        out.put("best_epoch", best);
        out.put("epochs_run", epochsRun);
        out.put("final", exact ? PortSupport.parametersExact(net) : PortSupport.parameters(net));
        return out;
    }

    /** A number (or numbers) as the file writes it, with its {@code _bits} twin in an exact run. */
    private static void put(Map<String, Object> m, String key, double[] v, boolean exact, boolean scalar) {
        if (exact) {
            if (scalar) {
                Encoding.putExact(m, key, v[0]);
            } else {
                Encoding.putExact(m, key, v);
            }
        } else {
            m.put(key, scalar ? (Object) v[0] : (Object) v);
        }
    }

    /**
     * The schedule's rate for an epoch: {@code constant}: rate; {@code step-decay}: initial·factor^⌊(epoch −
     * 1)/every⌋; {@code step-on-loss}: the rate of the last (smallest) threshold the lowest loss is below.
     */
    private static double rate(Map<String, Object> schedule, int epoch, double lowest) {
        return switch ((String) schedule.get("type")) {
            case "constant" -> number(schedule.get("rate"));
            case "step-decay" -> number(schedule.get("initial"))
                    * Math.pow(number(schedule.get("factor")), (epoch - 1) / integer(schedule.get("every")));
            case "step-on-loss" -> {
                double rate = number(schedule.get("initial"));
                List<Object> thresholds = PortSupport.list(schedule.get("thresholds"));
                List<Object> rates = PortSupport.list(schedule.get("rates"));
                for (int i = 0; i < thresholds.size(); i++) {
                    if (lowest < number(thresholds.get(i))) {
                        rate = number(rates.get(i));
                    }
                }
                yield rate;
            }
            default -> throw new IllegalArgumentException("unknown schedule " + schedule);
        };
    }

    /**
     * {@code value}: g = max(-c, min(c, g)) per entry; {@code global-norm}: n = sqrt(Σ g² over every
     * parameter in order), and when n &gt; c every g = g * (c / n).
     */
    private static void clip(Map<String, Object> clipping, List<Parameter> parameters) {
        if (clipping == null) {
            return;
        }
        double c = number(clipping.get("limit"));
        if (clipping.get("type").equals("value")) {
            for (Parameter p : parameters) {
                for (double[] row : p.gradient()) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = Math.max(-c, Math.min(c, row[j]));
                    }
                }
            }
            return;
        }
        double sum = 0.0;
        for (Parameter p : parameters) {
            for (double[] row : p.gradient()) {
                for (double g : row) {
                    sum = sum + g * g;
                }
            }
        }
        double norm = Math.sqrt(sum);
        if (norm > c) {
            double scale = c / norm;
            for (Parameter p : parameters) {
                for (double[] row : p.gradient()) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = row[j] * scale;
                    }
                }
            }
        }
    }

    /** score: chunks of 1024 rows in row order; loss = Σ dataLoss(chunk)·rows / N + penalty. */
    private static Score score(Network net, double[][] x, double[][] y, int chunk) {
        int n = x.length;
        double lossSum = 0;
        int correct = 0;
        for (int from = 0; from < n; from += chunk) {
            int size = Math.min(chunk, n - from);
            double[][] cx = new double[size][];
            double[][] cy = new double[size][];
            for (int i = 0; i < size; i++) {
                cx[i] = x[from + i];
                cy[i] = y[from + i];
            }
            lossSum = lossSum + net.dataLoss(cx, cy) * size;
            correct += correct(net, cy);
        }
        double loss = lossSum / n + net.penalty().value(net.parameters());
        return new Score(loss, net.lossFunction().classification() ? (double) correct / n : Double.NaN);
    }

    /** Rows of the last forward pass whose predicted class is the target's (§12.4). */
    private static int correct(Network net, double[][] y) {
        double[][] out = net.lastOutput();
        int[] predicted = out[0].length > 1 ? Matrix.rowArgMax(out)
                : Targets.labels(net.lossFunction().probabilities(out));
        int[] actual = Targets.labels(y);
        int right = 0;
        for (int i = 0; i < actual.length; i++) {
            if (predicted[i] == actual[i]) {
                right++;
            }
        }
        return right;
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }
}
