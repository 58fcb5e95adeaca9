package backprop.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import backprop.layers.Initializer;
import backprop.layers.Layer;
import backprop.layers.ReLU;
import backprop.layers.Sigmoid;
import backprop.losses.Loss;
import backprop.losses.LossValue;
import backprop.losses.SigmoidBinaryCrossEntropy;
import backprop.losses.SoftmaxCrossEntropy;
import backprop.losses.Targets;
import backprop.matrix.Matrix;
import backprop.network.GradientCheck.ParameterReport;
import backprop.network.GradientCheck.Report;
import backprop.random.SplitMix64;
import backprop.testing.Random;
import java.util.Locale;
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
    void theWrongGradientsAreFlaggedByTheDirectionalCheckToo() {
        SplitMix64 r = new SplitMix64(21);
        Network net = Network.builder(6, r).weights(Initializer.normal(1)).biases(Initializer.normal(1))
                .dense(5).relu().dense(4).loss(new Document003Loss()).build();
        double[][] x = Random.uniform(r, 5, 6, 1.0);
        double[][] y = Targets.oneHot(Random.labels(r, 5, 4), 4);
        Report report = GradientCheck.directional(net, x, y, GradientCheck.LAYER_THRESHOLD, 4, new SplitMix64(5));
        assertThat(report.get("dense2.W").passed()).isFalse();
        assertThat(report.get("dense2.b").passed()).isFalse();
        assertThat(report.get("all parameters").passed()).isFalse();
        assertThat(report.get("all parameters").maxRelativeErrorBeyondResolution()).isGreaterThan(1e-3);
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
        NumericDerivative n = worst.difference();
        String text = report.toString();
        assertThat(text).contains("dense1.W", "FAIL", worst.where(), "f(θ − 2h)", "f(θ + h)", "ρ = 1.5·ulp(f)/h", "ν =");
        assertThat(text).contains(String.format(Locale.ROOT, "%.11e", worst.analytic()),
                String.format(Locale.ROOT, "%.11e", worst.numeric()));
        for (double f : new double[] {n.fMinus2(), n.fMinus(), n.fPlus(), n.fPlus2()}) {
            assertThat(text).contains(String.format(Locale.ROOT, "%.17g", f));
        }
        // the numeric value really is the extrapolation of the four values shown, at a power-of-two step
        double h = n.step();
        assertThat(Math.scalb(1.0, Math.getExponent(h))).isEqualTo(h);
        double extrapolated = (8 * (n.fPlus() - n.fMinus()) - (n.fPlus2() - n.fMinus2())) / (12 * h);
        assertThat(worst.numeric()).isCloseTo(extrapolated, within(1e-12 * Math.abs(extrapolated)));
        assertThat(worst.numeric()).isCloseTo((4 * n.centred() - n.centredAtDoubleStep()) / 3,
                within(1e-12 * Math.abs(extrapolated)));
        // and the figures are the plain ones
        double a = worst.analytic();
        assertThat(worst.absoluteError()).isEqualTo(Math.abs(a - worst.numeric()));
        assertThat(worst.relativeError()).isEqualTo(Math.abs(a - worst.numeric())
                / Math.max(Math.abs(a), Math.abs(worst.numeric())));
    }

    @Test
    void theFiguresDoNotDependOnTheThreshold() {
        SplitMix64 r = new SplitMix64(25);
        Network net = Network.builder(8, r).weights(Initializer.normal(0.5)).biases(Initializer.normal(0.5))
                .dense(6).sigmoid().dense(3).loss(new SoftmaxCrossEntropy()).l2(1e-3).build();
        double[][] x = Random.uniform(r, 5, 8, 1.0);
        double[][] y = Targets.oneHot(Random.labels(r, 5, 3), 3);
        for (boolean directional : new boolean[] {false, true}) {
            Report loose = directional ? GradientCheck.directional(net, x, y, 1e-5, 6, new SplitMix64(3))
                    : GradientCheck.network(net, x, y, 1e-5);
            Report strict = directional ? GradientCheck.directional(net, x, y, 1e-12, 6, new SplitMix64(3))
                    : GradientCheck.network(net, x, y, 1e-12);
            assertThat(strict.figures()).isEqualTo(loose.figures());
            for (int k = 0; k < loose.parameters().size(); k++) {
                ParameterReport a = loose.parameters().get(k);
                ParameterReport b = strict.parameters().get(k);
                assertThat(b.worst()).isEqualTo(a.worst());
                assertThat(b.worstBeyondResolution()).isEqualTo(a.worstBeyondResolution());
                assertThat(b.maxRelativeError()).isEqualTo(a.maxRelativeError());
                assertThat(b.entries()).isEqualTo(a.entries());
                // the verdict may move entries from "relative" to "within resolution", never lose one
                assertThat(b.passedByRelative() + b.passedByResolution() + b.failed())
                        .isEqualTo(a.passedByRelative() + a.passedByResolution() + a.failed());
                assertThat(b.passedByRelative()).isLessThanOrEqualTo(a.passedByRelative());
            }
            // the printed maximum is the worst entry's plain |a − n| / max(|a|, |n|) at both thresholds
            GradientCheck.Entry w = strict.get("dense1.W").worst();
            assertThat(strict.get("dense1.W").maxRelativeError())
                    .isEqualTo(Math.abs(w.analytic() - w.numeric()) / Math.max(Math.abs(w.analytic()), Math.abs(w.numeric())));
            assertThat(strict.verdict()).isNotEqualTo(loose.verdict());
        }
    }

    @Test
    void entriesAtAKinkAreCountedNotFailed() {
        // z = 0 and z = 1e-12 sit on the ReLU kink for every step down to 2^-30: no difference can be taken there
        Report atKink = GradientCheck.layer(new ReLU("relu1"), new double[][] {{0.0, 1e-12, 1.0}},
                new double[][] {{1, 1, 1}}, GradientCheck.LAYER_THRESHOLD);
        assertThat(atKink.get("input").kinks()).isEqualTo(2);
        assertThat(atKink.get("input").worst().where()).isEqualTo("(0,2)");
        assertThat(atKink.passed()).isTrue();
        assertThat(atKink.toString()).contains("2 at a kink (not compared)", "all gradients pass");
        // z = 4e-6 is crossed by the larger steps only: a smaller step resolves it
        Report near = GradientCheck.layer(new ReLU("relu1"), new double[][] {{4e-6, -4e-6}}, new double[][] {{1, 1}},
                GradientCheck.LAYER_THRESHOLD);
        assertThat(near.get("input").kinks()).isZero();
        assertThat(near.get("input").worst().difference().step()).isLessThan(1e-6);
        assertThat(near.get("input").maxRelativeError()).isLessThan(1e-7);
    }

    @Test
    void checkingLeavesTheCallersMatricesUntouched() {
        SplitMix64 r = new SplitMix64(24);
        Network net = Network.builder(3, r).weights(Initializer.normal(1)).dense(2)
                .loss(new SoftmaxCrossEntropy()).build();
        double[][] x = Random.uniform(r, 4, 3, 1.0);
        double[][] before = Matrix.copy(x);
        double[][] w = Matrix.copy(net.parameters().get(0).value());
        double[][] b = Matrix.copy(net.parameters().get(1).value());
        GradientCheck.network(net, x, Targets.oneHot(new int[] {0, 1, 1, 0}, 2), 1e-6);
        GradientCheck.directional(net, x, Targets.oneHot(new int[] {0, 1, 1, 0}, 2), 1e-6, 3, new SplitMix64(1));
        assertThat(x).isDeepEqualTo(before);
        assertThat(net.parameters().get(0).value()).isDeepEqualTo(w);
        assertThat(net.parameters().get(1).value()).isDeepEqualTo(b);
    }

    @Test
    void badArgumentsAreRefusedWithTheirReason() {
        Network net = Network.builder(30, new SplitMix64(26)).dense(2).loss(new SoftmaxCrossEntropy()).build();
        double[][] x = Random.uniform(new SplitMix64(27), 2, 30, 1.0);
        double[][] y = Targets.oneHot(new int[] {0, 1}, 2);
        // a parameter with more entries than maxEntries needs a generator to draw them (was a NullPointerException)
        assertThatThrownBy(() -> GradientCheck.network(net, x, y, 1e-7, 10, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dense1.W has 60 entries, more than maxEntries 10");
        assertThat(GradientCheck.network(net, x, y, 1e-7, 100, null).passed()).isTrue();
        for (double bad : new double[] {0, -1e-7, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> GradientCheck.network(net, x, y, bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold");
        }
        assertThatThrownBy(() -> GradientCheck.network(net, x, y, 1e-7, -1, new SplitMix64(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxEntries -1");
        assertThatThrownBy(() -> GradientCheck.directional(net, x, y, 1e-7, 0, new SplitMix64(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 directions");
        assertThatThrownBy(() -> GradientCheck.directional(net, x, y, 1e-7, 2, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("generator");
        assertThatThrownBy(() -> GradientCheck.network(net, x, y, 1e-7).get("dense9.W"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dense9.W");
    }

    @Test
    void relativeErrorIsThePlainOne() {
        assertThat(GradientCheck.relativeError(1.0, 1.0)).isZero();
        assertThat(GradientCheck.relativeError(0.0, 0.0)).isZero();
        assertThat(GradientCheck.relativeError(2.0, 1.0)).isEqualTo(0.5);
        assertThat(GradientCheck.relativeError(-1.0, 1.0)).isEqualTo(2.0);
        assertThat(GradientCheck.relativeError(Double.NaN, 1.0)).isInfinite();
        assertThat(GradientCheck.relativeError(1.0, Double.NaN)).isInfinite();
        // no floor: two tiny gradients a factor 2 apart are 50% apart, however small
        assertThat(GradientCheck.relativeError(2e-12, 1e-12)).isEqualTo(0.5);
    }

    @Test
    void aFailedEntryIsOneBeyondBothRules() {
        NumericDerivative n = new NumericDerivative(1.0, 0x1p-10, 1e-9, 1e-13, 1e-12, 0, 0, 0, 0, 1.0, 1.0);
        assertThat(new GradientCheck.Entry(0, 0, 1.0 + 5e-10, n).rule(1e-12)).isEqualTo(GradientCheck.Rule.RESOLUTION);
        assertThat(new GradientCheck.Entry(0, 0, 1.0 + 5e-10, n).rule(1e-9)).isEqualTo(GradientCheck.Rule.RELATIVE);
        assertThat(new GradientCheck.Entry(0, 0, 1.0 + 5e-9, n).rule(1e-9)).isEqualTo(GradientCheck.Rule.FAILED);
        assertThat(new GradientCheck.Entry(0, 0, Double.NaN, n).rule(1)).isEqualTo(GradientCheck.Rule.FAILED);
    }
}
