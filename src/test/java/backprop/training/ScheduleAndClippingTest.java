package backprop.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import backprop.layers.Parameter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleAndClippingTest {

    /** Document 001's schedule: 5e-4, then 5e-5 below a loss of 0.05, then 1e-5 below 0.03. */
    private static final LearningRateSchedule DOCUMENT_001 = LearningRateSchedule.stepOnLoss(5e-4,
            new double[] {0.05, 0.03}, new double[] {5e-5, 1e-5});

    /** The document's own chain, for comparison: `if loss < 0.05 … elif loss < 0.03 …`. */
    private static double document001ElifChain(double loss) {
        if (loss < 0.05) {
            return 5e-5;
        } else if (loss < 0.03) {
            return 1e-5;   // unreachable: every loss below 0.03 is below 0.05 and took the first branch
        }
        return 5e-4;
    }

    @Test
    void stepOnLossTakesTheSmallestThresholdPassed() {
        assertThat(DOCUMENT_001.rate(1, Double.POSITIVE_INFINITY)).isEqualTo(5e-4);
        assertThat(DOCUMENT_001.rate(5, 0.06)).isEqualTo(5e-4);
        assertThat(DOCUMENT_001.rate(9, 0.04)).isEqualTo(5e-5);
        assertThat(DOCUMENT_001.rate(12, 0.02)).isEqualTo(1e-5);
        // the document's chain never gets there
        assertThat(document001ElifChain(0.02)).isEqualTo(5e-5);
    }

    @Test
    void stepOnLossNeedsDecreasingThresholds() {
        assertThatThrownBy(() -> LearningRateSchedule.stepOnLoss(1, new double[] {0.03, 0.05}, new double[] {1, 1}))
                .hasMessageContaining("strictly decreasing").hasMessageContaining("0.03 is followed by 0.05");
        assertThatThrownBy(() -> LearningRateSchedule.stepOnLoss(1, new double[] {0.03}, new double[] {}))
                .hasMessageContaining("1 thresholds but 0 rates");
    }

    @Test
    void stepDecayHalvesEveryTwoEpochs() {
        LearningRateSchedule s = LearningRateSchedule.stepDecay(0.8, 0.5, 2);
        assertThat(new double[] {s.rate(1, 0), s.rate(2, 0), s.rate(3, 0), s.rate(4, 0), s.rate(5, 0)})
                .containsExactly(0.8, 0.8, 0.4, 0.4, 0.2);
        assertThat(LearningRateSchedule.constant(0.3).rate(100, 0)).isEqualTo(0.3);
        assertThatThrownBy(() -> LearningRateSchedule.constant(-1)).hasMessageContaining("learning rate -1");
    }

    private static Parameter withGradient(double... g) {
        Parameter p = new Parameter("p", new double[1][g.length], true);
        System.arraycopy(g, 0, p.gradient()[0], 0, g.length);
        return p;
    }

    @Test
    void valueClippingLimitsEveryEntry() {
        Parameter p = withGradient(25, -0.5, -11, 10);
        GradientClipping.value(10).clip(List.of(p));
        assertThat(p.gradient()[0]).containsExactly(10, -0.5, -10, 10);
    }

    @Test
    void normClippingRescalesAllParametersTogether() {
        // joint norm of [3, 0] and [4] is 5; clipped to 1 every entry is divided by 5
        Parameter a = withGradient(3, 0);
        Parameter b = withGradient(4);
        GradientClipping.globalNorm(1).clip(List.of(a, b));
        assertThat(a.gradient()[0][0]).isCloseTo(0.6, within(1e-15));
        assertThat(b.gradient()[0][0]).isCloseTo(0.8, within(1e-15));
        // below the limit nothing changes
        Parameter c = withGradient(0.3, 0.4);
        GradientClipping.globalNorm(1).clip(List.of(c));
        assertThat(c.gradient()[0]).containsExactly(0.3, 0.4);
        // and no clipping is the default
        assertThat(TrainingSettings.of(1, 0.1).clipping()).isSameAs(GradientClipping.NONE);
    }
}
