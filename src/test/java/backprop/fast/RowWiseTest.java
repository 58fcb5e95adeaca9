package backprop.fast;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.matrix.Matrix;
import backprop.random.SplitMix64;
import backprop.testing.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parallel passes of {@link RowWise} against the plain loops of {@link Matrix} they name: equal to the bit. */
class RowWiseTest {

    @AfterEach
    void restoreThreads() {
        RowPool.setThreads(Runtime.getRuntime().availableProcessors());
    }

    @ParameterizedTest(name = "{0}×{1} on {2} threads")
    @CsvSource({"1,1,1", "3,7,2", "784,200,1", "784,200,2", "784,200,3", "200,80,2", "1,5000,2"})
    void addScaledAndSumOfSquaresEqualThePlainLoops(int rows, int cols, int threads) {
        RowPool.setThreads(threads);
        SplitMix64 r = new SplitMix64(rows * 31L + cols);
        double[][] a = Random.uniform(r, rows, cols, 3.0);
        double[][] b = Random.uniform(r, rows, cols, 1.0);
        double[][] plain = Matrix.copy(a);
        double[][] fast = Matrix.copy(a);
        Matrix.addScaledInPlace(plain, -0.37, b);
        RowWise.addScaledInPlace(fast, -0.37, b);
        assertThat(fast).isDeepEqualTo(plain);
        assertThat(Double.doubleToRawLongBits(RowWise.sumOfSquares(a)))
                .isEqualTo(Double.doubleToRawLongBits(Matrix.sumOfSquares(a)));
    }
}
