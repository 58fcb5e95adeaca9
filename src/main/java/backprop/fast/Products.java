package backprop.fast;

import backprop.matrix.Matrix;
import java.util.Arrays;

/**
 * The three products of a dense layer, written for speed: C = A·B, C = Aᵀ·B and C = A·Bᵀ, each into a
 * caller's matrix. They compute what {@link Matrix#multiply}, {@link Matrix#multiplyTransposeLeft} and
 * {@link Matrix#multiplyTransposeRight} compute (the tests compare them on random shapes); the sums are
 * taken in another order, so the last bits may differ from those loops, never between runs.
 *
 * <p>What makes them fast:
 * <ol>
 *   <li>Zero entries of the left operand are skipped. A·B and Aᵀ·B take A as {@link SparseRows}, its
 *       non-zeros listed by row and by column; a dense layer gathers its input once and uses it for both
 *       X·W and Xᵀ·dZ; A·Bᵀ gathers each row of A as it goes. 81% of MNIST pixels and about half of all
 *       ReLU outputs are zero, so most of the work never happens. In all three products a skipped term is
 *       {@code 0·b}, which only matters when b is infinite or NaN.</li>
 *   <li>Every product is a sum of scaled rows, {@code c[j] += a0·b0[j] + a1·b1[j] + a2·b2[j] + a3·b3[j]}
 *       over a contiguous row: four rows of B per pass over the output row, a loop the JIT turns into
 *       vector instructions. For A·Bᵀ the rows needed are columns of B, so B is copied {@value #PANEL}
 *       rows at a time into a small transposed panel (each thread its own); the whole Bᵀ is never built.</li>
 *   <li>Output rows are split across a small fixed pool ({@link RowPool}); each row is computed by one
 *       thread, always in the same order, so the result is bit-identical for any thread count.</li>
 * </ol>
 *
 * <p>Per output row the order of the sum is fixed: the non-zero terms in increasing index, grouped in
 * fours from the start, the remainder one by one.
 */
public final class Products {

    private Products() {
    }

    /** One thread's scratch space: the indexes and values of the non-zero entries of one row. */
    private static final class Scratch {
        int[] index = new int[0];
        double[] value = new double[0];

        double[][] panel = new double[0][PANEL];
        int[][] columnRows = new int[0][0];
        double[][] columnValues = new double[0][0];
        int[] columnCounts = new int[0];

        /** Room for the lists of {@code columns} columns of up to {@code rows} entries each. */
        int[][] columnRows(int columns, int rows) {
            if (columnRows.length < columns || columnRows[0].length < rows) {
                int c = Math.max(columns, columnRows.length);
                int r = Math.max(rows, columnRows.length == 0 ? 0 : columnRows[0].length);
                columnRows = new int[c][r];
                columnValues = new double[c][r];
                columnCounts = new int[c];
            }
            return columnRows;
        }

        final double[] panelRow = new double[PANEL];

        void ensure(int n) {
            if (index.length < n) {
                index = new int[n];
                value = new double[n];
            }
        }

