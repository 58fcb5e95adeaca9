package backprop.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backprop.matrix.Matrix;
import backprop.random.SplitMix64;
import backprop.testing.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fast products against the plain loops of {@link Matrix}, which are their specification. */
class ProductsTest {

    @AfterEach
    void restoreThreads() {
        RowPool.setThreads(Runtime.getRuntime().availableProcessors());
    }

    /** Summing in another order moves a product of k terms of size ≤ 1 by at most about k·ε. */
    private static double tolerance(int k) {
        return 4 * k * Math.ulp(1.0);
    }

    @ParameterizedTest(name = "{0}×{1} · {1}×{2}, zeros {3}")
    @CsvSource({"1,1,1,0", "1,7,1,0", "3,5,2,0.5", "17,33,9,0.9", "64,784,200,0.81", "5,4,3,1.0",
        "256,200,80,0.5", "31,65,129,0.0"})
    void allThreeProductsMatchTheSpecification(int n, int k, int m, double zeros) {
        SplitMix64 r = new SplitMix64(n * 1000L + k * 10L + m);
        double[][] a = Random.sparse(r, n, k, zeros);
        double[][] b = Random.uniform(r, k, m, 1.0);
        double[][] c = new double[n][m];
        Products.multiplyInto(a, b, c);
        assertThat(Matrix.maxAbsDifference(c, Matrix.multiply(a, b))).isLessThanOrEqualTo(tolerance(k));

        double[][] at = Matrix.transpose(a); // k×n, for Aᵀ·B with the same a
        double[][] b2 = Random.uniform(r, k, m, 1.0);
        double[][] c2 = new double[n][m];
        Products.multiplyTransposeLeftInto(at, b2, c2);
        assertThat(Matrix.maxAbsDifference(c2, Matrix.multiplyTransposeLeft(at, b2)))
                .isLessThanOrEqualTo(tolerance(k));

        double[][] b3 = Random.uniform(r, m, k, 1.0);
        double[][] c3 = new double[n][m];
        Products.multiplyTransposeRightInto(a, b3, c3);
        assertThat(Matrix.maxAbsDifference(c3, Matrix.multiplyTransposeRight(a, b3)))
                .isLessThanOrEqualTo(tolerance(k));
    }

    @Test
    void resultsAreBitIdenticalForAnyThreadCount() {
        SplitMix64 r = new SplitMix64(5);
        double[][] a = Random.sparse(r, 256, 784, 0.8);
        double[][] b = Random.uniform(r, 784, 200, 1.0);
        double[][] g = Random.uniform(r, 256, 200, 1.0);
        double[][][] one = products(1, a, b, g);
        double[][][] two = products(2, a, b, g);
        double[][][] three = products(3, a, b, g);
        for (int p = 0; p < 3; p++) {
            assertThat(two[p]).isDeepEqualTo(one[p]);
            assertThat(three[p]).isDeepEqualTo(one[p]);
        }
    }

    private static double[][][] products(int threads, double[][] a, double[][] b, double[][] g) {
        RowPool.setThreads(threads);
        double[][] ab = new double[256][200];
        double[][] atg = new double[784][200];
        double[][] gbt = new double[256][784];
        Products.multiplyInto(a, b, ab);
        Products.multiplyTransposeLeftInto(a, g, atg);
        Products.multiplyTransposeRightInto(g, b, gbt);
        return new double[][][] {ab, atg, gbt};
    }

    @Test
    void outputOfTheWrongShapeIsRejected() {
        assertThatThrownBy(() -> Products.multiplyInto(new double[2][3], new double[3][4], new double[2][5]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 2×4 but got 2×5");
        assertThatThrownBy(() -> Products.multiplyInto(new double[2][3], new double[2][4], new double[2][4]))
                .hasMessageContaining("2×3 · 2×4, inner dimensions 3 ≠ 2");
    }

    @Test
    void multiplyAddRowStartsEveryRowFromTheRowVector() {
        SplitMix64 r = new SplitMix64(8);
        double[][] a = Random.sparse(r, 37, 50, 0.7);
        double[][] b = Random.uniform(r, 50, 13, 1.0);
        double[][] bias = Random.uniform(r, 1, 13, 1.0);
        double[][] c = new double[37][13];
        Products.multiplyAddRowInto(SparseRows.of(a), b, bias[0], c);
        double[][] expected = Matrix.addRowVector(Matrix.multiply(a, b), bias);
        assertThat(Matrix.maxAbsDifference(c, expected)).isLessThanOrEqualTo(tolerance(51));
        assertThatThrownBy(() -> Products.multiplyAddRowInto(SparseRows.of(a), b, new double[12], c))
                .hasMessageContaining("a row of 12 added to 37×13 products");
    }

    @Test
    void aFailingRowRangeReportsItsException() {
        RowPool.setThreads(2);
        assertThatThrownBy(() -> RowPool.forRows(100, 1L << 30, (from, to) -> {
            if (from > 0) {
                throw new IllegalStateException("range from " + from + " failed");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("range from ")
                .hasMessageEndingWith(" failed");
        // and the pool still works afterwards
        int[] seen = new int[100];
        RowPool.forRows(100, 1L << 30, (from, to) -> {
            for (int i = from; i < to; i++) {
                seen[i]++;
            }
        });
        assertThat(seen).containsOnly(1);
    }

    @Test
    void outputIsOverwrittenNotAccumulated() {
        double[][] a = {{1, 2}};
        double[][] b = {{3}, {4}};
        double[][] c = {{100}};
        Products.multiplyInto(a, b, c);
        assertThat(c[0][0]).isEqualTo(11.0);
    }
}
