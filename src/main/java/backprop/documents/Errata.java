package backprop.documents;

import backprop.data.Dataset;
import backprop.data.ImageFolder;
import backprop.data.IrisCsv;
import backprop.data.Mnist;
import backprop.data.Splits;
import backprop.matrix.Matrix;
import backprop.random.SplitMix64;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

/**
 * Every defect of the five documents, measured: each switch of the transcriptions turned on, and what it
 * changes as a number, on the documents' own networks and data (MNIST, Iris and the image folder from the
 * project's {@code testdata}). The figures are computed once, by {@link #measure}; the tests assert them and
 * the {@code errata} command prints them, so both always show the same numbers.
 *
 * <p>Gradients are checked with a centred difference, {@code (f(θ + h) − f(θ − h)) / 2h} with h = 1e-5,
 * and the relative error {@code |analytic − numeric| / max(|analytic|, |numeric|)}; a correct gradient
 * agrees to about 1e-8 or better, a wrong one is off by far more.
 */
public final class Errata {

    /** The step of the centred differences. */
    static final double H = 1e-5;

    /** The runs of document 004's MNIST loop, each from its own seed. */
    public static final int LOOP_RUNS = 4;

    /**
     * One row of the table.
     *
     * @param document the document, e.g. "000"
     * @param section  where the defect is, in the document's headings
     * @param defect   what the document does
     * @param toggle   the switch that turns it on, e.g. {@code Document000.Defect.DB1_NOT_DIVIDED}
     * @param library  what the library does instead
     * @param effect   the measured effect
     */
    public record Row(String document, String section, String defect, String toggle, String library,
            String effect) {
    }

    // ------------------------------------------------------------------ the figures

    /**
     * Document 000's figures, on its 784-800-400-10 network (randn/100, leaky ReLU 0.3) and its first batch
     * of 128 MNIST training images, raw pixels, learning rate 0.001.
     *
     * @param batch                  the batch size n
     * @param db1Ratio               ‖db1 as the listing computes it‖ / ‖db1‖
     * @param db1RelativeError       the listing's db1 against the centred difference, worst of the entries checked
     * @param db1RelativeErrorFixed  the same check with db1 divided by n
     * @param stepDifferenceW2       ‖dW2 from the updated W3 − dW2‖ / ‖dW2‖
     * @param stepDifferenceW1       ‖dW1 from the updated W3, W2 − dW1‖ / ‖dW1‖
     * @param gapLogit               the logit by which a sample's class trails in the loss examples
     * @param lossOfProduct          the listing's −log(prod(ŷ**y)) for that sample
     * @param lossFromLogits         the loss taken from the logits, as the library does
     * @param unshiftedProbability   the listing's ŷ for a class whose logit is 710 (e^710 overflows)
     * @param unshiftedGradient      dW3 there
     * @param logitChangeRaw         one step's change of the logits Z₃, root mean square, raw pixels
     * @param logitChangeScaled      the same with pixels / 255
     */
    public record Document000Figures(int batch, double db1Ratio, double db1RelativeError,
            double db1RelativeErrorFixed, double stepDifferenceW2, double stepDifferenceW1, double gapLogit,
            double lossOfProduct, double lossFromLogits, double unshiftedProbability, double unshiftedGradient,
            double logitChangeRaw, double logitChangeScaled) {
    }

    /**
     * Document 001's figures: Part 1 is [1, 200, 1] on 200 points of sin(x), Part 2 [784, 40, 10] on the
     * image folder.
     *
     * @param derivativeRelativeError        the sigmoid pitfall's hidden-weight gradient against the centred
     *                                       difference, worst of the entries checked
     * @param derivativeRelativeErrorFixed   the same check with σ' from the saved output
     * @param sharedBiasStepRatio            the shared bias's first step over the largest per-neuron bias step
     * @param wrongSlotHiddenBiasChange      how far the hidden bias moves in one epoch, biases in the wrong slot
     * @param wrongSlotInputSlotChange       how far the input layer's unused slot moves meanwhile
     * @param rightSlotHiddenBiasChange      how far the hidden bias moves with the slot right
     * @param noOutputBiasChange             Part 2's largest output bias after one epoch, without output biases
     * @param outputBiasChange               the same with output biases
     * @param elifRateAtLowLoss              the chain's rate at a loss of 0.005 (Part 1)
     * @param fixedRateAtLowLoss             the intended rate there
     * @param elifDistinctRates              the rates the chain takes over losses from 1 down to 0.001
     * @param fixedDistinctRates             the rates the intended chain takes over the same losses
     * @param sampledPerEpoch                the samples backpropagated in one epoch of 200, batch_size 20
     * @param batchedPerEpoch                the same with real mini-batches
     * @param sampledGradientDifference      ‖one sample's gradient − the batch's mean gradient‖ / ‖mean‖
     * @param testSamples                    the test images
     * @param testSamplesTrainedOn           how many the listing's test loop backpropagates
     * @param testLoopWeightChange           the largest weight change made by the test loop
     */
    public record Document001Figures(double derivativeRelativeError, double derivativeRelativeErrorFixed,
            double sharedBiasStepRatio, double wrongSlotHiddenBiasChange, double wrongSlotInputSlotChange,
            double rightSlotHiddenBiasChange, double noOutputBiasChange, double outputBiasChange,
            double elifRateAtLowLoss, double fixedRateAtLowLoss, int elifDistinctRates, int fixedDistinctRates,
            int sampledPerEpoch, int batchedPerEpoch, double sampledGradientDifference, int testSamples,
            int testSamplesTrainedOn, double testLoopWeightChange) {
    }

    /**
     * Document 002's figures, on 784-64-10 and the first 1,000 MNIST training images / 255.
     *
     * @param saturatedRandn     the share of hidden sigmoids with σ' &lt; 0.01 at the start, randn weights
     * @param saturatedXavier    the same with Xavier weights
     * @param firstCostRandn     the first cost with randn weights and the listing's softmax and log
     * @param firstCostXavier    the first cost with Xavier weights
     * @param firstCostBound     the largest first cost the randn weights allow: 2·max_k ‖W2 row k‖₁ + ln 10
     * @param documentFirstCost  the cost the notebook printed at iteration 0
     * @param largestLogit       the largest |logit| of that first pass
     * @param unshiftedCost      the listing's cost when a logit is 1600 (e^1600 overflows)
     * @param logOfZeroCost      the listing's cost when the target's probability underflows to 0
     * @param logOfZeroOtherCost the listing's cost when another class's probability underflows to 0
     * @param clampedCost        the library's cost for the first of those two
     */
    public record Document002Figures(double saturatedRandn, double saturatedXavier, double firstCostRandn,
            double firstCostXavier, double firstCostBound, double documentFirstCost, double largestLogit,
            double unshiftedCost, double logOfZeroCost, double logOfZeroOtherCost, double clampedCost) {
    }

