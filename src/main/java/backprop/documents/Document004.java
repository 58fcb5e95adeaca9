package backprop.documents;

import backprop.matrix.Matrix;
import backprop.random.SplitMix64;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Document 004 ("神经网络实现-numpy"): {@link OneNet} (logistic regression, on AND, OR and NOT),
 * {@link TwoNet} (2-H-2, ReLU and softmax, on XOR) and {@link ThreeNet} (two ReLU layers and softmax, on
 * Iris and MNIST), as its listings build them. The notation is already the library's, one sample per row:
 * {@code a⁽⁰⁾ ∈ R^{N×D}}, {@code W⁽¹⁾ ∈ R^{D×H}}, {@code b⁽¹⁾ ∈ R^{1×H}}, {@code z = a·W + b}; the names
 * are the listings' ({@code w, b, w2, b2, w3, b3}, {@code a0, z1, a1, …, h} for {@code probs}, {@code dw,
 * db, …} for {@code ∇W⁽¹⁾, ∇b⁽¹⁾, …}).
 *
 * <p>The library builds the same networks ({@code Dense}, {@code ReLU}, {@code Sigmoid} with
 * {@code BinaryCrossEntropy}, or {@code SoftmaxCrossEntropy}, and {@code L2Penalty}); with every
 * {@link Defect} off the two agree to rounding.
 */
public final class Document004 {

    private Document004() {
    }

    /** The listings' mistakes, each a switch; all off by default. */
    public enum Defect {
        /**
         * OneNet {@code update}: {@code w − alpha·(dw + la·np.sum(w))}, the penalty's gradient taken as the sum
         * of all weights, where ½·la·‖w‖² has gradient {@code la·w} (the 前向传播过程 formula writes
         * {@code λ·Σ W} too).
         */
        PENALTY_SUM_OF_W,
        /**
         * OneNet's AND listing: {@code b = init_weights(K, D)}, a 1×D bias; numpy broadcasts z to N×D and w
         * becomes D×D at the first update, D logistic regressions side by side of which the listing prints
         * the first.
         */
        BIAS_K_BY_D,
        /**
         * TwoNet and ThreeNet {@code update}: {@code b2 = b2 − learning_rate·b2} (ThreeNet: b3 and b2) instead
         * of {@code ·db2}: those biases never learn, they shrink by (1 − rate) every step.
         */
        BIAS_DECAYS,
        /**
         * TwoNet and ThreeNet {@code backward}: {@code delta = self.h}, then {@code delta[…] -= 1} and
         * {@code delta /= N} write into the stored probabilities.
         */
        PROBS_OVERWRITTEN,
        /** TwoNet and ThreeNet {@code forward}: {@code np.exp(z)} without subtracting the row maximum. */
        UNSHIFTED_SOFTMAX,
        /**
         * ThreeNet's MNIST loop: after each epoch the "best" snapshot is chosen on the accuracy of the last
         * batch alone, the batch just trained on, with {@code >=}; off, it is chosen as the library does, on
         * the whole training set (higher accuracy, ties to the lower loss).
         */
        BEST_ON_ONE_BATCH
    }

    /** {@code init_weights(inputs, outputs) = 0.01·N(0, 1)} of shape inputs×outputs, filled row by row. */
    static double[][] initWeights(int inputs, int outputs, SplitMix64 random) {
        double[][] w = new double[inputs][outputs];
        for (double[] row : w) {
            for (int j = 0; j < outputs; j++) {
                row[j] = 0.01 * random.nextGaussian();
            }
        }
        return w;
    }

    private static Set<Defect> copyOf(Set<Defect> defects) {
        return defects.isEmpty() ? EnumSet.noneOf(Defect.class) : EnumSet.copyOf(defects);
    }

    // ================================================================== OneNet

    /**
     * OneNet, logistic regression: {@code z1 = a0·w + b}, {@code h = sigmoid(z1)} (前向传播过程),
     * {@code ∇z = (h − y)/m}, {@code dw = a0ᵀ·∇z}, {@code db = Σ ∇z} (反向传播过程), and the update with the
     * penalty. The shapes follow numpy: with {@link Defect#BIAS_K_BY_D} b is 1×D and z, h, w widen to D
     * columns by broadcasting, as the AND listing's do.
     */
    public static final class OneNet {
        private final Set<Defect> defects;
        private double[][] w;
        private double[][] b;
        private double[][] a0;
        private double[][] h;
        private double[][] dw;
        private double[][] db;

