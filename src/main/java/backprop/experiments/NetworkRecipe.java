package backprop.experiments;

import backprop.layers.Initializer;
import backprop.losses.Loss;
import backprop.network.Network;
import backprop.network.NetworkBuilder;
import backprop.random.SplitMix64;
import java.util.List;
import java.util.Map;

/**
 * How an experiment's network is built: one hidden activation after every hidden dense layer, an optional
 * layer after the output (sigmoid, softmax, identity), the initialisers, the loss and the L2 penalty. The
 * widths come from the run's settings and data.
 *
 * @param activation       the hidden layers' type in {@code Registry.LAYERS}, e.g. {@code relu}
 * @param activationFields its fields, e.g. {@code Map.of("slope", 0.3)}
 * @param outputLayer      a layer type after the last dense layer, or null for none
 * @param weights          fills every W
 * @param biases           fills every b
 * @param loss             makes the loss
 * @param l2               λ of the L2 penalty (0: none)
 */
public record NetworkRecipe(String activation, Map<String, Double> activationFields, String outputLayer,
        Initializer weights, Initializer biases, LossMaker loss, double l2) {

    /** Makes a new loss for each network built. */
    @FunctionalInterface
    public interface LossMaker {

        /** @return a new loss */
        Loss make();
    }

    /**
     * Copies the fields.
     *
     * @param activation       the hidden layers' type in {@code Registry.LAYERS}, e.g. {@code relu}
     * @param activationFields its fields, e.g. {@code Map.of("slope", 0.3)}
     * @param outputLayer      a layer type after the last dense layer, or null for none
     * @param weights          fills every W
     * @param biases           fills every b
     * @param loss             makes the loss
     * @param l2               λ of the L2 penalty (0: none)
     */
    public NetworkRecipe {
        activationFields = Map.copyOf(activationFields);
    }

    /**
     * inputs → (dense → activation) per hidden width → dense(outputs) [→ output layer] | loss + L2.
     *
     * @param inputs  columns of the input
     * @param hidden  hidden widths, input to output
     * @param outputs units of the last dense layer
     * @param random  the generator the initialisers draw from, W before b, layer by layer
     * @return the network
     */
    public Network build(int inputs, List<Integer> hidden, int outputs, SplitMix64 random) {
        NetworkBuilder b = Network.builder(inputs, random).weights(weights).biases(biases);
        for (int h : hidden) {
            b.dense(h).layer(activation, activationFields);
        }
        b.dense(outputs);
        if (outputLayer != null) {
            b.layer(outputLayer, Map.of());
        }
        return b.loss(loss.make()).l2(l2).build();
    }
}
