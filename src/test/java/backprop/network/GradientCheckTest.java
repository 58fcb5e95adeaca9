package backprop.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import backprop.layers.Initializer;
import backprop.layers.Layer;
import backprop.layers.ReLU;
import backprop.layers.Sigmoid;
import backprop.losses.Loss;
import backprop.losses.LossValue;
import backprop.losses.SigmoidBinaryCrossEntropy;
import backprop.losses.Targets;
import backprop.matrix.Matrix;
import backprop.network.GradientCheck.Report;
import backprop.random.SplitMix64;
import backprop.testing.Random;
import org.junit.jupiter.api.Test;

/** The checker must fail on wrong gradients, and say enough to find out why. */
class GradientCheckTest {

    /**
     * Document 003's mismatch: the loss it states is −(1/N)·Σ y·ln a with a = σ(z), but its backward uses
     * dz = a − y, which is the gradient of the binary cross-entropy summed over classes. The true gradient
     * of the stated loss is −y·(1 − a)/N: the two differ wherever y = 0.
     */
    private static final class Document003Loss implements Loss {
        @Override
        public LossValue evaluate(double[][] z, double[][] y) {
            double n = z.length;
            double sum = 0;
            double[][] grad = new double[z.length][z[0].length];
            for (int i = 0; i < z.length; i++) {
                for (int k = 0; k < z[0].length; k++) {
                    double a = Sigmoid.sigmoid(z[i][k]);
                    sum += y[i][k] * Math.log(a);
                    grad[i][k] = (a - y[i][k]) / n;      // document 003: dz2 = a2 − y
                }
            }
            return new LossValue(-sum / n, grad);
        }

        @Override
        public double[][] probabilities(double[][] z) {
            return new SigmoidBinaryCrossEntropy().probabilities(z);
        }
    }

    /** Document 001's pitfall: σ'(z) computed as σ(y)(1 − σ(y)) from the output y instead of y(1 − y). */
    private static final class SigmoidDerivativeOfOutput implements Layer {
        private final Sigmoid sigmoid = new Sigmoid("sigmoid1");
        private double[][] output;

        @Override
        public String name() {
            return "sigmoid1";
        }

        @Override
        public double[][] forward(double[][] x) {
            output = sigmoid.forward(x);
            return output;
        }

        @Override
        public double[][] backward(double[][] dOut) {
            double[][] dz = new double[dOut.length][dOut[0].length];
            for (int i = 0; i < dz.length; i++) {
                for (int j = 0; j < dz[0].length; j++) {
                    double s = Sigmoid.sigmoid(output[i][j]);
                    dz[i][j] = dOut[i][j] * s * (1 - s);
                }
            }
            return dz;
        }
    }

    @Test
    void document003sGradientIsFlaggedAsWrong() {
        SplitMix64 r = new SplitMix64(21);
        Network net = Network.builder(6, r).weights(Initializer.normal(1)).biases(Initializer.normal(1))
                .dense(5).relu().dense(4).loss(new Document003Loss()).build();
        double[][] x = Random.uniform(r, 5, 6, 1.0);
        double[][] y = Targets.oneHot(Random.labels(r, 5, 4), 4);
        Report report = GradientCheck.network(net, x, y, GradientCheck.NETWORK_THRESHOLD);
        assertThat(report.passed()).isFalse();
        assertThat(report.get("dense2.W").passed()).isFalse();
        assertThat(report.get("dense2.W").maxRelativeError()).isGreaterThan(1e-2);
        assertThat(report.get("dense2.b").maxRelativeError()).isGreaterThan(1e-2);
    }

