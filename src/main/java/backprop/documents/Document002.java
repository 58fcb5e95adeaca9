package backprop.documents;

import backprop.matrix.Matrix;
import backprop.random.SplitMix64;
import java.util.EnumSet;
import java.util.Set;

/**
 * Document 002 (a notebook, "1隐层人工神经网络 代码实现"): 784-64-10 with sigmoid hidden units and a softmax
 * output under the multi-class cross-entropy, trained by full-batch gradient descent, in the notebook's
 * column-major notation and names: {@code X} is n_x×m (one image per column), {@code W1} n_h×n_x,
 * {@code b1} n_h×1, {@code Z1 = W1·X + b1}, {@code A1 = sigmoid(Z1)}, {@code Z2 = W2·A1 + b2},
 * {@code A2 = softmax(Z2)}, and the backward pass {@code dZ2 = A2 − Y}, {@code dW2 = (1/m)·dZ2·A1ᵀ},
 * {@code db2 = (1/m)·Σ dZ2}, {@code dA1 = W2ᵀ·dZ2}, {@code dZ1 = dA1 * σ(Z1)(1 − σ(Z1))},
 * {@code dW1 = (1/m)·dZ1·Xᵀ}, {@code db1 = (1/m)·Σ dZ1}. The notebook's headings (损失微分推导,
 * 1隐层人工神经网络 代码实现) are its sections.
 *
 * <p>The library's experiment {@code mnist-sigmoid} is the same network row-major ({@code Dense},
 * {@code Sigmoid}, {@code Dense}, {@code Softmax} and {@code CrossEntropy}); with every {@link Defect} off
 * the two agree to rounding.
 */
public final class Document002 {

    /** The notebook's mistakes, each a switch; all off by default. */
    public enum Defect {
        /**
         * {@code W1 = np.random.randn(n_h, n_x)}: standard normal weights for 784 inputs, which drive most
         * sigmoids into their flat ends; off, the weights are Xavier's U(−s, s), s = √(6/(fan-in + fan-out)),
         * as the library's experiment chooses.
         */
        UNSCALED_RANDN,
        /** {@code A2 = np.exp(Z2) / np.sum(np.exp(Z2), axis=0)}: no shift by the maximum; NaN above z ≈ 709.78. */
        UNSHIFTED_SOFTMAX,
        /**
         * {@code np.sum(np.multiply(Y, np.log(Y_hat)))}: the log of a probability that has underflowed to 0
         * is −∞, and 0·(−∞) is NaN; off, the log is clamped at 1e-15 and only the targets' entries count, as
         * the library's {@code CrossEntropy} does.
         */
        LOG_OF_ZERO
    }

    /** The clamp of the library's {@code CrossEntropy}. */
    static final double EPSILON = 1e-15;

    private final Set<Defect> defects;
    private double[][] W1;
    private double[][] b1;
    private double[][] W2;
    private double[][] b2;
    private double[][] Z1;
    private double[][] A1;
    private double[][] Z2;
    private double[][] A2;

    /**
     * The network with the given parameters (copied).
     *
     * @param W1      n_h×n_x
     * @param b1      n_h×1
     * @param W2      digits×n_h
     * @param b2      digits×1
     * @param defects the switches that are on
     */
    public Document002(double[][] W1, double[][] b1, double[][] W2, double[][] b2, Set<Defect> defects) {
        Matrix.checkShape(b1, Matrix.rows(W1), 1, "document 002: b1");
        Matrix.checkShape(W2, Matrix.rows(W2), Matrix.rows(W1), "document 002: W2");
        Matrix.checkShape(b2, Matrix.rows(W2), 1, "document 002: b2");
        this.W1 = Matrix.copy(W1);
        this.b1 = Matrix.copy(b1);
        this.W2 = Matrix.copy(W2);
        this.b2 = Matrix.copy(b2);
        this.defects = defects.isEmpty() ? EnumSet.noneOf(Defect.class) : EnumSet.copyOf(defects);
    }

    /**
     * The notebook's initialisation: {@code W1 = randn(n_h, n_x)}, {@code b1 = 0}, {@code W2 = randn(digits,
     * n_h)}, {@code b2 = 0}, each matrix filled row by row; Xavier weights instead unless
     * {@link Defect#UNSCALED_RANDN}.
     *
     * @param nx      the inputs (784)
     * @param nh      the hidden units (64)
     * @param digits  the classes (10)
     * @param random  the generator
     * @param defects the switches that are on
     * @return the network
     */
    public static Document002 initialise(int nx, int nh, int digits, SplitMix64 random, Set<Defect> defects) {
        boolean randn = defects.contains(Defect.UNSCALED_RANDN);
        return new Document002(weights(nh, nx, randn, random), new double[nh][1], weights(digits, nh, randn, random),
                new double[digits][1], defects);
    }

    private static double[][] weights(int rows, int cols, boolean randn, SplitMix64 random) {
        double s = Math.sqrt(6.0 / (rows + cols));
        double[][] w = new double[rows][cols];
        for (double[] row : w) {
            for (int j = 0; j < cols; j++) {
                row[j] = randn ? random.nextGaussian() : s * (2.0 * random.nextDouble() - 1.0);
            }
        }
        return w;
    }

    /**
     * The notebook's {@code X = X / 255} and {@code X_train = X[:m].T}: images, one per row as read, as the
     * n_x×m matrix of pixels in [0, 1], one image per column.
     *
     * @param pixels the m×n_x pixels, 0..255
     * @return X, n_x×m
     */
    public static double[][] inputs(double[][] pixels) {
        return Columns.imagesAsColumns(pixels, 255);
    }

