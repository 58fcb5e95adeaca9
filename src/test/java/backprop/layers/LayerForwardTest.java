package backprop.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import backprop.random.SplitMix64;
import org.junit.jupiter.api.Test;

/** Forward values of every layer on a 2×2 example worked out by hand in the comments. */
class LayerForwardTest {

    private static final double[][] Z = {{0.0, 1.0}, {-2.0, 3.0}};

    @Test
    void dense() {
        Dense dense = new Dense("dense1", 2, 2, Initializer.zeros(), Initializer.zeros(), new SplitMix64(1));
        double[][] w = dense.weights().value();
        w[0][0] = 1; w[0][1] = 2;   // W = [1 2; 3 4]
        w[1][0] = 3; w[1][1] = 4;
        dense.bias().value()[0][0] = 0.5;  // b = [0.5 −1]
        dense.bias().value()[0][1] = -1;
        // X·W + b: row [0 1] → [3 4] + b = [3.5 3]; row [−2 3] → [−2+9, −4+12] + b = [7.5 7]
        assertThat(dense.forward(Z)).isDeepEqualTo(new double[][] {{3.5, 3}, {7.5, 7}});
    }

    @Test
    void sigmoid() {
        // σ(0) = 0.5, σ(1) = 1/(1+e⁻¹) = 0.7310585786, σ(−2) = 0.1192029220, σ(3) = 0.9525741268
        double[][] y = new Sigmoid("s").forward(Z);
        assertThat(y[0][0]).isEqualTo(0.5);
        assertThat(y[0][1]).isCloseTo(0.7310585786300049, within(1e-15));
        assertThat(y[1][0]).isCloseTo(0.11920292202211755, within(1e-15));
        assertThat(y[1][1]).isCloseTo(0.9525741268224334, within(1e-15));
    }

    @Test
    void sigmoidSaturatesWithoutOverflow() {
        double[][] y = new Sigmoid("s").forward(new double[][] {{-800, 800}});
        assertThat(y[0]).containsExactly(0.0, 1.0);
    }

    @Test
    void tanh() {
        // tanh(1) = 0.7615941559557649, tanh(−2) = −0.9640275800758169, tanh(3) = 0.9950547536867305
        double[][] y = new Tanh("t").forward(Z);
        assertThat(y[0][0]).isEqualTo(0.0);
        assertThat(y[0][1]).isCloseTo(0.7615941559557649, within(1e-15));
        assertThat(y[1][0]).isCloseTo(-0.9640275800758169, within(1e-15));
        assertThat(y[1][1]).isCloseTo(0.9950547536867305, within(1e-15));
    }

    @Test
    void reluAndItsDerivativeAtZero() {
        ReLU relu = new ReLU("r");
        // max(0, z): [0 1; 0 3]
        assertThat(relu.forward(Z)).isDeepEqualTo(new double[][] {{0, 1}, {0, 3}});
        // derivative 1(z > 0): at z = 0 it is 0, so the upstream 5 at (0,0) is dropped
        assertThat(relu.backward(new double[][] {{5, 5}, {5, 5}})).isDeepEqualTo(new double[][] {{0, 5}, {0, 5}});
    }

    @Test
    void leakyRelu() {
        LeakyReLU leaky = new LeakyReLU("l", 0.3);
        // z where z > 0, 0.3·z elsewhere: [0 1; −0.6 3]
        assertThat(leaky.forward(Z)).isDeepEqualTo(new double[][] {{0, 1}, {0.3 * -2.0, 3}});
        // derivative 1 or 0.3 (z = 0 takes the slope 0.3)
        assertThat(leaky.backward(new double[][] {{1, 1}, {1, 1}})).isDeepEqualTo(new double[][] {{0.3, 1}, {0.3, 1}});
    }

    @Test
    void identity() {
        assertThat(new Identity("i").forward(Z)).isDeepEqualTo(Z);
    }

    @Test
    void softmax() {
        // row [0 1]: e⁰/(e⁰+e¹) = 1/(1+e) = 0.2689414213699951, and 0.7310585786300049
        // row [−2 3]: 1/(1+e⁵) = 0.0066928509242848554, and 0.9933071490757153
        double[][] y = new Softmax("s").forward(Z);
        assertThat(y[0][0]).isCloseTo(0.2689414213699951, within(1e-15));
        assertThat(y[0][1]).isCloseTo(0.7310585786300049, within(1e-15));
        assertThat(y[1][0]).isCloseTo(0.0066928509242848554, within(1e-15));
        assertThat(y[1][1]).isCloseTo(0.9933071490757153, within(1e-15));
    }

    @Test
    void softmaxIsStableForHugeLogits() {
        double[][] y = new Softmax("s").forward(new double[][] {{1000, 1000, -1000}});
        assertThat(y[0]).containsExactly(0.5, 0.5, 0.0);
    }

    @Test
    void softmaxBackwardIsTheFullJacobian() {
        // One row y = [0.25 0.75] (from z = [0, ln 3]) and upstream g = [1 0]: the Jacobian's first row is
        // [y1(1−y1), −y1·y2] = [0.1875, −0.1875], so dz = [0.1875 −0.1875].
        Softmax s = new Softmax("s");
        s.forward(new double[][] {{0, Math.log(3)}});
        double[][] dz = s.backward(new double[][] {{1, 0}});
        assertThat(dz[0][0]).isCloseTo(0.1875, within(1e-15));
        assertThat(dz[0][1]).isCloseTo(-0.1875, within(1e-15));
    }
}
