package backprop.network;

import backprop.layers.Computation;
import backprop.layers.Dense;
import backprop.layers.Layer;
import backprop.layers.Parameter;
import backprop.losses.L2Penalty;
import backprop.losses.Loss;
import backprop.losses.LossValue;
import backprop.losses.Targets;
import backprop.matrix.Matrix;
import backprop.random.SplitMix64;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A feed-forward network: layers applied in order, a loss on the last output, and an optional L2 penalty
 * on the weights. Build one with {@link #builder(int, SplitMix64)}:
 *
 * <pre>
 *   Network net = Network.builder(784, new SplitMix64(42))
 *       .weights(Initializer.normal(0.01))
 *       .dense(200).relu()
 *       .dense(80).relu()
 *       .dense(10)
 *       .loss(new SoftmaxCrossEntropy())
 *       .l2(1e-3)
 *       .build();
 * </pre>
 *
 * <p>Training calls {@link #computeGradients}: one forward pass, the loss, one backward pass (every
 * parameter gradient overwritten), then λ·W added for the penalty. It returns the loss so the caller can
 * watch it; an optimiser then reads {@link #parameters()}.
 */
public final class Network {

    private final int inputSize;
    private final List<Layer> layers;
    private final Loss loss;
    private final L2Penalty penalty;
    private final List<Parameter> parameters;
    private double[][] lastOutput;

    /**
     * A network of {@code layers} (in order) taking {@code inputSize} columns.
     *
     * @param inputSize the number of input columns D
     * @param layers    the layers, applied in order; at least one
     * @param loss      the loss on the last layer's output
     * @param penalty   the L2 penalty on the weights; null for none
     */
    public Network(int inputSize, List<Layer> layers, Loss loss, L2Penalty penalty) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("network: no layers; add at least one");
        }
        this.inputSize = inputSize;
        this.layers = List.copyOf(layers);
        this.loss = loss;
        this.penalty = penalty == null ? L2Penalty.NONE : penalty;
        List<Parameter> all = new ArrayList<>();
        for (Layer layer : this.layers) {
            all.addAll(layer.parameters());
        }
        this.parameters = Collections.unmodifiableList(all);
    }

    /**
     * Starts a network taking {@code inputSize} columns; initialisers draw from {@code random}.
     *
     * @param inputSize the number of input columns D
     * @param random    the source for the initialisers
     * @return a builder with no layers yet
     */
    public static NetworkBuilder builder(int inputSize, SplitMix64 random) {
        return new NetworkBuilder(inputSize, random);
    }

    /** @return the number of input columns D */
    public int inputSize() {
        return inputSize;
    }

    /** @return the layers, in order (unmodifiable) */
    public List<Layer> layers() {
        return layers;
    }

    /** @return the loss on the last layer's output */
    public Loss lossFunction() {
        return loss;
    }

    /** @return the L2 penalty, {@link L2Penalty#NONE} if there is none */
    public L2Penalty penalty() {
        return penalty;
    }

    /**
     * Every trainable parameter, layer by layer (W before b).
     *
     * @return the parameters (unmodifiable); their values and gradients are the live matrices
     */
    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * The last layer's output for the batch X (N×D); a new matrix the caller may keep. A NaN or infinite
     * input is refused with its position rather than passed on into a NaN output.
     *
     * @param x the batch X, N×D
     * @return the output, one row per sample
     */
    public double[][] forward(double[][] x) {
        return Matrix.copy(forwardInPlace(checkedInput(x)));
    }

    private double[][] checkedInput(double[][] x) {
        Matrix.checkRectangular(x, "network input");
        Matrix.checkFinite(x, "network input");
        return x;
    }

    /** The forward pass; the returned matrix belongs to the last layer and is overwritten by the next pass. */
    double[][] forwardInPlace(double[][] x) {
        Matrix.checkRectangular(x, "network input");
        if (x[0].length != inputSize) {
            throw new IllegalArgumentException("network input is " + Matrix.shape(x) + " but the network takes "
                    + inputSize + " columns per sample");
        }
        double[][] a = x;
        for (Layer layer : layers) {
            a = layer.forward(a);
        }
        lastOutput = a;
        return a;
    }

    /**
     * The last layer's output of the latest forward pass (owned by the layer, overwritten by the next
     * pass): lets a training loop score the batch it has just trained on without a second forward pass.
     *
     * @return the output of the latest forward pass
     */
    public double[][] lastOutput() {
        if (lastOutput == null) {
            throw new IllegalStateException("network: no forward pass has run yet");
        }
        return lastOutput;
    }

    /**
     * The data loss alone (no penalty) for the batch, without a backward pass.
     *
     * @param x the batch X, N×D
     * @param y the targets, one row per sample
     * @return the data loss
     */
    public double dataLoss(double[][] x, double[][] y) {
        return loss.evaluate(forwardInPlace(x), y).value();
    }

    /**
     * Data loss plus penalty for the batch, without a backward pass.
     *
     * @param x the batch X, N×D
     * @param y the targets, one row per sample
     * @return loss + penalty
     */
    public double loss(double[][] x, double[][] y) {
        return loss.evaluate(forwardInPlace(x), y).value() + penalty.value(parameters);
    }

    /**
     * One forward and one backward pass: fills every parameter's gradient with ∂(loss + penalty)/∂θ and
     * returns loss + penalty. The first layer skips its input gradient, which nothing needs.
     *
     * <p>Document 000 §三 (forward), §五 (loss), §六.1–§六.3 (backward, transposed: NOTES.md §1); 004
     * 反向传播过程 of OneNet, TwoNet, ThreeNet. In the documents' own notation: {@code Document000.forward}
     * and {@code backPropagation}, {@code Document002.backward}, {@code Document003.backward},
     * {@code Document004.TwoNet.backward}.
     *
     * @param x the batch X, N×D
     * @param y the targets, one row per sample
     * @return loss + penalty
     */
    public double computeGradients(double[][] x, double[][] y) {
        LossValue value = loss.evaluate(forwardInPlace(x), y);
        double[][] d = value.gradient();
        for (int i = layers.size() - 1; i >= 1; i--) {
            d = layers.get(i).backward(d);
        }
        layers.get(0).backwardParametersOnly(d);
        return value.value() + penalty.addGradients(parameters);
    }

    /**
     * ∂(loss + penalty)/∂X for the batch (a new matrix); parameter gradients are filled as a side effect.
     *
     * @param x the batch X, N×D
     * @param y the targets, one row per sample
     * @return ∂(loss + penalty)/∂X, N×D
     */
    public double[][] inputGradient(double[][] x, double[][] y) {
        LossValue value = loss.evaluate(forwardInPlace(x), y);
        double[][] d = value.gradient();
        for (int i = layers.size() - 1; i >= 0; i--) {
            d = layers.get(i).backward(d);
        }
        penalty.addGradients(parameters);
        return Matrix.copy(d);
    }

    /**
     * The output read as probabilities (softmax or σ of logits where the loss takes logits); inputs checked
     * as in {@link #forward}.
     *
     * @param x the batch X, N×D
     * @return the probabilities, one row per sample
     */
    public double[][] probabilities(double[][] x) {
        return loss.probabilities(forwardInPlace(checkedInput(x)));
    }

    /**
     * The predicted class of each row: the most probable column, or for a single output column,
     * 1 where the probability is at least 0.5 and 0 elsewhere.
     *
     * @param x the batch X, N×D
     * @return the predicted class of each row
     */
    public int[] predict(double[][] x) {
        return Targets.labels(probabilities(x));
    }

    /**
     * The architecture in one line.
     *
     * @return e.g. {@code 784 → dense 784→200 → relu → … | softmax-cross-entropy + L2(0.001)}
     */
    public String describe() {
        StringBuilder s = new StringBuilder().append(inputSize);
        for (Layer layer : layers) {
            s.append(" → ").append(Registry.describe(layer));
        }
        s.append(" | ").append(Registry.name(loss));
        if (penalty.lambda() > 0) {
            s.append(" + L2(").append(penalty.lambda()).append(')');
        }
        return s.toString();
    }

    /**
     * Sets how every dense layer computes its products from the next forward pass on:
     * {@link Computation#PLAIN} for the {@code Matrix} routines as written (the specification),
     * {@link Computation#FAST} for training speed. Results agree up to the last bits of each sum.
     *
     * @param computation {@link Computation#FAST} or {@link Computation#PLAIN}
     */
    public void setComputation(Computation computation) {
        for (Layer layer : layers) {
            if (layer instanceof Dense d) {
                d.setComputation(computation);
            }
        }
    }

    /** @return the number of trainable numbers: every entry of every parameter */
    public long parameterCount() {
        long count = 0;
        for (Parameter p : parameters) {
            count += (long) p.value().length * p.value()[0].length;
        }
        return count;
    }

    /**
     * A table of the layers: name, type, output shape for a batch of N rows, and parameter count, then
     * the loss, the penalty and the total.
     *
     * @return the table as text, one line per layer
     */
    public String summary() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-12s %-18s %-10s %12s%n", "layer", "type",
                "output", "parameters"));
        s.append(String.format(Locale.ROOT, "%-12s %-18s %-10s %12s%n", "input", "", "N×" + inputSize, ""));
        int width = inputSize;
        for (Layer layer : layers) {
            if (layer instanceof Dense d) {
                width = d.outputSize();
            }
            long count = 0;
            StringBuilder shapes = new StringBuilder();
            for (Parameter p : layer.parameters()) {
                count += (long) p.value().length * p.value()[0].length;
                shapes.append(shapes.length() == 0 ? "" : ", ").append(p.name()).append(' ').append(p.shape());
            }
            s.append(String.format(Locale.ROOT, "%-12s %-18s %-10s %,12d%s%n", layer.name(), Registry.describe(layer),
                    "N×" + width, count, shapes.length() == 0 ? "" : "   (" + shapes + ")"));
        }
        s.append(String.format(Locale.ROOT, "loss: %s%s%n", Registry.name(loss),
                penalty.lambda() > 0 ? ", L2 penalty λ = " + penalty.lambda() + " on the weights" : ""));
        s.append(String.format(Locale.ROOT, "total parameters: %,d%n", parameterCount()));
        return s.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
