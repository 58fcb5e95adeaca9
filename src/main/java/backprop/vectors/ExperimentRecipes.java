package backprop.vectors;

import backprop.experiments.Experiment;
import backprop.experiments.ExperimentSettings;
import backprop.experiments.NetworkRecipe;
import backprop.layers.Dense;
import backprop.layers.Layer;
import backprop.network.Network;
import backprop.network.Registry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every experiment's recipe written out as data, so that {@code experiments.json} says everything a port
 * needs to run it: the data and what is done to it, the split, the network, the generators, the optimiser,
 * what the history records and whether the best epoch is kept. The network's layers, initialisers, loss and
 * penalty are read from the experiment ({@link NetworkRecipe}); the steps that are code in
 * {@code experiments.Procedures} are written here, and {@code PortFromVectorsTest} runs every experiment
 * from this description alone and gets the experiment's own numbers, so the two cannot part.
 */
final class ExperimentRecipes {

    /** Where a run's data comes from: the files it reads, and the rows of datasets.json that hold them. */
    record Data(String files, String train, String test) {
    }

    /** The experiments this class knows the procedures of. */
    private static final List<String> KNOWN = List.of("gates", "xor", "sine", "iris", "mnist", "mnist-leaky",
            "mnist-sigmoid", "mnist-idx", "images", "csv");

    private ExperimentRecipes() {
    }

    /**
     * The recipe of one run.
     *
     * @param e         the experiment
     * @param s         the run's settings
     * @param network   the network the run built (its input and output widths)
     * @param data      where its data comes from
     * @param trainRows the rows of its training data (for a split given in rows)
     */
    static Map<String, Object> recipe(Experiment e, ExperimentSettings s, Network network, Data data, int trainRows) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs", s.epochs());
        m.put("batch", s.batchSize());
        m.put("learning_rate", s.learningRate());
        m.put("hidden", s.hidden());
        m.put("seed", s.seed());
        if (s.label() != null) {
            m.put("label", s.label());
            m.put("ignore", s.ignore());
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("files", data.files());
        d.put("train", data.train());
        d.put("test", data.test());
        m.put("data", d);

        String name = e.name();
        if (!KNOWN.contains(name)) {
            throw new IllegalStateException("experiment " + name + " has no recipe in ExperimentRecipes; write one");
        }
        m.put("transform", switch (name) {
            case "mnist-sigmoid" -> transform(0.0, 1.0 / 255, false);
            case "images" -> transform(1.0, -1.0 / 255, false);
            case "csv" -> transform(0.0, 1.0, true);
            default -> transform(0.0, 1.0, false);
        });
        m.put("split", switch (name) {
            case "iris" -> split("stratified", "fraction", 0.8, 2024, "test");
            case "images", "csv" -> split("stratified", "fraction", 0.8, s.seed(), "test");
            case "mnist-idx" -> split("random-count", "count", trainRows * 5 / 6, s.seed(), "validation");
            default -> null;
        });

        m.put("inputs", network.inputSize());
        m.put("outputs", lastDense(network).outputSize());
        NetworkRecipe r = e.network();
        m.put("activation", s.hidden().isEmpty() ? null : layer(r.activation(), r.activationFields()));
        m.put("output_layer", r.outputLayer() == null ? null : layer(r.outputLayer(), Map.of()));
        m.put("weights", Encoding.initializer(r.weights()));
        m.put("biases", Encoding.initializer(r.biases()));
        m.put("loss", Registry.name(network.lossFunction()));
        m.put("l2", r.l2());
        m.put("network_seed", s.seed());
        m.put("network_skip", name.equals("sine") ? DatasetVectors.SINE_POINTS : 0);

        m.put("optimizer", name.equals("sine") ? adam() : sgd());
        m.put("shuffle_seed", name.equals("gates") ? 0 : s.seed());
        m.put("train_loss", List.of("gates", "sine", "mnist-sigmoid").contains(name) ? "batch mean" : "scored");
        m.put("keep_best", name.equals("iris") || name.equals("mnist"));
        return m;
    }

    /**
     * A layer type with its fields, as a model file writes a layer without its name: {@code {"type": "relu"}},
     * {@code {"type": "leaky-relu", "slope": 0.3}}.
     */
    private static Map<String, Object> layer(String type, Map<String, Double> fields) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("type", type);
        l.putAll(new TreeMap<>(fields));
        return l;
    }

    private static Map<String, Object> transform(double offset, double scale, boolean standardize) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("offset", offset);
        t.put("scale", scale);
        t.put("standardize", standardize);
        return t;
    }

    private static Map<String, Object> split(String type, String key, Object amount, long seed, String second) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("type", type);
        t.put(key, amount);
        t.put("seed", seed);
        t.put("second", second);
        return t;
    }

    private static Map<String, Object> sgd() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", "sgd");
        return o;
    }

    private static Map<String, Object> adam() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", "adam");
        o.put("beta1", 0.9);
        o.put("beta2", 0.999);
        o.put("epsilon", 1e-8);
        return o;
    }

    private static Dense lastDense(Network network) {
        Dense last = null;
        for (Layer layer : network.layers()) {
            if (layer instanceof Dense d) {
                last = d;
            }
        }
        if (last == null) {
            throw new IllegalStateException("network " + network.describe() + " has no dense layer");
        }
        return last;
    }
}
