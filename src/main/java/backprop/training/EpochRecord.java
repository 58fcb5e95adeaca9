package backprop.training;

/**
 * What one epoch did. Losses include the L2 penalty. Accuracies are fractions in [0, 1], NaN for a
 * regression network; validation figures are NaN without a validation set.
 *
 * @param epoch              the epoch, from 1
 * @param trainLoss          the training loss (whole set after the epoch, or the running batch mean; see
 *                           {@link TrainingSettings#scoreTraining()})
 * @param trainAccuracy      the training accuracy, measured the same way
 * @param validationLoss     the validation loss after the epoch
 * @param validationAccuracy the validation accuracy after the epoch
 * @param learningRate       the rate used during the epoch
 * @param seconds            wall time of the epoch's training steps (scoring excluded)
 */
public record EpochRecord(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
        double validationAccuracy, double learningRate, double seconds) {
}
