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
        checkSize(inputs, hidden, outputs);
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

    /**
     * The same recipe with a run's choices of initialiser (biases then start at zero) and L2 penalty.
     *
     * @param choices the run's training choices
     * @return this recipe when neither is chosen, else a copy with them
     */
    public NetworkRecipe with(TrainingChoices choices) {
        Initializer w = choices.weights() == null ? weights : TrainingChoices.initializer(choices.weights());
        Initializer b = choices.weights() == null ? biases : Initializer.zeros();
        double lambda = choices.l2() == null ? l2 : choices.l2();
        return new NetworkRecipe(activation, activationFields, outputLayer, w, b, loss, lambda);
    }

    /**
     * The most weights and biases a network may have: what fits six times (values, gradients, two
     * optimiser states, the best epoch's copy and room to spare) in a third of the JVM's largest heap.
     */
    public static final long MAX_PARAMETERS = Runtime.getRuntime().maxMemory() / 3 / (6 * Double.BYTES);

    /**
     * Checks, before anything is allocated, that a network of these widths fits in memory.
     *
     * @param inputs  columns of the input (0 when not known yet: only the hidden layers are counted)
     * @param hidden  hidden widths, input to output
     * @param outputs units of the last dense layer (0 when not known yet)
     */
    public static void checkSize(int inputs, List<Integer> hidden, int outputs) {
        double count = 0;                               // in double: widths near 2^31 must not overflow
        double width = inputs;
        for (int h : hidden) {
            count += width * h + h;
            width = h;
        }
        count += width * outputs + outputs;
        if (count > MAX_PARAMETERS) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "hidden %s: the %s would "
                    + "have %,.0f weights and biases, %,.0f MiB for each copy training keeps, more than this JVM's "
                    + "heap of %,d MiB allows (%,d at most); choose smaller layers or give java more memory (-Xmx)",
                    hidden.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")),
                    inputs == 0 ? "hidden layers alone" : "network", count,
                    count * 8.0 / (1 << 20), Runtime.getRuntime().maxMemory() >> 20, MAX_PARAMETERS));
        }
    }
}
