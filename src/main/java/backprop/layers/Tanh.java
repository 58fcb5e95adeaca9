package backprop.layers;

/**
 * Hyperbolic tangent, element-wise: Y = tanh(Z). The derivative comes from the saved output,
 * tanh'(z) = 1 − y² (document 001 part 1, the sine network's hidden layer).
 */
public final class Tanh implements Layer {

    private final String name;
    private double[][] output;
    private double[][] inputGradient;

    /**
     * A tanh layer called {@code name}.
     *
     * @param name the layer's name, e.g. {@code tanh2}
     */
    public Tanh(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    /** Y = tanh(Z). */
    @Override
    public double[][] forward(double[][] z) {
        Buffers.checkInput(name, z);
        output = Buffers.ensure(output, z.length, z[0].length);
        for (int i = 0; i < z.length; i++) {
            for (int j = 0; j < z[i].length; j++) {
                output[i][j] = Math.tanh(z[i][j]);
            }
        }
        return output;
    }

    /** dZ = dY ⊙ (1 − Y ⊙ Y). */
    @Override
    public double[][] backward(double[][] dOut) {
        Buffers.checkUpstream(name, output, dOut);
        inputGradient = Buffers.ensure(inputGradient, dOut.length, dOut[0].length);
        for (int i = 0; i < dOut.length; i++) {
            for (int j = 0; j < dOut[i].length; j++) {
                double y = output[i][j];
                inputGradient[i][j] = dOut[i][j] * (1.0 - y * y);
            }
        }
        return inputGradient;
    }

}
