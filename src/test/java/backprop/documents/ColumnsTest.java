package backprop.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backprop.matrix.Matrix;
import backprop.random.SplitMix64;
import org.junit.jupiter.api.Test;

/** The plain helpers of the transcriptions, against the Matrix routines they stand for. */
class ColumnsTest {

    @Test
    void productsAreMatrixsSumsToTheLastBit() {
        SplitMix64 r = new SplitMix64(5001);
        for (int[] s : new int[][] {{1, 1, 1}, {3, 5, 2}, {7, 1, 9}, {16, 33, 5}}) {
            double[][] a = Same.uniform(r, s[0], s[1], 3.0);
            double[][] b = Same.uniform(r, s[1], s[2], 3.0);
            double[][] at = Same.uniform(r, s[1], s[0], 3.0);
            assertThat(Columns.times(a, b)).isDeepEqualTo(Matrix.multiply(a, b));
            assertThat(Columns.transposeTimes(at, b)).isDeepEqualTo(Matrix.multiplyTransposeLeft(at, b));
        }
        assertThatThrownBy(() -> Columns.times(new double[2][3], new double[2][3]))
                .hasMessageContaining("2×3 · 2×3, inner dimensions 3 ≠ 2");
    }

    @Test
    void columnHelpersBroadcastAndSumAlongRows() {
        double[][] m = {{1, 2, 3}, {4, 5, 6}};
        assertThat(Columns.plusColumn(m, new double[][] {{10}, {20}})).isDeepEqualTo(
                new double[][] {{11, 12, 13}, {24, 25, 26}});
        assertThat(Columns.rowSums(m)).isDeepEqualTo(new double[][] {{6}, {15}});
        assertThat(Columns.slice(m, 1, 3)).isDeepEqualTo(new double[][] {{2, 3}, {5, 6}});
        assertThatThrownBy(() -> Columns.plusColumn(m, new double[][] {{1, 2}}))
                .hasMessageContaining("expected 2×1 but got 1×2");
        // a column's softmax, shifted or not, is the same distribution where nothing overflows
        double[][] z = {{1, -2}, {3, 0.5}};
        double[][] shifted = Columns.softmax(z, false);
        assertThat(Matrix.maxAbsDifference(shifted, Columns.softmax(z, true))).isLessThan(1e-15);
        assertThat(shifted[0][0] + shifted[1][0]).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(shifted[0][0]).isCloseTo(Math.exp(1) / (Math.exp(1) + Math.exp(3)),
                org.assertj.core.api.Assertions.within(1e-15));
    }

    @Test
    void broadcastRepeatsADimensionOfOne() {
        double[][] column = {{1}, {2}, {3}};
        double[][] row = {{10, 20}};
        assertThat(Broadcast.plus(column, row)).isDeepEqualTo(new double[][] {{11, 21}, {12, 22}, {13, 23}});
        assertThat(Broadcast.minus(row, new double[][] {{1}})).isDeepEqualTo(new double[][] {{9, 19}});
        assertThatThrownBy(() -> Broadcast.plus(new double[2][3], new double[3][2]))
                .hasMessageContaining("2×3 and 3×2 do not broadcast");
    }
}