    @Test
    void theWrongSigmoidDerivativeIsFlagged() {
        SplitMix64 r = new SplitMix64(22);
        Report report = GradientCheck.layer(new SigmoidDerivativeOfOutput(), Random.uniform(r, 3, 4, 2.0),
                Random.uniform(r, 3, 4, 1.0), GradientCheck.LAYER_THRESHOLD);
        assertThat(report.passed()).isFalse();
        assertThat(report.get("input").maxRelativeError()).isGreaterThan(1e-2);
        // the same input with the real layer passes
        SplitMix64 again = new SplitMix64(22);
        Report right = GradientCheck.layer(new Sigmoid("sigmoid1"), Random.uniform(again, 3, 4, 2.0),
                Random.uniform(again, 3, 4, 1.0), GradientCheck.LAYER_THRESHOLD);
        assertThat(right.passed()).as(right.toString()).isTrue();
    }

    @Test
    void aFailingReportShowsEveryIntermediate() {
        SplitMix64 r = new SplitMix64(23);
        Network net = Network.builder(3, r).weights(Initializer.normal(1)).biases(Initializer.normal(1))
                .dense(2).loss(new Document003Loss()).build();
        double[][] x = Random.uniform(r, 2, 3, 1.0);
        double[][] y = Targets.oneHot(new int[] {0, 1}, 2);
        Report report = GradientCheck.network(net, x, y, GradientCheck.NETWORK_THRESHOLD);
        GradientCheck.Entry worst = report.get("dense1.W").worst();
        String text = report.toString();
        assertThat(text).contains("dense1.W", "FAIL", "(" + worst.row() + "," + worst.col() + ")", "f(θ+h)", "f(θ−h)");
        assertThat(text).contains(String.format(java.util.Locale.ROOT, "%.6e", worst.analytic()));
        assertThat(text).contains(String.format(java.util.Locale.ROOT, "%.6e", worst.numeric()));
        assertThat(text).contains(String.format(java.util.Locale.ROOT, "%.10e", worst.lossPlus()));
        // the numeric value really is the centred difference of the two losses shown
        assertThat(worst.numeric()).isEqualTo((worst.lossPlus() - worst.lossMinus()) / (2 * GradientCheck.STEP));
    }

    @Test
    void entriesAtAKinkAreCountedNotFailed() {
        // z = 0.000004 lies within h = 1e-5 of the ReLU kink: f(z + h) and f(z − h) sit on different pieces.
        double[][] x = {{4e-6, 1.0}};
        Report report = GradientCheck.layer(new ReLU("relu1"), x, new double[][] {{1, 1}},
                GradientCheck.LAYER_THRESHOLD);
        assertThat(report.get("input").kinks()).isEqualTo(1);
        assertThat(report.passed()).isTrue();
        assertThat(report.toString()).contains("all gradients pass");
    }

    @Test
    void checkingLeavesTheCallersMatricesUntouched() {
        SplitMix64 r = new SplitMix64(24);
        Network net = Network.builder(3, r).weights(Initializer.normal(1)).dense(2)
                .loss(new backprop.losses.SoftmaxCrossEntropy()).build();
        double[][] x = Random.uniform(r, 4, 3, 1.0);
        double[][] before = Matrix.copy(x);
        double[][] w = Matrix.copy(net.parameters().get(0).value());
        GradientCheck.network(net, x, Targets.oneHot(new int[] {0, 1, 1, 0}, 2), 1e-6);
        assertThat(x).isDeepEqualTo(before);
        assertThat(net.parameters().get(0).value()).isDeepEqualTo(w);
    }

    @Test
    void relativeErrorDefinition() {
        assertThat(GradientCheck.relativeError(1.0, 1.0, 0)).isZero();
        assertThat(GradientCheck.relativeError(0.0, 0.0, 0)).isZero();
        assertThat(GradientCheck.relativeError(2.0, 1.0, 0)).isEqualTo(0.5);
        assertThat(GradientCheck.relativeError(-1.0, 1.0, 0)).isEqualTo(2.0);
        assertThat(GradientCheck.relativeError(Double.NaN, 1.0, 0)).isInfinite();
        // below the floor the difference is measured against the floor: 1e-12 apart, floor 1e-5
        assertThat(GradientCheck.relativeError(2e-12, 1e-12, 1e-5)).isCloseTo(1e-7, within(1e-20));
    }
}
