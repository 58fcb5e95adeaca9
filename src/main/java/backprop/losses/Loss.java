package backprop.losses;

/**
 * A loss over a batch: a number and its gradient with respect to the loss's input (the network's last
 * output). The number is a mean over the N rows of the batch (each row's terms summed over its K columns),
 * except for {@link MeanSquaredError}, which takes the mean over all N·K entries; the gradient is the
 * gradient of that number, so it carries the factor 1/N (or 1/(N·K)).
 */
public interface Loss {

    /**
     * The loss of {@code input} against {@code target} (same shape) and ∂loss/∂input.
     *
     * @param input  the loss's input, N×K (the network's last output)
     * @param target the targets, N×K
     * @return the loss (a mean over the rows, or over all entries for mean squared error) and its gradient
     *         with respect to {@code input}
     */
    LossValue evaluate(double[][] input, double[][] target);

    /**
     * What the network's output means as probabilities, for predictions: softmax of logits for
     * {@link SoftmaxCrossEntropy}, σ of logits for {@link SigmoidBinaryCrossEntropy}, the output itself
     * for the others. Returns a new matrix.
     *
     * @param input the loss's input, N×K
     * @return the probabilities, N×K
     */
    double[][] probabilities(double[][] input);

    /**
     * True for the classification losses; false for regression ({@link MeanSquaredError}).
     *
     * @return whether the loss scores classes
     */
    default boolean classification() {
        return true;
    }
}
