package backprop.matrix;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * Matrix routines on plain {@code double[][]}, row-major: {@code a[i][j]} is row i, column j, and in a
 * data matrix every row is one sample.
 *
 * <p>Every routine checks its arguments: a ragged array (rows of different lengths), an empty matrix or
 * mismatched shapes throw {@link IllegalArgumentException} with both shapes in the message, for example
 * {@code "multiply: 4×3 · 2×5, inner dimensions 3 ≠ 2"}. Routines that return a matrix allocate a new one;
 * the {@code ...Into} variants write into a caller's matrix so that a training loop can reuse its buffers.
 *
 * <p>This class is the specification: every routine is the plain, serial loop of its definition. The
 * package {@code backprop.fast} computes the same products and passes faster ({@code Products},
 * {@code RowWise}); the tests hold each fast routine against the plain one it names.
 */
public final class Matrix {

    private Matrix() {
    }

    // ---------------------------------------------------------------- shapes

    /**
     * Number of rows, after checking that {@code a} is a non-empty rectangular matrix.
     *
     * @param a the matrix
     * @return n, the number of rows
     */
    public static int rows(double[][] a) {
        checkRectangular(a, "matrix");
        return a.length;
    }

    /**
     * Number of columns, after checking that {@code a} is a non-empty rectangular matrix.
     *
     * @param a the matrix
     * @return m, the number of columns
     */
    public static int cols(double[][] a) {
        checkRectangular(a, "matrix");
        return a[0].length;
    }

    /**
     * The shape as text, "rows×cols", for messages; "null" or "ragged" where there is no shape.
     *
     * @param a the matrix, or {@code null}
     * @return "rows×cols", "0×0" for no rows, "null" or "ragged"
     */
    public static String shape(double[][] a) {
        if (a == null) {
            return "null";
        }
        if (a.length == 0) {
            return "0×0";
        }
        if (a[0] == null) {
            return "ragged";
        }
        for (double[] row : a) {
            if (row == null || row.length != a[0].length) {
                return "ragged";
            }
        }
        return a.length + "×" + a[0].length;
    }

    /**
     * Throws unless {@code a} has at least one row, at least one column and all rows of one length.
     *
     * @param a    the matrix to check
     * @param what names the matrix in the message, e.g. "multiply: left operand"
     */
    public static void checkRectangular(double[][] a, String what) {
        if (a == null) {
            throw new IllegalArgumentException(what + " is null; expected a rectangular double[][]");
        }
        if (a.length == 0 || a[0] == null || a[0].length == 0) {
            throw new IllegalArgumentException(what + " is empty; expected at least one row and one column");
        }
        int cols = a[0].length;
        for (int i = 1; i < a.length; i++) {
            if (a[i] == null || a[i].length != cols) {
                throw new IllegalArgumentException(what + " is ragged: row 0 has " + cols + " columns but row "
                        + i + " has " + (a[i] == null ? "none (null)" : a[i].length + "")
                        + "; every row must have the same length");
            }
        }
    }

    /**
     * Throws unless {@code a} is {@code rows×cols}.
     *
     * @param a    the matrix to check
     * @param rows the expected number of rows
     * @param cols the expected number of columns
     * @param what names the matrix in the message
     */
    public static void checkShape(double[][] a, int rows, int cols, String what) {
        checkRectangular(a, what);
        if (a.length != rows || a[0].length != cols) {
            throw new IllegalArgumentException(what + ": expected " + rows + "×" + cols + " but got " + shape(a));
        }
    }

    private static void checkSameShape(String op, double[][] a, double[][] b) {
        checkRectangular(a, op + ": left operand");
        checkRectangular(b, op + ": right operand");
        if (a.length != b.length || a[0].length != b[0].length) {
            throw new IllegalArgumentException(op + ": " + shape(a) + " and " + shape(b)
                    + ", shapes must be equal");
        }
    }

    // ---------------------------------------------------------------- creation

