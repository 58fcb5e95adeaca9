package backprop.training;

/**
 * How a network is trained; immutable, changed by the {@code with…} copies.
 *
 * @param epochs        passes over the training data
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

    public TrainingSettings {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs: " + epochs + ", expected 1 or more");
        }
        if (batchSize < 0) {
            throw new IllegalArgumentException("batch size: " + batchSize + ", expected 0 (full batch) or more");
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience: " + patience + ", expected 0 (off) or more");
        }
    }

    /** Full-batch training at a constant rate, no clipping, no early stopping, seed 0. */
    public static TrainingSettings of(int epochs, double learningRate) {
        return new TrainingSettings(epochs, 0, LearningRateSchedule.constant(learningRate), GradientClipping.NONE,
                0, false, false, true, 0L);
    }

    public TrainingSettings withBatchSize(int size) {
        return new TrainingSettings(epochs, size, schedule, clipping, patience, keepBest, dropRemainder,
                scoreTraining, seed);
    }

    public TrainingSettings withSchedule(LearningRateSchedule s) {
        return new TrainingSettings(epochs, batchSize, s, clipping, patience, keepBest, dropRemainder,
                scoreTraining, seed);
    }

    public TrainingSettings withClipping(GradientClipping c) {
        return new TrainingSettings(epochs, batchSize, schedule, c, patience, keepBest, dropRemainder,
                scoreTraining, seed);
    }

    public TrainingSettings withPatience(int p) {
        return new TrainingSettings(epochs, batchSize, schedule, clipping, p, keepBest, dropRemainder,
                scoreTraining, seed);
    }

    public TrainingSettings withKeepBest(boolean k) {
        return new TrainingSettings(epochs, batchSize, schedule, clipping, patience, k, dropRemainder,
                scoreTraining, seed);
    }

    public TrainingSettings withDropRemainder(boolean d) {
        return new TrainingSettings(epochs, batchSize, schedule, clipping, patience, keepBest, d,
                scoreTraining, seed);
    }

    public TrainingSettings withScoreTraining(boolean s) {
        return new TrainingSettings(epochs, batchSize, schedule, clipping, patience, keepBest, dropRemainder,
                s, seed);
    }

    public TrainingSettings withSeed(long s) {
        return new TrainingSettings(epochs, batchSize, schedule, clipping, patience, keepBest, dropRemainder,
                scoreTraining, s);
    }
}
