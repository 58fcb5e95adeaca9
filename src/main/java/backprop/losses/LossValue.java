package backprop.losses;

/**
 * A loss value and its gradient with respect to the loss's input.
 *
 * @param value    the loss, averaged over the batch
 * @param gradient ∂value/∂input, the shape of the input
 */
public record LossValue(double value, double[][] gradient) {
}
