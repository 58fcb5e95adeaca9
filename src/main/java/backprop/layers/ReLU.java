package backprop.layers;

/**
 * Rectified linear unit, element-wise: Y = max(0, Z). Its derivative is 1 for z > 0 and 0 for z ≤ 0,
 * including z = 0 exactly, as in document 000 §四.2. (Document 004's algebra writes 1(z ≥ 0) while its
 * code zeroes z < 0; the two differ only at z = 0, where the derivative does not exist.)
 */
public final class ReLU implements Layer, Kinked {

    private final String name;
    private double[][] input;
    private double[][] output;
    private double[][] inputGradient;

    public ReLU(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    /** Y = max(0, Z). */
    @Override
    public double[][] forward(double[][] z) {
        Buffers.checkInput(name, z);
        input = z;
        output = Buffers.ensure(output, z.length, z[0].length);
        for (int i = 0; i < z.length; i++) {
            for (int j = 0; j < z[i].length; j++) {
                output[i][j] = z[i][j] > 0 ? z[i][j] : 0.0;
            }
        }
        return output;
    }

    /** dZ = dY ⊙ 1(Z > 0). */
    @Override
    public double[][] backward(double[][] dOut) {
        Buffers.checkUpstream(name, output, dOut);
        inputGradient = Buffers.ensure(inputGradient, dOut.length, dOut[0].length);
        for (int i = 0; i < dOut.length; i++) {
            for (int j = 0; j < dOut[i].length; j++) {
                inputGradient[i][j] = input[i][j] > 0 ? dOut[i][j] : 0.0;
            }
        }
        return inputGradient;
    }

    @Override
    public boolean[] sidesOfKink() {
        return KinkSides.of(input);
    }

    @Override
    public String describe() {
        return "relu";
    }
}
