package backprop.network;

import backprop.layers.Dense;
import backprop.layers.Identity;
import backprop.layers.Initializer;
import backprop.layers.Layer;
import backprop.layers.LeakyReLU;
import backprop.layers.ReLU;
import backprop.layers.Sigmoid;
import backprop.layers.Softmax;
import backprop.layers.Tanh;
import backprop.losses.L2Penalty;
import backprop.losses.Loss;
import backprop.matrix.SplitMix64;
import java.util.ArrayList;
import java.util.List;

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

    /** The initialiser for the weights of the dense layers added after this call. */
    public NetworkBuilder weights(Initializer init) {
        this.weightInit = init;
        return this;
    }

    /** The initialiser for the biases of the dense layers added after this call. */
    public NetworkBuilder biases(Initializer init) {
        this.biasInit = init;
        return this;
    }

    /** A dense layer from the current width to {@code outputs}. */
    public NetworkBuilder dense(int outputs) {
        denseCount++;
        layers.add(new Dense("dense" + denseCount, width, outputs, weightInit, biasInit, random));
        width = outputs;
        return this;
    }

    public NetworkBuilder relu() {
        return add(new ReLU(nextActivationName("relu")));
    }

    public NetworkBuilder leakyRelu(double slope) {
        return add(new LeakyReLU(nextActivationName("leaky"), slope));
    }

    public NetworkBuilder sigmoid() {
        return add(new Sigmoid(nextActivationName("sigmoid")));
    }

    public NetworkBuilder tanh() {
        return add(new Tanh(nextActivationName("tanh")));
    }

    public NetworkBuilder identity() {
        return add(new Identity(nextActivationName("identity")));
    }

    public NetworkBuilder softmax() {
        return add(new Softmax(nextActivationName("softmax")));
    }

    /** An activation is numbered after the dense layer it follows: dense2 → relu2. */
    private String nextActivationName(String kind) {
        return kind + denseCount;
    }

    private NetworkBuilder add(Layer layer) {
        layers.add(layer);
        return this;
    }

    public NetworkBuilder loss(Loss loss) {
        this.loss = loss;
        return this;
    }

    /** An L2 penalty ½·λ·Σ‖W‖² on the weights. */
    public NetworkBuilder l2(double lambda) {
        this.penalty = new L2Penalty(lambda);
        return this;
    }

    public Network build() {
        if (loss == null) {
            throw new IllegalStateException("network: no loss; call loss(...) before build()");
        }
        return new Network(inputSize, layers, loss, penalty);
    }
}
