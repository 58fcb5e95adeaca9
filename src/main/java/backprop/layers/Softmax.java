package backprop.layers;

/**
 * Softmax over each row: y_k = e^(z_k − m) / Σ_j e^(z_j − m), with m the row's largest entry (the shift
 * changes nothing mathematically and keeps e^x from overflowing).
 *
 * <p>Its backward multiplies by the full Jacobian of document 000 §四.4, ∂y_i/∂z_i = y_i(1 − y_i) and
 * ∂y_j/∂z_i = −y_i·y_j, which for one row and upstream gradient g collapses to dz = y ⊙ (g − (g·y)·1).
 * Paired with {@code CrossEntropy} this gives the same dz as {@code SoftmaxCrossEntropy}; the pair exists
 * so that a reader can follow the derivation one factor at a time.
 */
public final class Softmax implements Layer {

    private final String name;
    private double[][] output;
    private double[][] inputGradient;

    /**
     * A softmax layer called {@code name}.
     *
     * @param name the layer's name, e.g. {@code softmax2}
     */
    public Softmax(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    /** Y = softmax(Z) row by row. */
    @Override
    public double[][] forward(double[][] z) {
        Buffers.checkInput(name, z);
        output = Buffers.ensure(output, z.length, z[0].length);
        for (int i = 0; i < z.length; i++) {
            softmaxRow(z[i], output[i]);
        }
        return output;
    }

    /** dZ_i = Y_i ⊙ (dY_i − (dY_i·Y_i)·1) for each row i. */
    @Override
    public double[][] backward(double[][] dOut) {
        Buffers.checkUpstream(name, output, dOut);
        inputGradient = Buffers.ensure(inputGradient, dOut.length, dOut[0].length);
        for (int i = 0; i < dOut.length; i++) {
            double[] y = output[i];
            double[] g = dOut[i];
            double dot = 0;
            for (int k = 0; k < y.length; k++) {
                dot += g[k] * y[k];
            }
            for (int k = 0; k < y.length; k++) {
                inputGradient[i][k] = y[k] * (g[k] - dot);
            }
        }
        return inputGradient;
    }

    /**
     * Writes softmax(z) into y (same length), shifting by the row maximum first.
     *
     * @param z the row of inputs
     * @param y the output row, overwritten with e^(z_k − m) / Σ_j e^(z_j − m)
     */
    public static void softmaxRow(double[] z, double[] y) {
        double max = z[0];
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int k = 0; k < z.length; k++) {
            y[k] = Math.exp(z[k] - max);
            sum += y[k];
        }
        for (int k = 0; k < z.length; k++) {
            y[k] /= sum;
        }
    }

}
