package backprop.layers;

/**
 * Rectified linear unit, element-wise: Y = max(0, Z). Its derivative is 1 for z > 0 and 0 for z ≤ 0,
 * including z = 0 exactly, as in document 000 §四.2. (Document 004's algebra writes 1(z ≥ 0) while its
 * code zeroes z &lt; 0; the two differ only at z = 0, where the derivative does not exist.)
 */
public final class ReLU implements Layer, Kinked {

    private final String name;
    private double[][] input;
    private double[][] output;
    private double[][] inputGradient;

    /**
     * A ReLU layer called {@code name}.
     *
     * @param name the layer's name, e.g. {@code relu2}
     */
    public ReLU(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    /** Y = max(0, Z). ({@code Math.max} has no branch to mispredict, and passes NaN on.) */
    @Override
    public double[][] forward(double[][] z) {
        Buffers.checkInput(name, z);
        input = z;
        output = Buffers.ensure(output, z.length, z[0].length);
        for (int i = 0; i < z.length; i++) {
            double[] zi = z[i];
            double[] yi = output[i];
            for (int j = 0; j < zi.length; j++) {
                yi[j] = Math.max(zi[j], 0.0);
            }
        }
        return output;
    }

    /** dZ = dY ⊙ 1(Z &gt; 0). */
    @Override
    public double[][] backward(double[][] dOut) {
        Buffers.checkUpstream(name, output, dOut);
        inputGradient = Buffers.ensure(inputGradient, dOut.length, dOut[0].length);
        for (int i = 0; i < dOut.length; i++) {
            double[] zi = input[i];
            double[] gi = dOut[i];
            double[] di = inputGradient[i];
            for (int j = 0; j < gi.length; j++) {
                di[j] = gi[j] * (zi[j] > 0 ? 1.0 : 0.0);
            }
        }
        return inputGradient;
    }

    @Override
    public boolean[] sidesOfKink() {
        return KinkSides.of(input);
    }
}
