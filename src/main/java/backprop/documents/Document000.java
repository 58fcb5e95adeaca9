package backprop.documents;

import backprop.matrix.Matrix;
import backprop.random.SplitMix64;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Document 000 ("神经网络"): the three-layer leaky-ReLU network of its §八, with the forward pass of §三, the
 * loss of §五, the backward pass of §六 and the mini-batch loop of §七, in the document's column-major
 * notation: {@code X ∈ R^{p×n}} holds one sample per column, {@code W_i ∈ R^{p_i×p_{i−1}}},
 * {@code b_i ∈ R^{p_i×1}}, {@code Z_i = W_i·A_{i−1} + b_i}. Names are the listing's (§八): {@code C1, C2,
 * C3} are §三's {@code Z_1, Z_2, Z_3}, {@code A3} is {@code Ŷ}, {@code dC3} is {@code ∂loss/∂Z_3} before
 * the division by n, {@code dW3, db3, …} are {@code ∂loss/∂W_3, ∂loss/∂b_3, …}.
 *
 * <p>The library computes the same network row-major ({@code Network} with {@code Dense},
 * {@code LeakyReLU}, {@code SoftmaxCrossEntropy}); every matrix here is the transpose of the library's.
 * With every {@link Defect} off the two agree to rounding.
 */
public final class Document000 {

    /** The listing's mistakes, each a switch; all off by default. */
    public enum Defect {
        /** §八 {@code back_propagation}: {@code db1 = np.sum(dC1, axis=1)} is not divided by the batch size. */
        DB1_NOT_DIVIDED,
        /**
         * §八 {@code back_propagation}: W3 and b3 are updated before {@code dC2 = W3ᵀ·dC3 * α'(C2)} is
         * computed, and W2, b2 before {@code dC1}: the lower deltas use weights that have already moved.
         */
        UPDATE_BEFORE_DELTA,
        /**
         * §八 {@code loss}: {@code −log(prod(ŷ**y))} from the probabilities, which is +∞ once the correct
         * class's probability underflows to 0, instead of the log-probability taken from the logits.
         */
        LOSS_OF_PRODUCT,
        /** §八 {@code soft_max}: {@code e^z / Σ e^z} without subtracting the column maximum; NaN above z ≈ 709.78. */
        UNSHIFTED_SOFTMAX,
        /** §八: the 0..255 pixels go in as they are, where pixels / 255 would keep the inputs near 1. */
        RAW_PIXELS
    }

    /** The gradients of one backward pass, in the listing's names (column-major). */
    public record Gradients(double[][] dC3, double[][] dW3, double[][] db3, double[][] dC2, double[][] dW2,
            double[][] db2, double[][] dC1, double[][] dW1, double[][] db1) {
    }

    private final Set<Defect> defects;
    private final double k;
    private double[][] W1;
    private double[][] b1;
    private double[][] W2;
    private double[][] b2;
    private double[][] W3;
    private double[][] b3;

    // the listing's cache
    private double[][] C1;
    private double[][] A1;
    private double[][] C2;
    private double[][] A2;
    private double[][] C3;
    private double[][] A3;

    /**
     * The network with the given parameters (copied), in the document's shapes.
     *
     * @param W1      p₁×p₀
     * @param b1      p₁×1
     * @param W2      p₂×p₁
     * @param b2      p₂×1
     * @param W3      k×p₂
     * @param b3      k×1
     * @param k       the leaky ReLU's slope below zero (the listing: 0.3)
     * @param defects the switches that are on
     */
    public Document000(double[][] W1, double[][] b1, double[][] W2, double[][] b2, double[][] W3, double[][] b3,
            double k, Set<Defect> defects) {
        Matrix.checkShape(b1, Matrix.rows(W1), 1, "document 000: b1");
        Matrix.checkShape(W2, Matrix.rows(W2), Matrix.rows(W1), "document 000: W2");
        Matrix.checkShape(b2, Matrix.rows(W2), 1, "document 000: b2");
        Matrix.checkShape(W3, Matrix.rows(W3), Matrix.rows(W2), "document 000: W3");
        Matrix.checkShape(b3, Matrix.rows(W3), 1, "document 000: b3");
        this.W1 = Matrix.copy(W1);
        this.b1 = Matrix.copy(b1);
        this.W2 = Matrix.copy(W2);
        this.b2 = Matrix.copy(b2);
        this.W3 = Matrix.copy(W3);
        this.b3 = Matrix.copy(b3);
        this.k = k;
        this.defects = defects.isEmpty() ? EnumSet.noneOf(Defect.class) : EnumSet.copyOf(defects);
    }

