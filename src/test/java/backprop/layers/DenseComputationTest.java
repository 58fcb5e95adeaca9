package backprop.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backprop.losses.SoftmaxCrossEntropy;
import backprop.matrix.Matrix;
import backprop.network.Network;
import backprop.random.SplitMix64;
import backprop.testing.Random;
import org.junit.jupiter.api.Test;

/** A plain Dense computes the Matrix expressions exactly; a fast one agrees with it to rounding. */
class DenseComputationTest {

    private static final int D = 150;
    private static final int H = 40;
    private static final int N = 12;

    private static Dense layer(Computation c) {
        Dense d = new Dense("dense1", D, H, Initializer.normal(0.1), Initializer.normal(0.1), new SplitMix64(4));
        d.setComputation(c);
        return d;
    }

    @Test
    void plainIsTheMatrixExpressionsToTheBit() {
        double[][] x = Random.sparse(new SplitMix64(1), N, D, 0.5);
        double[][] g = Random.uniform(new SplitMix64(2), N, H, 1.0);
        Dense plain = layer(Computation.PLAIN);
        double[][] w = plain.weights().value();
        double[][] b = plain.bias().value();
        assertThat(plain.forward(x)).isEqualTo(Matrix.addRowVector(Matrix.multiply(x, w), b));
        assertThat(plain.backward(g)).isEqualTo(Matrix.multiplyTransposeRight(g, w));
        assertThat(plain.weights().gradient()).isEqualTo(Matrix.multiplyTransposeLeft(x, g));
        assertThat(plain.bias().gradient()).isEqualTo(Matrix.columnSums(g));
    }

    @Test
    void fastAgreesWithPlainToRoundingButNotToTheBit() {
        double[][] x = Random.sparse(new SplitMix64(1), N, D, 0.5);
        double[][] g = Random.uniform(new SplitMix64(2), N, H, 1.0);
        Dense plain = layer(Computation.PLAIN);
        Dense fast = layer(Computation.FAST);
        double[][] zPlain = Matrix.copy(plain.forward(x));
        double[][] zFast = Matrix.copy(fast.forward(x));
        double[][] dxPlain = Matrix.copy(plain.backward(g));
        double[][] dxFast = Matrix.copy(fast.backward(g));
        assertThat(Matrix.maxAbsDifference(zPlain, zFast)).isLessThan(1e-13);
        assertThat(Matrix.maxAbsDifference(dxPlain, dxFast)).isLessThan(1e-13);
        assertThat(Matrix.maxAbsDifference(plain.weights().gradient(), fast.weights().gradient())).isLessThan(1e-13);
        // the sums are grouped differently, so the exact comparison above would catch a plain layer
        // that quietly ran the fast products
        assertThat(zPlain).isNotEqualTo(zFast);
        assertThat(dxPlain).isNotEqualTo(dxFast);
    }

    @Test
    void aBackwardFollowsItsForwardAndTheNetworkSwitchesEveryDense() {
        Network net = Network.builder(D, new SplitMix64(3)).computation(Computation.PLAIN).dense(H).relu().dense(3)
                .loss(new SoftmaxCrossEntropy()).build();
        for (Layer l : net.layers()) {
            if (l instanceof Dense d) {
                assertThat(d.computation()).isEqualTo(Computation.PLAIN);
            }
        }
        net.setComputation(Computation.FAST);
        assertThat(((Dense) net.layers().get(2)).computation()).isEqualTo(Computation.FAST);

        double[][] x = Random.sparse(new SplitMix64(1), N, D, 0.5);
        double[][] g = Random.uniform(new SplitMix64(2), N, H, 1.0);
        Dense d = layer(Computation.PLAIN);
        d.forward(x);
        d.setComputation(Computation.FAST);           // switched between forward and backward
        assertThat(d.backward(g)).isEqualTo(Matrix.multiplyTransposeRight(g, d.weights().value()));
        assertThatThrownBy(() -> d.setComputation(null)).hasMessageContaining("expected FAST or PLAIN");
    }
}
