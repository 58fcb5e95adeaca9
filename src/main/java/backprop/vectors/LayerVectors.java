package backprop.vectors;

import backprop.layers.Computation;
import backprop.layers.Dense;
import backprop.layers.Identity;
import backprop.layers.Layer;
import backprop.layers.LeakyReLU;
import backprop.layers.ReLU;
import backprop.layers.Sigmoid;
import backprop.layers.Softmax;
import backprop.layers.Tanh;
import backprop.random.SplitMix64;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code layers.json}: every layer type's forward output and backward gradients, two shapes each. */
final class LayerVectors {

    /** The tolerance a port should meet on outputs and gradients. */
    static final double TOLERANCE = 1e-13;

    private LayerVectors() {
    }

    static Map<String, Object> build(Computation computation) {
        Map<String, Object> file = Encoding.header("layers",
                "every layer type on two inputs X (three for sigmoid and tanh) with an upstream gradient "
                        + "G = dL/dY: the output Y, dX = dL/dX and, for dense, dW and db; inputs include ReLU inputs "
                        + "exactly 0 and -0, saturated sigmoid and tanh units (also in cases of their own, so that "
                        + "the tolerance scales with them) and softmax logits of ±800. relu, leaky-relu and identity "
                        + "compute one max or one product per entry: their Y and dX are bit-exact (Y_bits, dX_bits)",
                Encoding.tolerances("given", 0.0, "expected", TOLERANCE));
        List<Object> cases = new ArrayList<>();

        double[][] x1 = uniform(new SplitMix64(101), 2, 3, -2, 2);
        x1[0][1] = 0.0;
        cases.add(dense("small, one input exactly 0", x1, 4, 102, computation));
        double[][] x2 = pixels(new SplitMix64(103), 5, 7);
        cases.add(dense("raw pixel values 0..255, half of them 0", x2, 3, 104, computation));

        double[][] r1 = uniform(new SplitMix64(105), 3, 4, -2, 2);
        r1[0][0] = 0.0;
        r1[1][2] = 0.0;
        r1[2][3] = -0.0;
        cases.add(activation(new ReLU("relu1"), "inputs exactly 0 and -0 (max(-0.0, 0.0) is +0.0); bit-exact, "
                + "signs of zeros included", r1, 106, true));
        double[][] r2 = uniform(new SplitMix64(107), 4, 5, -1, 1);
        r2[0][0] = 1e-300;
        r2[0][1] = -1e-300;
        r2[1][1] = 0.0;
        r2[3][4] = Double.MIN_VALUE;
        cases.add(activation(new ReLU("relu1"), "inputs of ±1e-300, 0 and the smallest subnormal; bit-exact", r2, 108,
                true));

        cases.add(activation(new LeakyReLU("leaky-relu1", 0.3), "slope 0.3, inputs exactly 0 and -0; bit-exact", r1,
                109, true));
        cases.add(activation(new LeakyReLU("leaky-relu1", 0.01), "slope 0.01; bit-exact", r2, 110, true));

        double[][] s1 = uniform(new SplitMix64(111), 2, 4, -4, 4);
        cases.add(activation(new Sigmoid("sigmoid1"), "moderate inputs", s1, 112, false));
        double[][] s2 = {{-800, -40, -36.8, -1e-10, 0.0}, {1e-10, 15, 36.8, 37.5, 800}, {-710, 710, 2, -2, 0.5}};
        cases.add(activation(new Sigmoid("sigmoid1"), "saturated units beside moderate ones: y exactly 0 or 1, or "
                + "1 - y below 1e-16", s2, 113, false));
        double[][] s3 = {{20, 25, 30, 33, 36}, {36.8, 37.5, 40, 100, 800}};
        cases.add(activation(new Sigmoid("sigmoid1"), "saturated units only, so that the tolerance scales with "
                + "them: dX = G*y*(1 - y) from the stored y, where 1 - y has few digits left or is 0; a derivative "
                + "computed from z differs", s3, 124, false));

        double[][] t1 = uniform(new SplitMix64(114), 2, 4, -3, 3);
        cases.add(activation(new Tanh("tanh1"), "moderate inputs", t1, 115, false));
        double[][] t2 = {{-800, -20, -19.1, -1e-9}, {0.0, 1e-9, 10, 17.5}, {19.1, 20, 800, 0.75}};
        cases.add(activation(new Tanh("tanh1"), "saturated units beside moderate ones: y exactly ±1, 1 - y² losing "
                + "its digits", t2, 116, false));
        double[][] t3 = {{19.5, 20, 22, 30}, {-19.5, -20, -30, -800}};
        cases.add(activation(new Tanh("tanh1"), "saturated units only: y is exactly ±1, so dX = G*(1 - y*y) is "
                + "exactly 0 (signed as G); a derivative computed from z is not", t3, 125, false));

        cases.add(activation(new Identity("identity1"), "any input; bit-exact",
                uniform(new SplitMix64(117), 2, 3, -5, 5), 118, true));
        cases.add(activation(new Identity("identity1"), "any input; bit-exact", uniform(new SplitMix64(119), 3, 2, -5,
                5), 120, true));

        cases.add(activation(new Softmax("softmax1"), "moderate logits", uniform(new SplitMix64(121), 2, 3, -3, 3),
                122, false));
        double[][] m2 = {{800, -800, 0, 1, 799}, {3, 3, 3, 3, 3}, {-800, -800, -799, -800, -1000},
            {0.5, -0.25, 2, 1e-12, -3}};
        cases.add(activation(new Softmax("softmax1"), "logits of ±800, a row of equal logits", m2, 123, false));

        file.put("cases", cases);
        return file;
    }