    /**
     * §八 {@code train}'s initialisation: {@code W_i = randn/100} filled row by row, {@code b_i = 0}.
     *
     * @param p       the sizes p₀ (inputs), p₁, p₂ and k (classes); the listing: 784, 800, 400, 10
     * @param slope   the leaky ReLU's k (the listing: 0.3)
     * @param random  the generator for randn
     * @param defects the switches that are on
     * @return the network
     */
    public static Document000 initialise(int[] p, double slope, SplitMix64 random, Set<Defect> defects) {
        if (p.length != 4) {
            throw new IllegalArgumentException("document 000: give four sizes p0, p1, p2, k (the listing: 784, 800, "
                    + "400, 10), not " + p.length);
        }
        return new Document000(initW(p[1], p[0], random), initB(p[1]), initW(p[2], p[1], random), initB(p[2]),
                initW(p[3], p[2], random), initB(p[3]), slope, defects);
    }

    /** §八 {@code init_w(b, a)/100}: a b×a matrix of standard normals, divided by 100. */
    private static double[][] initW(int b, int a, SplitMix64 random) {
        double[][] w = new double[b][a];
        for (double[] row : w) {
            for (int j = 0; j < a; j++) {
                row[j] = random.nextGaussian() / 100;
            }
        }
        return w;
    }

    /** §八 {@code init_b(b)}: a b×1 column of zeros. */
    private static double[][] initB(int b) {
        return new double[b][1];
    }

    /**
     * §八 {@code train_data.T}: N images, one per row as read, as the p×N matrix X, divided by 255 unless
     * {@link Defect#RAW_PIXELS} is among {@code defects}.
     *
     * @param pixels  the N×p pixels, 0..255
     * @param defects the switches that are on
     * @return X, p×N
     */
    public static double[][] inputs(double[][] pixels, Set<Defect> defects) {
        return Columns.imagesAsColumns(pixels, defects.contains(Defect.RAW_PIXELS) ? 1 : 255);
    }

    // ------------------------------------------------------------------ §三 forward

    /**
     * §三 the forward pass ({@code forward} of §八), keeping C1…A3 for the backward pass.
     *
     * @param X the p₀×n batch, one sample per column
     * @return A3 = Ŷ, k×n, a new matrix
     */
    public double[][] forward(double[][] X) {
        C1 = Columns.plusColumn(Columns.times(W1, X), b1);          // §三.1 Z_1 = W_1·X + b_1
        A1 = leakyRelu(C1);                                         // §三.1 A_1 = α(Z_1), α = leaky ReLU (§四.3)
        C2 = Columns.plusColumn(Columns.times(W2, A1), b2);         // §三.2 Z_2 = W_2·A_1 + b_2
        A2 = leakyRelu(C2);                                         // §三.2 A_2 = α(Z_2)
        C3 = Columns.plusColumn(Columns.times(W3, A2), b3);         // §三.3 Z_3 = W_3·A_2 + b_3
        A3 = Columns.softmax(C3, defects.contains(Defect.UNSHIFTED_SOFTMAX));   // §三.3 Ŷ = g(Z_3), g = softmax (§四.4)
        return Matrix.copy(A3);
    }

    /** §四.3 leakyRelu(z, k) = max(kz, z), element-wise. */
    private double[][] leakyRelu(double[][] z) {
        return Matrix.map(z, v -> Math.max(k * v, v));
    }