    /**
     * The forward half of one iteration of the training loop.
     *
     * @param X the n_x×m inputs
     * @return A2, digits×m, a new matrix
     */
    public double[][] forward(double[][] X) {
        Z1 = Columns.plusColumn(Columns.times(W1, X), b1);          // Z1 = np.matmul(W1, X) + b1
        A1 = Matrix.map(Z1, Document002::sigmoid);                 // A1 = sigmoid(Z1)
        Z2 = Columns.plusColumn(Columns.times(W2, A1), b2);         // Z2 = np.matmul(W2, A1) + b2
        A2 = Columns.softmax(Z2, defects.contains(Defect.UNSHIFTED_SOFTMAX));   // A2 = exp(Z2) / Σ exp(Z2)
        return Matrix.copy(A2);
    }

    /** {@code sigmoid(z) = 1 / (1 + np.exp(−z))}. */
    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * {@code compute_multiclass_loss(Y, A2)} = −(1/m)·Σ Y·log(A2) for the latest forward pass.
     *
     * @param Y the digits×m one-hot targets
     * @return the cost
     */
    public double cost(double[][] Y) {
        if (A2 == null) {
            throw new IllegalStateException("document 002: call forward(X) before cost(Y)");
        }
        Matrix.checkShape(Y, Matrix.rows(A2), Matrix.cols(A2), "document 002: Y");
        boolean raw = defects.contains(Defect.LOG_OF_ZERO);
        double lSum = 0;
        for (int i = 0; i < Y.length; i++) {
            for (int j = 0; j < Y[0].length; j++) {
                if (raw) {
                    lSum += Y[i][j] * Math.log(A2[i][j]);          // np.multiply(Y, np.log(Y_hat))
                } else if (Y[i][j] != 0) {
                    lSum += Y[i][j] * Math.log(Math.max(EPSILON, A2[i][j]));
                }
            }
        }
        int m = Y[0].length;
        return -(1.0 / m) * lSum;
    }

    /** The gradients of one backward pass, in the notebook's names (column-major). */
    public record Gradients(double[][] dZ2, double[][] dW2, double[][] db2, double[][] dA1, double[][] dZ1,
            double[][] dW1, double[][] db1) {
    }

    /**
     * The backward half of an iteration, for the batch of the latest forward pass; nothing moves.
     *
     * @param X the n_x×m inputs given to {@link #forward}
     * @param Y the digits×m one-hot targets
     * @return the gradients
     */
    public Gradients backward(double[][] X, double[][] Y) {
        if (A2 == null) {
            throw new IllegalStateException("document 002: call forward(X) before backward");
        }
        Matrix.checkShape(Y, Matrix.rows(A2), Matrix.cols(A2), "document 002: Y");
        int m = Y[0].length;
        // 损失微分推导 (dLdivDz2): the softmax and the cross-entropy together give dZ2 = A2 − Y
        double[][] dZ2 = Matrix.subtract(A2, Y);
        // dLdivDw2: dW2 = (1/m)·dZ2·A1ᵀ
        double[][] dW2 = Matrix.scale(1. / m, Matrix.multiplyTransposeRight(dZ2, A1));
        // db2 = (1/m)·np.sum(dZ2, axis=1)
        double[][] db2 = Matrix.scale(1. / m, Columns.rowSums(dZ2));
        // dA1 = W2ᵀ·dZ2
        double[][] dA1 = Columns.transposeTimes(W2, dZ2);
        // dZ1 = dA1 * sigmoid(Z1) * (1 − sigmoid(Z1))
        double[][] sigmoidZ1 = Matrix.map(Z1, Document002::sigmoid);
        double[][] dZ1 = Matrix.hadamard(Matrix.hadamard(dA1, sigmoidZ1), Matrix.map(sigmoidZ1, s -> 1 - s));
        // dW1 = (1/m)·dZ1·Xᵀ
        double[][] dW1 = Matrix.scale(1. / m, Matrix.multiplyTransposeRight(dZ1, X));
        // db1 = (1/m)·np.sum(dZ1, axis=1)
        double[][] db1 = Matrix.scale(1. / m, Columns.rowSums(dZ1));
        return new Gradients(dZ2, dW2, db2, dA1, dZ1, dW1, db1);
    }

    /**
     * One iteration of {@code for i in range(4000)}: the forward pass, the cost, the backward pass and the
     * update {@code W2 = W2 − learning_rate·dW2}, then b2, W1, b1.
     *
     * @param X            the n_x×m inputs
     * @param Y            the digits×m one-hot targets
     * @param learningRate the step (the notebook: 1)
     * @return the cost before the update
     */
    public double iterate(double[][] X, double[][] Y, double learningRate) {
        forward(X);
        double cost = cost(Y);
        Gradients g = backward(X, Y);
        W2 = Columns.minusScaled(W2, learningRate, g.dW2());
        b2 = Columns.minusScaled(b2, learningRate, g.db2());
        W1 = Columns.minusScaled(W1, learningRate, g.dW1());
        b1 = Columns.minusScaled(b1, learningRate, g.db1());
        return cost;
    }

    /** @return W1, n_h×n_x (a copy) */
    public double[][] W1() {
        return Matrix.copy(W1);
    }

    /** @return b1, n_h×1 (a copy) */
    public double[][] b1() {
        return Matrix.copy(b1);
    }

    /** @return W2, digits×n_h (a copy) */
    public double[][] W2() {
        return Matrix.copy(W2);
    }

    /** @return b2, digits×1 (a copy) */
    public double[][] b2() {
        return Matrix.copy(b2);
    }

    /** @return A1 of the latest forward pass, n_h×m (a copy) */
    public double[][] A1() {
        return Matrix.copy(A1);
    }

    /** @return Z2 of the latest forward pass, digits×m (a copy) */
    public double[][] Z2() {
        return Matrix.copy(Z2);
    }
}
