package backprop.documents;

import backprop.matrix.Matrix;
import backprop.random.SplitMix64;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Document 003 ("Neural Network Based on Numpy"): 784-60-10 with ReLU hidden units and sigmoid outputs on
 * MNIST from the IDX files, in the document's column-major notation and names: {@code x ∈ R^{784×batch}},
 * {@code w1 ∈ R^{60×784}}, {@code b1 ∈ R^{60×1}}, {@code z1 = w1·x + b1}, {@code a1 = relu(z1)},
 * {@code z2 = w2·a1 + b2}, {@code a2 = sigmoid(z2)} (前向传播); {@code dz2 = a2 − y},
 * {@code dw2 = (1/m)·dz2·a1ᵀ}, {@code db2 = (1/m)·Σ dz2}, {@code da1 = w2ᵀ·dz2}, {@code dz1 = da1 where
 * z1 > 0, else 0}, {@code dw1 = (1/m)·dz1·xᵀ}, {@code db1 = (1/m)·Σ dz1} (反向传播); {@code w := w −
 * learn_rate·dw} (梯度更新; the formulas there leave the rate out, the listing has it).
 *
 * <p>{@code dz2 = a2 − y} is the gradient of the binary cross-entropy summed over the ten outputs, the
 * library's {@code SigmoidBinaryCrossEntropy} (experiment {@code mnist-idx}); with every {@link Defect} off
 * the loss here is that one and the two agree to rounding.
 */
public final class Document003 {

    /** The document's mistakes, each a switch; all off by default. */
    public enum Defect {
        /**
         * 前向传播 states the loss {@code J(W,b) = −y·log a2} (and the listing prints it), but {@code dz2 = a2
         * − y} is not its gradient: that one is {@code −y·(1 − a2)}. Off, the loss is the one whose gradient
         * {@code a2 − y} is, {@code −[y·log a2 + (1 − y)·log(1 − a2)]} summed over the outputs.
         */
        STATED_LOSS,
        /** {@code get_data}: the 0..255 pixels go in as read; off, divided by 255. */
        RAW_PIXELS
    }

    /** The gradients of one backward pass, in the document's names (column-major). */
    public record Gradients(double[][] dz2, double[][] dw2, double[][] db2, double[][] da1, double[][] dz1,
            double[][] dw1, double[][] db1) {
    }

    private final Set<Defect> defects;
    private double[][] w1;
    private double[][] b1;
    private double[][] w2;
    private double[][] b2;
    private double[][] z1;
    private double[][] a1;
    private double[][] z2;
    private double[][] a2;

    /**
     * The network with the given parameters (copied).
     *
     * @param w1      60×784
     * @param b1      60×1
     * @param w2      10×60
     * @param b2      10×1
     * @param defects the switches that are on
     */
    public Document003(double[][] w1, double[][] b1, double[][] w2, double[][] b2, Set<Defect> defects) {
        Matrix.checkShape(b1, Matrix.rows(w1), 1, "document 003: b1");
        Matrix.checkShape(w2, Matrix.rows(w2), Matrix.rows(w1), "document 003: w2");
        Matrix.checkShape(b2, Matrix.rows(w2), 1, "document 003: b2");
        this.w1 = Matrix.copy(w1);
        this.b1 = Matrix.copy(b1);
        this.w2 = Matrix.copy(w2);
        this.b2 = Matrix.copy(b2);
        this.defects = defects.isEmpty() ? EnumSet.noneOf(Defect.class) : EnumSet.copyOf(defects);
    }

    /**
     * {@code parameter_initialization()}: {@code w1 = 0.001·rand(60, 784)}, {@code w2 = 0.001·rand(10, 60)},
     * {@code b1 = 0.001·randn(60, 1)}, {@code b2 = 0.001·randn(10, 1)}, in that order, row by row.
     *
     * @param inputs  784
     * @param hidden  60
     * @param outputs 10
     * @param random  the generator
     * @param defects the switches that are on
     * @return the network
     */
    public static Document003 parameterInitialization(int inputs, int hidden, int outputs, SplitMix64 random,
            Set<Defect> defects) {
        double[][] w1 = fill(hidden, inputs, () -> 0.001 * random.nextDouble());
        double[][] w2 = fill(outputs, hidden, () -> 0.001 * random.nextDouble());
        double[][] b1 = fill(hidden, 1, () -> 0.001 * random.nextGaussian());
        double[][] b2 = fill(outputs, 1, () -> 0.001 * random.nextGaussian());
        return new Document003(w1, b1, w2, b2, defects);
    }

