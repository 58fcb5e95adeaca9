package backprop.training;

/**
 * How a network is trained; immutable, changed by the {@code with…} copies.
 *
 * @param epochs        passes over the training data; 0 leaves the network as it was built
 * @param batchSize     samples per step; 0 means the whole training set (full-batch gradient descent)
 * @param schedule      the learning rate per epoch
 * @param clipping      gradient clipping, {@link GradientClipping#NONE} by default
 * @param patience      stop after this many epochs without improvement; 0 never stops early
 * @param keepBest      restore the best parameters seen (by validation metric, else training metric) at the end
 * @param dropRemainder skip the last, smaller batch of each epoch (as the numpy yardstick does)
 * @param scoreTraining after each epoch, score the whole training set (loss and accuracy of the updated
 *                      parameters); off, the history shows the running batch averages instead
 * @param seed          seeds the per-epoch shuffles
 */
public record TrainingSettings(int epochs, int batchSize, LearningRateSchedule schedule,
        GradientClipping clipping, int patience, boolean keepBest, boolean dropRemainder,
        boolean scoreTraining, long seed) {

    /**
     * Checks that epochs ≥ 0, batch size ≥ 0 and patience ≥ 0.
     *
     * @param epochs        passes over the training data, ≥ 0 (0: no training)
     * @param batchSize     samples per step, ≥ 0; 0 for the whole training set
     * @param schedule      the learning rate per epoch
     * @param clipping      gradient clipping
     * @param patience      epochs without improvement before stopping, ≥ 0; 0 never stops early
     * @param keepBest      restore the best parameters at the end
     * @param dropRemainder skip the last, smaller batch of each epoch
     * @param scoreTraining score the whole training set after each epoch
     * @param seed          seeds the per-epoch shuffles
     */
    public TrainingSettings {
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs: " + epochs + ", expected 0 (no training) or more");
        }
        if (batchSize < 0) {
            throw new IllegalArgumentException("batch size: " + batchSize + ", expected 0 (full batch) or more");
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience: " + patience + ", expected 0 (off) or more");
        }
    }

    /**
     * Full-batch training at a constant rate, no clipping, no early stopping, seed 0.
     *
     * @param epochs       passes over the training data
     * @param learningRate the constant learning rate
     * @return the settings, the whole training set scored after every epoch
     */
    public static TrainingSettings of(int epochs, double learningRate) {
        return new TrainingSettings(epochs, 0, LearningRateSchedule.constant(learningRate), GradientClipping.NONE,
                0, false, false, true, 0L);
    }

    /**
     * A copy with another batch size.
     *
     * @param size samples per step; 0 for the whole training set
     * @return a copy with batch size {@code size}
     */
    public TrainingSettings withBatchSize(int size) {
        return new TrainingSettings(epochs, size, schedule, clipping, patience, keepBest, dropRemainder,
                scoreTraining, seed);
    }

    /**
     * A copy with another learning-rate schedule.
     *
     * @param s the learning rate per epoch
     * @return a copy with schedule {@code s}
     */
    public TrainingSettings withSchedule(LearningRateSchedule s) {
        return new TrainingSettings(epochs, batchSize, s, clipping, patience, keepBest, dropRemainder,
                scoreTraining, seed);
    }

    /**
     * A copy with another gradient clipping.
     *
     * @param c the gradient clipping
     * @return a copy with clipping {@code c}
     */
    public TrainingSettings withClipping(GradientClipping c) {
        return new TrainingSettings(epochs, batchSize, schedule, c, patience, keepBest, dropRemainder,
                scoreTraining, seed);
    }

    /**
     * A copy with another patience for early stopping.
     *
     * @param p epochs without improvement before stopping; 0 never stops early
     * @return a copy with patience {@code p}
     */
    public TrainingSettings withPatience(int p) {
        return new TrainingSettings(epochs, batchSize, schedule, clipping, p, keepBest, dropRemainder,
                scoreTraining, seed);
    }

    /**
     * A copy that does or does not restore the best parameters at the end.
     *
     * @param k whether to restore the best parameters at the end
     * @return a copy with keepBest {@code k}
     */
    public TrainingSettings withKeepBest(boolean k) {
        return new TrainingSettings(epochs, batchSize, schedule, clipping, patience, k, dropRemainder,
                scoreTraining, seed);
    }

    /**
     * A copy that does or does not skip the last, smaller batch.
     *
     * @param d whether to skip the last, smaller batch of each epoch
     * @return a copy with dropRemainder {@code d}
     */
    public TrainingSettings withDropRemainder(boolean d) {
        return new TrainingSettings(epochs, batchSize, schedule, clipping, patience, keepBest, d,
                scoreTraining, seed);
    }

    /**
     * A copy that does or does not score the whole training set after each epoch.
     *
     * @param s whether to score the whole training set after each epoch
     * @return a copy with scoreTraining {@code s}
     */
    public TrainingSettings withScoreTraining(boolean s) {
        return new TrainingSettings(epochs, batchSize, schedule, clipping, patience, keepBest, dropRemainder,
                s, seed);
    }

    /**
     * A copy with another shuffle seed.
     *
     * @param s the seed of the per-epoch shuffles
     * @return a copy with seed {@code s}
     */
    public TrainingSettings withSeed(long s) {
        return new TrainingSettings(epochs, batchSize, schedule, clipping, patience, keepBest, dropRemainder,
                scoreTraining, s);
    }
}
