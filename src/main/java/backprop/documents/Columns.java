package backprop.documents;

import backprop.matrix.Matrix;

/**
 * The column-major steps of documents 000, 002 and 003 as plain loops. They keep one sample per column, so
 * a bias is a column added to every column and a bias gradient sums along each row, which {@link Matrix}
 * has no routine for; and their products W·X and Wᵀ·dZ read X and dZ down columns, which the plain
 * {@link Matrix#multiply} loop does slowly on 784×128 inputs, so {@link #times} and {@link #transposeTimes}
 * add the same terms in the same order with the loops turned to read rows.
 */
final class Columns {

    private Columns() {
    }

    /**
     * A·B, the sums of {@link Matrix#multiply} in the same order, so the same numbers to the last bit:
     * {@code c[i][j] = Σ_p a[i][p]·b[p][j]}, p from 0 up. The loops run i, p, j so that B is read a row at
     * a time, which the column-major products (W·X with X p×n) need to be quick.
     *
     * @param a the n×k matrix A
     * @param b the k×m matrix B
     * @return the n×m product
     */
    static double[][] times(double[][] a, double[][] b) {
        Matrix.checkRectangular(a, "times: left operand");
        Matrix.checkRectangular(b, "times: right operand");
        if (a[0].length != b.length) {
            throw new IllegalArgumentException("times: " + Matrix.shape(a) + " · " + Matrix.shape(b)
                    + ", inner dimensions " + a[0].length + " ≠ " + b.length);
        }
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            double[] ci = c[i];
            for (int p = 0; p < b.length; p++) {
                double aip = a[i][p];
                double[] bp = b[p];
                for (int j = 0; j < ci.length; j++) {
                    ci[j] += aip * bp[j];
                }
            }
        }
        return c;
    }

    /**
     * Aᵀ·B, the sums of {@link Matrix#multiplyTransposeLeft} in the same order, so the same numbers:
     * {@code c[i][j] = Σ_p a[p][i]·b[p][j]}, p from 0 up, with A and B read a row at a time.
     *
     * @param a the k×n matrix A
     * @param b the k×m matrix B
     * @return the n×m product
     */
    static double[][] transposeTimes(double[][] a, double[][] b) {
        Matrix.checkRectangular(a, "transposeTimes: left operand");
        Matrix.checkRectangular(b, "transposeTimes: right operand");
        if (a.length != b.length) {
            throw new IllegalArgumentException("transposeTimes: (" + Matrix.shape(a) + ")ᵀ · " + Matrix.shape(b)
                    + ", inner dimensions " + a.length + " ≠ " + b.length);
        }
        double[][] c = new double[a[0].length][b[0].length];
        for (int p = 0; p < a.length; p++) {
            double[] ap = a[p];
            double[] bp = b[p];
            for (int i = 0; i < ap.length; i++) {
                double api = ap[i];
                double[] ci = c[i];
                for (int j = 0; j < bp.length; j++) {
                    ci[j] += api * bp[j];
                }
            }
        }
        return c;
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
     * {@code x[:, from:to]}: the columns from {@code from} up to, not including, {@code to}.
     *
     * @param x    the p×n matrix
     * @param from the first column
     * @param to   one past the last column
     * @return a new p×(to − from) matrix
     */
    static double[][] slice(double[][] x, int from, int to) {
        double[][] c = new double[x.length][to - from];
        for (int i = 0; i < x.length; i++) {
            System.arraycopy(x[i], from, c[i], 0, to - from);
        }
        return c;
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
        double[][] x = Matrix.transpose(rows);
        return divisor == 1 ? x : Matrix.map(x, v -> v / divisor);
    }
}