        double[][] panel(int rows) {
            if (panel.length < rows) {
                panel = new double[rows][PANEL];
            }
            return panel;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** The non-zeros of a plain left operand, gathered into a per-thread buffer reused call after call. */
    private static final ThreadLocal<SparseRows> GATHERED = ThreadLocal.withInitial(SparseRows::new);

    /**
     * C = A·B into c, with A n×k, B k×m, c n×m.
     *
     * @param a the n×k matrix A
     * @param b the k×m matrix B
     * @param c the n×m output C, overwritten
     */
    public static void multiplyInto(double[][] a, double[][] b, double[][] c) {
        Matrix.checkRectangular(a, "multiply: left operand");
        SparseRows sparse = GATHERED.get();
        sparse.set(a);
        multiplyInto(sparse, b, c);
    }

    /**
     * C = A·B into c, with A (given by its non-zeros) n×k, B k×m, c n×m.
     *
     * @param a the non-zeros of the n×k matrix A
     * @param b the k×m matrix B
     * @param c the n×m output C, overwritten
     */
    public static void multiplyInto(SparseRows a, double[][] b, double[][] c) {
        multiplyAddRowInto(a, b, null, c);
    }

    /**
     * C = A·B + 1·r into c: every row of c starts from the row vector r (a layer's bias, length m; null
     * for zeros) and the products are added to it.
     *
     * @param a the non-zeros of the n×k matrix A
     * @param b the k×m matrix B
     * @param r the row added to every row of C, length m; null for none
     * @param c the n×m output C, overwritten
     */
    public static void multiplyAddRowInto(SparseRows a, double[][] b, double[] r, double[][] c) {
        Matrix.checkRectangular(b, "multiply: right operand");
        if (a.cols != b.length) {
            throw new IllegalArgumentException("multiply: " + a.shape() + " · " + Matrix.shape(b)
                    + ", inner dimensions " + a.cols + " ≠ " + b.length);
        }
        Matrix.checkShape(c, a.rows, b[0].length, "multiply: output for " + a.shape() + " · " + Matrix.shape(b));
        if (r != null && r.length != b[0].length) {
            throw new IllegalArgumentException("multiply: a row of " + r.length + " added to " + a.rows + "×"
                    + b[0].length + " products; expected " + b[0].length + " entries");
        }
        RowPool.forRows(a.rows, (long) a.rows * a.cols * b[0].length, (from, to) -> {
            for (int i = from; i < to; i++) {
                if (r == null) {
                    Arrays.fill(c[i], 0.0);
                } else {
                    System.arraycopy(r, 0, c[i], 0, r.length);
                }
                accumulateRows(c[i], a.index, a.value, i * a.cols, a.count[i], b);
            }
        });
    }

    /**
     * C = Aᵀ·B into c, with A k×n, B k×m, c n×m; Aᵀ is never built.
     *
     * @param a the k×n matrix A
     * @param b the k×m matrix B
     * @param c the n×m output C, overwritten
     */
    public static void multiplyTransposeLeftInto(double[][] a, double[][] b, double[][] c) {
        Matrix.checkRectangular(a, "multiplyTransposeLeft: left operand");
        SparseRows sparse = GATHERED.get();
        sparse.set(a);
        multiplyTransposeLeftInto(sparse, b, c);
    }

    /**
     * C = Aᵀ·B into c, with A (given by its non-zeros) k×n, B k×m, c n×m. Row j of C is the sum over the
     * non-zeros a[p][j] of column j of A of a[p][j]·(row p of B), in increasing p: the column lists of
     * {@link SparseRows}, never a transposed matrix.
     *
     * @param a the non-zeros of the k×n matrix A
     * @param b the k×m matrix B
     * @param c the n×m output C, overwritten
     */
    public static void multiplyTransposeLeftInto(SparseRows a, double[][] b, double[][] c) {
        Matrix.checkRectangular(b, "multiplyTransposeLeft: right operand");
        if (a.rows != b.length) {
            throw new IllegalArgumentException("multiplyTransposeLeft: (" + a.shape() + ")ᵀ · " + Matrix.shape(b)
                    + ", inner dimensions " + a.rows + " ≠ " + b.length);
        }
        Matrix.checkShape(c, a.cols, b[0].length, "multiplyTransposeLeft: output for (" + a.shape() + ")ᵀ · "
                + Matrix.shape(b));
        RowPool.forRows(a.cols, (long) a.cols * a.rows * b[0].length, (from, to) -> {
            // The column lists of at most COLUMN_BLOCK columns at a time, built from the row lists into the
            // thread's scratch: the scratch stays small whatever the piece (one thread takes all columns at once).
            for (int start = from; start < to; start += COLUMN_BLOCK) {
                columnBlock(a, b, c, start, Math.min(to, start + COLUMN_BLOCK));
            }
        });
    }

    /** Columns of Aᵀ·B whose lists one pass collects: the scratch holds this many lists of A's rows. */
    static final int COLUMN_BLOCK = 32;

    /** Rows from..to−1 of C = Aᵀ·B: column j of A's non-zeros in increasing row, then row j of C from them. */
    private static void columnBlock(SparseRows a, double[][] b, double[][] c, int from, int to) {
        Scratch s = SCRATCH.get();
        int[][] rowsOf = s.columnRows(to - from, a.rows);
        double[][] valuesOf = s.columnValues;
        int[] counts = s.columnCounts;
        Arrays.fill(counts, 0, to - from, 0);
        for (int p = 0; p < a.rows; p++) {
            int base = p * a.cols;
            int end = base + a.count[p];
            int q = Arrays.binarySearch(a.index, base, end, from);      // row p's first column ≥ from
            if (q < 0) {
                q = -q - 1;
            }
            for (; q < end && a.index[q] < to; q++) {
                int col = a.index[q] - from;
                int n = counts[col]++;
                rowsOf[col][n] = p;
                valuesOf[col][n] = a.value[q];
            }
        }
        for (int j = from; j < to; j++) {
            Arrays.fill(c[j], 0.0);
            accumulateRows(c[j], rowsOf[j - from], valuesOf[j - from], 0, counts[j - from], b);
        }
    }

    /**
     * Columns of C per panel in {@link #multiplyTransposeRightInto}: a k×64 panel of packed B (40 KiB for
     * k = 80) stays in the core's cache while every row of A passes over it.
     */
    static final int PANEL = 64;

    /**
     * C = A·Bᵀ into c, with A n×k, B m×k, c n×m. Row i of C is Σ_p a[i][p]·(column p of B): the same
     * accumulation as the other two products, over columns of B instead of rows. Columns of B are not
     * contiguous, so the rows of B are taken {@value #PANEL} at a time and their columns copied into a
     * small k×{@value #PANEL} panel (each thread its own), the blocking every BLAS does; the whole Bᵀ is
     * never built.
     *
     * @param a the n×k matrix A
     * @param b the m×k matrix B
     * @param c the n×m output C, overwritten
     */
    public static void multiplyTransposeRightInto(double[][] a, double[][] b, double[][] c) {
        Matrix.checkRectangular(a, "multiplyTransposeRight: left operand");
        Matrix.checkRectangular(b, "multiplyTransposeRight: right operand");
        if (a[0].length != b[0].length) {
            throw new IllegalArgumentException("multiplyTransposeRight: " + Matrix.shape(a) + " · ("
                    + Matrix.shape(b) + ")ᵀ, inner dimensions " + a[0].length + " ≠ " + b[0].length);
        }
        Matrix.checkShape(c, a.length, b.length, "multiplyTransposeRight: output for " + Matrix.shape(a)
                + " · (" + Matrix.shape(b) + ")ᵀ");
        int k = a[0].length;
        int m = b.length;
        RowPool.forRows(a.length, (long) a.length * k * m, (from, to) -> {
            Scratch s = SCRATCH.get();
            s.ensure(k);
            double[][] panel = s.panel(k);
            for (int j0 = 0; j0 < m; j0 += PANEL) {
                int width = Math.min(PANEL, m - j0);
                for (double[] row : panel) {
                    Arrays.fill(row, width, PANEL, 0.0);   // a narrower last panel: the rest stays zero
                }
                for (int jj = 0; jj < width; jj++) {
                    double[] bj = b[j0 + jj];
                    for (int p = 0; p < k; p++) {
                        panel[p][jj] = bj[p];
                    }
                }
                for (int i = from; i < to; i++) {
                    int nonZero = gatherRow(a[i], s);
                    Arrays.fill(s.panelRow, 0.0);
                    accumulateRows(s.panelRow, s.index, s.value, 0, nonZero, panel);
                    System.arraycopy(s.panelRow, 0, c[i], j0, width);
                }
            }
        });
    }

    /**
     * Gathers the non-zero entries of {@code row} into the scratch; returns how many there are. Every entry
     * is written and the count advances only past non-zeros, so there is no branch to mispredict.
     */
    private static int gatherRow(double[] row, Scratch s) {
        int[] index = s.index;
        double[] value = s.value;
        int nonZero = 0;
        for (int p = 0; p < row.length; p++) {
            double v = row[p];
            index[nonZero] = p;
            value[nonZero] = v;
            nonZero += v != 0.0 ? 1 : 0;
        }
        return nonZero;
    }

    /**
     * c ← c + Σ_q value[q]·b[index[q]] over q = start .. start+count−1, four rows of b per pass over c. The
     * grouping fixes the order of the sum: ((a0·b0 + a1·b1) + a2·b2) + a3·b3 added to c, group by group.
     */
    private static void accumulateRows(double[] c, int[] index, double[] value, int start, int count,
            double[][] b) {
        int m = c.length;
        int end = start + count;
        int q = start;
        for (; q + 4 <= end; q += 4) {
            double a0 = value[q];
            double a1 = value[q + 1];
            double a2 = value[q + 2];
            double a3 = value[q + 3];
            double[] b0 = b[index[q]];
            double[] b1 = b[index[q + 1]];
            double[] b2 = b[index[q + 2]];
            double[] b3 = b[index[q + 3]];
            for (int j = 0; j < m; j++) {
                c[j] += a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
            }
        }
        for (; q < end; q++) {
            double a0 = value[q];
            double[] b0 = b[index[q]];
            for (int j = 0; j < m; j++) {
                c[j] += a0 * b0[j];
            }
        }
    }
}
