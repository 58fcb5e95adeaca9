package backprop.vectors;

import backprop.layers.Softmax;
import backprop.losses.BinaryCrossEntropy;
import backprop.losses.CrossEntropy;
import backprop.losses.Loss;
import backprop.losses.LossValue;
import backprop.losses.MeanSquaredError;
import backprop.losses.SigmoidBinaryCrossEntropy;
import backprop.losses.SoftmaxCrossEntropy;
import backprop.losses.Targets;
import backprop.network.Registry;
import backprop.random.SplitMix64;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code losses.json}: every loss type's value and gradient, two shapes each. */
final class LossVectors {

    /** The tolerance a port should meet on values and gradients. */
    static final double TOLERANCE = 1e-13;

    private LossVectors() {
    }

    static Map<String, Object> build() {
        Map<String, Object> file = Encoding.header("losses",
                "every loss type on an input (the network's last output: logits or probabilities) and a "
                        + "target of the same shape: the value L (a mean over rows; mean-squared-error over all "
                        + "N·K entries) and its gradient dL/dinput; includes logits of ±800, probabilities "
                        + "below the clamp 1e-15, a soft target row and one summing to 1 - 1e-10",
                Encoding.tolerances("given", 0.0, "expected", TOLERANCE));
        List<Object> cases = new ArrayList<>();
        SplitMix64 r = new SplitMix64(201);

        double[][] z1 = LayerVectors.uniform(r, 2, 3, -3, 3);
        cases.add(loss(new SoftmaxCrossEntropy(), "one-hot targets", z1, Targets.oneHot(new int[] {2, 0}, 3)));
        double[][] z2 = {{800, -800, 0, 1, 799}, {3, 3, 3, 3, 3}, {0.5, -0.25, 2, 1e-12, -3}, {-1, 2, 0.5, -0.5, 1}};
        double[][] y2 = {{0, 0, 0, 0, 1}, {1, 0, 0, 0, 0}, {0.1, 0.2, 0.3, 0.4, 0}, {0.5, 0.5 - 1e-10, 0, 0, 0}};
        cases.add(loss(new SoftmaxCrossEntropy(), "logits of ±800, equal logits, a soft target row and a row "
                + "summing to 1 - 1e-10 (the gradient stays (P - Y)/N)", z2, y2));

        double[][] p1 = softmax(LayerVectors.uniform(r, 2, 3, -3, 3));
        cases.add(loss(new CrossEntropy(), "probabilities, one-hot targets", p1, Targets.oneHot(new int[] {1, 2}, 3)));
        double[][] p2 = {{1e-20, 0.5, 0.5 - 1e-20, 0.0}, {0.25, 0.25, 0.25, 0.25}, {0.0, 1.0, 0.0, 0.0}};
        double[][] q2 = {{1, 0, 0, 0}, {0, 0.5, 0.5, 0}, {0, 0, 0, 1}};
        cases.add(loss(new CrossEntropy(), "probabilities below the clamp 1e-15 (and exactly 0) where the target "
                + "is not 0: value and gradient taken at 1e-15", p2, q2));

        double[][] h1 = LayerVectors.uniform(r, 4, 1, 0.05, 0.95);
        cases.add(loss(new BinaryCrossEntropy(), "one output", h1, Targets.column(0, 1, 1, 0)));
        double[][] h2 = {{0.0, 1.0, 1e-20}, {1 - 1e-17, 0.5, 0.999}, {0.3, 1e-16, 0.75}};
        double[][] b2 = {{1, 0, 1}, {0, 1, 0.3}, {1, 1, 0}};
        cases.add(loss(new BinaryCrossEntropy(), "three outputs (summed over outputs, mean over rows); h outside "
                + "[1e-15, 1 - 1e-15] clamped before the logs and the quotients", h2, b2));

        double[][] l1 = LayerVectors.uniform(r, 4, 1, -4, 4);
        cases.add(loss(new SigmoidBinaryCrossEntropy(), "one output", l1, Targets.column(1, 0, 1, 0)));
        double[][] l2 = {{800, -800, 0}, {40, -40, 1e-12}, {-2, 3, 36.8}};
        double[][] c2 = {{0, 1, 1}, {1, 0, 0.5}, {1, 0, 1}};
        cases.add(loss(new SigmoidBinaryCrossEntropy(), "three outputs, logits of ±800 and ±40", l2, c2));

        double[][] m1 = LayerVectors.uniform(r, 4, 1, -1, 1);
        cases.add(loss(new MeanSquaredError(), "one output", m1, LayerVectors.uniform(r, 4, 1, -1, 1)));
        double[][] m2 = LayerVectors.uniform(r, 3, 3, -2, 2);
        cases.add(loss(new MeanSquaredError(), "three outputs: the mean runs over all N·K entries", m2,
                LayerVectors.uniform(r, 3, 3, -2, 2)));

        file.put("cases", cases);
        return file;
    }

    private static Map<String, Object> loss(Loss loss, String about, double[][] input, double[][] target) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("loss", Registry.name(loss));
        c.put("case", about);
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("input", input);
        inputs.put("target", target);
        c.put("given", inputs);
        LossValue v = loss.evaluate(input, target);
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("value", v.value());
        outputs.put("gradient", Encoding.copy(v.gradient()));
        c.put("expected", outputs);
        return c;
    }

    private static double[][] softmax(double[][] z) {
        double[][] p = new double[z.length][z[0].length];
        for (int i = 0; i < z.length; i++) {
            Softmax.softmaxRow(z[i], p[i]);
        }
        return p;
    }
}
