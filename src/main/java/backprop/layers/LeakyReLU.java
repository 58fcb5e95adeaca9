package backprop.layers;

/**
 * Leaky ReLU with slope k below zero, element-wise: Y = Z where z &gt; 0, k·Z elsewhere, which is
 * max(kz, z) for 0 ≤ k ≤ 1. Derivative 1 for z &gt; 0 and k for z ≤ 0 (document 000 §四.3; its MNIST
 * network uses k = 0.3).
 */
public final class LeakyReLU implements Layer, Kinked {

    private final String name;
    private final double slope;
    private double[][] input;
    private double[][] output;
    private double[][] inputGradient;

    /**
     * A leaky ReLU layer called {@code name}.
     *
     * @param name  the layer's name
     * @param slope k, the slope for z ≤ 0, between 0 and 1 (usually 0.01 to 0.3)
     */
    public LeakyReLU(String name, double slope) {
        if (!(slope >= 0 && slope <= 1)) {
            throw new IllegalArgumentException(name + ": slope " + slope + ", expected 0 ≤ k ≤ 1");
        }
        this.name = name;
        this.slope = slope;
    }

    @Override
    public String name() {
        return name;
    }

    /** @return k, the slope below zero */
    public double slope() {
        return slope;
    }

    /** Y = max(Z, k·Z), which for 0 ≤ k ≤ 1 is Z where z &gt; 0 and k·Z elsewhere. */
    @Override
    public double[][] forward(double[][] z) {
        Buffers.checkInput(name, z);
        input = z;
        output = Buffers.ensure(output, z.length, z[0].length);
        for (int i = 0; i < z.length; i++) {
            double[] zi = z[i];
            double[] yi = output[i];
            for (int j = 0; j < zi.length; j++) {
                yi[j] = Math.max(zi[j], slope * zi[j]);
            }
        }
        return output;
    }

    /** dZ = dY ⊙ (1(Z &gt; 0) + k·1(Z ≤ 0)). */
    @Override
    public double[][] backward(double[][] dOut) {
        Buffers.checkUpstream(name, output, dOut);
        inputGradient = Buffers.ensure(inputGradient, dOut.length, dOut[0].length);
        for (int i = 0; i < dOut.length; i++) {
            double[] zi = input[i];
            double[] gi = dOut[i];
            double[] di = inputGradient[i];
            for (int j = 0; j < gi.length; j++) {
                di[j] = gi[j] * (zi[j] > 0 ? 1.0 : slope);
            }
        }
        return inputGradient;
    }

    @Override
    public boolean[] sidesOfKink() {
        return KinkSides.of(input);
    }
}