    /**
     * §四.3 d/dz leakyRelu = 1 for z &gt; 0, k for z ≤ 0. (The listing's {@code (x > 0) + k*(x < 0)} gives 0
     * at z = 0 exactly, where no derivative exists.)
     */
    private double[][] leakyReluDerivative(double[][] z) {
        return Matrix.map(z, v -> v > 0 ? 1.0 : k);
    }

    // ------------------------------------------------------------------ §五 loss

    /**
     * §五 loss(Y, Ŷ) = −(1/n)·Σ_i Σ_j I(y_i = j)·ln ŷ_ij for the latest forward pass. Taken from the logits
     * C3, so it is finite for any finite logits; with {@link Defect#LOSS_OF_PRODUCT} it is the listing's
     * {@code −log(prod(ŷ**y))} of the probabilities.
     *
     * @param Y the k×n one-hot targets
     * @return the loss
     */
    public double loss(double[][] Y) {
        checkForward();
        Matrix.checkShape(Y, Matrix.rows(A3), Matrix.cols(A3), "document 000: Y");
        if (!defects.contains(Defect.LOSS_OF_PRODUCT)) {
            return Columns.crossEntropyOfLogits(C3, Y);
        }
        int n = Y[0].length;
        double sum = 0;
        for (int j = 0; j < n; j++) {
            double product = 1;                                      // prod(y_hat**y, axis=0)
            for (int i = 0; i < Y.length; i++) {
                product *= Math.pow(A3[i][j], Y[i][j]);
            }
            sum += -Math.log(product);
        }
        return sum / n;
    }

    // ------------------------------------------------------------------ §六 backward, §七 update

    /**
     * §六 the backward pass and §七 one SGD step ({@code back_propagation} of §八) for the batch of the latest
     * forward pass: all gradients first, then every parameter moves by −step·gradient. With
     * {@link Defect#UPDATE_BEFORE_DELTA} each layer moves as soon as its gradient is known, as the listing
     * does. A step of 0 computes the gradients and leaves the parameters alone.
     *
     * @param X    the p₀×n batch given to {@link #forward}
     * @param Y    the k×n one-hot targets
     * @param step the learning rate
     * @return the gradients as computed
     */
    public Gradients backPropagation(double[][] X, double[][] Y, double step) {
        checkForward();
        Matrix.checkShape(Y, Matrix.rows(A3), Matrix.cols(A3), "document 000: Y");
        Matrix.checkShape(X, Matrix.cols(W1), Matrix.cols(A3), "document 000: X");
        boolean early = defects.contains(Defect.UPDATE_BEFORE_DELTA);
        double number = Y[0].length;

        // §六.1 ∂loss/∂Z_3 = (1/n)(Ŷ − Y); the listing keeps dC3 = A3 − Y and divides by n below
        double[][] dC3 = Matrix.subtract(A3, Y);
        // §六.1 ∂loss/∂W_3 = ∂loss/∂Z_3·A_2ᵀ
        double[][] dW3 = Matrix.scale(1 / number, Matrix.multiplyTransposeRight(dC3, A2));
        // §六.1 ∂loss/∂b_3 = ∂loss/∂Z_3·1
        double[][] db3 = Matrix.scale(1 / number, Columns.rowSums(dC3));
        if (early) {
            W3 = Columns.minusScaled(W3, step, dW3);                 // §七, before dC2 reads W3
            b3 = Columns.minusScaled(b3, step, db3);
        }

        // §六.2 ∂loss/∂Z_2 = W_3ᵀ·∂loss/∂Z_3 * α'(Z_2)
        double[][] dC2 = Matrix.hadamard(Columns.transposeTimes(W3, dC3), leakyReluDerivative(C2));
        // §六.2 ∂loss/∂W_2 = ∂loss/∂Z_2·A_1ᵀ
        double[][] dW2 = Matrix.scale(1 / number, Matrix.multiplyTransposeRight(dC2, A1));
        // §六.2 ∂loss/∂b_2 = ∂loss/∂Z_2·1
        double[][] db2 = Matrix.scale(1 / number, Columns.rowSums(dC2));
        if (early) {
            W2 = Columns.minusScaled(W2, step, dW2);                 // §七, before dC1 reads W2
            b2 = Columns.minusScaled(b2, step, db2);
        }

        // §六.3 ∂loss/∂Z_1 = W_2ᵀ·∂loss/∂Z_2 * α'(Z_1)
        double[][] dC1 = Matrix.hadamard(Columns.transposeTimes(W2, dC2), leakyReluDerivative(C1));
        // §六.3 ∂loss/∂W_1 = ∂loss/∂Z_1·Xᵀ
        double[][] dW1 = Matrix.scale(1 / number, Matrix.multiplyTransposeRight(dC1, X));
        // §六.3 ∂loss/∂b_1 = ∂loss/∂Z_1·1; §七 divides by the batch size, the listing forgets to
        double[][] db1 = defects.contains(Defect.DB1_NOT_DIVIDED) ? Columns.rowSums(dC1)
                : Matrix.scale(1 / number, Columns.rowSums(dC1));

        if (early) {
            W1 = Columns.minusScaled(W1, step, dW1);
            b1 = Columns.minusScaled(b1, step, db1);
        } else {
            // §七 W_i ← W_i − step·∂loss/∂W_i, b_i ← b_i − step·∂loss/∂b_i, every gradient already known
            W3 = Columns.minusScaled(W3, step, dW3);
            b3 = Columns.minusScaled(b3, step, db3);
            W2 = Columns.minusScaled(W2, step, dW2);
            b2 = Columns.minusScaled(b2, step, db2);
            W1 = Columns.minusScaled(W1, step, dW1);
            b1 = Columns.minusScaled(b1, step, db1);
        }
        return new Gradients(dC3, dW3, db3, dC2, dW2, db2, dC1, dW1, db1);
    }

