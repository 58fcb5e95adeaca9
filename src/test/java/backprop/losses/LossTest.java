package backprop.losses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import backprop.layers.Sigmoid;
import backprop.layers.Softmax;
import backprop.matrix.Matrix;
import backprop.network.GradientCheck.Report;
import backprop.network.GradientCheck;
import backprop.random.SplitMix64;
import backprop.testing.Random;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LossTest {

    // ------------------------------------------------------------ values worked by hand

    @Test
    void meanSquaredErrorValue() {
        // ŷ − y = [1 −2; 0 3]: ½·mean(1+4+0+9) = ½·14/4 = 1.75; gradient (ŷ − y)/4
        LossValue v = new MeanSquaredError().evaluate(new double[][] {{2, 0}, {1, 3}}, new double[][] {{1, 2}, {1, 0}});
        assertThat(v.value()).isEqualTo(1.75);
        assertThat(v.gradient()).isDeepEqualTo(new double[][] {{0.25, -0.5}, {0, 0.75}});
    }

    @Test
    void binaryCrossEntropyValue() {
        // −½·[ln 0.8 + ln(1 − 0.4)] = −½·(−0.22314355131421 − 0.51082562376599) = 0.36698458754010
        LossValue v = new BinaryCrossEntropy().evaluate(Targets.column(0.8, 0.4), Targets.column(1, 0));
        assertThat(v.value()).isCloseTo(0.36698458754010, within(1e-13));
        // ∂/∂h = −(1/N)(y/h − (1−y)/(1−h)): −½·1/0.8 = −0.625 and ½·1/0.6 = 0.8333…
        assertThat(v.gradient()[0][0]).isCloseTo(-0.625, within(1e-15));
        assertThat(v.gradient()[1][0]).isCloseTo(1 / 1.2, within(1e-15));
    }

    @Test
    void crossEntropyValue() {
        // −½·(ln 0.5 + ln 0.25) = ½·(0.6931471806 + 1.3862943611) = 1.0397207708
        LossValue v = new CrossEntropy().evaluate(new double[][] {{0.5, 0.5}, {0.75, 0.25}},
                Targets.oneHot(new int[] {0, 1}, 2));
        assertThat(v.value()).isCloseTo(1.0397207708399179, within(1e-14));
        // −y/(N·ŷ): −1/(2·0.5) = −1 and −1/(2·0.25) = −2, zeros elsewhere
        assertThat(v.gradient()).isDeepEqualTo(new double[][] {{-1, 0}, {0, -2}});
    }

    @Test
    void softmaxCrossEntropyValue() {
        // logits [0, ln 3]: p = [0.25, 0.75]; class 1: loss −ln 0.75 = 0.2876820725, gradient p − y = [0.25 −0.25]
        LossValue v = new SoftmaxCrossEntropy().evaluate(new double[][] {{0, Math.log(3)}},
                Targets.oneHot(new int[] {1}, 2));
        assertThat(v.value()).isCloseTo(0.2876820724517809, within(1e-15));
        assertThat(v.gradient()[0][0]).isCloseTo(0.25, within(1e-15));
        assertThat(v.gradient()[0][1]).isCloseTo(-0.25, within(1e-15));
    }

    @Test
    void sigmoidBinaryCrossEntropyValue() {
        // z = 0: h = 0.5, loss ln 2 = 0.6931471806 for either target; gradient (h − y)/N
        LossValue v = new SigmoidBinaryCrossEntropy().evaluate(Targets.column(0, 0), Targets.column(1, 0));
        assertThat(v.value()).isCloseTo(Math.log(2), within(1e-15));
        assertThat(v.gradient()).isDeepEqualTo(new double[][] {{-0.25}, {0.25}});
    }

    @Test
    void l2PenaltyValueAndGradientSkipBiases() {
        backprop.layers.Parameter w = new backprop.layers.Parameter("d.W", new double[][] {{1, -2}}, true);
        backprop.layers.Parameter b = new backprop.layers.Parameter("d.b", new double[][] {{5}}, false);
        L2Penalty penalty = new L2Penalty(0.1);
        // ½·0.1·(1 + 4) = 0.25; the bias 5 is not penalised
        assertThat(penalty.value(List.of(w, b))).isCloseTo(0.25, within(1e-16));
        penalty.addGradients(List.of(w, b));
        assertThat(w.gradient()[0]).containsExactly(0.1, -0.2);
        assertThat(b.gradient()[0]).containsExactly(0.0);
        assertThatThrownBy(() -> new L2Penalty(-1)).hasMessageContaining("λ = -1");
    }

    // ------------------------------------------------------------ gradient checks

    @ParameterizedTest(name = "N={0} K={1} seed={2}")
    @CsvSource({"1,1,1", "1,3,2", "4,2,3", "9,5,4"})
    void everyLossPassesTheGradientCheck(int n, int k, long seed) {
        SplitMix64 r = new SplitMix64(seed);
        double[][] logits = Random.uniform(r, n, k, 2.0);
        double[][] probs = Matrix.map(Random.uniform(r, n, k, 1.0), v -> 0.5 + 0.4 * v); // in [0.1, 0.9]
        double[][] binary = Matrix.map(Random.uniform(r, n, k, 1.0), v -> v < 0 ? 0.0 : 1.0);
        double[][] oneHot = Targets.oneHot(Random.labels(r, n, k), k);
        double[][] softmaxOut = new double[n][k];
        for (int i = 0; i < n; i++) {
            Softmax.softmaxRow(Random.uniform(r, 1, k, 1.0)[0], softmaxOut[i]);
        }
        assertPasses(GradientCheck.loss(new MeanSquaredError(), logits, Random.uniform(r, n, k, 1), 1e-7));
        assertPasses(GradientCheck.loss(new BinaryCrossEntropy(), probs, binary, 1e-7));
        assertPasses(GradientCheck.loss(new SigmoidBinaryCrossEntropy(), logits, binary, 1e-7));
        assertPasses(GradientCheck.loss(new SoftmaxCrossEntropy(), logits, oneHot, 1e-7));
        assertPasses(GradientCheck.loss(new CrossEntropy(), softmaxOut, oneHot, 1e-7));
    }

    private static void assertPasses(Report report) {
        assertThat(report.passed()).as(report.toString()).isTrue();
    }

    // ------------------------------------------------------------ the fused losses equal their two-step forms

    @Test
    void softmaxThenCrossEntropyEqualsSoftmaxCrossEntropyAtTheLogits() {
        SplitMix64 r = new SplitMix64(11);
        double[][] z = Random.uniform(r, 6, 4, 3.0);
        double[][] y = Targets.oneHot(Random.labels(r, 6, 4), 4);
        Softmax softmax = new Softmax("softmax");
        LossValue twoStep = new CrossEntropy().evaluate(softmax.forward(z), y);
        double[][] viaJacobian = softmax.backward(twoStep.gradient());
        LossValue fused = new SoftmaxCrossEntropy().evaluate(z, y);
        assertThat(Matrix.maxAbsDifference(viaJacobian, fused.gradient())).isLessThanOrEqualTo(1e-12);
        assertThat(twoStep.value()).isCloseTo(fused.value(), within(1e-12));
    }

    @Test
    void sigmoidThenBinaryCrossEntropyEqualsSigmoidBinaryCrossEntropyAtTheLogits() {
        SplitMix64 r = new SplitMix64(12);
        double[][] z = Random.uniform(r, 5, 3, 3.0);
        double[][] y = Matrix.map(Random.uniform(r, 5, 3, 1.0), v -> v < 0 ? 0.0 : 1.0);
        Sigmoid sigmoid = new Sigmoid("sigmoid");
        LossValue twoStep = new BinaryCrossEntropy().evaluate(sigmoid.forward(z), y);
        double[][] viaDerivative = sigmoid.backward(twoStep.gradient());
        LossValue fused = new SigmoidBinaryCrossEntropy().evaluate(z, y);
        assertThat(Matrix.maxAbsDifference(viaDerivative, fused.gradient())).isLessThanOrEqualTo(1e-12);
        assertThat(twoStep.value()).isCloseTo(fused.value(), within(1e-12));
    }

    // ------------------------------------------------------------ extreme inputs stay finite

    @Test
    void extremeInputsGiveFiniteLossesAndGradients() {
        double[][] logits = {{800, -800}, {-800, 800}};
        double[][] y = Targets.oneHot(new int[] {1, 1}, 2);
        assertFinite(new SoftmaxCrossEntropy().evaluate(logits, y));
        assertThat(new SoftmaxCrossEntropy().evaluate(logits, y).value()).isCloseTo(800.0, within(1e-9));
        assertFinite(new SigmoidBinaryCrossEntropy().evaluate(logits, new double[][] {{0, 1}, {1, 0}}));
        assertThat(new SigmoidBinaryCrossEntropy().evaluate(Targets.column(-800), Targets.column(1)).value())
                .isCloseTo(800.0, within(1e-9));
        double[][] probs = {{0.0, 1.0}, {1.0, 0.0}};
        assertFinite(new CrossEntropy().evaluate(probs, y));
        assertFinite(new BinaryCrossEntropy().evaluate(probs, new double[][] {{1, 0}, {0, 1}}));
    }

    private static void assertFinite(LossValue v) {
        assertThat(v.value()).isFinite();
        for (double[] row : v.gradient()) {
            for (double g : row) {
                assertThat(g).isFinite();
            }
        }
    }

    // ------------------------------------------------------------ shapes and targets

    @Test
    void everyLossNamesItselfAndBothShapesOnAMismatch() {
        List<Loss> losses = List.of(new MeanSquaredError(), new BinaryCrossEntropy(), new CrossEntropy(),
                new SoftmaxCrossEntropy(), new SigmoidBinaryCrossEntropy());
        for (Loss loss : losses) {
            assertThatThrownBy(() -> loss.evaluate(new double[4][3], new double[4][2]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(loss.getClass().getSimpleName() + ": input is 4×3 but target is 4×2; they must have the same shape");
        }
    }

    @Test
    void targetsThatAreNotOneHotAreExplained() {
        assertThatThrownBy(() -> new SoftmaxCrossEntropy().evaluate(new double[1][2], new double[][] {{1, 1}}))
                .hasMessageContaining("target row 0 sums to 2.0");
        assertThatThrownBy(() -> Targets.oneHot(new int[] {0, 3}, 3))
                .hasMessageContaining("label 3 at row 1 is outside 0..2");
        assertThatThrownBy(() -> new BinaryCrossEntropy().evaluate(new double[1][1], new double[][] {{2}}))
                .hasMessageContaining("outside [0, 1]");
    }
}