    private static double[][] fill(int rows, int cols, java.util.function.DoubleSupplier draw) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = draw.getAsDouble();
            }
        }
        return a;
    }

    /**
     * {@code images.T}: images, one per row as read, as the 784×N matrix of one image per column; raw with
     * {@link Defect#RAW_PIXELS}, divided by 255 without.
     *
     * @param pixels  the N×784 pixels, 0..255
     * @param defects the switches that are on
     * @return x, 784×N
     */
    public static double[][] inputs(double[][] pixels, Set<Defect> defects) {
        return Columns.imagesAsColumns(pixels, defects.contains(Defect.RAW_PIXELS) ? 1 : 255);
    }

    /**
     * 前向传播.
     *
     * @param x the 784×m batch
     * @return a2, 10×m, a new matrix
     */
    public double[][] forward(double[][] x) {
        z1 = Columns.plusColumn(Columns.times(w1, x), b1);          // z1 = w1·x + b1
        a1 = Matrix.map(z1, v -> Math.max(0, v));                   // a1 = relu(z1)
        z2 = Columns.plusColumn(Columns.times(w2, a1), b2);         // z2 = w2·a1 + b2
        a2 = Matrix.map(z2, Document003::sigmoid);                  // a2 = sigmoid(z2)
        return Matrix.copy(a2);
    }

    /** {@code sigmoid(z) = 1 / (1 + np.exp(−z))}. */
    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * The loss of the latest forward pass, summed over the outputs and divided by m. With
     * {@link Defect#STATED_LOSS} the stated {@code J = −y·log a2}, {@code np.sum(loss)/batch_size}; without
     * it {@code −[y·log a2 + (1 − y)·log(1 − a2)]}, taken from z2 as {@code max(z, 0) − z·y + log(1 +
     * e^{−|z|})} so that it is finite for any z2.
     *
     * @param y the 10×m one-hot labels
     * @return the loss
     */
    public double loss(double[][] y) {
        if (a2 == null) {
            throw new IllegalStateException("document 003: call forward(x) before loss(y)");
        }
        Matrix.checkShape(y, Matrix.rows(a2), Matrix.cols(a2), "document 003: y");
        boolean stated = defects.contains(Defect.STATED_LOSS);
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < y[0].length; j++) {
                double z = z2[i][j];
                sum += stated ? -y[i][j] * Math.log(a2[i][j])
                        : Math.max(z, 0) - z * y[i][j] + Math.log1p(Math.exp(-Math.abs(z)));
            }
        }
        return sum / y[0].length;
    }

    /**
     * 反向传播 for the batch of the latest forward pass; nothing moves.
     *
     * @param x the 784×m batch given to {@link #forward}
     * @param y the 10×m one-hot labels
     * @return the gradients
     */
    public Gradients backward(double[][] x, double[][] y) {
        if (a2 == null) {
            throw new IllegalStateException("document 003: call forward(x) before backward");
        }
        Matrix.checkShape(y, Matrix.rows(a2), Matrix.cols(a2), "document 003: y");
        double batchSize = y[0].length;
        // dz2 = a2 − y
        double[][] dz2 = Matrix.subtract(a2, y);
        // dw2 = (1/m)·dz2·a1ᵀ
        double[][] dw2 = Matrix.scale(1 / batchSize, Matrix.multiplyTransposeRight(dz2, a1));
        // db2 = (1/m)·np.sum(dz2, axis=1)
        double[][] db2 = Matrix.scale(1 / batchSize, Columns.rowSums(dz2));
        // da1 = w2ᵀ·dz2
        double[][] da1 = Columns.transposeTimes(w2, dz2);
        // dz1 = da1 if z1 > 0, 0 if z1 < 0
        double[][] dz1 = reluBackward(da1, z1);
        // dw1 = (1/m)·dz1·xᵀ
        double[][] dw1 = Matrix.scale(1 / batchSize, Matrix.multiplyTransposeRight(dz1, x));
        // db1 = (1/m)·np.sum(dz1, axis=1)
        double[][] db1 = Matrix.scale(1 / batchSize, Columns.rowSums(dz1));
        return new Gradients(dz2, dw2, db2, da1, dz1, dw1, db1);
    }

    /** {@code relu_backward(next_dz, z) = np.where(np.greater(z, 0), next_dz, 0)}. */
    private static double[][] reluBackward(double[][] nextDz, double[][] z) {
        double[][] d = new double[z.length][z[0].length];
        for (int i = 0; i < z.length; i++) {
            for (int j = 0; j < z[0].length; j++) {
                d[i][j] = z[i][j] > 0 ? nextDz[i][j] : 0;
            }
        }
        return d;
    }

    /**
     * 梯度更新: {@code w1 = w1 − learn_rate·dw1}, then w2, b1, b2, as the listing orders them.
     *
     * @param g         the gradients of {@link #backward}
     * @param learnRate the step (the listing: 0.001)
     */
    public void update(Gradients g, double learnRate) {
        w1 = Columns.minusScaled(w1, learnRate, g.dw1());
        w2 = Columns.minusScaled(w2, learnRate, g.dw2());
        b1 = Columns.minusScaled(b1, learnRate, g.db1());
        b2 = Columns.minusScaled(b2, learnRate, g.db2());
    }

    /**
     * {@code buildmode}: one pass over the images in order, in {@code int(N / batch_size)} batches (a
     * smaller last batch is left out), each forward, loss, backward and update.
     *
     * @param x         the 784×N images
     * @param y         the 10×N one-hot labels
     * @param batchSize the batch size (the listing: 250)
     * @param learnRate the step (the listing: 0.001)
     * @return the loss of every batch, before its update
     */
    public List<Double> buildmode(double[][] x, double[][] y, int batchSize, double learnRate) {
        List<Double> losses = new ArrayList<>();
        int batches = Matrix.cols(x) / batchSize;
        for (int batch = 0; batch < batches; batch++) {
            int start = batch * batchSize;
            double[][] batchImage = Columns.slice(x, start, start + batchSize);
            double[][] batchLabel = Columns.slice(y, start, start + batchSize);
            forward(batchImage);
            losses.add(loss(batchLabel));
            update(backward(batchImage, batchLabel), learnRate);
        }
        return losses;
    }

    /** @return w1, 60×784 (a copy) */
    public double[][] w1() {
        return Matrix.copy(w1);
    }

    /** @return b1, 60×1 (a copy) */
    public double[][] b1() {
        return Matrix.copy(b1);
    }

    /** @return w2, 10×60 (a copy) */
    public double[][] w2() {
        return Matrix.copy(w2);
    }

    /** @return b2, 10×1 (a copy) */
    public double[][] b2() {
        return Matrix.copy(b2);
    }
}