        /**
         * A OneNet with the given parameters (copied).
         *
         * @param w       D×1 (or D×D after a broadcast)
         * @param b       1×1, or 1×D with {@link Defect#BIAS_K_BY_D}
         * @param defects the switches that are on
         */
        public OneNet(double[][] w, double[][] b, Set<Defect> defects) {
            this.w = Matrix.copy(w);
            this.b = Matrix.copy(b);
            this.defects = copyOf(defects);
        }

        /**
         * The listing's {@code w = init_weights(D, K)}, then {@code b = init_weights(K, D)} with
         * {@link Defect#BIAS_K_BY_D}, else a K×K bias.
         *
         * @param d       the inputs D (2 for AND and OR, 1 for NOT)
         * @param random  the generator
         * @param defects the switches that are on
         * @return the network
         */
        public static OneNet initialise(int d, SplitMix64 random, Set<Defect> defects) {
            double[][] w = initWeights(d, 1, random);
            double[][] b = defects.contains(Defect.BIAS_K_BY_D) ? initWeights(1, d, random) : initWeights(1, 1, random);
            return new OneNet(w, b, defects);
        }

        /**
         * 前向传播过程: {@code z1 = a0·w + b}, {@code h = sigmoid(z1)}.
         *
         * @param inputs a0, m×D
         * @return h, m×1 (m×D when broadcast), a new matrix
         */
        public double[][] forward(double[][] inputs) {
            a0 = inputs;
            double[][] z1 = Broadcast.plus(Matrix.multiply(inputs, w), b);       // z⁽¹⁾ = a⁽⁰⁾·W⁽¹⁾ + b⁽¹⁾
            h = Matrix.map(z1, z -> 1.0 / (1 + Math.exp(-1 * z)));               // h = sigmoid(z⁽¹⁾)
            return Matrix.copy(h);
        }

        /**
         * 反向传播过程: {@code ∇z = (h − y)/m}, {@code dw = a0ᵀ·∇z}, {@code db = Σ_i ∇z_i}.
         *
         * @param output y, m×1 (0 or 1)
         */
        public void backward(double[][] output) {
            int m = a0.length;
            double[][] delta = Matrix.scale(1.0 / m, Broadcast.minus(h, output));  // ∇z = (h − y)/m
            dw = Matrix.multiplyTransposeLeft(a0, delta);                           // ∇W = a⁽⁰⁾ᵀ·∇z
            db = Matrix.columnSums(delta);                                          // ∇b = Σ_i ∇z_i
        }

        /**
         * {@code update}: {@code w = w − alpha·(dw + la·w)} (the gradient of J + ½·la·‖w‖²), {@code b = b −
         * alpha·db}; with {@link Defect#PENALTY_SUM_OF_W}, {@code la·np.sum(w)} in place of {@code la·w}.
         *
         * @param alpha the learning rate (the listing: 1e-3)
         * @param la    the penalty's λ (the listing: 1e-3)
         */
        public void update(double alpha, double la) {
            w = Broadcast.minus(w, Matrix.scale(alpha, Broadcast.plus(dw, penaltyGradient(la))));
            b = Broadcast.minus(b, Matrix.scale(alpha, db));
        }

        /** la·w, or the listing's la·np.sum(w) (a scalar, broadcast over w's shape). */
        double[][] penaltyGradient(double la) {
            if (!defects.contains(Defect.PENALTY_SUM_OF_W)) {
                return Matrix.scale(la, w);
            }
            double sum = 0;
            for (double[] row : w) {
                for (double v : row) {
                    sum += v;
                }
            }
            return new double[][] {{la * sum}};
        }

        /**
         * J = −(1/m)·(yᵀ·ln h + (1 − y)ᵀ·ln(1 − h)) (前向传播过程) for the latest forward pass, of the first
         * column of h (what the listing prints when h is broadcast wider). The listing's
         * {@code compute_loss} adds β = 1e-4 inside the logs; β = 0 is the document's J.
         *
         * @param y    m×1, 0 or 1
         * @param beta added inside the logs
         * @return J
         */
        public double loss(double[][] y, double beta) {
            int m = y.length;
            double sum = 0;
            for (int i = 0; i < m; i++) {
                sum += y[i][0] * Math.log(h[i][0] + beta) + (1 - y[i][0]) * Math.log(1 - h[i][0] + beta);
            }
            return -1.0 / m * sum;
        }

