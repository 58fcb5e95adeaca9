package backprop.layers;

import java.util.List;

/**
 * One step of the network, with its derivative beside it.
 *
 * <p>{@code forward(x)} takes an N×D batch (one sample per row), returns the N×H output and keeps what
 * {@code backward} will need. {@code backward(dOut)} takes ∂loss/∂output (N×H) for that same batch, fills
 * the gradients of the layer's parameters (overwriting them) and returns ∂loss/∂x (N×D).
 *
 * <p>The matrix {@code forward} and {@code backward} return belongs to the layer and is overwritten by its
 * next call of the same method (so a training loop allocates nothing); copy it to keep it. The input given
 * to {@code forward} must stay unchanged until {@code backward} has run.
 */
public interface Layer {

    /**
     * The layer's name, e.g. {@code dense1} or {@code relu2}.
     *
     * @return the name
     */
    String name();

    /**
     * The output for the batch {@code x}; caches what {@link #backward} needs.
     *
     * @param x the N×D input batch, one sample per row; must stay unchanged until {@link #backward} has run
     * @return the N×H output, owned by the layer
     */
    double[][] forward(double[][] x);

    /**
     * ∂loss/∂x from ∂loss/∂output; overwrites the parameter gradients.
     *
     * @param dOut ∂loss/∂output, N×H, for the batch of the last {@link #forward}
     * @return ∂loss/∂x, N×D, owned by the layer
     */
    double[][] backward(double[][] dOut);

    /**
     * Fills the parameter gradients without computing ∂loss/∂x: the first layer of a network needs no
     * input gradient. Layers with no parameters do nothing.
     *
     * @param dOut ∂loss/∂output, N×H, for the batch of the last {@link #forward}
     */
    default void backwardParametersOnly(double[][] dOut) {
        if (!parameters().isEmpty()) {
            backward(dOut);
        }
    }

    /**
     * The trainable parameters, in a fixed order; empty for activations.
     *
     * @return the parameters
     */
    default List<Parameter> parameters() {
        return List.of();
    }
}