    /**
     * A {@code rows×cols} matrix of zeros.
     *
     * @param rows the number of rows, ≥ 1
     * @param cols the number of columns, ≥ 1
     * @return a new {@code rows×cols} matrix of zeros
     */
    public static double[][] zeros(int rows, int cols) {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("zeros: " + rows + "×" + cols + ", both sizes must be positive");
        }
        return new double[rows][cols];
    }

    /**
     * A deep copy.
     *
     * @param a the matrix to copy
     * @return a new matrix with the same entries, sharing no rows with {@code a}
     */
    public static double[][] copy(double[][] a) {
        checkRectangular(a, "copy");
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /**
     * Copies {@code from} into {@code to}, which must have the same shape.
     *
     * @param from the source
     * @param to   the destination, overwritten
     */
    public static void copyInto(double[][] from, double[][] to) {
        checkSameShape("copyInto", from, to);
        for (int i = 0; i < from.length; i++) {
            System.arraycopy(from[i], 0, to[i], 0, from[i].length);
        }
    }

    /**
     * A 1×n row vector holding {@code values}.
     *
     * @param values the entries, copied
     * @return a new 1×n matrix
     */
    public static double[][] row(double... values) {
        double[][] r = {values.clone()};
        checkRectangular(r, "row");
        return r;
    }

    // ---------------------------------------------------------------- products (specification)

    /**
     * C = A·B, with A n×k and B k×m: {@code c[i][j] = Σ_p a[i][p]·b[p][j]}.
     *
     * @param a the n×k left operand A
     * @param b the k×m right operand B
     * @return the n×m product C
     */
    public static double[][] multiply(double[][] a, double[][] b) {
        checkRectangular(a, "multiply: left operand");
        checkRectangular(b, "multiply: right operand");
        if (a[0].length != b.length) {
            throw new IllegalArgumentException("multiply: " + shape(a) + " · " + shape(b)
                    + ", inner dimensions " + a[0].length + " ≠ " + b.length);
        }
        int n = a.length;
        int k = b.length;
        int m = b[0].length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[i][p] * b[p][j];
                }
                c[i][j] = s;
            }
        }
        return c;
    }

    /**
     * C = Aᵀ·B without forming Aᵀ, with A k×n and B k×m: {@code c[i][j] = Σ_p a[p][i]·b[p][j]}.
     *
     * @param a the k×n matrix A
     * @param b the k×m matrix B
     * @return the n×m product C
     */
    public static double[][] multiplyTransposeLeft(double[][] a, double[][] b) {
        checkRectangular(a, "multiplyTransposeLeft: left operand");
        checkRectangular(b, "multiplyTransposeLeft: right operand");
        if (a.length != b.length) {
            throw new IllegalArgumentException("multiplyTransposeLeft: (" + shape(a) + ")ᵀ · " + shape(b)
                    + ", inner dimensions " + a.length + " ≠ " + b.length);
        }
        int k = a.length;
        int n = a[0].length;
        int m = b[0].length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[p][i] * b[p][j];
                }
                c[i][j] = s;
            }
        }
        return c;
    }

    /**
     * C = A·Bᵀ without forming Bᵀ, with A n×k and B m×k: {@code c[i][j] = Σ_p a[i][p]·b[j][p]}.
     *
     * @param a the n×k matrix A
     * @param b the m×k matrix B
     * @return the n×m product C
     */
    public static double[][] multiplyTransposeRight(double[][] a, double[][] b) {
        checkRectangular(a, "multiplyTransposeRight: left operand");
        checkRectangular(b, "multiplyTransposeRight: right operand");
        if (a[0].length != b[0].length) {
            throw new IllegalArgumentException("multiplyTransposeRight: " + shape(a) + " · (" + shape(b)
                    + ")ᵀ, inner dimensions " + a[0].length + " ≠ " + b[0].length);
        }
        int n = a.length;
        int m = b.length;
        int k = a[0].length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += a[i][p] * b[j][p];
                }
                c[i][j] = s;
            }
        }
        return c;
    }

    /**
     * The transpose, as a new matrix (for tests and printing; the products never build one).
     *
     * @param a the n×m matrix A
     * @return the m×n matrix Aᵀ
     */
    public static double[][] transpose(double[][] a) {
        checkRectangular(a, "transpose");
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    // ---------------------------------------------------------------- element-wise

    /**
     * A + B.
     *
     * @param a the matrix A
     * @param b the matrix B, same shape as A
     * @return a new matrix, {@code a[i][j] + b[i][j]}
     */
    public static double[][] add(double[][] a, double[][] b) {
        checkSameShape("add", a, b);
        double[][] c = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                c[i][j] = a[i][j] + b[i][j];
            }
        }
        return c;
    }

    /**
     * A − B.
     *
     * @param a the matrix A
     * @param b the matrix B, same shape as A
     * @return a new matrix, {@code a[i][j] − b[i][j]}
     */
    public static double[][] subtract(double[][] a, double[][] b) {
        checkSameShape("subtract", a, b);
        double[][] c = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                c[i][j] = a[i][j] - b[i][j];
            }
        }
        return c;
    }

    /**
     * A ⊙ B, the element-wise (Hadamard) product.
     *
     * @param a the matrix A
     * @param b the matrix B, same shape as A
     * @return a new matrix, {@code a[i][j]·b[i][j]}
     */
    public static double[][] hadamard(double[][] a, double[][] b) {
        checkSameShape("hadamard", a, b);
        double[][] c = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                c[i][j] = a[i][j] * b[i][j];
            }
        }
        return c;
    }

    /**
     * s·A.
     *
     * @param s the factor
     * @param a the matrix A
     * @return a new matrix, {@code s·a[i][j]}
     */
    public static double[][] scale(double s, double[][] a) {
        checkRectangular(a, "scale");
        double[][] c = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                c[i][j] = s * a[i][j];
            }
        }
        return c;
    }

    /**
     * A ← A + s·B, in place (the update step of every optimiser).
     *
     * @param a the matrix A, overwritten
     * @param s the factor
     * @param b the matrix B, same shape as A
     */
    public static void addScaledInPlace(double[][] a, double s, double[][] b) {
        checkSameShape("addScaledInPlace", a, b);
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                a[i][j] += s * b[i][j];
            }
        }
    }

    /**
     * Σ_ij a_ij²: each row's sum in column order, then the row sums added in row order (the order
     * {@code backprop.fast.RowWise.sumOfSquares} keeps on any number of threads).
     *
     * @param a the matrix A
     * @return Σ_ij a_ij²
     */
    public static double sumOfSquares(double[][] a) {
        checkRectangular(a, "sumOfSquares");
        double total = 0;
        for (double[] row : a) {
            double sum = 0;
            for (double v : row) {
                sum += v * v;
            }
            total += sum;
        }
        return total;
    }

    /**
     * f applied to every entry.
     *
     * @param a the matrix A
     * @param f the function to apply
     * @return a new matrix, {@code f(a[i][j])}
     */
    public static double[][] map(double[][] a, DoubleUnaryOperator f) {
        checkRectangular(a, "map");
        double[][] c = new double[a.length][a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                c[i][j] = f.applyAsDouble(a[i][j]);
            }
        }
        return c;
    }

    // ---------------------------------------------------------------- rows and columns

    /**
     * A + 1·b: adds the 1×m row vector b to every row of the n×m matrix A. This is the bias broadcast of
     * document 000 §三.1 (there b is a column added to every column, in the transposed notation).
     *
     * @param a the n×m matrix A
     * @param b the 1×m row vector b
     * @return a new n×m matrix, {@code a[i][j] + b[0][j]}
     */
    public static double[][] addRowVector(double[][] a, double[][] b) {
        checkRectangular(a, "addRowVector: matrix");
        checkRowVector(b, a[0].length, "addRowVector: " + shape(a) + " + " + shape(b));
        double[][] c = new double[a.length][a[0].length];
        double[] bias = b[0];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < bias.length; j++) {
                c[i][j] = a[i][j] + bias[j];
            }
        }
        return c;
    }

    /**
     * 1ᵀ·A: the 1×m row of column sums of the n×m matrix A (the bias gradient db = 1ᵀ·dZ).
     *
     * @param a the n×m matrix A
     * @return a new 1×m matrix, {@code Σ_i a[i][j]}
     */
    public static double[][] columnSums(double[][] a) {
        checkRectangular(a, "columnSums");
        double[][] s = new double[1][a[0].length];
        columnSumsInto(a, s);
        return s;
    }

    /**
     * Writes 1ᵀ·A into the 1×m row {@code out}; rows are added in order 0, 1, …, n−1.
     *
     * @param a   the n×m matrix A
     * @param out the 1×m destination, overwritten
     */
    public static void columnSumsInto(double[][] a, double[][] out) {
        checkRectangular(a, "columnSumsInto");
        checkRowVector(out, a[0].length, "columnSumsInto: output for " + shape(a));
        double[] s = out[0];
        Arrays.fill(s, 0.0);
        for (double[] row : a) {
            for (int j = 0; j < s.length; j++) {
                s[j] += row[j];
            }
        }
    }

    /**
     * The largest entry of each row, as an array of length n (softmax subtracts it for stability).
     *
     * @param a the n×m matrix A
     * @return {@code max_j a[i][j]} for each row i
     */
    public static double[] rowMax(double[][] a) {
        checkRectangular(a, "rowMax");
        double[] m = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double best = a[i][0];
            for (int j = 1; j < a[i].length; j++) {
                best = Math.max(best, a[i][j]);
            }
            m[i] = best;
        }
        return m;
    }

    /**
     * Index of the largest entry of each row (the first one on ties): the predicted class.
     *
     * @param a the n×m matrix A
     * @return for each row i, the column j of its largest entry
     */
    public static int[] rowArgMax(double[][] a) {
        checkRectangular(a, "rowArgMax");
        int[] idx = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            int best = 0;
            for (int j = 1; j < a[i].length; j++) {
                if (a[i][j] > a[i][best]) {
                    best = j;
                }
            }
            idx[i] = best;
        }
        return idx;
    }

    private static void checkRowVector(double[][] b, int cols, String what) {
        checkRectangular(b, what);
        if (b.length != 1 || b[0].length != cols) {
            throw new IllegalArgumentException(what + ": expected a 1×" + cols + " row vector but got " + shape(b));
        }
    }

    // ---------------------------------------------------------------- comparison

    /**
     * True when A and B have the same shape and every |a − b| ≤ tolerance.
     *
     * @param a         the matrix A
     * @param b         the matrix B
     * @param tolerance the largest absolute difference that passes
     * @return whether the shapes are equal and every entry is within {@code tolerance}; false if any entry is NaN
     */
    public static boolean equals(double[][] a, double[][] b, double tolerance) {
        checkRectangular(a, "equals: left operand");
        checkRectangular(b, "equals: right operand");
        if (a.length != b.length || a[0].length != b[0].length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                if (!(Math.abs(a[i][j] - b[i][j]) <= tolerance)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The largest |a − b| over all entries of two matrices of equal shape.
     *
     * @param a the matrix A
     * @param b the matrix B, same shape as A
     * @return {@code max_ij |a[i][j] − b[i][j]|}
     */
    public static double maxAbsDifference(double[][] a, double[][] b) {
        checkSameShape("maxAbsDifference", a, b);
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                double d = Math.abs(a[i][j] - b[i][j]);
                if (Double.isNaN(d)) {
                    return d;                    // a NaN anywhere is the largest difference there is
                }
                worst = Math.max(worst, d);
            }
        }
        return worst;
    }

    /**
     * Throws if any entry is NaN or infinite, naming the matrix and the entry (row, column).
     *
     * @param a    the matrix to check
     * @param what names the matrix in the message
     */
    public static void checkFinite(double[][] a, String what) {
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                if (!Double.isFinite(a[i][j])) {
                    throw new IllegalArgumentException(what + " has a non-finite entry " + a[i][j] + " at row " + i
                            + ", column " + j + "; clean or drop that sample first");
                }
            }
        }
    }
}
