package backprop.layers;

import backprop.fast.Products;
import backprop.fast.SparseRows;
import backprop.matrix.Matrix;
import backprop.random.SplitMix64;
import java.util.List;

/**
 * Fully connected layer: Z = X·W + b, with X N×D, W D×H, b 1×H added to every row.
 * In the column notation of documents 000/002/003 the same layer reads Z = W·X + b (there W is H×D).
 *
 * <p>By default ({@link Computation#FAST}) the three products run through {@link Products}, the fast
 * versions of the plain {@link Matrix} products; each call below names the plain expression it computes.
 * With {@link #setComputation setComputation(Computation.PLAIN)} the layer computes those expressions as
 * written: {@code Z = Matrix.addRowVector(Matrix.multiply(X, W), b)},
 * {@code dW = Matrix.multiplyTransposeLeft(X, dZ)}, {@code db = Matrix.columnSums(dZ)},
 * {@code dX = Matrix.multiplyTransposeRight(dZ, W)}. The two agree up to the last bits of each sum.
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
    private Computation computation = Computation.FAST;
    private Computation forwardComputation;     // how the last forward pass ran; its backward follows it
    private double[][] plainInput;              // X of the last plain forward pass

    /**
     * A D→H layer whose W and b are filled by the given initialisers from {@code random} (W first).
     *
     * @param name       the layer's name, e.g. {@code dense1}; its parameters are {@code name.W} and {@code name.b}
     * @param inputSize  D, the columns of the input
     * @param outputSize H, the units of the layer
     * @param weightInit fills W (D×H)
     * @param biasInit   fills b (1×H)
     * @param random     the generator both draw from
     */
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

    /**
     * A layer with the given W (D×H) and b (1×H), copied: a network read back from a file.
     *
     * @param name    the layer's name
     * @param weights W, D×H
     * @param bias    b, 1×H
     */
    public Dense(String name, double[][] weights, double[][] bias) {
        Matrix.checkRectangular(weights, name + ".W");
        Matrix.checkShape(bias, 1, weights[0].length, name + ".b");
        this.name = name;
        this.inputSize = weights.length;
        this.outputSize = weights[0].length;
        this.weights = new Parameter(name + ".W", Matrix.copy(weights), true);
        this.bias = new Parameter(name + ".b", Matrix.copy(bias), false);
    }

    @Override
    public String name() {
        return name;
    }

    /** @return D, the columns of the input */
    public int inputSize() {
        return inputSize;
    }

    /** @return H, the units of the layer */
    public int outputSize() {
        return outputSize;
    }

    /** @return W, D×H */
    public Parameter weights() {
        return weights;
    }

    /** @return b, 1×H */
    public Parameter bias() {
        return bias;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weights, bias);
    }

    /** @return how the layer computes its products, {@link Computation#FAST} unless set otherwise */
    public Computation computation() {
        return computation;
    }

    /**
     * Chooses how the layer computes its products from the next forward pass on; a backward pass always
     * follows the forward pass before it.
     *
     * @param computation {@link Computation#FAST} or {@link Computation#PLAIN}
     */
    public void setComputation(Computation computation) {
        if (computation == null) {
            throw new IllegalArgumentException(name + ": computation is null; expected FAST or PLAIN");
        }
        this.computation = computation;
    }

    /** Z = X·W + 1·b   (column notation: Z = W·X + b·1ᵀ; document 000 §三, document 004 forward). */
    @Override
    public double[][] forward(double[][] x) {
        Buffers.checkInput(name, x);
        if (x[0].length != inputSize) {
            throw new IllegalArgumentException(name + ": input is " + Matrix.shape(x) + " but the layer takes "
                    + inputSize + " columns (W is " + weights.shape() + ")");
        }
        forwardComputation = computation;
        if (computation == Computation.PLAIN) {
            plainInput = x;
            output = Matrix.addRowVector(Matrix.multiply(x, weights.value()), bias.value());   // Z = X·W + 1·b
            return output;
        }
        input.set(x);      // X's non-zeros, gathered once: used here and for dW = Xᵀ·dZ
        output = Buffers.ensure(output, x.length, outputSize);
        // Z = X·W + 1·b, as Matrix.addRowVector(Matrix.multiply(X, W), b)
        Products.multiplyAddRowInto(input, weights.value(), bias.value()[0], output);
        return output;
    }

    /** dW = Xᵀ·dZ, db = 1ᵀ·dZ, dX = dZ·Wᵀ   (column notation: dW = dZ·Xᵀ, db = dZ·1, dX = Wᵀ·dZ). */
    @Override
    public double[][] backward(double[][] dOut) {
        backwardParametersOnly(dOut);
        if (forwardComputation == Computation.PLAIN) {
            inputGradient = Matrix.multiplyTransposeRight(dOut, weights.value());             // dX = dZ·Wᵀ
            return inputGradient;
        }
        inputGradient = Buffers.ensure(inputGradient, dOut.length, inputSize);
        // dX = dZ·Wᵀ, as Matrix.multiplyTransposeRight(dZ, W)
        Products.multiplyTransposeRightInto(dOut, weights.value(), inputGradient);
        return inputGradient;
    }

    /** dW = Xᵀ·dZ, db = 1ᵀ·dZ only; the first layer of a network has no use for dX. */
    @Override
    public void backwardParametersOnly(double[][] dOut) {
        Buffers.checkUpstream(name, output, dOut);
        if (forwardComputation == Computation.PLAIN) {
            Matrix.copyInto(Matrix.multiplyTransposeLeft(plainInput, dOut), weights.gradient());  // dW = Xᵀ·dZ
            Matrix.copyInto(Matrix.columnSums(dOut), bias.gradient());                           // db = 1ᵀ·dZ
            return;
        }
        // dW = Xᵀ·dZ, as Matrix.multiplyTransposeLeft(X, dZ)
        Products.multiplyTransposeLeftInto(input, dOut, weights.gradient());
        // db = 1ᵀ·dZ
        Matrix.columnSumsInto(dOut, bias.gradient());
    }
}
