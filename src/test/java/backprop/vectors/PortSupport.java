package backprop.vectors;

import backprop.data.Dataset;
import backprop.io.Json;
import backprop.layers.Computation;
import backprop.layers.Initializer;
import backprop.layers.Parameter;
import backprop.network.Network;
import backprop.network.NetworkBuilder;
import backprop.network.Registry;
import backprop.random.SplitMix64;
import backprop.training.Adam;
import backprop.training.Momentum;
import backprop.training.Optimizer;
import backprop.training.Sgd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a port reads from the vector files, done in Java from the files alone: the JSON tree, matrices,
 * datasets, initialisers, optimisers and networks as the files describe them (NOTES.md §12).
 */
final class PortSupport {

    static final Path FOLDER = Path.of("testdata/vectors");

    private PortSupport() {
    }

    /** A checked-in vector file, parsed. */
    static Map<String, Object> file(String name) throws IOException {
        return map(Json.parse(Files.readString(FOLDER.resolve(name), StandardCharsets.UTF_8)));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    static double number(Object o) {
        return (Double) o;
    }

    static int integer(Object o) {
        return (int) (double) (Double) o;
    }

    static double[][] matrix(Object o) {
        List<Object> rows = list(o);
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < m.length; i++) {
            List<Object> row = list(rows.get(i));
            m[i] = new double[row.size()];
            for (int j = 0; j < m[i].length; j++) {
                m[i][j] = number(row.get(j));
            }
        }
        return m;
    }

    /** Every dataset of datasets.json, by name. */
    static Map<String, Dataset> datasets() throws IOException {
        Map<String, Dataset> out = new LinkedHashMap<>();
        for (Object o : list(file("datasets.json").get("datasets"))) {
            Map<String, Object> d = map(o);
            out.put((String) d.get("name"), new Dataset(matrix(d.get("x")), matrix(d.get("y"))));
        }
        return out;
    }

    /** {"type": "normal", "sigma": 0.01} and the like. */
    static Initializer initializer(Object o) {
        Map<String, Object> m = map(o);
        return switch ((String) m.get("type")) {
            case "zeros" -> Initializer.zeros();
            case "constant" -> Initializer.constant(number(m.get("c")));
            case "normal" -> Initializer.normal(number(m.get("sigma")));
            case "uniform" -> Initializer.uniform(number(m.get("a")));
            case "xavier" -> Initializer.xavier();
            case "he" -> Initializer.he();
            default -> throw new IllegalArgumentException("unknown initialiser " + m);
        };
    }

    /** {"type": "sgd"}, {"type": "momentum", "mu": 0.9}, {"type": "adam", "beta1", "beta2", "epsilon"}. */
    static Optimizer optimizer(Object o) {
        Map<String, Object> m = map(o);
        return switch ((String) m.get("type")) {
            case "sgd" -> new Sgd();
            case "momentum" -> new Momentum(number(m.get("mu")));
            case "adam" -> new Adam(number(m.get("beta1")), number(m.get("beta2")), number(m.get("epsilon")));
            default -> throw new IllegalArgumentException("unknown optimiser " + m);
        };
    }

    /** A layer's fields besides type and name, as numbers. */
    private static Map<String, Double> fields(Map<String, Object> layer) {
        Map<String, Double> f = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : layer.entrySet()) {
            if (!e.getKey().equals("type") && !e.getKey().equals("name")) {
                f.put(e.getKey(), number(e.getValue()));
            }
        }
        return f;
    }

    /**
     * A network from a model as the vectors write it ({@code input}, {@code loss}, {@code l2}, {@code layers}
     * without W and b), its parameters drawn from {@code random} by the initialisers; plain products.
     */
    static Network network(Map<String, Object> model, SplitMix64 random, Initializer weights, Initializer biases) {
        NetworkBuilder b = Network.builder(integer(model.get("input")), random).weights(weights).biases(biases);
        for (Object o : list(model.get("layers"))) {
            Map<String, Object> layer = map(o);
            if (layer.get("type").equals("dense")) {
                b.dense(integer(layer.get("outputs")));
            } else {
                b.layer((String) layer.get("type"), fields(layer));
            }
        }
        Network net = b.loss(Registry.lossType((String) model.get("loss")).make().get())
                .l2(number(model.get("l2"))).build();
        net.setComputation(Computation.PLAIN);
        return net;
    }

    /** An experiment's network from its settings (NOTES.md §12.5); plain products. */
    static Network network(Map<String, Object> s) {
        SplitMix64 random = new SplitMix64((long) number(s.get("network_seed")));
        for (int i = 0; i < integer(s.get("network_skip")); i++) {
            random.nextDouble();
        }
        NetworkBuilder b = Network.builder(integer(s.get("inputs")), random).weights(initializer(s.get("weights")))
                .biases(initializer(s.get("biases")));
        for (Object h : list(s.get("hidden"))) {
            Map<String, Object> activation = map(s.get("activation"));          // null only without hidden layers
            b.dense(integer(h)).layer((String) activation.get("type"), fields(activation));
        }
        b.dense(integer(s.get("outputs")));
        if (s.get("output_layer") != null) {
            Map<String, Object> output = map(s.get("output_layer"));
            b.layer((String) output.get("type"), fields(output));
        }
        Network net = b.loss(Registry.lossType((String) s.get("loss")).make().get()).l2(number(s.get("l2"))).build();
        net.setComputation(Computation.PLAIN);
        return net;
    }

    /** Every parameter's values by name, as the files write them. */
    static Map<String, Object> parameters(Network net) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Parameter p : net.parameters()) {
            out.put(p.name(), Encoding.copy(p.value()));
        }
        return out;
    }

    /** The same, each with its {@code _bits} twin. */
    static Map<String, Object> parametersExact(Network net) {
        return Encoding.parametersExact(net.parameters());
    }
}
