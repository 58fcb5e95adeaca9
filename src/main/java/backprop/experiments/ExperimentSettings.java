package backprop.experiments;

import java.nio.file.Path;
import java.util.List;

/**
 * The settings of one experiment run; each experiment has its defaults (the document's settings) and the
 * command line overrides single fields.
 *
 * @param epochs       passes over the training data (for full-batch runs: iterations); 0 trains nothing
 * @param batchSize    samples per step; 0 is full batch
 * @param learningRate the step size η
 * @param hidden       hidden-layer widths, input to output
 * @param seed         seeds initial weights, shuffles and splits
 * @param data         where the data is: a file or folder; null for the experiment's own default
 * @param label        the label column of a CSV (experiment {@code csv})
 * @param ignore       CSV columns to leave out (experiment {@code csv})
 * @param choices      training choices beyond the document's (optimiser, initialiser, inputs, validation,
 *                     early stopping, shifts); {@link TrainingChoices#DOCUMENT} for none
 */
public record ExperimentSettings(int epochs, int batchSize, double learningRate, List<Integer> hidden, long seed,
        Path data, String label, List<String> ignore, TrainingChoices choices) {

    /**
     * Copies the lists and checks that epochs ≥ 0, batch size ≥ 0, the learning rate is finite and &gt; 0,
     * every hidden width is ≥ 1 and the hidden layers fit in memory ({@link NetworkRecipe#checkSize}).
     *
     * @param epochs       passes over the training data
     * @param batchSize    samples per step; 0 is full batch
     * @param learningRate the step size η
     * @param hidden       hidden-layer widths, input to output
     * @param seed         seeds initial weights, shuffles and splits
     * @param data         where the data is; null for the experiment's own default
     * @param label        the label column of a CSV
     * @param ignore       CSV columns to leave out
     * @param choices      training choices beyond the document's; null for none
     */
    public ExperimentSettings {
        hidden = List.copyOf(hidden);
        ignore = List.copyOf(ignore);
        choices = choices == null ? TrainingChoices.DOCUMENT : choices;
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs: " + epochs + ", expected 0 (no training) or more");
        }
        if (batchSize < 0) {
            throw new IllegalArgumentException("batch: " + batchSize + ", expected 0 (full batch) or more");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate: " + learningRate + ", expected a finite rate > 0");
        }
        for (int h : hidden) {
            if (h < 1) {
                throw new IllegalArgumentException("hidden: width " + h + ", expected 1 or more");
            }
        }
        NetworkRecipe.checkSize(0, hidden, 0);
    }

    /**
     * Settings with the document's training choices.
     *
     * @param epochs       passes over the training data
     * @param batchSize    samples per step; 0 is full batch
     * @param learningRate the step size η
     * @param hidden       hidden-layer widths, input to output
     * @param seed         seeds initial weights, shuffles and splits
     * @param data         where the data is; null for the experiment's own default
     * @param label        the label column of a CSV
     * @param ignore       CSV columns to leave out
     */
    public ExperimentSettings(int epochs, int batchSize, double learningRate, List<Integer> hidden, long seed,
            Path data, String label, List<String> ignore) {
        this(epochs, batchSize, learningRate, hidden, seed, data, label, ignore, TrainingChoices.DOCUMENT);
    }

    /**
     * Settings with no data path, label or ignored columns.
     *
     * @param epochs       passes over the training data
     * @param batchSize    samples per step; 0 is full batch
     * @param learningRate the step size η
     * @param hidden       hidden-layer widths, input to output
     * @param seed         seeds initial weights, shuffles and splits
     * @return the settings
     */
    public static ExperimentSettings of(int epochs, int batchSize, double learningRate, List<Integer> hidden, long seed) {
        return new ExperimentSettings(epochs, batchSize, learningRate, hidden, seed, null, null, List.of());
    }

    /**
     * A copy with another number of epochs.
     *
     * @param e passes over the training data
     * @return a copy with epochs {@code e}
     */
    public ExperimentSettings withEpochs(int e) {
        return new ExperimentSettings(e, batchSize, learningRate, hidden, seed, data, label, ignore, choices);
    }

    /**
     * A copy with another batch size.
     *
     * @param b samples per step; 0 is full batch
     * @return a copy with batch size {@code b}
     */
    public ExperimentSettings withBatchSize(int b) {
        return new ExperimentSettings(epochs, b, learningRate, hidden, seed, data, label, ignore, choices);
    }

    /**
     * A copy with another learning rate.
     *
     * @param r the step size η
     * @return a copy with learning rate {@code r}
     */
    public ExperimentSettings withLearningRate(double r) {
        return new ExperimentSettings(epochs, batchSize, r, hidden, seed, data, label, ignore, choices);
    }

    /**
     * A copy with other hidden widths.
     *
     * @param h hidden-layer widths, input to output
     * @return a copy with hidden widths {@code h}
     */
    public ExperimentSettings withHidden(List<Integer> h) {
        return new ExperimentSettings(epochs, batchSize, learningRate, h, seed, data, label, ignore, choices);
    }

    /**
     * A copy with another seed.
     *
     * @param s seeds initial weights, shuffles and splits
     * @return a copy with seed {@code s}
     */
    public ExperimentSettings withSeed(long s) {
        return new ExperimentSettings(epochs, batchSize, learningRate, hidden, s, data, label, ignore, choices);
    }

    /**
     * A copy with another data path.
     *
     * @param d the data file or folder; null for the experiment's own default
     * @return a copy with data {@code d}
     */
    public ExperimentSettings withData(Path d) {
        return new ExperimentSettings(epochs, batchSize, learningRate, hidden, seed, d, label, ignore, choices);
    }

    /**
     * A copy with another CSV label column and ignored columns.
     *
     * @param l  the label column of a CSV
     * @param ig CSV columns to leave out
     * @return a copy with label {@code l} and ignore {@code ig}
     */
    public ExperimentSettings withLabel(String l, List<String> ig) {
        return new ExperimentSettings(epochs, batchSize, learningRate, hidden, seed, data, l, ig, choices);
    }

    /**
     * A copy with other training choices.
     *
     * @param c the training choices; null for the document's
     * @return a copy with choices {@code c}
     */
    public ExperimentSettings withChoices(TrainingChoices c) {
        return new ExperimentSettings(epochs, batchSize, learningRate, hidden, seed, data, label, ignore, c);
    }

    /**
     * The hidden widths as "200,80", or "none".
     *
     * @return the widths, comma-separated; "none" for a network without hidden layers
     */
    public String hiddenText() {
        return hidden.isEmpty() ? "none" : String.join(",", hidden.stream().map(String::valueOf).toList());
    }
}
