package backprop.documents;

import backprop.matrix.Matrix;

/**
 * The few column-major steps that {@link Matrix} has no routine for, as plain loops: documents 000, 002 and
 * 003 keep one sample per column, so a bias is a column added to every column and a bias gradient sums
 * along each row.
 */
final class Columns {

    private Columns() {
    }

    /**
     * M + b·1ᵀ: the p×1 column b added to every column of the p×n matrix M (numpy's broadcast).
     *
     * @param m the p×n matrix M
     * @param b the p×1 column b
     * @return a new p×n matrix
     */
    static double[][] plusColumn(double[][] m, double[][] b) {
        Matrix.checkShape(b, Matrix.rows(m), 1, "bias column for a " + Matrix.shape(m) + " matrix");
        double[][] c = new double[m.length][m[0].length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                c[i][j] = m[i][j] + b[i][0];
            }
        }
        return c;
    }

    /**
     * M·1: the p×1 column of row sums of the p×n matrix M ({@code np.sum(M, axis=1, keepdims=True)}),
     * each row added left to right.
     *
     * @param m the p×n matrix M
     * @return a new p×1 column
     */
    static double[][] rowSums(double[][] m) {
        Matrix.checkRectangular(m, "rowSums");
        double[][] s = new double[m.length][1];
        for (int i = 0; i < m.length; i++) {
            double sum = 0;
            for (double v : m[i]) {
                sum += v;
            }
            s[i][0] = sum;
        }
        return s;
    }

    /**
     * The column-wise softmax of Z: each column mapped to e^{z_j} / Σ_i e^{z_i}, shifted by the column's
     * maximum first unless {@code unshifted}.
     *
     * @param z         the k×n matrix Z, one sample per column
     * @param unshifted true to take e^z as the documents' listings do (it overflows above z ≈ 709.78)
     * @return a new k×n matrix of column distributions
     */
    static double[][] softmax(double[][] z, boolean unshifted) {
        Matrix.checkRectangular(z, "softmax");
        int k = z.length;
        int n = z[0].length;
        double[][] y = new double[k][n];
        for (int j = 0; j < n; j++) {
            double max = z[0][j];
            for (int i = 1; i < k; i++) {
                max = Math.max(max, z[i][j]);
            }
            double shift = unshifted ? 0 : max;
            double sum = 0;
            for (int i = 0; i < k; i++) {
                y[i][j] = Math.exp(z[i][j] - shift);
                sum += y[i][j];
            }
            for (int i = 0; i < k; i++) {
                y[i][j] /= sum;
            }
        }
        return y;
    }

    /**
     * −(1/n)·Σ_i Σ_j y_ij·ln softmax(z)_ij taken from the logits, ln p = (z − m) − ln Σ e^{z − m} with m the
     * column maximum: finite for any finite logits (the library's {@code SoftmaxCrossEntropy}, by columns).
     *
     * @param z the k×n logits, one sample per column
     * @param y the k×n one-hot targets
     * @return the mean cross-entropy
     */
    static double crossEntropyOfLogits(double[][] z, double[][] y) {
        int k = z.length;
        int n = z[0].length;
        double sum = 0;
        for (int j = 0; j < n; j++) {
            double max = z[0][j];
            for (int i = 1; i < k; i++) {
                max = Math.max(max, z[i][j]);
            }
            double norm = 0;
            for (int i = 0; i < k; i++) {
                norm += Math.exp(z[i][j] - max);
            }
            double logNorm = Math.log(norm);
            for (int i = 0; i < k; i++) {
                if (y[i][j] != 0) {
                    sum += y[i][j] * (z[i][j] - max - logNorm);
                }
            }
        }
        return -sum / n;
    }

    /**
     * A − s·B as a new matrix: the update {@code W - step*dW} of the listings.
     *
     * @param a the matrix A
     * @param s the step s
     * @param b the matrix B, the shape of A
     * @return A − s·B
     */
    static double[][] minusScaled(double[][] a, double s, double[][] b) {
        return Matrix.subtract(a, Matrix.scale(s, b));
    }

    /**
     * The pixels of N images, one image per row as the readers give them, as the p×N matrix X of one
     * image per column, each pixel divided by {@code divisor}.
     *
     * @param rows    the N×p pixels
     * @param divisor 1 for raw pixels, 255 for pixels in [0, 1]
     * @return the p×N matrix X
     */
    static double[][] imagesAsColumns(double[][] rows, double divisor) {
        return Matrix.scale(1.0 / divisor, Matrix.transpose(rows));
    }
}
