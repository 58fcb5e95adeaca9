package backprop.vectors;

import backprop.data.Dataset;
import backprop.data.InputTransform;
import backprop.data.Synthetic;
import backprop.layers.Computation;
import backprop.layers.Initializer;
import backprop.layers.Layer;
import backprop.losses.BinaryCrossEntropy;
import backprop.losses.CrossEntropy;
import backprop.losses.MeanSquaredError;
import backprop.losses.SigmoidBinaryCrossEntropy;
import backprop.losses.SoftmaxCrossEntropy;
import backprop.network.Network;
import backprop.network.NetworkBuilder;
import backprop.network.Registry;
import backprop.random.SplitMix64;
import backprop.training.Adam;
import backprop.training.Momentum;
import backprop.training.Optimizer;
import backprop.training.Sgd;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code networks.json}: every network of the documents (hidden layers narrower than the documents'):
 * its initial weights from its seed, one batch through it (every layer's output, the loss, every gradient
 * and the input's), and ten training steps on that batch.
 */
final class NetworkVectors {

    /** Tolerance for one batch: outputs, loss, gradients. */
    static final double BATCH_TOLERANCE = 1e-13;
    /** Tolerance for the training traces. */
    static final double TRACE_TOLERANCE = 1e-12;
    static final int STEPS = 10;

    private NetworkVectors() {
    }

    /** Builds the network, from the generator it is given, with its dense layers computing as asked. */
    @FunctionalInterface
    private interface Recipe {
        NetworkBuilder start(SplitMix64 random);
    }

    /** One optimiser run for the traces: the optimiser as the vectors write it, and how to make it. */
    private record Trace(Map<String, Object> about, Supplier<Optimizer> optimizer, double learningRate) {
    }

    private static Trace sgd(double learningRate) {
        return new Trace(optimizer("sgd"), Sgd::new, learningRate);
    }

    private static Trace momentum(double mu, double learningRate) {
        Map<String, Object> m = optimizer("momentum");
        m.put("mu", mu);
        return new Trace(m, () -> new Momentum(mu), learningRate);
    }

    /** Adam with β1 = 0.9, β2 = 0.999, ε = 1e-8 ({@code new Adam()}). */
    private static Trace adam(double learningRate) {
        Map<String, Object> m = optimizer("adam");
        m.put("beta1", 0.9);
        m.put("beta2", 0.999);
        m.put("epsilon", 1e-8);
        return new Trace(m, Adam::new, learningRate);
    }

    private static Map<String, Object> optimizer(String type) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        return m;
    }

    static Map<String, Object> build(Computation computation, Sources sources) throws IOException {
        Map<String, Object> file = Encoding.header("networks",
                "every network of the documents, hidden layers narrowed: the initial parameters drawn from a "
                        + "fresh SplitMix64(seed), nothing drawn from it before the first weight (W then b, layer "
                        + "by layer), one batch X, Y through it (each layer's output, "
                        + "data loss, L2 penalty, their sum, every parameter's gradient and dX, all of "
                        + "loss + penalty), and " + STEPS + " training steps on the same batch: per step the "
                        + "loss + penalty before the step, then the update; the parameters after the last step",
                Encoding.tolerances("initial", 0.0, "batch", BATCH_TOLERANCE, "traces", TRACE_TOLERANCE));
        List<Object> networks = new ArrayList<>();

        Dataset and = Synthetic.and();
        networks.add(network("004-onenet", "004 OneNet (gates): 2→1, sigmoid, binary cross-entropy, L2 1e-3; the "
                + "AND table", 4, Initializer.normal(0.01), Initializer.normal(0.01), and, computation,
                r -> Network.builder(2, r).weights(Initializer.normal(0.01)).biases(Initializer.normal(0.01))
                        .dense(1).sigmoid().loss(new BinaryCrossEntropy()).l2(1e-3),
                List.of(sgd(1e-3))));

        networks.add(network("004-twonet", "004 TwoNet (xor): 2-6-2, ReLU, softmax cross-entropy, L2 1e-3; the XOR "
                + "table", 1, Initializer.normal(0.01), Initializer.normal(0.01), Synthetic.xor(), computation,
                r -> Network.builder(2, r).weights(Initializer.normal(0.01)).biases(Initializer.normal(0.01))
                        .dense(6).relu().dense(2).loss(new SoftmaxCrossEntropy()).l2(1e-3),
                List.of(sgd(0.1))));

        Dataset iris = sources.iris().data().rows(new int[] {0, 1, 2, 50, 51, 52, 100, 101, 102});
        networks.add(network("004-threenet-iris", "004 ThreeNet (iris): 4-20-20-3, ReLU, softmax cross-entropy, "
                + "L2 1e-3; Iris.csv rows 0-2, 50-52, 100-102", 3, Initializer.normal(0.01), Initializer.normal(0.01),
                iris, computation, r -> Network.builder(4, r).weights(Initializer.normal(0.01))
                        .biases(Initializer.normal(0.01)).dense(20).relu().dense(20).relu().dense(3)
                        .loss(new SoftmaxCrossEntropy()).l2(1e-3),
                List.of(sgd(0.05), momentum(0.9, 0.05),
                        adam(0.01))));

        SplitMix64 points = new SplitMix64(70);
        double[][] sx = new double[8][1];
        double[][] sy = new double[8][1];
        for (int i = 0; i < 8; i++) {
            sx[i][0] = -Math.PI + 2 * Math.PI * points.nextDouble();
            sy[i][0] = Math.sin(sx[i][0]);
        }
        networks.add(network("001-sine", "001 part 1 (sine), 200 hidden units narrowed to 16: 1-16-1, tanh, "
                + "identity output, ½·mean squared error; 8 points of sin(x)", 7, Initializer.xavier(),
                Initializer.zeros(), new Dataset(sx, sy), computation, r -> Network.builder(1, r)
                        .weights(Initializer.xavier()).biases(Initializer.zeros()).dense(16).tanh().dense(1)
                        .identity().loss(new MeanSquaredError()),
                List.of(sgd(0.01), adam(0.01))));

        Dataset digits = Sources.first(sources.mnist().train(), 4);
        networks.add(network("000-leaky", "000 (mnist-leaky), 800-400 hidden narrowed to 8-6: 784-8-6-10, leaky "
                + "ReLU 0.3, softmax cross-entropy; the first 4 training images of testdata/mnist, raw pixels", 2099,
                Initializer.normal(0.01), Initializer.zeros(), digits, computation, r -> Network.builder(784, r)
                        .weights(Initializer.normal(0.01)).biases(Initializer.zeros()).dense(8).leakyRelu(0.3)
                        .dense(6).leakyRelu(0.3).dense(10).loss(new SoftmaxCrossEntropy()),
                List.of(sgd(1e-3))));

        networks.add(network("002-sigmoid", "002 (mnist-sigmoid), 64 hidden narrowed to 6: 784-6-10, sigmoid, "
                + "softmax layer, cross-entropy; the first 4 training images, pixels / 255", 138, Initializer.xavier(),
                Initializer.zeros(), InputTransform.scaled(1.0 / 255).apply(digits), computation,
                r -> Network.builder(784, r).weights(Initializer.xavier()).biases(Initializer.zeros()).dense(6)
                        .sigmoid().dense(10).softmax().loss(new CrossEntropy()),
                List.of(sgd(1.0))));

        networks.add(network("003-idx", "003 (mnist-idx), 60 hidden narrowed to 6: 784-6-10, ReLU, sigmoid "
                + "outputs with binary cross-entropy on logits; the first 4 training images, raw pixels", 3,
                Initializer.uniform(0.001), Initializer.normal(0.001), digits, computation, r -> Network.builder(784, r)
                        .weights(Initializer.uniform(0.001)).biases(Initializer.normal(0.001)).dense(6).relu()
                        .dense(10).loss(new SigmoidBinaryCrossEntropy()),
                List.of(sgd(1e-3))));

        file.put("networks", networks);
        return file;
    }

    private static Map<String, Object> network(String name, String about, long seed, Initializer weights,
            Initializer biases,
            Dataset batch, Computation computation, Recipe recipe, List<Trace> traces) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("name", name);
        n.put("about", about);
        n.put("seed", seed);
        n.put("weights", Encoding.initializer(weights));
        n.put("biases", Encoding.initializer(biases));
        Network net = recipe.start(new SplitMix64(seed)).build();
        net.setComputation(computation);
        n.put("model", model(net));
        n.put("initial", Encoding.parametersExact(net.parameters()));

        double[][] x = batch.x();
        double[][] y = batch.y();
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("X", x);
        b.put("Y", y);
        List<Object> outputs = new ArrayList<>();
        double[][] a = x;
        for (Layer layer : net.layers()) {
            a = layer.forward(a);
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("layer", layer.name());
            o.put("output", Encoding.copy(a));
            outputs.add(o);
        }
        b.put("outputs", outputs);
        double dataLoss = net.dataLoss(x, y);
        double penalty = net.penalty().value(net.parameters());
        b.put("data_loss", dataLoss);
        b.put("penalty", penalty);
        b.put("loss", dataLoss + penalty);
        double[][] dx = net.inputGradient(x, y);
        Map<String, Object> gradients = Encoding.gradients(net.parameters());
        gradients.put("X", dx);
        b.put("gradients", gradients);
        n.put("batch", b);

        List<Object> runs = new ArrayList<>();
        for (Trace t : traces) {
            Network fresh = recipe.start(new SplitMix64(seed)).build();
            fresh.setComputation(computation);
            Optimizer optimizer = t.optimizer().get();
            double[] losses = new double[STEPS];
            for (int step = 0; step < STEPS; step++) {
                losses[step] = fresh.computeGradients(x, y);
                optimizer.step(fresh.parameters(), t.learningRate());
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("optimizer", t.about());
            r.put("learning_rate", t.learningRate());
            r.put("steps", STEPS);
            r.put("losses", losses);
            r.put("final", Encoding.parameters(fresh.parameters()));
            runs.add(r);
        }
        n.put("traces", runs);
        return n;
    }

    /** The architecture as a model file writes it, without the parameters. */
    static Map<String, Object> model(Network net) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", net.inputSize());
        m.put("loss", Registry.name(net.lossFunction()));
        m.put("l2", net.penalty().lambda());
        List<Object> layers = new ArrayList<>();
        for (Layer layer : net.layers()) {
            layers.add(layer(layer));
        }
        m.put("layers", layers);
        return m;
    }

    /** A layer as a model file writes it (type, name, its fields), without W and b. */
    static Map<String, Object> layer(Layer layer) {
        Registry.LayerType type = Registry.typeOf(layer);
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("type", type.name());
        l.put("name", layer.name());
        for (Map.Entry<String, Object> f : type.write().apply(layer).entrySet()) {
            if (!(f.getValue() instanceof double[][])) {
                l.put(f.getKey(), f.getValue());
            }
        }
        return l;
    }
}