    /**
     * Document 003's figures, on 784-60-10 with the listing's initialisation and the first batch of 250
     * MNIST training images.
     *
     * @param statedLossRelativeError the gradients dw2, db2 (from a2 − y) against the centred difference
     *                                of the stated loss −y·log a2, worst of the entries checked
     * @param fixedLossRelativeError  the same against the binary cross-entropy
     * @param logitChangeRaw          one step's change of z2, root mean square, raw pixels
     * @param logitChangeScaled       the same with pixels / 255
     */
    public record Document003Figures(double statedLossRelativeError, double fixedLossRelativeError,
            double logitChangeRaw, double logitChangeScaled) {
    }

    /**
     * Document 004's figures.
     *
     * @param penaltyRelativeError        OneNet (AND, 20,000 steps with la·sum(w)): the update's gradient
     *                                    against the centred difference of J + ½·la·‖w‖², at the end
     * @param penaltyRelativeErrorNot     the same on NOT, one input, where sum(w) = w
     * @param penaltyRelativeErrorFixed   the AND check, at the same weights, of dw + la·w
     * @param broadcastParameters         OneNet's numbers after one step with b 1×D (w D×D and b 1×D)
     * @param parameters                  the numbers with b 1×1
     * @param broadcastColumnGap          the largest difference between the columns of the broadcast w after
     *                                    20,000 steps
     * @param decayedB2Start              TwoNet (XOR, 2-6-2, 10,000 steps): the largest |b2| at the start
     * @param decayedB2End                the same after the steps, b2 −= lr·b2
     * @param decayedB2NeverGrew          whether |b2| shrank or stayed at every step
     * @param learnedB2End                the largest |b2| after the steps with b2 −= lr·db2
     * @param overwrittenRowSum           the largest |row sum| of the stored probabilities after backward
     * @param overwrittenLoss             the loss computed from them after backward
     * @param storedRowSum                the same row sums with the probabilities kept
     * @param unshiftedProbability        the listing's probability for a logit row (710, 0)
     * @param oneBatchReported            ThreeNet's MNIST loop run on Iris ({@value #LOOP_RUNS} runs, means):
     *                                    the "best train accuracy" it reports
     * @param oneBatchChosenTrainAccuracy the whole training set's accuracy of the snapshot it keeps
     * @param bestTrainAccuracy           the whole training set's accuracy of the snapshot the library keeps
     * @param runsKeptWorse               the runs whose kept snapshot scores below the library's
     */
    public record Document004Figures(double penaltyRelativeError, double penaltyRelativeErrorNot,
            double penaltyRelativeErrorFixed, int broadcastParameters, int parameters, double broadcastColumnGap,
            double decayedB2Start, double decayedB2End, boolean decayedB2NeverGrew, double learnedB2End,
            double overwrittenRowSum, double overwrittenLoss, double storedRowSum, double unshiftedProbability,
            double oneBatchReported, double oneBatchChosenTrainAccuracy, double bestTrainAccuracy,
            int runsKeptWorse) {
    }

    private final Document000Figures document000;
    private final Document001Figures document001;
    private final Document002Figures document002;
    private final Document003Figures document003;
    private final Document004Figures document004;

    private Errata(Document000Figures d000, Document001Figures d001, Document002Figures d002,
            Document003Figures d003, Document004Figures d004) {
        this.document000 = d000;
        this.document001 = d001;
        this.document002 = d002;
        this.document003 = d003;
        this.document004 = d004;
    }

    /**
     * Measures every defect on the data under {@code testdata} ({@code mnist/}, {@code iris/Iris.csv},
     * {@code images/}). Takes a few seconds.
     *
     * @param testdata the project's {@code testdata} folder
     * @return the figures
     * @throws IOException if the data cannot be read
     */
    public static Errata measure(Path testdata) throws IOException {
        Dataset mnist = Mnist.read(testdata.resolve("mnist"), "train");
        Dataset iris = IrisCsv.read(testdata.resolve("iris").resolve("Iris.csv")).data();
        Dataset images = ImageFolder.read(testdata.resolve("images"), 28, 28, true).data();
        return new Errata(document000(mnist), document001(images), document002(mnist), document003(mnist),
                document004(iris));
    }

    /** @return document 000's figures */
    public Document000Figures document000() {
        return document000;
    }

    /** @return document 001's figures */
    public Document001Figures document001() {
        return document001;
    }

    /** @return document 002's figures */
    public Document002Figures document002() {
        return document002;
    }

    /** @return document 003's figures */
    public Document003Figures document003() {
        return document003;
    }

    /** @return document 004's figures */
    public Document004Figures document004() {
        return document004;
    }

    // ------------------------------------------------------------------ shared measures

    /**
     * |analytic − numeric| / max(|analytic|, |numeric|), with numeric the centred difference of f at θ.
     *
     * @param analytic the gradient to check
     * @param f        the loss as a function of the one entry θ
     * @param theta    the entry's value
     * @return the relative error
     */
    static double relativeError(double analytic, DoubleUnaryOperator f, double theta) {
        double numeric = (f.applyAsDouble(theta + H) - f.applyAsDouble(theta - H)) / (2 * H);
        double scale = Math.max(Math.abs(analytic), Math.abs(numeric));
        return scale == 0 ? 0 : Math.abs(analytic - numeric) / scale;
    }

    /** ‖a − b‖ / ‖b‖, Frobenius norms. */
    static double relativeDifference(double[][] a, double[][] b) {
        return Math.sqrt(Matrix.sumOfSquares(Matrix.subtract(a, b)) / Matrix.sumOfSquares(b));
    }

    /** The root mean square of the entries. */
    static double rms(double[][] a) {
        return Math.sqrt(Matrix.sumOfSquares(a) / (a.length * a[0].length));
    }

