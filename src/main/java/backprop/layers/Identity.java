package backprop.layers;

/**
 * The linear output of document 001's sine network: Y = Z, dZ = dY. A bounded activation such as tanh
 * could not reach targets near ±1 exactly; a regression output needs none.
 */
public final class Identity implements Layer {

    private final String name;
    private double[][] output;

    /**
     * An identity layer called {@code name}.
     *
     * @param name the layer's name, e.g. {@code identity2}
     */
    public Identity(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    /** Y = Z (the input itself is returned). */
    @Override
    public double[][] forward(double[][] z) {
        Buffers.checkInput(name, z);
        output = z;
        return z;
    }

    /** dZ = dY. */
    @Override
    public double[][] backward(double[][] dOut) {
        Buffers.checkUpstream(name, output, dOut);
        return dOut;
    }

}
