package backprop.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import backprop.layers.Parameter;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Each optimiser on f(θ) = ½·Σ a_i·(θ_i − c_i)², whose minimum θ = c is known, and one step of each
 * worked by hand.
 */
class OptimizerTest {

    private static final double[] A = {1.0, 4.0, 0.25};
    private static final double[] C = {3.0, -2.0, 0.5};

    private static double[] minimise(Optimizer optimizer, double rate, int steps) {
        Parameter theta = new Parameter("theta", new double[][] {{0, 0, 0}}, true);
        for (int s = 0; s < steps; s++) {
            for (int i = 0; i < 3; i++) {
                theta.gradient()[0][i] = A[i] * (theta.value()[0][i] - C[i]);   // ∂f/∂θ_i
            }
            optimizer.step(List.of(theta), rate);
        }
        return theta.value()[0];
    }

    @Test
    void sgdMomentumAndAdamReachTheKnownMinimum() {
        List<Supplier<Optimizer>> optimizers = List.of(Sgd::new, () -> new Momentum(0.9), Adam::new);
        double[] rates = {0.2, 0.05, 0.05};
        for (int k = 0; k < optimizers.size(); k++) {
            double[] theta = minimise(optimizers.get(k).get(), rates[k], 3000);
            for (int i = 0; i < 3; i++) {
                assertThat(theta[i]).as(optimizers.get(k).get().describe() + " θ" + i).isCloseTo(C[i], within(1e-6));
            }
        }
    }

    @Test
    void oneStepOfEachByHand() {
        // θ = 0, so g = a·(0 − c) = [−3, 8, −0.125]
        // sgd, η = 0.1: θ = −η·g = [0.3, −0.8, 0.0125]
        assertThat(minimise(new Sgd(), 0.1, 1)).containsExactly(0.30000000000000004, -0.8, 0.0125);
        // momentum: v = −η·g (v starts at 0), the same first step
        assertThat(minimise(new Momentum(0.9), 0.1, 1)).containsExactly(0.30000000000000004, -0.8, 0.0125);
        // adam: m̂ = g, v̂ = g², so the first step is −η·g/(|g| + ε) ≈ −η·sign(g)
        double[] adam = minimise(new Adam(), 0.1, 1);
        assertThat(adam[0]).isCloseTo(0.1, within(1e-8));
        assertThat(adam[1]).isCloseTo(-0.1, within(1e-8));
        assertThat(adam[2]).isCloseTo(0.1, within(1e-7));
    }

    @Test
    void momentumSecondStepUsesTheVelocity() {
        // one parameter, a = 1, c = 0, θ0 = 1, η = 0.1, μ = 0.5
        // step 1: g = 1,   v = −0.1,                 θ = 0.9
        // step 2: g = 0.9, v = 0.5·(−0.1) − 0.09 = −0.14, θ = 0.76
        Parameter p = new Parameter("p", new double[][] {{1.0}}, true);
        Momentum m = new Momentum(0.5);
        for (int s = 0; s < 2; s++) {
            p.gradient()[0][0] = p.value()[0][0];
            m.step(List.of(p), 0.1);
        }
        assertThat(p.value()[0][0]).isCloseTo(0.76, within(1e-15));
    }

    @Test
    void anOptimiserBelongsToOneNetwork() {
        Sgd unused = new Sgd();
        unused.step(List.of(), 0.1);
        Momentum m = new Momentum(0.9);
        m.step(List.of(new Parameter("a", new double[1][1], true)), 0.1);
        assertThatThrownBy(() -> m.step(List.of(new Parameter("b", new double[1][1], true)), 0.1))
                .hasMessageContaining("make a new optimiser for each network");
        assertThatThrownBy(() -> new Momentum(1.0)).hasMessageContaining("μ = 1.0");
    }
}
