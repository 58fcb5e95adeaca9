package backprop.network;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.layers.Initializer;
import backprop.losses.BinaryCrossEntropy;
import backprop.losses.CrossEntropy;
import backprop.losses.MeanSquaredError;
import backprop.losses.SoftmaxCrossEntropy;
import backprop.losses.Targets;
import backprop.matrix.Matrix;
import backprop.network.GradientCheck.ParameterReport;
import backprop.network.GradientCheck.Report;
import backprop.random.SplitMix64;
import backprop.testing.Random;
import org.junit.jupiter.api.Test;

/**
 * The documents' networks against numeric derivatives, every weight, bias and input entry, and along 8
 * random directions, at threshold 1e-7. Weights start at normal(1) rather than the documents' 0.01 so that
 * most gradients are of moderate size and pass by the relative rule; the few below what the difference
 * can resolve pass within its resolution δ.
 */
class NetworkGradientTest {

    private static final double THRESHOLD = 1e-7;

    private static Report check(Network net, double[][] x, double[][] y) {
        Report report = GradientCheck.network(net, x, y, THRESHOLD);
        assertThat(report.passed()).as(report.toString()).isTrue();
        int entries = report.parameters().stream().mapToInt(ParameterReport::entries).sum();
        int kinks = report.parameters().stream().mapToInt(ParameterReport::kinks).sum();
        int byResolution = report.parameters().stream().mapToInt(ParameterReport::passedByResolution).sum();
        assertThat(kinks).as("entries at a ReLU kink").isLessThan(entries / 20 + 1);
        assertThat(byResolution).as("entries passing only within δ").isLessThan(entries / 10 + 1);
        Report directional = GradientCheck.directional(net, x, y, THRESHOLD, 8, new SplitMix64(99));
        assertThat(directional.passed()).as(directional.toString()).isTrue();
        assertThat(directional.get(GradientCheck.ALL_PARAMETERS).maxRelativeError()).isLessThan(THRESHOLD);
        return report;
    }

    @Test
    void oneNetLogisticRegressionWithL2() {
        // document 004 OneNet: 2 → 1, sigmoid output, binary cross-entropy, L2 on the weights (AND table)
        Network net = Network.builder(2, new SplitMix64(1)).weights(Initializer.normal(1)).biases(Initializer.normal(1))
                .dense(1).sigmoid().loss(new BinaryCrossEntropy()).l2(1e-3).build();
        double[][] x = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        check(net, x, Targets.column(0, 0, 0, 1));
    }

    @Test
    void twoNetXor() {
        // document 004 TwoNet: 2-6-2, ReLU, softmax cross-entropy, L2 1e-3 (XOR inputs, nudged off 0 and 1)
        Network net = Network.builder(2, new SplitMix64(2)).weights(Initializer.normal(1)).biases(Initializer.normal(1))
                .dense(6).relu().dense(2).loss(new SoftmaxCrossEntropy()).l2(1e-3).build();
        double[][] x = {{0.1, 0.05}, {0.05, 0.9}, {0.95, 0.1}, {0.9, 0.95}};
        check(net, x, Targets.oneHot(new int[] {0, 1, 1, 0}, 2));
    }

    @Test
    void threeNetIrisShape() {
        // document 004 ThreeNet: 4-20-20-3, ReLU, softmax cross-entropy, L2 1e-3
        SplitMix64 r = new SplitMix64(3);
        Network net = Network.builder(4, r).weights(Initializer.normal(0.5)).biases(Initializer.normal(0.5))
                .dense(20).relu().dense(20).relu().dense(3).loss(new SoftmaxCrossEntropy()).l2(1e-3).build();
        double[][] x = Random.uniform(r, 8, 4, 2.0);
        check(net, x, Targets.oneHot(Random.labels(r, 8, 3), 3));
    }

    @Test
    void sineNetTanhWithLinearOutput() {
        // document 001 part 1: 1-H-1, tanh hidden, identity output, ½·mean squared error (H = 12 here)
        SplitMix64 r = new SplitMix64(4);
        Network net = Network.builder(1, r).weights(Initializer.normal(1)).biases(Initializer.normal(1))
                .dense(12).tanh().dense(1).identity().loss(new MeanSquaredError()).build();
        double[][] x = Matrix.map(Random.uniform(r, 10, 1, 1.0), v -> Math.PI * v);
        check(net, x, Matrix.map(x, Math::sin));
    }

    @Test
    void leakyReluNet() {
        // document 000's hidden activation: leaky ReLU with k = 0.3, softmax cross-entropy output
        SplitMix64 r = new SplitMix64(5);
        Network net = Network.builder(5, r).weights(Initializer.normal(1)).biases(Initializer.normal(1))
                .dense(8).leakyRelu(0.3).dense(6).leakyRelu(0.3).dense(3)
                .loss(new SoftmaxCrossEntropy()).l2(1e-3).build();
        double[][] x = Random.uniform(r, 6, 5, 1.0);
        check(net, x, Targets.oneHot(Random.labels(r, 6, 3), 3));
    }

    @Test
    void sigmoidHiddenWithSeparateSoftmaxAndCrossEntropy() {
        // document 002: sigmoid hidden layer, softmax output, cross-entropy (here as two separate steps)
        SplitMix64 r = new SplitMix64(6);
        Network net = Network.builder(6, r).weights(Initializer.normal(1)).biases(Initializer.normal(1))
                .dense(5).sigmoid().dense(4).softmax().loss(new CrossEntropy()).build();
        double[][] x = Random.uniform(r, 7, 6, 1.0);
        check(net, x, Targets.oneHot(Random.labels(r, 7, 4), 4));
    }

    @Test
    void nonFiniteInputsAreRefusedWithTheirPosition() {
        Network net = Network.builder(2, new SplitMix64(8)).dense(2).loss(new SoftmaxCrossEntropy()).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> net.predict(new double[][] {{1, 2}, {3, Double.NaN}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("network input has a non-finite entry NaN at row 1, column 1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> net.forward(new double[][] {{Double.POSITIVE_INFINITY, 0}}))
                .hasMessageContaining("at row 0, column 0");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> net.forward(new double[][] {{1, 2, 3}}))
                .hasMessage("network input is 1×3 but the network takes 2 columns per sample");
    }

    @Test
    void computeGradientsOverwritesRatherThanAccumulates() {
        SplitMix64 r = new SplitMix64(7);
        Network net = Network.builder(3, r).weights(Initializer.normal(1))
                .dense(4).relu().dense(2).loss(new SoftmaxCrossEntropy()).l2(0.1).build();
        double[][] x = Random.uniform(r, 5, 3, 1.0);
        double[][] y = Targets.oneHot(Random.labels(r, 5, 2), 2);
        double first = net.computeGradients(x, y);
        double[][] g1 = Matrix.copy(net.parameters().get(0).gradient());
        double second = net.computeGradients(x, y);
        assertThat(second).isEqualTo(first);
        assertThat(net.parameters().get(0).gradient()).isDeepEqualTo(g1);
    }
}
