package backprop.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LogarithmTest {

    /** The largest distance between ln and StrictMath.log over a sample, in ulps of StrictMath's result. */
    private static double worstUlps(double[] coefficients) {
        SplitMix64 r = new SplitMix64(11);
        double worst = 0;
        for (int i = 0; i < 300_000; i++) {
            double x = switch (i % 4) {
                case 0 -> 1.0 - r.nextDouble();                          // (0, 1]: where the Gaussian uses it
                case 1 -> StrictMath.exp(-745 * r.nextDouble());          // down to the subnormals
                case 2 -> 1.0 + (r.nextDouble() - 0.5) * 1e-3;            // near 1, where ln x is small
                default -> StrictMath.exp(700 * r.nextDouble());          // large arguments
            };
            double want = StrictMath.log(x);
            double got = Logarithm.ln(x, coefficients);
            worst = Math.max(worst, want == got ? 0 : Math.abs(got - want) / Math.ulp(want));
        }
        return worst;
    }

    @Test
    void withinOneUlpOfStrictMath() {
        assertThat(worstUlps(Logarithm.coefficients())).isLessThanOrEqualTo(1.0);
    }

    @Test
    void theCheckCatchesAShortSeriesAndAWrongCoefficient() {
        double[] short8 = Arrays.copyOf(Logarithm.coefficients(), 8);   // stops after z^8/17
        assertThat(worstUlps(short8)).isGreaterThan(2.0);
        double[] wrong = Logarithm.coefficients();
        wrong[2] = 1.0 / 9;                                             // 1/9 where 1/7 belongs
        assertThat(worstUlps(wrong)).isGreaterThan(1000.0);
    }

    @Test
    void exactWhereTheAnswerIsKnown() {
        assertThat(Logarithm.ln(1.0)).isEqualTo(0.0);
        assertThat(Logarithm.ln(2.0)).isEqualTo(0.6931471805599453);    // ln 2 rounded to the nearest double
        assertThat(Logarithm.ln(0.5)).isEqualTo(-0.6931471805599453);
        assertThat(Logarithm.ln(Math.E)).isEqualTo(1.0);
        assertThat(Logarithm.ln(Double.MIN_VALUE)).isEqualTo(StrictMath.log(Double.MIN_VALUE));
        assertThat(Logarithm.ln(Double.MAX_VALUE)).isEqualTo(StrictMath.log(Double.MAX_VALUE));
    }

    @Test
    void theConstantsAreWhatTheCommentsSay() {
        assertThat(Logarithm.SQRT_HALF).isEqualTo(Math.sqrt(0.5));
        assertThat(Logarithm.SQRT_TWO).isEqualTo(2 * Logarithm.SQRT_HALF);
        assertThat(Logarithm.LN2_HI + Logarithm.LN2_LO).isEqualTo(0.6931471805599453);
        long significand = Double.doubleToRawLongBits(Logarithm.LN2_HI) & 0xFFFFFFFFFFFFFL;
        assertThat(Long.numberOfTrailingZeros(significand)).isGreaterThanOrEqualTo(20);   // e·LN2_HI exact for |e| < 2^20
        double[] c = Logarithm.coefficients();
        assertThat(c).hasSize(10);
        for (int k = 1; k <= 10; k++) {
            assertThat(c[k - 1]).as("C" + k).isEqualTo(1.0 / (2 * k + 1));
        }
    }

    @Test
    void refusesWhatHasNoLogarithm() {
        for (double bad : new double[] {0.0, -0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> Logarithm.ln(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("expected a positive finite number");
        }
    }
}