        /**
         * The listing's loop: {@code iterations} times forward, loss, backward, update, all samples at once.
         *
         * @param inputs     a0, m×D
         * @param output     y, m×1
         * @param iterations the steps (the listing: 200,000)
         * @param alpha      the learning rate (1e-3)
         * @param la         the penalty's λ (1e-3)
         * @return the loss J (β = 0) before every step
         */
        public double[] train(double[][] inputs, double[][] output, int iterations, double alpha, double la) {
            double[] losses = new double[iterations];
            for (int i = 0; i < iterations; i++) {
                forward(inputs);
                losses[i] = loss(output, 0);
                backward(output);
                update(alpha, la);
            }
            return losses;
        }

        /** @return w (a copy) */
        public double[][] w() {
            return Matrix.copy(w);
        }

        /** @return b (a copy) */
        public double[][] b() {
            return Matrix.copy(b);
        }

        /** @return dw of the latest backward pass (a copy) */
        public double[][] dw() {
            return Matrix.copy(dw);
        }

        /** @return db of the latest backward pass (a copy) */
        public double[][] db() {
            return Matrix.copy(db);
        }
    }

    // ================================================================== the softmax and the loss

    /**
     * {@code probs = exp(z) / Σ exp(z)} row by row (前向传播过程), shifted by the row maximum unless
     * {@code unshifted}.
     */
    static double[][] softmaxRows(double[][] z, boolean unshifted) {
        double[][] h = new double[z.length][z[0].length];
        for (int i = 0; i < z.length; i++) {
            double max = z[i][0];
            for (double v : z[i]) {
                max = Math.max(max, v);
            }
            double shift = unshifted ? 0 : max;
            double sum = 0;
            for (int j = 0; j < z[i].length; j++) {
                h[i][j] = Math.exp(z[i][j] - shift);                    // expscores = np.exp(z)
                sum += h[i][j];
            }
            for (int j = 0; j < z[i].length; j++) {
                h[i][j] /= sum;                                         // expscores / np.sum(expscores, axis=1)
            }
        }
        return h;
    }

