package backprop.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SplitMix64Test {

    @Test
    void matchesThePublishedSequenceForSeedZero() {
        // The reference C implementation (Vigna's splitmix64.c) started at x = 0 prints these first words.
        SplitMix64 r = new SplitMix64(0);
        assertThat(r.nextLong()).isEqualTo(0xE220A8397B1DCDAFL);
        assertThat(r.nextLong()).isEqualTo(0x6E789E6AA1B965F4L);
        assertThat(r.nextLong()).isEqualTo(0x06C45D188009454FL);
    }

    @Test
    void sameSeedSameNumbersAndRangesHold() {
        SplitMix64 a = new SplitMix64(42);
        SplitMix64 b = new SplitMix64(42);
        for (int i = 0; i < 1000; i++) {
            double u = a.nextDouble();
            assertThat(u).isEqualTo(b.nextDouble()).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
            int k = a.nextInt(7);
            assertThat(k).isEqualTo(b.nextInt(7)).isBetween(0, 6);
            double g = a.nextGaussian();
            assertThat(g).isEqualTo(b.nextGaussian()).isFinite();
        }
    }

    @Test
    void gaussianDrawsHaveMeanZeroAndUnitVariance() {
        SplitMix64 r = new SplitMix64(7);
        int n = 200_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            double g = r.nextGaussian();
            sum += g;
            sumSq += g * g;
        }
        double mean = sum / n;
        double variance = sumSq / n - mean * mean;
        // Standard errors: 1/√n ≈ 0.0022 for the mean, √(2/n) ≈ 0.0032 for the variance; allow 5 of them.
        assertThat(mean).isBetween(-0.011, 0.011);
        assertThat(variance).isBetween(1 - 0.016, 1 + 0.016);
    }

    @Test
    void permutationHoldsEveryIndexOnce() {
        int[] p = new SplitMix64(3).permutation(100);
        assertThat(p).hasSize(100);
        assertThat(java.util.Arrays.stream(p).sorted().toArray())
                .isEqualTo(java.util.stream.IntStream.range(0, 100).toArray());
        assertThat(p).isNotEqualTo(java.util.stream.IntStream.range(0, 100).toArray());
    }

    @Test
    void firstNormalIsThePolarMethodOnThePublishedWords() {
        // seed 0's first two words (above) give u and v; s = u² + v² < 1, so the first pair is kept
        double u = 2 * ((0xE220A8397B1DCDAFL >>> 11) * 0x1.0p-53) - 1;
        double v = 2 * ((0x6E789E6AA1B965F4L >>> 11) * 0x1.0p-53) - 1;
        double s = u * u + v * v;
        assertThat(s).isBetween(0.0, 1.0);
        double withStrictLog = u * Math.sqrt(-2 * StrictMath.log(s) / s);
        double drawn = new SplitMix64(0).nextGaussian();
        assertThat(Math.abs(drawn - withStrictLog)).isLessThanOrEqualTo(Math.ulp(withStrictLog));
    }

    @Test
    void normalsStayWithinAFewUlpsOfThePolarMethodWithStrictMathLog() {
        SplitMix64 ours = new SplitMix64(5);
        SplitMix64 uniforms = new SplitMix64(5);
        double worst = 0;
        int differ = 0;
        for (int i = 0; i < 100_000; i++) {
            double g = ours.nextGaussian();
            double h;
            while (true) {
                double u = 2 * uniforms.nextDouble() - 1;
                double v = 2 * uniforms.nextDouble() - 1;
                double s = u * u + v * v;
                if (s > 0 && s < 1) {
                    h = u * Math.sqrt(-2 * StrictMath.log(s) / s);
                    break;
                }
            }
            if (g != h) {
                differ++;
                worst = Math.max(worst, Math.abs(g - h) / Math.ulp(h));
            }
        }
        // the same uniforms are used (the generators stay in step) and only ln differs, by at most 1 ulp
        assertThat(ours.nextLong()).isEqualTo(uniforms.nextLong());
        assertThat(worst).isLessThanOrEqualTo(4.0);
        assertThat(differ).isLessThan(1000);
    }

    @Test
    void gaussianTailsMatchTheNormalDistribution() {
        SplitMix64 r = new SplitMix64(8);
        int n = 400_000;
        int beyond1 = 0;
        int beyond2 = 0;
        int beyond3 = 0;
        double fourth = 0;
        for (int i = 0; i < n; i++) {
            double g = Math.abs(r.nextGaussian());
            beyond1 += g > 1 ? 1 : 0;
            beyond2 += g > 2 ? 1 : 0;
            beyond3 += g > 3 ? 1 : 0;
            fourth += g * g * g * g;
        }
        // P(|x| > k) for the standard normal, and five standard errors √(p(1 − p)/n) around each
        assertThat((double) beyond1 / n).isCloseTo(0.3173105, org.assertj.core.data.Offset.offset(5 * 7.4e-4));
        assertThat((double) beyond2 / n).isCloseTo(0.0455003, org.assertj.core.data.Offset.offset(5 * 3.3e-4));
        assertThat((double) beyond3 / n).isCloseTo(0.0026998, org.assertj.core.data.Offset.offset(5 * 8.2e-5));
        // E[x⁴] = 3, with standard error √(96/n) ≈ 0.0155
        assertThat(fourth / n).isCloseTo(3.0, org.assertj.core.data.Offset.offset(5 * 0.0155));
    }

    /** Calls into Math or StrictMath other than the correctly rounded sqrt and the exact floor. */
    static List<String> platformMathCalls(String code) {
        Matcher m = Pattern.compile("\\b(?:Strict)?Math\\.(\\w+)\\s*\\(").matcher(code);
        List<String> calls = new ArrayList<>();
        while (m.find()) {
            if (!Set.of("sqrt", "floor").contains(m.group(1))) {
                calls.add(m.group());
            }
        }
        return calls;
    }

    @Test
    void theGeneratorCallsNoPlatformMathBeyondSqrtAndFloor() throws IOException {
        for (String file : List.of("SplitMix64.java", "Logarithm.java")) {
            String code = Files.readString(Path.of("src/main/java/backprop/random", file))
                    .replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
            assertThat(platformMathCalls(code)).as(file).isEmpty();
        }
        // the check sees the calls the generator used to make
        assertThat(platformMathCalls("StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * x)"))
                .containsExactly("StrictMath.log(", "StrictMath.cos(");
    }
}