    /**
     * §七/§八 {@code train}: for each epoch, the batches in order (no shuffling; the last one smaller), each
     * a forward pass, its loss (what the listing prints) and {@link #backPropagation}. The listing's batch
     * loop runs one batch too many, an index error, when the batch size divides the number of samples;
     * here the last batch is simply the last full one.
     *
     * @param x            the p₀×N training inputs
     * @param y            the k×N one-hot targets
     * @param learningRate the step (the listing: 0.001)
     * @param batchSize    samples per batch (the listing: 128)
     * @param epochs       passes over the data (the listing: 5)
     * @return the loss of every batch, before its step, in order
     */
    public List<Double> train(double[][] x, double[][] y, double learningRate, int batchSize, int epochs) {
        int nx = Matrix.cols(x);
        List<Double> losses = new ArrayList<>();
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int from = 0; from < nx; from += batchSize) {
                int to = Math.min(nx, from + batchSize);
                double[][] batchX = Columns.slice(x, from, to);
                double[][] batchY = Columns.slice(y, from, to);
                forward(batchX);
                losses.add(loss(batchY));
                backPropagation(batchX, batchY, learningRate);
            }
        }
        return losses;
    }

    private void checkForward() {
        if (A3 == null) {
            throw new IllegalStateException("document 000: call forward(X) before loss or backPropagation");
        }
    }

    /** @return W1, p₁×p₀ (a copy) */
    public double[][] W1() {
        return Matrix.copy(W1);
    }

    /** @return b1, p₁×1 (a copy) */
    public double[][] b1() {
        return Matrix.copy(b1);
    }

    /** @return W2, p₂×p₁ (a copy) */
    public double[][] W2() {
        return Matrix.copy(W2);
    }

    /** @return b2, p₂×1 (a copy) */
    public double[][] b2() {
        return Matrix.copy(b2);
    }

    /** @return W3, k×p₂ (a copy) */
    public double[][] W3() {
        return Matrix.copy(W3);
    }

    /** @return b3, k×1 (a copy) */
    public double[][] b3() {
        return Matrix.copy(b3);
    }

    /** @return the logits C3 = Z_3 of the latest forward pass, k×n (a copy) */
    public double[][] C3() {
        checkForward();
        return Matrix.copy(C3);
    }
}
