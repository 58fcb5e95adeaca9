package backprop.network;

import backprop.layers.Computation;
import backprop.layers.Dense;
import backprop.layers.Initializer;
import backprop.layers.Layer;
import backprop.losses.L2Penalty;
import backprop.losses.Loss;
import backprop.random.SplitMix64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Network} layer by layer, so that the code reads like a document's architecture line.
 * Layers are named by kind and position ({@code dense1}, {@code relu1}, {@code dense2}, …). Each
 * {@code dense} is initialised at once, from the builder's generator, with the initialisers set last
 * (default: weights normal(0.01) as in document 004, biases zeros).
 */
public final class NetworkBuilder {

    private final int inputSize;
    private final SplitMix64 random;
    private final List<Layer> layers = new ArrayList<>();
    private int width;
    private int denseCount;
    private Initializer weightInit = Initializer.normal(0.01);
    private Initializer biasInit = Initializer.zeros();
    private Computation computation = Computation.FAST;
    private Loss loss;
    private L2Penalty penalty = L2Penalty.NONE;

    NetworkBuilder(int inputSize, SplitMix64 random) {
        if (inputSize <= 0) {
            throw new IllegalArgumentException("network: input size " + inputSize + " must be positive");
        }
        this.inputSize = inputSize;
        this.width = inputSize;
        this.random = random;
    }

    /**
     * The initialiser for the weights of the dense layers added after this call.
     *
     * @param init the weight initialiser
     * @return this builder
     */
    public NetworkBuilder weights(Initializer init) {
        this.weightInit = init;
        return this;
    }

    /**
     * The initialiser for the biases of the dense layers added after this call.
     *
     * @param init the bias initialiser
     * @return this builder
     */
    public NetworkBuilder biases(Initializer init) {
        this.biasInit = init;
        return this;
    }

    /**
     * How the dense layers added after this call compute their products: {@link Computation#FAST} (the
     * default) or {@link Computation#PLAIN}, the {@code Matrix} routines as written.
     *
     * @param c the computation
     * @return this builder
     */
    public NetworkBuilder computation(Computation c) {
        if (c == null) {
            throw new IllegalArgumentException("network: computation is null; expected FAST or PLAIN");
        }
        this.computation = c;
        return this;
    }

    /**
     * A dense layer from the current width to {@code outputs}.
     *
     * @param outputs the number of outputs of the layer
     * @return this builder, with the dense layer after the last layer
     */
    public NetworkBuilder dense(int outputs) {
        denseCount++;
        Dense dense = new Dense("dense" + denseCount, width, outputs, weightInit, biasInit, random);
        dense.setComputation(computation);
        layers.add(dense);
        width = outputs;
        return this;
    }

    /** @return this builder, with a ReLU after the last layer */
    public NetworkBuilder relu() {
        return layer("relu", Map.of());
    }

    /**
     * @param slope k, the slope below zero
     * @return this builder, with a leaky ReLU after the last layer
     */
    public NetworkBuilder leakyRelu(double slope) {
        return layer("leaky-relu", Map.of("slope", slope));
    }

    /** @return this builder, with a sigmoid after the last layer */
    public NetworkBuilder sigmoid() {
        return layer("sigmoid", Map.of());
    }

    /** @return this builder, with a tanh after the last layer */
    public NetworkBuilder tanh() {
        return layer("tanh", Map.of());
    }

    /** @return this builder, with an identity (linear output) after the last layer */
    public NetworkBuilder identity() {
        return layer("identity", Map.of());
    }

    /** @return this builder, with a softmax after the last layer */
    public NetworkBuilder softmax() {
        return layer("softmax", Map.of());
    }

    /**
     * Any layer type of {@link Registry#LAYERS} other than dense, by name, numbered after the dense layer
     * it follows (dense2 → relu2).
     *
     * @param type   the type's name, e.g. {@code leaky-relu}
     * @param fields its fields, e.g. {@code Map.of("slope", 0.3)}
     * @return this builder
     */
    public NetworkBuilder layer(String type, Map<String, ? extends Number> fields) {
        Registry.LayerType t = Registry.layerType(type);
        if (t.type() == Dense.class) {
            throw new IllegalArgumentException("network: add dense layers with dense(outputs), which initialises them");
        }
        layers.add(t.read().apply(type + denseCount, Registry.fields(fields)));
        return this;
    }

    /**
     * The loss on the last layer's output; required before {@link #build()}.
     *
     * @param loss the loss
     * @return this builder
     */
    public NetworkBuilder loss(Loss loss) {
        this.loss = loss;
        return this;
    }

    /**
     * An L2 penalty ½·λ·Σ‖W‖² on the weights.
     *
     * @param lambda λ, the strength of the penalty
     * @return this builder
     */
    public NetworkBuilder l2(double lambda) {
        this.penalty = new L2Penalty(lambda);
        return this;
    }

    /**
     * The network of the layers added so far.
     *
     * @return the network, with the loss and the penalty set
     */
    public Network build() {
        if (loss == null) {
            throw new IllegalStateException("network: no loss; call loss(...) before build()");
        }
        return new Network(inputSize, layers, loss, penalty);
    }
}
