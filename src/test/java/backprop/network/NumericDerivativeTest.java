package backprop.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import backprop.layers.Kinked;
import backprop.random.SplitMix64;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** The extrapolated difference on functions whose derivatives are known exactly. */
class NumericDerivativeTest {

    /** φ(t) = g(θ + t), one number moved, watched by {@code kinks} (which may read {@code value}). */
    private static NumericDerivative derivative(DoubleUnaryOperator g, double theta, double[] value, KinkWatch kinks) {
        value[0] = theta;
        Probe probe = new Probe() {
            @Override
            public void moveTo(double t) {
                value[0] = theta + t;
            }

            @Override
            public void restore() {
                value[0] = theta;
            }
        };
        g.applyAsDouble(theta);
        kinks.markTheta();
        NumericDerivative d = NumericDerivative.along(probe, () -> g.applyAsDouble(value[0]), kinks);
        assertThat(value[0]).isEqualTo(theta);
        return d;
    }

    private static NumericDerivative derivative(DoubleUnaryOperator g, double theta) {
        return derivative(g, theta, new double[1], new KinkWatch(List.of()));
    }

    @Test
    void theExtrapolationCancelsTheSquareTermAndLeavesTheFourthPower() {
        // t³ at 0: D(h) = h², D(2h) = 4h², R(h) = (4h² − 4h²)/3 = 0 exactly
        NumericDerivative cubic = derivative(t -> t * t * t, 0.0);
        assertThat(cubic.centred()).isEqualTo(cubic.step() * cubic.step());
        assertThat(cubic.value()).isZero();
        // t⁵ at 0: D(h) = h⁴ = φ⁽⁵⁾h⁴/120, and R(h) = (4h⁴ − 16h⁴)/3 = −4h⁴ = −φ⁽⁵⁾h⁴/30
        NumericDerivative quintic = derivative(t -> t * t * t * t * t, 0.0);
        double h4 = Math.pow(quintic.step(), 4);
        assertThat(quintic.centred()).isCloseTo(h4, within(1e-14 * h4));
        assertThat(quintic.centredAtDoubleStep()).isCloseTo(16 * h4, within(1e-14 * h4));
        assertThat(quintic.value()).isCloseTo(-4 * h4, within(1e-14 * h4));
    }

    @Test
    void smoothFunctionsOfOrderOneAreResolvedTo1e11() {
        check(Math::exp, 0.3, Math.exp(0.3));
        check(t -> Math.sin(3 * t), 1.1, 3 * Math.cos(3.3));
        check(Math::log, 2.0, 0.5);
        check(t -> 1 / (1 + t * t), 0.7, -2 * 0.7 / Math.pow(1 + 0.49, 2));
        check(t -> Math.tanh(5 * t), 0.2, 5 / Math.pow(Math.cosh(1.0), 2));
    }

    private static void check(DoubleUnaryOperator g, double theta, double exact) {
        NumericDerivative d = derivative(g, theta);
        assertThat(d.value()).isCloseTo(exact, within(1e-11 * Math.abs(exact)));
        assertThat(Math.abs(d.value() - exact)).isLessThanOrEqualTo(d.resolution());
        assertThat(d.resolution()).isLessThan(1e-11 * Math.abs(exact));
    }

    @Test
    void aTinySlopeBesideALargeValueTakesALargerStep() {
        // 1.8 + 2e-9·θ + 1e-12·θ³ at 0.5: at the first step 2^-6 the last bits of 1.8 alone blur the slope by 1e-5
        NumericDerivative d = derivative(t -> 1.8 + 2e-9 * t + 1e-12 * t * t * t, 0.5);
        double exact = 2e-9 + 3e-12 * 0.25;
        assertThat(d.step()).isGreaterThan(NumericDerivative.FIRST_STEP);
        assertThat(d.value()).isCloseTo(exact, within(1e-7 * exact));
        assertThat(Math.abs(d.value() - exact)).isLessThanOrEqualTo(d.resolution());
        // a slope that is 0 is not chased: 1.8 + 1e-3·θ² at 0
        NumericDerivative flat = derivative(t -> 1.8 + 1e-3 * t * t, 0.0);
        assertThat(flat.step()).isEqualTo(NumericDerivative.FIRST_STEP);
        assertThat(Math.abs(flat.value())).isLessThanOrEqualTo(flat.resolution());
    }

    /**
     * f(θ) = Σ cᵢ·sin(wᵢθ + pᵢ) over 2,000 terms carries rounding noise far above one unit in its last place,
     * as a network's loss does; δ must still cover the error of the estimate.
     */
    @Test
    void theResolutionCoversTheErrorOfANoisySum() {
        SplitMix64 r = new SplitMix64(41);
        int terms = 2000;
        double[] c = new double[terms];
        double[] w = new double[terms];
        double[] p = new double[terms];
        for (int i = 0; i < terms; i++) {
            c[i] = 2 * r.nextDouble() - 1;
            w[i] = 6 * r.nextDouble() - 3;
            p[i] = 7 * r.nextDouble();
        }
        DoubleUnaryOperator f = t -> {
            double s = 0;
            for (int i = 0; i < terms; i++) {
                s += c[i] * Math.sin(w[i] * t + p[i]);
            }
            return s;
        };
        int trials = 100;
        int beyond = 0;
        double worstRatio = 0;
        double worstRelative = 0;
        for (int k = 0; k < trials; k++) {
            double theta = 4 * r.nextDouble() - 2;
            double exact = 0;
            for (int i = 0; i < terms; i++) {
                exact += c[i] * w[i] * Math.cos(w[i] * theta + p[i]);
            }
            NumericDerivative d = derivative(f, theta);
            double ratio = Math.abs(d.value() - exact) / d.resolution();
            beyond += ratio > 1 ? 1 : 0;
            worstRatio = Math.max(worstRatio, ratio);
            worstRelative = Math.max(worstRelative, Math.abs(d.value() - exact) / Math.abs(exact));
        }
        // measured over 1,000 trials: none beyond δ, the closest at 0.84·δ
        assertThat(beyond).as("estimates further than δ from the derivative").isLessThanOrEqualTo(1);
        assertThat(worstRatio).isLessThan(1.5);
        assertThat(worstRelative).isLessThan(1e-8);
    }

    @Test
    void aStepThatCrossesAKinkIsNotUsed() {
        double[] value = new double[1];
        Kinked sign = () -> new boolean[] {value[0] > 0};
        KinkWatch kinks = new KinkWatch(List.of(sign));
        DoubleUnaryOperator abs = t -> Math.abs(t) + t * t;
        // at 0 every step straddles the kink of |t|
        assertThat(derivative(abs, 0.0, value, kinks)).isNull();
        // at 1e-3 the steps from 2^-6 to 2^-11 straddle it (θ − 2h < 0), smaller ones do not
        NumericDerivative near = derivative(abs, 1e-3, value, kinks);
        assertThat(2 * near.step()).isLessThan(1e-3);
        assertThat(near.value()).isCloseTo(1 + 2e-3, within(1e-12));
    }
}
