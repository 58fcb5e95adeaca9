package backprop.report;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.random.SplitMix64;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TicksTest {

    @Test
    void aLossFrom0_38To2_06StepsByTwoTenths() {
        // 306 px at 28 px or more per tick: at most 10 intervals; 0.1 would need 18, 0.2 needs 10
        Ticks t = Ticks.linear(0.3793, 2.062, false, 306, 28, 0);
        assertThat(t.values()).containsExactly(0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.4, 1.6, 1.8, 2.0, 2.2);
        assertThat(t.labels()).containsExactly("0.2", "0.4", "0.6", "0.8", "1.0", "1.2", "1.4", "1.6", "1.8",
                "2.0", "2.2");
        assertThat(t.low()).isEqualTo(0.2);
        assertThat(t.high()).isEqualTo(2.2);
    }

    @Test
    void epochsFallOnWholeNumbers() {
        assertThat(Ticks.linear(1, 10, true, 560, 44, 12).labels()).containsExactly("1", "2", "3", "4", "5", "6",
                "7", "8", "9", "10");
        assertThat(Ticks.linear(1, 3, true, 560, 44, 12).labels()).containsExactly("1", "2", "3");
        assertThat(Ticks.linear(1, 1, true, 560, 44, 12).labels()).containsExactly("0", "1", "2");
        // 10 intervals of 1,000: "10,000" is 42 px wide at 12 px, under the 56 px between ticks
        assertThat(Ticks.linear(1, 10_000, true, 560, 44, 12).labels()).containsExactly("0", "1,000", "2,000",
                "3,000", "4,000", "5,000", "6,000", "7,000", "8,000", "9,000", "10,000");
        // the same axis in 200 px: labels need more room than ticks, so the step grows to 5,000
        assertThat(Ticks.linear(1, 10_000, true, 200, 44, 12).labels()).containsExactly("0", "5,000", "10,000");
    }

    @Test
    void negativeAndTinyValues() {
        assertThat(Ticks.linear(-Math.PI, Math.PI, false, 556, 44, 12).labels()).containsExactly("-4", "-3", "-2",
                "-1", "0", "1", "2", "3", "4");
        assertThat(Ticks.linear(-1, 1, false, 306, 28, 0).labels()).containsExactly("-1.0", "-0.8", "-0.6", "-0.4",
                "-0.2", "0.0", "0.2", "0.4", "0.6", "0.8", "1.0");
        assertThat(Ticks.linear(1.5e-7, 3.5e-7, false, 306, 28, 0).labels()).containsExactly("1.5×10⁻⁷", "2×10⁻⁷",
                "2.5×10⁻⁷", "3×10⁻⁷", "3.5×10⁻⁷");
    }

    @Test
    void logAxesMarkDecadesOrOneTwoFive() {
        Ticks decades = Ticks.log(1.7e-5, 0.17, 306, 28);
        assertThat(decades.log()).isTrue();
        assertThat(decades.values()).containsExactly(1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1.0);
        assertThat(decades.labels()).containsExactly("10⁻⁵", "10⁻⁴", "10⁻³", "10⁻²", "10⁻¹", "10⁰");
        Ticks short125 = Ticks.log(0.03, 0.8, 306, 28);
        assertThat(short125.labels()).containsExactly("0.02", "0.05", "0.1", "0.2", "0.5", "1");
        assertThat(short125.fraction(0.1)).isCloseTo(Math.log10(5) / Math.log10(50), org.assertj.core.data.Offset.offset(1e-12));
        Ticks plainDecades = Ticks.log(0.002, 40, 306, 28);
        assertThat(plainDecades.labels()).containsExactly("0.001", "0.01", "0.1", "1", "10", "100");
    }

    /** Any data: ticks are whole multiples of a 1-2-5 step, the axis encloses the data and ends on ticks. */
    @Test
    void randomRangesAlwaysGiveOneTwoFiveStepsAroundTheData() {
        SplitMix64 random = new SplitMix64(13);
        for (int trial = 0; trial < 2000; trial++) {
            double scale = Math.pow(10, 12 * random.nextDouble() - 6);
            double a = (random.nextDouble() * 2 - 1) * scale;
            double b = a + random.nextDouble() * scale;
            boolean integers = trial % 3 == 0;
            if (integers) {
                a = Math.floor(Math.abs(a) * 1e3 % 5000);
                b = a + Math.floor(random.nextDouble() * 20_000);
            }
            double length = 150 + 500 * random.nextDouble();
            Ticks t = Ticks.linear(a, b, integers, length, 30, trial % 2 == 0 ? 12 : 0);
            double[] v = t.values();
            assertThat(v.length).as("%s..%s", a, b).isGreaterThanOrEqualTo(2);
            assertThat(v.length - 1).isLessThanOrEqualTo((int) (length / 30));
            assertThat(v[0]).isLessThanOrEqualTo(a);
            assertThat(v[v.length - 1]).isGreaterThanOrEqualTo(b);
            BigDecimal step = BigDecimal.valueOf(v[1]).subtract(BigDecimal.valueOf(v[0]));
            BigDecimal mantissa = step.scaleByPowerOfTen(-(step.precision() - step.scale() - 1)).stripTrailingZeros();
            assertThat(mantissa.toPlainString()).as("step %s for %s..%s", step, a, b).isIn("1", "2", "5");
            if (integers) {
                assertThat(step.compareTo(BigDecimal.ONE)).isGreaterThanOrEqualTo(0);
            }
            for (int i = 1; i < v.length; i++) {
                assertThat(BigDecimal.valueOf(v[i]).subtract(BigDecimal.valueOf(v[i - 1])).compareTo(step))
                        .as("even steps").isZero();
            }
            assertThat(t.labels()).doesNotHaveDuplicates();
        }
    }
}