    /** The index of the entry of largest magnitude, {row, col}. */
    static int[] largest(double[][] a) {
        int[] at = {0, 0};
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                if (Math.abs(a[i][j]) > Math.abs(a[at[0]][at[1]])) {
                    at = new int[] {i, j};
                }
            }
        }
        return at;
    }

    private static double largestAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    private static double largestAbs(double[][] a) {
        double m = 0;
        for (double[] row : a) {
            m = Math.max(m, largestAbs(row));
        }
        return m;
    }

    /** The first n rows of a dataset, as rows of pixels and rows of targets. */
    private static Dataset first(Dataset d, int n) {
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        return d.rows(index);
    }

    // ------------------------------------------------------------------ document 000

    private static Document000Figures document000(Dataset mnist) {
        Set<Document000.Defect> none = EnumSet.noneOf(Document000.Defect.class);
        int[] sizes = {784, 800, 400, 10};
        int n = 128;
        double lr = 0.001;
        Dataset batch = first(mnist, n);
        double[][] xRaw = Document000.inputs(batch.x(), EnumSet.of(Document000.Defect.RAW_PIXELS));
        double[][] y = Matrix.transpose(batch.y());
        Document000 start = Document000.initialise(sizes, 0.3, new SplitMix64(2099), none);

        // the right pass: gradients, one step, and the logits before and after it
        Document000 right = copy(start, none);
        right.forward(xRaw);
        double[][] logitsBefore = right.C3();
        Document000.Gradients g = right.backPropagation(xRaw, y, lr);
        right.forward(xRaw);
        double logitChangeRaw = rms(Matrix.subtract(right.C3(), logitsBefore));

        // db1 not divided: the ratio, and the centred difference on the largest entries of db1
        Document000 undivided = copy(start, EnumSet.of(Document000.Defect.DB1_NOT_DIVIDED));
        undivided.forward(xRaw);
        double[][] db1Listing = undivided.backPropagation(xRaw, y, 0).db1();
        double ratio = Math.sqrt(Matrix.sumOfSquares(db1Listing) / Matrix.sumOfSquares(g.db1()));
        int row = largest(g.db1())[0];
        DoubleUnaryOperator lossAtB1 = v -> {
            double[][] b1 = start.b1();
            b1[row][0] = v;
            Document000 nudged = new Document000(start.W1(), b1, start.W2(), start.b2(), start.W3(), start.b3(), 0.3,
                    none);
            nudged.forward(xRaw);
            return nudged.loss(y);
        };
        double theta = start.b1()[row][0];
        double numeric = (lossAtB1.applyAsDouble(theta + H) - lossAtB1.applyAsDouble(theta - H)) / (2 * H);
        double db1Error = Math.abs(db1Listing[row][0] - numeric) / Math.max(Math.abs(db1Listing[row][0]),
                Math.abs(numeric));
        double db1ErrorFixed = Math.abs(g.db1()[row][0] - numeric) / Math.max(Math.abs(g.db1()[row][0]),
                Math.abs(numeric));

        // W3 and W2 updated before the deltas that use them
        Document000 early = copy(start, EnumSet.of(Document000.Defect.UPDATE_BEFORE_DELTA));
        early.forward(xRaw);
        Document000.Gradients e = early.backPropagation(xRaw, y, lr);
        double stepW2 = relativeDifference(e.dW2(), g.dW2());
        double stepW1 = relativeDifference(e.dW1(), g.dW1());

        // the loss of a sample whose class trails by 800 in the logits: a 1-1-1-2 network made to say so
        double gap = 800;
        double[][] one = {{1}};
        double[][] zero = {{0}};
        double[][] w3 = {{0}, {1}};
        double[][] b3 = {{0}, {0}};
        double[][] x = {{gap}};
        double[][] target = {{1}, {0}};
        Document000 product = new Document000(one, zero, one, zero, w3, b3, 0.3,
                EnumSet.of(Document000.Defect.LOSS_OF_PRODUCT));
        product.forward(x);
        double lossOfProduct = product.loss(target);
        Document000 logits = new Document000(one, zero, one, zero, w3, b3, 0.3, none);
        logits.forward(x);
        double lossFromLogits = logits.loss(target);
        Document000 unshifted = new Document000(one, zero, one, zero, w3, b3, 0.3,
                EnumSet.of(Document000.Defect.UNSHIFTED_SOFTMAX));
        double[][] overflowX = {{710}};
        double unshiftedProbability = unshifted.forward(overflowX)[1][0];
        double unshiftedGradient = unshifted.backPropagation(overflowX, target, 0).dW3()[1][0];

        // pixels / 255: the same step from the same weights
        double[][] xScaled = Document000.inputs(batch.x(), none);
        Document000 scaled = copy(start, none);
        scaled.forward(xScaled);
        double[][] scaledBefore = scaled.C3();
        scaled.backPropagation(xScaled, y, lr);
        scaled.forward(xScaled);
        double logitChangeScaled = rms(Matrix.subtract(scaled.C3(), scaledBefore));

        return new Document000Figures(n, ratio, db1Error, db1ErrorFixed, stepW2, stepW1, gap, lossOfProduct,
                lossFromLogits, unshiftedProbability, unshiftedGradient, logitChangeRaw, logitChangeScaled);
    }

    private static Document000 copy(Document000 d, Set<Document000.Defect> defects) {
        return new Document000(d.W1(), d.b1(), d.W2(), d.b2(), d.W3(), d.b3(), 0.3, defects);
    }

    // ------------------------------------------------------------------ document 001

    /** Part 1's data, as {@code produce_data(200)}: x uniform on [−π, π), y = sin(x), one per row. */
    static double[][][] sine(SplitMix64 random, int n) {
        double[][] x = new double[n][1];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            x[i][0] = random.nextDouble() * 2 * Math.PI - Math.PI;
            y[i][0] = Math.sin(x[i][0]);
        }
        return new double[][][] {x, y};
    }

    private static Document001.Net part1(Document001.Activation activation, Set<Document001.Defect> defects) {
        return Document001.part1(200, activation, new SplitMix64(1), defects);
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    private static Document001Figures document001(Dataset images) {
        Set<Document001.Defect> none = EnumSet.noneOf(Document001.Defect.class);
        double[][][] data = sine(new SplitMix64(2), 200);
        double[][] x = data[0];
        double[][] y = data[1];
        double[][] x20 = Arrays.copyOf(x, 20);
        double[][] y20 = Arrays.copyOf(y, 20);

        // the sigmoid pitfall: hidden-weight gradients against the centred difference of the mean loss
        double pitfall = derivativeCheck(part1(Document001.Activation.SIGMOID,
                EnumSet.of(Document001.Defect.DERIVATIVE_OF_ACTIVATED_OUTPUT)), x20, y20);
        double fixed = derivativeCheck(part1(Document001.Activation.SIGMOID, none), x20, y20);

        // one shared bias: its first step against the largest per-neuron step, same weights, same batch
        Document001.Net shared = part1(Document001.Activation.TANH, EnumSet.of(Document001.Defect.SHARED_LAYER_BIAS));
        Document001.Net perNeuron = part1(Document001.Activation.TANH, none);
        double sharedBefore = shared.biases(1)[0];
        double[] perNeuronBefore = perNeuron.biases(1);
        shared.epoch(x20, y20, identity(20), 20, 0.0005);
        perNeuron.epoch(x20, y20, identity(20), 20, 0.0005);
        double largestStep = 0;
        double[] perNeuronAfter = perNeuron.biases(1);
        for (int j = 0; j < perNeuronAfter.length; j++) {
            largestStep = Math.max(largestStep, Math.abs(perNeuronAfter[j] - perNeuronBefore[j]));
        }
        double sharedStepRatio = Math.abs(shared.biases(1)[0] - sharedBefore) / largestStep;

        // the hidden bias's update lands in the slot below: one epoch of 200 in batches of 20
        Document001.Net wrong = part1(Document001.Activation.TANH,
                EnumSet.of(Document001.Defect.SHARED_LAYER_BIAS, Document001.Defect.HIDDEN_BIAS_IN_WRONG_SLOT));
        Document001.Net rightSlot = part1(Document001.Activation.TANH, EnumSet.of(Document001.Defect.SHARED_LAYER_BIAS));
        double[] wrongBefore = wrong.layerBiases();
        double[] rightBefore = rightSlot.layerBiases();
        wrong.epoch(x, y, identity(200), 20, 0.0005);
        rightSlot.epoch(x, y, identity(200), 20, 0.0005);
        double wrongHidden = Math.abs(wrong.layerBiases()[1] - wrongBefore[1]);
        double wrongInput = Math.abs(wrong.layerBiases()[0] - wrongBefore[0]);
        double rightHidden = Math.abs(rightSlot.layerBiases()[1] - rightBefore[1]);

        // the elif chain over a falling loss
        Document001.Schedule s = Document001.PART_1_SCHEDULE;
        Set<Double> elifRates = new java.util.TreeSet<>();
        Set<Double> fixedRates = new java.util.TreeSet<>();
        for (double loss = 1; loss >= 0.001; loss *= 0.9) {
            elifRates.add(s.rate(loss, true));
            fixedRates.add(s.rate(loss, false));
        }

        // "mini-batch": one epoch, and the first step's direction against the batch's mean gradient
        Document001.Net sampled = part1(Document001.Activation.TANH,
                EnumSet.of(Document001.Defect.EVERY_BATCH_SIZE_TH_SAMPLE));
        Document001.Net batched = part1(Document001.Activation.TANH, none);
        sampled.epoch(x, y, identity(200), 20, 0.0005);
        batched.epoch(x, y, identity(200), 20, 0.0005);
        Document001.Net one = part1(Document001.Activation.TANH, none);
        Document001.Net mean = part1(Document001.Activation.TANH, none);
        one.propForward(x[0]);
        one.addGradient(y[0]);
        for (int i = 0; i < 20; i++) {
            mean.propForward(x[i]);
            mean.addGradient(y[i]);
        }
        double[] g1 = gradientVector(one, 1);
        double[] gMean = gradientVector(mean, 20);
        double[] diff = new double[g1.length];
        for (int i = 0; i < g1.length; i++) {
            diff[i] = g1[i] - gMean[i];
        }
        double sampledDifference = norm(diff) / norm(gMean);

        // Part 2 on the image folder: the test loop, and the output biases
        double[][] px = images.x();
        double[][] py = images.y();
        Document001.Net tested = Document001.part2(784, 40, py[0].length, new SplitMix64(3),
                EnumSet.of(Document001.Defect.BACKPROP_ON_TEST_DATA));
        double[][] before = tested.weights(1);
        double[][] outBefore = tested.weights(2);
        tested.test(px, py, 500, Document001.PART_2_SCHEDULE.initial());
        double moved = Math.max(largestAbs(Matrix.subtract(tested.weights(1), before)),
                largestAbs(Matrix.subtract(tested.weights(2), outBefore)));
        Document001.Net noBias = Document001.part2(784, 40, py[0].length, new SplitMix64(3),
                EnumSet.of(Document001.Defect.NO_OUTPUT_BIAS));
        Document001.Net withBias = Document001.part2(784, 40, py[0].length, new SplitMix64(3), none);
        int[] order = new SplitMix64(4).permutation(px.length);
        noBias.epoch(px, py, order, 16, Document001.PART_2_SCHEDULE.initial());
        withBias.epoch(px, py, order, 16, Document001.PART_2_SCHEDULE.initial());

        return new Document001Figures(pitfall, fixed, sharedStepRatio, wrongHidden, wrongInput, rightHidden,
                largestAbs(noBias.biases(2)), largestAbs(withBias.biases(2)), s.rate(0.005, true),
                s.rate(0.005, false), elifRates.size(), fixedRates.size(), sampled.samplesBackpropagated(),
                batched.samplesBackpropagated(), sampledDifference, px.length, tested.samplesBackpropagated(), moved);
    }

    /**
     * The worst relative error of the hidden weights' gradients of a Part 1 network (the mean over the
     * samples, by {@code addGradient}) against the centred difference of its mean loss, over the first
     * 20 hidden neurons.
     */
    private static double derivativeCheck(Document001.Net net, double[][] x, double[][] y) {
        for (int i = 0; i < x.length; i++) {
            net.propForward(x[i]);
            net.addGradient(y[i]);
        }
        double[][] analytic = net.weightGradients(1);
        net.clearGradients();
        double worst = 0;
        for (int j = 0; j < 20; j++) {
            Document001.Neuron neuron = net.neuron(1, j);
            double theta = neuron.weight[0];
            worst = Math.max(worst, relativeError(analytic[j][0] / x.length, v -> {
                neuron.weight[0] = v;
                double loss = net.meanLoss(x, y);
                neuron.weight[0] = theta;
                return loss;
            }, theta));
        }
        return worst;
    }

    /** Every weight and bias gradient of a Part 1 network, divided by the samples taken. */
    private static double[] gradientVector(Document001.Net net, int count) {
        List<Double> all = new ArrayList<>();
        for (int l = 1; l < net.layerCount(); l++) {
            for (double[] row : net.weightGradients(l)) {
                for (double v : row) {
                    all.add(v / count);
                }
            }
            for (double v : net.biasGradients(l)) {
                all.add(v / count);
            }
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    // ------------------------------------------------------------------ document 002

    private static Document002Figures document002(Dataset mnist) {
        Dataset part = first(mnist, 1000);
        double[][] X = Document002.inputs(part.x());
        double[][] Y = Matrix.transpose(part.y());
        Set<Document002.Defect> listing = EnumSet.allOf(Document002.Defect.class);
        Set<Document002.Defect> none = EnumSet.noneOf(Document002.Defect.class);

        Document002 randn = Document002.initialise(784, 64, 10, new SplitMix64(138), listing);
        randn.forward(X);
        double costRandn = randn.cost(Y);
        double saturatedRandn = saturated(randn.A1());
        double largestLogit = largestAbs(randn.Z2());
        double bound = 0;
        for (double[] row : randn.W2()) {
            double l1 = 0;
            for (double v : row) {
                l1 += Math.abs(v);
            }
            bound = Math.max(bound, 2 * l1 + Math.log(10));
        }

        Document002 xavier = Document002.initialise(784, 64, 10, new SplitMix64(138), none);
        xavier.forward(X);
        double costXavier = xavier.cost(Y);
        double saturatedXavier = saturated(xavier.A1());

        // one input through a 1-1-2 network whose logits are (0, c): the listing's softmax and log
        double[][] w1 = {{100}};
        double[][] b1 = {{0}};
        double[][] b2 = {{0}, {0}};
        double[][] input = {{1}};
        Document002 overflow = new Document002(w1, b1, new double[][] {{0}, {1600}}, b2, listing);
        overflow.forward(input);
        double unshiftedCost = overflow.cost(new double[][] {{1}, {0}});
        Document002 underflow = new Document002(w1, b1, new double[][] {{0}, {800}}, b2,
                EnumSet.of(Document002.Defect.LOG_OF_ZERO));
        underflow.forward(input);
        double logOfZero = underflow.cost(new double[][] {{1}, {0}});
        Document002 underflowOther = new Document002(w1, b1, new double[][] {{800}, {0}}, b2,
                EnumSet.of(Document002.Defect.LOG_OF_ZERO));
        underflowOther.forward(input);
        double logOfZeroOther = underflowOther.cost(new double[][] {{1}, {0}});
        Document002 clamped = new Document002(w1, b1, new double[][] {{0}, {800}}, b2, none);
        clamped.forward(input);
        double clampedCost = clamped.cost(new double[][] {{1}, {0}});

        return new Document002Figures(saturatedRandn, saturatedXavier, costRandn, costXavier, bound, 449165.0122274696,
                largestLogit, unshiftedCost, logOfZero, logOfZeroOther, clampedCost);
    }

    /** The share of entries a of A1 with σ' = a·(1 − a) below 0.01: sigmoids in their flat ends. */
    private static double saturated(double[][] a1) {
        int flat = 0;
        for (double[] row : a1) {
            for (double a : row) {
                if (a * (1 - a) < 0.01) {
                    flat++;
                }
            }
        }
        return (double) flat / (a1.length * a1[0].length);
    }

    // ------------------------------------------------------------------ document 003

    private static Document003Figures document003(Dataset mnist) {
        Dataset batch = first(mnist, 250);
        Set<Document003.Defect> raw = EnumSet.of(Document003.Defect.RAW_PIXELS);
        double[][] x = Document003.inputs(batch.x(), raw);
        double[][] y = Matrix.transpose(batch.y());
        Document003 start = Document003.parameterInitialization(784, 60, 10, new SplitMix64(3), raw);

        double stated = lossCheck(start, x, y, EnumSet.of(Document003.Defect.STATED_LOSS));
        double fixed = lossCheck(start, x, y, EnumSet.noneOf(Document003.Defect.class));

        double changeRaw = stepChange(start, x, y);
        double changeScaled = stepChange(start, Document003.inputs(batch.x(), EnumSet.noneOf(Document003.Defect.class)),
                y);
        return new Document003Figures(stated, fixed, changeRaw, changeScaled);
    }

    /** The worst relative error of db2 and of the largest entries of dw2 against the loss of {@code defects}. */
    private static double lossCheck(Document003 start, double[][] x, double[][] y, Set<Document003.Defect> defects) {
        Document003 net = new Document003(start.w1(), start.b1(), start.w2(), start.b2(), defects);
        net.forward(x);
        Document003.Gradients g = net.backward(x, y);
        double worst = 0;
        for (int i = 0; i < 10; i++) {
            int row = i;
            worst = Math.max(worst, relativeError(g.db2()[row][0], v -> {
                double[][] b2 = start.b2();
                b2[row][0] = v;
                Document003 nudged = new Document003(start.w1(), start.b1(), start.w2(), b2, defects);
                nudged.forward(x);
                return nudged.loss(y);
            }, start.b2()[row][0]));
        }
        int[] at = largest(g.dw2());
        worst = Math.max(worst, relativeError(g.dw2()[at[0]][at[1]], v -> {
            double[][] w2 = start.w2();
            w2[at[0]][at[1]] = v;
            Document003 nudged = new Document003(start.w1(), start.b1(), w2, start.b2(), defects);
            nudged.forward(x);
            return nudged.loss(y);
        }, start.w2()[at[0]][at[1]]));
        return worst;
    }

    /** One update at learn_rate 0.001 from {@code start}: the root mean square change of the logits z2. */
    private static double stepChange(Document003 start, double[][] x, double[][] y) {
        Document003 net = new Document003(start.w1(), start.b1(), start.w2(), start.b2(),
                EnumSet.noneOf(Document003.Defect.class));
        net.forward(x);
        double[][] before = logits003(net, x);
        net.update(net.backward(x, y), 0.001);
        return rms(Matrix.subtract(logits003(net, x), before));
    }

    /** z2 = w2·relu(w1·x + b1) + b2. */
    private static double[][] logits003(Document003 net, double[][] x) {
        double[][] a1 = Matrix.map(Columns.plusColumn(Columns.times(net.w1(), x), net.b1()), v -> Math.max(0, v));
        return Columns.plusColumn(Columns.times(net.w2(), a1), net.b2());
    }

    // ------------------------------------------------------------------ document 004

    private static final double[][] GATES = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    private static final double[][] AND = {{0}, {0}, {0}, {1}};
    private static final double[][] NOT_INPUTS = {{1}, {0}};
    private static final double[][] NOT = {{0}, {1}};

    private static Document004Figures document004(Dataset iris) {
        Set<Document004.Defect> none = EnumSet.noneOf(Document004.Defect.class);
        Set<Document004.Defect> sumOfW = EnumSet.of(Document004.Defect.PENALTY_SUM_OF_W);
        double[] penaltyAnd = penaltyCheck(GATES, AND, sumOfW);
        double penaltyNot = penaltyCheck(NOT_INPUTS, NOT, sumOfW)[0];

        // b as K×D: count the numbers after the first step, and how far the columns drift apart
        Document004.OneNet broadcast = Document004.OneNet.initialise(2, new SplitMix64(5),
                EnumSet.of(Document004.Defect.BIAS_K_BY_D));
        broadcast.train(GATES, AND, 1, 1e-3, 1e-3);
        int broadcastCount = count(broadcast.w()) + count(broadcast.b());
        Document004.OneNet plain = Document004.OneNet.initialise(2, new SplitMix64(5), none);
        plain.train(GATES, AND, 1, 1e-3, 1e-3);
        int plainCount = count(plain.w()) + count(plain.b());
        broadcast.train(GATES, AND, 19_999, 1e-3, 1e-3);
        double[][] w = broadcast.w();
        double columnGap = 0;
        for (double[] row : w) {
            columnGap = Math.max(columnGap, Math.abs(row[0] - row[1]));
        }

        // TwoNet on XOR: b2 −= lr·b2
        int[] xor = {0, 1, 1, 0};
        Document004.TwoNet decaying = Document004.TwoNet.initialise(2, 6, 2, new SplitMix64(6),
                EnumSet.of(Document004.Defect.BIAS_DECAYS));
        Document004.TwoNet learning = Document004.TwoNet.initialise(2, 6, 2, new SplitMix64(6), none);
        double b2Start = largestAbs(decaying.b2());
        boolean neverGrew = true;
        double previous = b2Start;
        for (int i = 0; i < 10_000; i++) {
            decaying.train(GATES, xor, 1, 0.1, 1e-3);
            double now = largestAbs(decaying.b2());
            neverGrew &= now <= previous;
            previous = now;
        }
        learning.train(GATES, xor, 10_000, 0.1, 1e-3);

        // backward overwrites the stored probabilities
        Document004.TwoNet overwriting = Document004.TwoNet.initialise(2, 6, 2, new SplitMix64(7),
                EnumSet.of(Document004.Defect.PROBS_OVERWRITTEN));
        overwriting.forward(GATES);
        overwriting.backward(xor);
        double[][] stored = overwriting.h();
        Document004.TwoNet keeping = Document004.TwoNet.initialise(2, 6, 2, new SplitMix64(7), none);
        keeping.forward(GATES);
        keeping.backward(xor);

        double unshifted = Document004.softmaxRows(new double[][] {{710, 0}}, true)[0][0];

        // ThreeNet's MNIST loop on Iris (80 % of the rows for training), batches of 16, 300 epochs, 4 runs
        Dataset train = Splits.random(iris, 0.8, new SplitMix64(2024)).first();
        int[] labels = train.labels();
        Set<Document004.Defect> oneBatch = EnumSet.of(Document004.Defect.BEST_ON_ONE_BATCH);
        double reported = 0;
        double kept = 0;
        double bestOfAll = 0;
        int keptWorse = 0;
        for (int run = 0; run < LOOP_RUNS; run++) {
            Document004.ThreeNet threeNet = Document004.ThreeNet.initialise(4, 20, 20, 3, new SplitMix64(80 + run),
                    oneBatch);
            Document004.Best best = Document004.mnistLoop(threeNet, train.x(), labels, 300, 16, 5e-2, 1e-3, oneBatch);
            Document004.EpochScore libraryChoice = Document004.libraryChoice(best.epochs());
            reported += best.accuracy() / LOOP_RUNS;
            kept += best.chosen().trainAccuracy() / LOOP_RUNS;
            bestOfAll += libraryChoice.trainAccuracy() / LOOP_RUNS;
            if (best.chosen().trainAccuracy() < libraryChoice.trainAccuracy()) {
                keptWorse++;
            }
        }

        return new Document004Figures(penaltyAnd[0], penaltyNot, penaltyAnd[1], broadcastCount, plainCount, columnGap,
                b2Start, largestAbs(decaying.b2()), neverGrew, largestAbs(learning.b2()),
                largestAbs(rowSums(stored)), Document004.computeLoss(stored, xor), largestAbs(rowSums(keeping.h())),
                unshifted, reported, kept, bestOfAll, keptWorse);
    }

    /**
     * OneNet trained 20,000 steps (lr 1e-3, la 1e-3) with {@code defects}; then, at the weights it ends
     * with, the worst relative error of the gradient its update uses (dw plus its penalty term) and of the
     * right one (dw + la·w) against the centred difference of J + ½·la·‖w‖².
     *
     * @return {the update's error, the right gradient's error}
     */
    private static double[] penaltyCheck(double[][] inputs, double[][] output, Set<Document004.Defect> defects) {
        Document004.OneNet net = Document004.OneNet.initialise(inputs[0].length, new SplitMix64(9), defects);
        net.train(inputs, output, 20_000, 1e-3, 1e-3);
        net.forward(inputs);
        net.backward(output);
        double[][] w = net.w();
        double[][] used = Broadcast.plus(net.dw(), net.penaltyGradient(1e-3));
        double[][] right = Matrix.add(net.dw(), Matrix.scale(1e-3, w));
        double[] worst = new double[2];
        for (int i = 0; i < w.length; i++) {
            int row = i;
            DoubleUnaryOperator objective = v -> {
                double[][] nudgedW = net.w();
                nudgedW[row][0] = v;
                Document004.OneNet nudged = new Document004.OneNet(nudgedW, net.b(), defects);
                nudged.forward(inputs);
                return nudged.loss(output, 0) + 0.5 * 1e-3 * Matrix.sumOfSquares(nudgedW);
            };
            worst[0] = Math.max(worst[0], relativeError(used[row][0], objective, w[row][0]));
            worst[1] = Math.max(worst[1], relativeError(right[row][0], objective, w[row][0]));
        }
        return worst;
    }

    private static int count(double[][] a) {
        return a.length * a[0].length;
    }

    private static double[] rowSums(double[][] a) {
        double[] s = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            for (double v : a[i]) {
                s[i] += v;
            }
        }
        return s;
    }

    // ------------------------------------------------------------------ the table

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** @return one row per defect, in document order, with the measured effect of each */
    public List<Row> rows() {
        Document000Figures a = document000;
        Document001Figures c = document001;
        Document002Figures d = document002;
        Document003Figures t = document003;
        Document004Figures v = document004;
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("000", "§八 back_propagation", "db1 = Σ dC1, not divided by the batch size",
                "Document000.Defect.DB1_NOT_DIVIDED", "the 1/N is in the loss gradient, so every parameter has it",
                f("db1 is %.0f× the gradient (batch %d); gradient check of db1: relative error %.3f (divided: %.1e)",
                        a.db1Ratio(), a.batch(), a.db1RelativeError(), a.db1RelativeErrorFixed())));
        rows.add(new Row("000", "§八 back_propagation", "W3 (and W2) updated before the deltas that use them",
                "Document000.Defect.UPDATE_BEFORE_DELTA", "computeGradients finishes before the optimiser steps",
                f("first step, lr 0.001, raw pixels: dW2 off by %.1f%%, dW1 off by %.1f%% of the gradient",
                        100 * a.stepDifferenceW2(), 100 * a.stepDifferenceW1())));
        rows.add(new Row("000", "§八 loss", "−log(prod(ŷ**y)) from the probabilities",
                "Document000.Defect.LOSS_OF_PRODUCT", "SoftmaxCrossEntropy takes log-probabilities from the logits",
                f("a sample whose class trails by %.0f in the logits: loss %s (from the logits: %.1f)", a.gapLogit(),
                        a.lossOfProduct(), a.lossFromLogits())));
        rows.add(new Row("000", "§八 soft_max", "e^z / Σ e^z without the max shift", "Document000.Defect.UNSHIFTED_SOFTMAX",
                "softmax shifted by the largest logit", f("logits (0, 710): ŷ = %s for the second class, and dW3 = %s",
                        a.unshiftedProbability(), a.unshiftedGradient())));
        rows.add(new Row("000", "§八", "raw 0..255 pixels", "Document000.Defect.RAW_PIXELS",
                "kept raw, with the document's small rate (NOTES §9)",
                f("one step at lr 0.001 moves the logits by %.2g on average (pixels / 255: %.2g)", a.logitChangeRaw(),
                        a.logitChangeScaled())));

        rows.add(new Row("001", "踩坑:激活函数求导", "σ' taken as σ(out)(1 − σ(out)), σ applied to the output again",
                "Document001.Defect.DERIVATIVE_OF_ACTIVATED_OUTPUT", "the derivative from the saved output",
                f("gradient check of the hidden weights (sigmoid, [1, 200, 1]): relative error %.2f (right: %.1e)",
                        c.derivativeRelativeError(), c.derivativeRelativeErrorFixed())));
        rows.add(new Row("001", "结构初始化", "one bias shared by a whole layer", "Document001.Defect.SHARED_LAYER_BIAS",
                "one bias per unit", f("2 biases instead of 201; the shared bias's first step is %.0f× the largest "
                        + "per-unit step (it moves by the sum of 200 gradients)", c.sharedBiasStepRatio())));
        rows.add(new Row("001", "prop_backward", "the hidden layer's bias update goes to biases[layer_idx], the slot below",
                "Document001.Defect.HIDDEN_BIAS_IN_WRONG_SLOT", "each bias steps along its own gradient",
                f("one epoch: the hidden bias moves %.1g (slot right: %.2g); the unused input slot moves %.2g",
                        c.wrongSlotHiddenBiasChange(), c.rightSlotHiddenBiasChange(), c.wrongSlotInputSlotChange())));
        rows.add(new Row("001", "Part 2 prop_forward", "no output bias", "Document001.Defect.NO_OUTPUT_BIAS",
                "a bias per output unit", f("after one epoch the output biases are %.1g (with them: up to %.2g)",
                        c.noOutputBiasChange(), c.outputBiasChange())));
        rows.add(new Row("001", "学习率", "if loss < 0.05 … elif loss < 0.030 …", "Document001.Defect.ELIF_SCHEDULE",
                "LearningRateSchedule.stepOnLoss: the smallest threshold passed",
                f("loss falling from 1 to 0.001: %d rates instead of %d; at loss 0.005 the rate is %.0e, not %.0e",
                        c.elifDistinctRates(), c.fixedDistinctRates(), c.elifRateAtLowLoss(), c.fixedRateAtLowLoss())));
        rows.add(new Row("001", "代码结构 3 (mini-batch)", "only samples with i % batch_size == 0 are backpropagated",
                "Document001.Defect.EVERY_BATCH_SIZE_TH_SAMPLE", "each step along the mean gradient of its batch",
                f("one epoch: %d of 200 samples learned from (batches: %d); one sample's gradient is %.0f%% off "
                        + "the batch's mean", c.sampledPerEpoch(), c.batchedPerEpoch(), 100 * c.sampledGradientDifference())));
        rows.add(new Row("001", "Part 2 3. test", "the test loop backpropagates on test data",
                "Document001.Defect.BACKPROP_ON_TEST_DATA", "scoring never calls backward",
                f("%d of %d test images trained on; weights moved by up to %.2g", c.testSamplesTrainedOn(),
                        c.testSamples(), c.testLoopWeightChange())));

        rows.add(new Row("002", "1隐层 代码实现", "W = randn (unscaled) for 784 inputs", "Document002.Defect.UNSCALED_RANDN",
                "Xavier weights (mnist-sigmoid)",
                f("%.0f%% of hidden sigmoids flat (σ' < 0.01; Xavier: %.0f%%); first cost %.2f (Xavier %.2f); the "
                        + "printed 449,165 is out of reach: with σ in (0, 1) the cost is at most %.0f",
                        100 * d.saturatedRandn(), 100 * d.saturatedXavier(), d.firstCostRandn(), d.firstCostXavier(),
                        d.firstCostBound())));
        rows.add(new Row("002", "1隐层 代码实现", "softmax without the max shift", "Document002.Defect.UNSHIFTED_SOFTMAX",
                "softmax shifted by the largest logit", f("a logit of 1600: cost %s; the first pass's largest logit "
                        + "is %.1f, far below the 709.8 where e^z overflows", d.unshiftedCost(), d.largestLogit())));
        rows.add(new Row("002", "1隐层 代码实现", "np.log of a probability that underflowed to 0",
                "Document002.Defect.LOG_OF_ZERO", "CrossEntropy clamps at 1e-15; SoftmaxCrossEntropy needs no clamp",
                f("target's probability 0: cost %s (clamped %.1f); another class's 0: cost %s", d.logOfZeroCost(),
                        d.clampedCost(), d.logOfZeroOtherCost())));

        rows.add(new Row("003", "反向传播", "dz2 = a2 − y against the stated loss −y·log a2", "Document003.Defect.STATED_LOSS",
                "SigmoidBinaryCrossEntropy, whose gradient a2 − y is",
                f("gradient check of dw2, db2 against the stated loss: relative error %.2f (cross-entropy: %.1e)",
                        t.statedLossRelativeError(), t.fixedLossRelativeError())));
        rows.add(new Row("003", "get_data", "raw 0..255 pixels", "Document003.Defect.RAW_PIXELS",
                "kept raw, with the document's small rate (NOTES §9)",
                f("one step at lr 0.001 moves the logits by %.2g on average (pixels / 255: %.2g)", t.logitChangeRaw(),
                        t.logitChangeScaled())));

        rows.add(new Row("004", "OneNet update", "w −= alpha·(dw + la·sum(w))", "Document004.Defect.PENALTY_SUM_OF_W",
                "L2Penalty adds λW", f("after 20,000 steps on AND, gradient check of the update: relative error "
                        + "%.2f (la·w: %.1e); on NOT, one weight, %.1e", v.penaltyRelativeError(),
                        v.penaltyRelativeErrorFixed(), v.penaltyRelativeErrorNot())));
        rows.add(new Row("004", "OneNet AND listing", "b = init_weights(K, D), a 1×D bias", "Document004.Defect.BIAS_K_BY_D",
                "one bias per output unit", f("%d numbers instead of %d after the first step (w 2×2, b 1×2); after "
                        + "20,000 steps the two columns differ by at most %.1e", v.broadcastParameters(), v.parameters(),
                        v.broadcastColumnGap())));
        rows.add(new Row("004", "TwoNet/ThreeNet update", "b2 −= lr·b2 (ThreeNet: b3, b2)", "Document004.Defect.BIAS_DECAYS",
                "every parameter steps along its own gradient",
                f("XOR, 10,000 steps: |b2| %s from %.1e to %.1e (learned: %.2f)", v.decayedB2NeverGrew()
                        ? "only shrinks" : "shrinks and grows", v.decayedB2Start(), v.decayedB2End(), v.learnedB2End())));
        rows.add(new Row("004", "TwoNet/ThreeNet backward", "delta = self.h is changed in place",
                "Document004.Defect.PROBS_OVERWRITTEN", "the loss returns a new gradient matrix",
                f("after backward the stored probabilities' rows sum to %.1g (kept: %.1f); a loss from them is %s",
                        v.overwrittenRowSum(), v.storedRowSum(), v.overwrittenLoss())));
        rows.add(new Row("004", "TwoNet/ThreeNet forward", "np.exp(z) without the max shift",
                "Document004.Defect.UNSHIFTED_SOFTMAX", "softmax shifted by the largest logit",
                f("logits (710, 0): probability %s", v.unshiftedProbability())));
        rows.add(new Row("004", "ThreeNet MNIST loop", "the best snapshot chosen on the last batch's accuracy",
                "Document004.Defect.BEST_ON_ONE_BATCH", "the best epoch scored on a whole set",
                f("the loop on Iris, %d runs of 300 epochs: reports %.1f%%; the snapshot kept scores %.1f%% on the "
                        + "training set, the library's %.1f%% (worse in %d runs)", LOOP_RUNS, 100 * v.oneBatchReported(),
                        100 * v.oneBatchChosenTrainAccuracy(), 100 * v.bestTrainAccuracy(), v.runsKeptWorse())));
        return rows;
    }

    /**
     * The table as text: document and section, defect, switch (a constant of that document's
     * {@code Defect}), what the library does instead, and the measured effect. Columns are padded to their
     * widest cell, counting a Chinese character as two columns, as terminals show it.
     *
     * @param rows the rows
     * @return one line per row under a header
     */
    public static String table(List<Row> rows) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"document §", "defect", "switch (DocumentNNN.Defect)", "library instead",
                "measured effect"});
        for (Row r : rows) {
            lines.add(new String[] {r.document() + " " + r.section(), r.defect(),
                    r.toggle().substring(r.toggle().lastIndexOf('.') + 1), r.library(), r.effect()});
        }
        int[] width = new int[5];
        for (String[] line : lines) {
            for (int c = 0; c < 5; c++) {
                width[c] = Math.max(width[c], displayWidth(line[c]));
            }
        }
        StringBuilder s = new StringBuilder();
        appendLine(s, lines.get(0), width);
        appendLine(s, rule(width), width);
        for (String[] line : lines.subList(1, lines.size())) {
            appendLine(s, line, width);
        }
        return s.toString();
    }

    private static String[] rule(int[] width) {
        String[] rule = new String[width.length];
        for (int c = 0; c < width.length; c++) {
            rule[c] = "-".repeat(width[c]);
        }
        return rule;
    }

    private static void appendLine(StringBuilder s, String[] cells, int[] width) {
        for (int c = 0; c < cells.length; c++) {
            s.append(c == 0 ? "" : " | ").append(cells[c]);
            if (c < cells.length - 1) {
                s.append(" ".repeat(width[c] - displayWidth(cells[c])));
            }
        }
        s.append('\n');
    }

    /** Columns a terminal gives the text: two for a CJK character or full-width form, one for the rest. */
    static int displayWidth(String text) {
        return text.codePoints().map(cp -> (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0xFF00 && cp <= 0xFF60) ? 2 : 1).sum();
    }
}
