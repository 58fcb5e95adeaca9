package backprop.layers;

import backprop.matrix.Matrix;
import backprop.matrix.Products;
import backprop.matrix.SparseRows;
import backprop.matrix.SplitMix64;
import java.util.List;

/**
 * Fully connected layer: Z = X·W + b, with X N×D, W D×H, b 1×H added to every row.
 * In the column notation of documents 000/002/003 the same layer reads Z = W·X + b (there W is H×D).
 */
public final class Dense implements Layer {

    private final String name;
    private final int inputSize;
    private final int outputSize;
    private final Parameter weights;
    private final Parameter bias;

    private final SparseRows input = new SparseRows();
    private double[][] output;
    private double[][] inputGradient;

    /** A D→H layer whose W and b are filled by the given initialisers from {@code random} (W first). */
    public Dense(String name, int inputSize, int outputSize, Initializer weightInit, Initializer biasInit,
            SplitMix64 random) {
        if (inputSize <= 0 || outputSize <= 0) {
            throw new IllegalArgumentException(name + ": sizes " + inputSize + "→" + outputSize
                    + ", both must be positive");
        }
        this.name = name;
        this.inputSize = inputSize;
        this.outputSize = outputSize;
        double[][] w = new double[inputSize][outputSize];
        double[][] b = new double[1][outputSize];
        weightInit.fill(w, inputSize, outputSize, random);
        biasInit.fill(b, inputSize, outputSize, random);
        this.weights = new Parameter(name + ".W", w, true);
        this.bias = new Parameter(name + ".b", b, false);
    }

    @Override
    public String name() {
        return name;
    }

    public int inputSize() {
        return inputSize;
    }

    public int outputSize() {
        return outputSize;
    }

    /** W, D×H. */
    public Parameter weights() {
        return weights;
    }

    /** b, 1×H. */
    public Parameter bias() {
        return bias;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weights, bias);
    }

    /** Z = X·W + 1·b   (column notation: Z = W·X + b·1ᵀ; document 000 §三, document 004 forward). */
    @Override
    public double[][] forward(double[][] x) {
        Buffers.checkInput(name, x);
        if (x[0].length != inputSize) {
            throw new IllegalArgumentException(name + ": input is " + Matrix.shape(x) + " but the layer takes "
                    + inputSize + " columns (W is " + weights.shape() + ")");
        }
        input.set(x);      // X's non-zeros, kept for dW = Xᵀ·dZ
        output = Buffers.ensure(output, x.length, outputSize);
        Products.multiplyAddRowInto(input, weights.value(), bias.value()[0], output);   // each row starts at b
        return output;
    }

    /** dW = Xᵀ·dZ, db = 1ᵀ·dZ, dX = dZ·Wᵀ   (column notation: dW = dZ·Xᵀ, db = dZ·1, dX = Wᵀ·dZ). */
    @Override
    public double[][] backward(double[][] dOut) {
        backwardParametersOnly(dOut);
        inputGradient = Buffers.ensure(inputGradient, dOut.length, inputSize);
        Products.multiplyTransposeRightInto(dOut, weights.value(), inputGradient);
        return inputGradient;
    }

    /** dW = Xᵀ·dZ, db = 1ᵀ·dZ only; the first layer of a network has no use for dX. */
    @Override
    public void backwardParametersOnly(double[][] dOut) {
        Buffers.checkUpstream(name, output, dOut);
        Products.multiplyTransposeLeftInto(input, dOut, weights.gradient());
        Matrix.columnSumsInto(dOut, bias.gradient());
    }

    @Override
    public String describe() {
        return "dense " + inputSize + "→" + outputSize;
    }
}
