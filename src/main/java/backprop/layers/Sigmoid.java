package backprop.layers;

/**
 * Logistic sigmoid, element-wise: Y = σ(Z) = 1 / (1 + e^(−Z)).
 * The derivative is taken from the saved output, σ'(z) = y(1 − y): document 001's lesson is that it must
 * be the output y, not σ applied to y again. σ' is at most 0.25 (document 000 §四.1: vanishing gradients).
 */
public final class Sigmoid implements Layer {

    private final String name;
    private double[][] output;
    private double[][] inputGradient;

    /**
     * A sigmoid layer called {@code name}.
     *
     * @param name the layer's name, e.g. {@code sigmoid2}
     */
    public Sigmoid(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    /** Y = σ(Z), computed without overflow: e^(−|z|) never exceeds 1, so σ(±800) is 0 or 1, not NaN. */
    @Override
    public double[][] forward(double[][] z) {
        Buffers.checkInput(name, z);
        output = Buffers.ensure(output, z.length, z[0].length);
        for (int i = 0; i < z.length; i++) {
            for (int j = 0; j < z[i].length; j++) {
                output[i][j] = sigmoid(z[i][j]);
            }
        }
        return output;
    }

    /** dZ = dY ⊙ Y ⊙ (1 − Y). */
    @Override
    public double[][] backward(double[][] dOut) {
        Buffers.checkUpstream(name, output, dOut);
        inputGradient = Buffers.ensure(inputGradient, dOut.length, dOut[0].length);
        for (int i = 0; i < dOut.length; i++) {
            for (int j = 0; j < dOut[i].length; j++) {
                double y = output[i][j];
                inputGradient[i][j] = dOut[i][j] * y * (1.0 - y);
            }
        }
        return inputGradient;
    }

    /**
     * σ(z) = 1/(1 + e^(−z)) for z ≥ 0 and e^z/(1 + e^z) for z &lt; 0: the same value, never overflowing.
     *
     * @param z any number
     * @return σ(z)
     */
    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

}
