package backprop.layers;

/**
 * Leaky ReLU with slope k below zero, element-wise: Y = Z where z > 0, k·Z elsewhere (= max(kz, z) for
 * 0 ≤ k ≤ 1). Derivative 1 for z > 0 and k for z ≤ 0 (document 000 §四.3; its MNIST network uses k = 0.3).
 */
public final class LeakyReLU implements Layer, Kinked {

    private final String name;
    private final double slope;
    private double[][] input;
    private double[][] output;
    private double[][] inputGradient;

    /** @param slope k, the slope for z ≤ 0; finite, usually between 0.01 and 0.3 */
    public LeakyReLU(String name, double slope) {
        if (!Double.isFinite(slope)) {
            throw new IllegalArgumentException(name + ": slope " + slope + " must be finite");
        }
        this.name = name;
        this.slope = slope;
    }

    @Override
    public String name() {
        return name;
    }

    public double slope() {
        return slope;
    }

    /** Y = Z ⊙ (1(Z > 0) + k·1(Z ≤ 0)). */
    @Override
    public double[][] forward(double[][] z) {
        Buffers.checkInput(name, z);
        input = z;
        output = Buffers.ensure(output, z.length, z[0].length);
        for (int i = 0; i < z.length; i++) {
            for (int j = 0; j < z[i].length; j++) {
                double v = z[i][j];
                output[i][j] = v > 0 ? v : slope * v;
            }
        }
        return output;
    }

    /** dZ = dY ⊙ (1(Z > 0) + k·1(Z ≤ 0)). */
    @Override
    public double[][] backward(double[][] dOut) {
        Buffers.checkUpstream(name, output, dOut);
        inputGradient = Buffers.ensure(inputGradient, dOut.length, dOut[0].length);
        for (int i = 0; i < dOut.length; i++) {
            for (int j = 0; j < dOut[i].length; j++) {
                inputGradient[i][j] = input[i][j] > 0 ? dOut[i][j] : slope * dOut[i][j];
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
        return "leaky-relu(" + slope + ")";
    }
}