    private static Map<String, Object> dense(String about, double[][] x, int units, long seed,
            Computation computation) {
        SplitMix64 r = new SplitMix64(seed);
        double[][] w = uniform(r, x[0].length, units, -1, 1);
        double[][] b = uniform(r, 1, units, -1, 1);
        double[][] g = uniform(r, x.length, units, -1, 1);
        Dense d = new Dense("dense1", w, b);
        d.setComputation(computation);
        Map<String, Object> c = head(d, about);
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("X", x);
        inputs.put("W", w);
        inputs.put("b", b);
        inputs.put("G", g);
        c.put("given", inputs);
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("Y", Encoding.copy(d.forward(x)));
        outputs.put("dX", Encoding.copy(d.backward(g)));
        outputs.put("dW", Encoding.copy(d.weights().gradient()));
        outputs.put("db", Encoding.copy(d.bias().gradient()));
        c.put("expected", outputs);
        return c;
    }

    /**
     * An activation's case; {@code exact} for the layers whose every result is one max or one product (relu,
     * leaky-relu, identity), whose outputs are then also written as bit patterns.
     */
    private static Map<String, Object> activation(Layer layer, String about, double[][] x, long seed, boolean exact) {
        double[][] g = uniform(new SplitMix64(seed), x.length, x[0].length, -1, 1);
        Map<String, Object> c = head(layer, about);
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("X", x);
        inputs.put("G", g);
        c.put("given", inputs);
        Map<String, Object> outputs = new LinkedHashMap<>();
        double[][] y = Encoding.copy(layer.forward(x));
        double[][] dx = Encoding.copy(layer.backward(g));
        if (exact) {
            Encoding.putExact(outputs, "Y", y);
            Encoding.putExact(outputs, "dX", dx);
        } else {
            outputs.put("Y", y);
            outputs.put("dX", dx);
        }
        c.put("expected", outputs);
        return c;
    }

    /** The layer as a model file writes it (type, name, fields; for dense without W and b), and the case. */
    private static Map<String, Object> head(Layer layer, String about) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("layer", NetworkVectors.layer(layer));
        c.put("case", about);
        return c;
    }

    /** Entries lo + (hi − lo)·u, row by row. */
    static double[][] uniform(SplitMix64 r, int rows, int cols, double lo, double hi) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = lo + (hi - lo) * r.nextDouble();
            }
        }
        return a;
    }

    /** Whole numbers 1..255, about half of them replaced by 0, like the pixels of a digit. */
    static double[][] pixels(SplitMix64 r, int rows, int cols) {
        double[][] a = new double[rows][cols];
        for (double[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextDouble() < 0.5 ? 0.0 : 1 + r.nextInt(255);
            }
        }
        return a;
    }
}