    /**
     * {@code compute_loss(score, y)}: dataLoss = −(1/N)·Σ_i ln score[i, y_i] (the listing leaves regLoss
     * out of what it prints).
     *
     * @param score the N×K probabilities
     * @param y     the class of each row
     * @return dataLoss
     */
    public static double computeLoss(double[][] score, int[] y) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            sum += Math.log(score[i][y[i]]);
        }
        return -1.0 / y.length * sum;
    }

    /**
     * {@code compute_accuracy}: the fraction of rows whose largest probability is at the label.
     *
     * @param score the N×K probabilities
     * @param y     the class of each row
     * @return the accuracy
     */
    public static double computeAccuracy(double[][] score, int[] y) {
        int[] predict = Matrix.rowArgMax(score);
        int right = 0;
        for (int i = 0; i < y.length; i++) {
            if (predict[i] == y[i]) {
                right++;
            }
        }
        return (double) right / y.length;
    }

    /** {@code delta = self.h} (the same array with PROBS_OVERWRITTEN), {@code delta[range(N), y] -= 1}, {@code /= N}. */
    static double[][] outputDelta(double[][] h, int[] output, Set<Defect> defects) {
        double[][] delta = defects.contains(Defect.PROBS_OVERWRITTEN) ? h : Matrix.copy(h);
        int n = h.length;
        for (int i = 0; i < n; i++) {
            delta[i][output[i]] -= 1;                                   // delta[range(N), output] -= 1
        }
        for (double[] row : delta) {
            for (int j = 0; j < row.length; j++) {
                row[j] /= n;                                            // delta /= N: ∇z = (probs − Y)/N
            }
        }
        return delta;
    }

    /** {@code dz = da; dz[z < 0] = 0} (the algebra's {@code ∇a ⊙ 1(z ≥ 0)}). */
    static double[][] reluBackward(double[][] da, double[][] z) {
        double[][] dz = Matrix.copy(da);
        for (int i = 0; i < z.length; i++) {
            for (int j = 0; j < z[0].length; j++) {
                if (z[i][j] < 0) {
                    dz[i][j] = 0;
                }
            }
        }
        return dz;
    }

    /** {@code z = a·W + b}. */
    static double[][] affine(double[][] a, double[][] w, double[][] b) {
        return Matrix.addRowVector(Matrix.multiply(a, w), b);
    }

    /** {@code np.maximum(0, z)}. */
    static double[][] relu(double[][] z) {
        return Matrix.map(z, v -> Math.max(0, v));
    }

    /** {@code b − learning_rate·db}, or with BIAS_DECAYS {@code b − learning_rate·b}. */
    static double[][] biasStep(double[][] b, double[][] db, double learningRate, Set<Defect> defects) {
        return Matrix.subtract(b, Matrix.scale(learningRate, defects.contains(Defect.BIAS_DECAYS) ? b : db));
    }

    // ================================================================== TwoNet

    /**
     * TwoNet: {@code z1 = a0·w + b}, {@code a1 = relu(z1)}, {@code z2 = a1·w2 + b2}, {@code h = probs =
     * softmax(z2)}; {@code ∇z2 = (probs − Y)/N}, {@code ∇W2 = a1ᵀ·∇z2}, {@code ∇b2 = Σ_i ∇z2_i},
     * {@code ∇a1 = ∇z2·W2ᵀ}, {@code ∇z1 = ∇a1 ⊙ 1(z1 ≥ 0)}, {@code ∇W1 = a0ᵀ·∇z1}, {@code ∇b1 = Σ ∇z1}
     * (反向传播过程); the update adds {@code reg·W} for regLoss = ½·reg·(‖W1‖² + ‖W2‖²).
     */
    public static final class TwoNet {
        private final Set<Defect> defects;
        private double[][] w;
        private double[][] b;
        private double[][] w2;
        private double[][] b2;
        private double[][] a0;
        private double[][] z1;
        private double[][] a1;
        private double[][] h;
        private double[][] dw;
        private double[][] db;
        private double[][] dw2;
        private double[][] db2;

        /**
         * A TwoNet with the given parameters (copied).
         *
         * @param w       D×H
         * @param b       1×H
         * @param w2      H×K
         * @param b2      1×K
         * @param defects the switches that are on
         */
        public TwoNet(double[][] w, double[][] b, double[][] w2, double[][] b2, Set<Defect> defects) {
            this.w = Matrix.copy(w);
            this.b = Matrix.copy(b);
            this.w2 = Matrix.copy(w2);
            this.b2 = Matrix.copy(b2);
            this.defects = copyOf(defects);
        }

        /**
         * The listing's {@code w, b, w2, b2 = init_weights(D, H), init_weights(1, H), init_weights(H, K),
         * init_weights(1, K)}.
         *
         * @param d       inputs D (2)
         * @param hidden  hidden units H (6 in the table, 30 in the listing)
         * @param k       classes K (2)
         * @param random  the generator
         * @param defects the switches that are on
         * @return the network
         */
        public static TwoNet initialise(int d, int hidden, int k, SplitMix64 random, Set<Defect> defects) {
            return new TwoNet(initWeights(d, hidden, random), initWeights(1, hidden, random),
                    initWeights(hidden, k, random), initWeights(1, k, random), defects);
        }

        /**
         * 前向传播过程.
         *
         * @param inputs a0, N×D
         * @return h = probs, N×K (the stored matrix itself, as the listing returns it)
         */
        public double[][] forward(double[][] inputs) {
            a0 = inputs;
            z1 = affine(inputs, w, b);                                   // z⁽¹⁾ = a⁽⁰⁾·W⁽¹⁾ + b⁽¹⁾
            a1 = relu(z1);                                               // a⁽¹⁾ = relu(z⁽¹⁾)
            double[][] z2 = affine(a1, w2, b2);                          // z⁽²⁾ = a⁽¹⁾·W⁽²⁾ + b⁽²⁾
            h = softmaxRows(z2, defects.contains(Defect.UNSHIFTED_SOFTMAX));   // probs = softmax(z⁽²⁾)
            return h;
        }

        /**
         * 反向传播过程 for the batch of the latest forward pass.
         *
         * @param output the class of each row
         */
        public void backward(int[] output) {
            double[][] delta = outputDelta(h, output, defects);         // ∇z⁽²⁾ = (probs − Y)/N
            dw2 = Matrix.multiplyTransposeLeft(a1, delta);               // ∇W⁽²⁾ = a⁽¹⁾ᵀ·∇z⁽²⁾
            db2 = Matrix.columnSums(delta);                              // ∇b⁽²⁾ = Σ_i ∇z⁽²⁾_i
            double[][] da1 = Matrix.multiplyTransposeRight(delta, w2);   // ∇a⁽¹⁾ = ∇z⁽²⁾·W⁽²⁾ᵀ
            double[][] dz1 = reluBackward(da1, z1);                      // ∇z⁽¹⁾ = ∇a⁽¹⁾ ⊙ 1(z⁽¹⁾ ≥ 0)
            dw = Matrix.multiplyTransposeLeft(a0, dz1);                  // ∇W⁽¹⁾ = a⁽⁰⁾ᵀ·∇z⁽¹⁾
            db = Matrix.columnSums(dz1);                                 // ∇b⁽¹⁾ = Σ_i ∇z⁽¹⁾_i
        }

        /**
         * {@code update}: {@code dw2 += reg·w2}, {@code dw += reg·w}, then every parameter steps.
         *
         * @param learningRate the step (the listing: 0.1)
         * @param lambdaRate   reg (the listing: 1e-3)
         */
        public void update(double learningRate, double lambdaRate) {
            dw2 = Matrix.add(dw2, Matrix.scale(lambdaRate, w2));         // ∇(regLoss) = reg·W
            dw = Matrix.add(dw, Matrix.scale(lambdaRate, w));
            w2 = Matrix.subtract(w2, Matrix.scale(learningRate, dw2));
            b2 = biasStep(b2, db2, learningRate, defects);
            w = Matrix.subtract(w, Matrix.scale(learningRate, dw));
            b = Matrix.subtract(b, Matrix.scale(learningRate, db));
        }

        /**
         * The listing's loop: {@code iterations} times forward, loss, backward, update.
         *
         * @param inputs       a0, N×D
         * @param output       the class of each row
         * @param iterations   the steps (the listing: 10,000)
         * @param learningRate 0.1
         * @param lambdaRate   1e-3
         * @return the data loss before every step
         */
        public double[] train(double[][] inputs, int[] output, int iterations, double learningRate,
                double lambdaRate) {
            double[] losses = new double[iterations];
            for (int i = 0; i < iterations; i++) {
                losses[i] = computeLoss(forward(inputs), output);
                backward(output);
                update(learningRate, lambdaRate);
            }
            return losses;
        }

        /** @return regLoss = ½·reg·(‖W1‖² + ‖W2‖²) for the current weights */
        double regLoss(double lambdaRate) {
            return 0.5 * lambdaRate * (Matrix.sumOfSquares(w) + Matrix.sumOfSquares(w2));
        }

        /** @return the stored probabilities h of the latest forward pass (a copy) */
        public double[][] h() {
            return Matrix.copy(h);
        }

        /** @return w (a copy) */
        public double[][] w() {
            return Matrix.copy(w);
        }

        /** @return b (a copy) */
        public double[][] b() {
            return Matrix.copy(b);
        }

        /** @return w2 (a copy) */
        public double[][] w2() {
            return Matrix.copy(w2);
        }

        /** @return b2 (a copy) */
        public double[][] b2() {
            return Matrix.copy(b2);
        }

        /** @return the gradients of the latest backward pass (and update), {dw, db, dw2, db2}, copies */
        public List<double[][]> gradients() {
            return List.of(Matrix.copy(dw), Matrix.copy(db), Matrix.copy(dw2), Matrix.copy(db2));
        }
    }

    // ================================================================== ThreeNet

    /**
     * ThreeNet: two ReLU layers and softmax, {@code z1 = a0·w + b}, {@code a1 = relu(z1)}, {@code z2 = a1·w2
     * + b2}, {@code a2 = relu(z2)}, {@code z3 = a2·w3 + b3}, {@code h = probs = softmax(z3)}, and the
     * backward pass of its 反向传播过程, layer by layer as TwoNet's.
     */
    public static final class ThreeNet {
        private final Set<Defect> defects;
        private double[][] w;
        private double[][] b;
        private double[][] w2;
        private double[][] b2;
        private double[][] w3;
        private double[][] b3;
        private double[][] a0;
        private double[][] z1;
        private double[][] a1;
        private double[][] z2;
        private double[][] a2;
        private double[][] z3;
        private double[][] h;
        private double[][] dw;
        private double[][] db;
        private double[][] dw2;
        private double[][] db2;
        private double[][] dw3;
        private double[][] db3;

        /**
         * A ThreeNet with the given parameters (copied).
         *
         * @param w       D×H1
         * @param b       1×H1
         * @param w2      H1×H2
         * @param b2      1×H2
         * @param w3      H2×K
         * @param b3      1×K
         * @param defects the switches that are on
         */
        public ThreeNet(double[][] w, double[][] b, double[][] w2, double[][] b2, double[][] w3, double[][] b3,
                Set<Defect> defects) {
            this.w = Matrix.copy(w);
            this.b = Matrix.copy(b);
            this.w2 = Matrix.copy(w2);
            this.b2 = Matrix.copy(b2);
            this.w3 = Matrix.copy(w3);
            this.b3 = Matrix.copy(b3);
            this.defects = copyOf(defects);
        }

        /**
         * The listing's {@code init_weights(D, H1)}, {@code (1, H1)}, {@code (H1, H2)}, {@code (1, H2)},
         * {@code (H2, K)}, {@code (1, K)}, in that order.
         *
         * @param d       inputs D (Iris 4, MNIST 784)
         * @param h1      first hidden layer (20, 200)
         * @param h2      second hidden layer (20, 80)
         * @param k       classes (3, 10)
         * @param random  the generator
         * @param defects the switches that are on
         * @return the network
         */
        public static ThreeNet initialise(int d, int h1, int h2, int k, SplitMix64 random, Set<Defect> defects) {
            return new ThreeNet(initWeights(d, h1, random), initWeights(1, h1, random), initWeights(h1, h2, random),
                    initWeights(1, h2, random), initWeights(h2, k, random), initWeights(1, k, random), defects);
        }

        /**
         * 前向传播过程.
         *
         * @param inputs a0, N×D
         * @return h = probs, N×K (the stored matrix itself, as the listing returns it)
         */
        public double[][] forward(double[][] inputs) {
            a0 = inputs;
            z1 = affine(inputs, w, b);                                   // z⁽¹⁾ = a⁽⁰⁾·W⁽¹⁾ + b⁽¹⁾
            a1 = relu(z1);                                               // a⁽¹⁾ = relu(z⁽¹⁾)
            z2 = affine(a1, w2, b2);                                     // z⁽²⁾ = a⁽¹⁾·W⁽²⁾ + b⁽²⁾
            a2 = relu(z2);                                               // a⁽²⁾ = relu(z⁽²⁾)
            z3 = affine(a2, w3, b3);                                     // z⁽³⁾ = a⁽²⁾·W⁽³⁾ + b⁽³⁾
            h = softmaxRows(z3, defects.contains(Defect.UNSHIFTED_SOFTMAX));   // probs = softmax(z⁽³⁾)
            return h;
        }

        /**
         * 反向传播过程 for the batch of the latest forward pass.
         *
         * @param output the class of each row
         */
        public void backward(int[] output) {
            double[][] delta = outputDelta(h, output, defects);         // ∇z⁽³⁾ = (probs − Y)/N
            dw3 = Matrix.multiplyTransposeLeft(a2, delta);               // ∇W⁽³⁾ = a⁽²⁾ᵀ·∇z⁽³⁾
            db3 = Matrix.columnSums(delta);                              // ∇b⁽³⁾ = Σ_i ∇z⁽³⁾_i
            double[][] da2 = Matrix.multiplyTransposeRight(delta, w3);   // ∇a⁽²⁾ = ∇z⁽³⁾·W⁽³⁾ᵀ
            double[][] dz2 = reluBackward(da2, z2);                      // ∇z⁽²⁾ = ∇a⁽²⁾ ⊙ 1(z⁽²⁾ ≥ 0)
            dw2 = Matrix.multiplyTransposeLeft(a1, dz2);                 // ∇W⁽²⁾ = a⁽¹⁾ᵀ·∇z⁽²⁾
            db2 = Matrix.columnSums(dz2);                                // ∇b⁽²⁾ = Σ_i ∇z⁽²⁾_i
            double[][] da1 = Matrix.multiplyTransposeRight(dz2, w2);     // ∇a⁽¹⁾ = ∇z⁽²⁾·W⁽²⁾ᵀ
            double[][] dz1 = reluBackward(da1, z1);                      // ∇z⁽¹⁾ = ∇a⁽¹⁾ ⊙ 1(z⁽¹⁾ ≥ 0)
            dw = Matrix.multiplyTransposeLeft(a0, dz1);                  // ∇W⁽¹⁾ = a⁽⁰⁾ᵀ·∇z⁽¹⁾
            db = Matrix.columnSums(dz1);                                 // ∇b⁽¹⁾ = Σ_i ∇z⁽¹⁾_i
        }

        /**
         * {@code update}: {@code dw3 += reg·w3}, {@code dw2 += reg·w2}, {@code dw += reg·w}, then every
         * parameter steps (b3 and b2 along themselves with {@link Defect#BIAS_DECAYS}).
         *
         * @param learningRate the step (Iris 5e-2, MNIST 1e-3)
         * @param lambdaRate   reg (1e-3)
         */
        public void update(double learningRate, double lambdaRate) {
            dw3 = Matrix.add(dw3, Matrix.scale(lambdaRate, w3));
            dw2 = Matrix.add(dw2, Matrix.scale(lambdaRate, w2));
            dw = Matrix.add(dw, Matrix.scale(lambdaRate, w));
            w3 = Matrix.subtract(w3, Matrix.scale(learningRate, dw3));
            b3 = biasStep(b3, db3, learningRate, defects);
            w2 = Matrix.subtract(w2, Matrix.scale(learningRate, dw2));
            b2 = biasStep(b2, db2, learningRate, defects);
            w = Matrix.subtract(w, Matrix.scale(learningRate, dw));
            b = Matrix.subtract(b, Matrix.scale(learningRate, db));
        }

        /**
         * {@code __copy__}: a deep copy, the snapshot the loops keep.
         *
         * @return a network with copies of the parameters
         */
        public ThreeNet copy() {
            return new ThreeNet(w, b, w2, b2, w3, b3, defects);
        }

        /** @return regLoss = ½·reg·(‖W1‖² + ‖W2‖² + ‖W3‖²) for the current weights */
        double regLoss(double lambdaRate) {
            return 0.5 * lambdaRate * (Matrix.sumOfSquares(w) + Matrix.sumOfSquares(w2) + Matrix.sumOfSquares(w3));
        }

        /** @return the stored probabilities h of the latest forward pass (a copy) */
        public double[][] h() {
            return Matrix.copy(h);
        }

        /** @return the parameters {w, b, w2, b2, w3, b3}, copies */
        public List<double[][]> parameters() {
            return List.of(Matrix.copy(w), Matrix.copy(b), Matrix.copy(w2), Matrix.copy(b2), Matrix.copy(w3),
                    Matrix.copy(b3));
        }

        /** @return the gradients of the latest backward pass (and update), {dw, db, dw2, db2, dw3, db3}, copies */
        public List<double[][]> gradients() {
            return List.of(Matrix.copy(dw), Matrix.copy(db), Matrix.copy(dw2), Matrix.copy(db2), Matrix.copy(dw3),
                    Matrix.copy(db3));
        }
    }

    // ================================================================== ThreeNet's loops

    /**
     * The Iris loop: {@code iterations} full-batch steps; every 100, the training accuracy of a fresh
     * forward pass, and a copy kept when it is at least the best so far ({@code >=}).
     *
     * @param net          the network, trained in place
     * @param xTrain       the N×D training inputs
     * @param yTrain       their classes
     * @param iterations   the steps (10,000)
     * @param learningRate 5e-2
     * @param lambdaRate   1e-3
     * @return the best snapshot and its training accuracy
     */
    public static Best irisLoop(ThreeNet net, double[][] xTrain, int[] yTrain, int iterations, double learningRate,
            double lambdaRate) {
        double bestA = 0;
        ThreeNet bestNet = null;
        for (int i = 0; i < iterations; i++) {
            net.forward(xTrain);
            net.backward(yTrain);
            net.update(learningRate, lambdaRate);
            if (i % 100 == 99) {
                double accuracy = computeAccuracy(net.forward(xTrain), yTrain);
                if (accuracy >= bestA) {
                    bestA = accuracy;
                    bestNet = net.copy();
                }
            }
        }
        return new Best(bestNet, bestA, null, List.of());
    }

    /**
     * One epoch of the MNIST loop, as scored after it: the accuracy of the last batch (what the listing
     * looks at), and the loss (with regLoss) and accuracy of the whole training set.
     *
     * @param epoch         the epoch, from 1
     * @param batchAccuracy the accuracy on the epoch's last batch, the batch just trained on
     * @param trainLoss     the whole training set's data loss plus regLoss
     * @param trainAccuracy the whole training set's accuracy
     */
    public record EpochScore(int epoch, double batchAccuracy, double trainLoss, double trainAccuracy) {
    }

    /**
     * The snapshot a loop keeps.
     *
     * @param net      the snapshot
     * @param accuracy the accuracy the loop reports for it ("best train accuracy")
     * @param chosen   the scores of the epoch kept (null for the Iris loop)
     * @param epochs   every epoch's scores (empty for the Iris loop)
     */
    public record Best(ThreeNet net, double accuracy, EpochScore chosen, List<EpochScore> epochs) {
    }

    /** The library's rule: a higher accuracy, or an equal accuracy and a lower loss. */
    private static boolean libraryPrefers(EpochScore candidate, EpochScore best) {
        return candidate.trainAccuracy() > best.trainAccuracy()
                || (candidate.trainAccuracy() == best.trainAccuracy() && candidate.trainLoss() < best.trainLoss());
    }

    /**
     * The epoch the library's trainer would keep: the highest accuracy on the whole training set, ties to
     * the lower loss, the earlier epoch on a full tie.
     *
     * @param epochs the epochs' scores, in order
     * @return the epoch kept
     */
    public static EpochScore libraryChoice(List<EpochScore> epochs) {
        EpochScore best = null;
        for (EpochScore e : epochs) {
            if (best == null || libraryPrefers(e, best)) {
                best = e;
            }
        }
        return best;
    }

    /**
     * The MNIST loop: {@code range_list = np.arange(0, N − batch_size, batch_size)} (the last batch is
     * left out), the batches in order every epoch, each forward, backward and update; after each epoch
     * the best snapshot. With {@link Defect#BEST_ON_ONE_BATCH} (the listing) that is the one whose last
     * batch scores at least the best so far; without it, the one with the highest accuracy on the whole
     * training set, ties going to the lower loss, as the library's trainer chooses.
     *
     * @param net          the network, trained in place
     * @param xTrain       the N×D training inputs
     * @param yTrain       their classes
     * @param epochs       the epochs (the listing: 200)
     * @param batchSize    256
     * @param learningRate 1e-3
     * @param lambdaRate   1e-3
     * @param defects      the switches that are on (only BEST_ON_ONE_BATCH matters here)
     * @return the snapshot kept, the accuracy reported for it, and every epoch's scores
     */
    public static Best mnistLoop(ThreeNet net, double[][] xTrain, int[] yTrain, int epochs, int batchSize,
            double learningRate, double lambdaRate, Set<Defect> defects) {
        List<Integer> rangeList = new ArrayList<>();
        for (int j = 0; j < xTrain.length - batchSize; j += batchSize) {
            rangeList.add(j);
        }
        if (rangeList.isEmpty()) {
            throw new IllegalArgumentException("document 004: " + xTrain.length + " training rows leave no batch of "
                    + batchSize + " (the loop uses N − batch_size rows); give more rows or a smaller batch");
        }
        List<EpochScore> scores = new ArrayList<>();
        ThreeNet bestNet = null;
        double bestA = 0;
        EpochScore best = null;
        for (int i = 1; i <= epochs; i++) {
            int[] labels = null;
            double[][] data = null;
            for (int j : rangeList) {
                data = java.util.Arrays.copyOfRange(xTrain, j, j + batchSize);
                labels = java.util.Arrays.copyOfRange(yTrain, j, j + batchSize);
                net.forward(data);
                net.backward(labels);
                net.update(learningRate, lambdaRate);
            }
            double batchAccuracy = computeAccuracy(net.forward(data), labels);
            double[][] all = net.forward(xTrain);
            EpochScore score = new EpochScore(i, batchAccuracy, computeLoss(all, yTrain) + net.regLoss(lambdaRate),
                    computeAccuracy(all, yTrain));
            scores.add(score);
            boolean better = defects.contains(Defect.BEST_ON_ONE_BATCH)
                    ? batchAccuracy >= bestA                              // if accuracy >= bestA
                    : best == null || libraryPrefers(score, best);
            if (better) {
                best = score;
                bestA = defects.contains(Defect.BEST_ON_ONE_BATCH) ? batchAccuracy : score.trainAccuracy();
                bestNet = net.copy();
            }
        }
        return new Best(bestNet, bestA, best, List.copyOf(scores));
    }
}
