package backprop.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MatrixTest {

    private static final double[][] A = {{1, 2, 3}, {4, 5, 6}};       // 2×3
    private static final double[][] B = {{7, 8}, {9, 10}, {11, 12}};  // 3×2

    @Test
    void multiplyMatchesHandComputation() {
        // [1 2 3; 4 5 6]·[7 8; 9 10; 11 12] = [1·7+2·9+3·11, 1·8+2·10+3·12; …] = [58 64; 139 154]
        assertThat(Matrix.multiply(A, B)).isDeepEqualTo(new double[][] {{58, 64}, {139, 154}});
    }

    @Test
    void transposedProductsNeverNeedTheTranspose() {
        // Aᵀ·A (3×3) and A·Aᵀ (2×2) against the explicit transpose, worked by hand:
        // A·Aᵀ = [1+4+9, 4+10+18; ., 16+25+36] = [14 32; 32 77]
        assertThat(Matrix.multiplyTransposeRight(A, A)).isDeepEqualTo(new double[][] {{14, 32}, {32, 77}});
        // Aᵀ·A row 0 = [1·1+4·4, 1·2+4·5, 1·3+4·6] = [17 22 27]
        assertThat(Matrix.multiplyTransposeLeft(A, A)[0]).containsExactly(17, 22, 27);
        assertThat(Matrix.multiplyTransposeLeft(A, A)).isDeepEqualTo(Matrix.multiply(Matrix.transpose(A), A));
    }

    @Test
    void shapeMismatchNamesBothShapes() {
        assertThatThrownBy(() -> Matrix.multiply(new double[4][3], new double[2][5]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("multiply: 4×3 · 2×5, inner dimensions 3 ≠ 2");
        assertThatThrownBy(() -> Matrix.multiplyTransposeLeft(new double[4][3], new double[2][5]))
                .hasMessageContaining("(4×3)ᵀ · 2×5").hasMessageContaining("4 ≠ 2");
        assertThatThrownBy(() -> Matrix.multiplyTransposeRight(new double[4][3], new double[2][5]))
                .hasMessageContaining("4×3 · (2×5)ᵀ").hasMessageContaining("3 ≠ 5");
        assertThatThrownBy(() -> Matrix.add(new double[2][2], new double[2][3]))
                .hasMessageContaining("add: 2×2 and 2×3");
        assertThatThrownBy(() -> Matrix.subtract(new double[1][2], new double[2][2]))
                .hasMessageContaining("subtract: 1×2 and 2×2");
        assertThatThrownBy(() -> Matrix.hadamard(new double[3][2], new double[2][3]))
                .hasMessageContaining("hadamard: 3×2 and 2×3");
        assertThatThrownBy(() -> Matrix.addRowVector(new double[3][2], new double[1][3]))
                .hasMessageContaining("3×2 + 1×3").hasMessageContaining("expected a 1×2 row vector");
    }

    @Test
    void raggedAndEmptyArraysAreRejected() {
        double[][] ragged = {{1, 2}, {3}};
        assertThatThrownBy(() -> Matrix.multiply(ragged, B))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ragged").hasMessageContaining("row 1 has 1");
        assertThatThrownBy(() -> Matrix.copy(new double[0][0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> Matrix.scale(2, null)).hasMessageContaining("null");
        assertThatThrownBy(() -> Matrix.zeros(0, 3)).hasMessageContaining("0×3");
        assertThat(Matrix.shape(ragged)).isEqualTo("ragged");
    }

    @Test
    void elementWiseRoutines() {
        double[][] x = {{1, -2}, {3, 4}};
        double[][] y = {{5, 6}, {-7, 8}};
        assertThat(Matrix.add(x, y)).isDeepEqualTo(new double[][] {{6, 4}, {-4, 12}});
        assertThat(Matrix.subtract(x, y)).isDeepEqualTo(new double[][] {{-4, -8}, {10, -4}});
        assertThat(Matrix.hadamard(x, y)).isDeepEqualTo(new double[][] {{5, -12}, {-21, 32}});
        assertThat(Matrix.scale(0.5, x)).isDeepEqualTo(new double[][] {{0.5, -1}, {1.5, 2}});
        assertThat(Matrix.map(x, Math::abs)).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
        double[][] z = Matrix.copy(x);
        Matrix.addScaledInPlace(z, -2, y);
        assertThat(z).isDeepEqualTo(new double[][] {{-9, -14}, {17, -12}});
        assertThat(x).isDeepEqualTo(new double[][] {{1, -2}, {3, 4}}); // inputs untouched
    }

    @Test
    void rowAndColumnRoutines() {
        // bias broadcast: [1 2 3; 4 5 6] + [10 20 30] on every row
        assertThat(Matrix.addRowVector(A, Matrix.row(10, 20, 30)))
                .isDeepEqualTo(new double[][] {{11, 22, 33}, {14, 25, 36}});
        assertThat(Matrix.columnSums(A)).isDeepEqualTo(new double[][] {{5, 7, 9}});
        assertThat(Matrix.rowMax(new double[][] {{-3, -1, -2}, {0, 7, 7}})).containsExactly(-1, 7);
        assertThat(Matrix.rowArgMax(new double[][] {{-3, -1, -2}, {0, 7, 7}})).containsExactly(1, 1);
    }

    @Test
    void equalityWithTolerance() {
        double[][] x = {{1, 2}};
        assertThat(Matrix.equals(x, new double[][] {{1 + 1e-10, 2}}, 1e-9)).isTrue();
        assertThat(Matrix.equals(x, new double[][] {{1 + 1e-8, 2}}, 1e-9)).isFalse();
        assertThat(Matrix.equals(x, new double[][] {{1}, {2}}, 1)).isFalse();
        assertThat(Matrix.equals(x, new double[][] {{Double.NaN, 2}}, 1)).isFalse();
        assertThat(Matrix.maxAbsDifference(x, new double[][] {{1.5, 1}})).isEqualTo(1.0);
    }

    @Test
    void theLargestDifferenceIsNaNWhereverANaNStands() {
        double[][] a = {{1, 2, 3}};
        assertThat(Matrix.maxAbsDifference(a, new double[][] {{1, 2.5, 3}})).isEqualTo(0.5);
        assertThat(Matrix.maxAbsDifference(a, new double[][] {{Double.NaN, 2, 3}})).isNaN();
        assertThat(Matrix.maxAbsDifference(a, new double[][] {{1, Double.NaN, 9}})).isNaN();
    }

    @Test
    void zerosAndCopiesAreIndependent() {
        double[][] z = Matrix.zeros(2, 3);
        assertThat(z).isDeepEqualTo(new double[2][3]);
        double[][] c = Matrix.copy(A);
        c[0][0] = 99;
        assertThat(A[0][0]).isEqualTo(1.0);
    }
}
