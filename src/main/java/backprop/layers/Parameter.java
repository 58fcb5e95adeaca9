package backprop.layers;

import backprop.matrix.Matrix;

/**
 * A trainable matrix and its gradient, under a name such as {@code dense1.W}. Optimisers, penalties and
 * the gradient check see every layer's parameters through this one type.
 *
 * <p>{@code backward} <b>overwrites</b> the gradient: after a backward pass it holds ∂loss/∂value for that
 * pass alone. Nothing accumulates across calls, so there is nothing to zero between steps.
 */
public final class Parameter {

    private final String name;
    private final double[][] value;
    private final double[][] gradient;
    private final boolean regularized;

    /**
     * A parameter holding {@code value} itself (not a copy), with a zero gradient of the same shape.
     *
     * @param name        the name, e.g. {@code dense1.W}
     * @param value       the values, a non-empty rectangular matrix
     * @param regularized true for weights (the L2 penalty applies), false for biases
     */
    public Parameter(String name, double[][] value, boolean regularized) {
        Matrix.checkRectangular(value, "parameter " + name);
        this.name = name;
        this.value = value;
        this.gradient = new double[value.length][value[0].length];
        this.regularized = regularized;
    }

    /** @return the name, e.g. {@code dense1.W} */
    public String name() {
        return name;
    }

    /**
     * The values themselves (not a copy): optimisers update them in place.
     *
     * @return the value matrix
     */
    public double[][] value() {
        return value;
    }

    /**
     * The gradient of the last backward pass (not a copy).
     *
     * @return ∂loss/∂value, the shape of the value
     */
    public double[][] gradient() {
        return gradient;
    }

    /**
     * Whether the L2 penalty applies to this parameter (weights yes, biases no).
     *
     * @return true for weights, false for biases
     */
    public boolean regularized() {
        return regularized;
    }

    /**
     * Rows × columns, as text.
     *
     * @return "rows×cols"
     */
    public String shape() {
        return Matrix.shape(value);
    }
}
