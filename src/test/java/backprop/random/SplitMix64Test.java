package backprop.random;

import static org.assertj.core.api.Assertions.assertThat;

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
}
