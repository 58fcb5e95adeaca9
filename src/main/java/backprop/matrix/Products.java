package backprop.matrix;

import java.util.Arrays;

/**
 * The three products of a dense layer, written for speed: C = A·B, C = Aᵀ·B and C = A·Bᵀ, each into a
 * caller's matrix. They compute what {@link Matrix#multiply}, {@link Matrix#multiplyTransposeLeft} and
 * {@link Matrix#multiplyTransposeRight} compute (the tests compare them on random shapes); the sums are
 * taken in another order, so the last bits may differ from those loops, never between runs.
 *
 * <p>What makes them fast, in order of what it buys on MNIST:
 * <ol>
 *   <li>Zero entries of the left operand are skipped. Each output row first gathers the non-zero
 *       entries of its left row (or column, for Aᵀ·B) and their indexes; 81% of MNIST pixels and about
 *       half of all ReLU outputs are zero, so most of the work never happens. A skipped term is
 *       {@code 0·b}, which only matters when b is infinite or NaN: weights are checked finite elsewhere.</li>
 *   <li>The inner loop is {@code c[j] += a0·b0[j] + a1·b1[j] + a2·b2[j] + a3·b3[j]} over a contiguous
 *       row: four rows of B per pass over the output row, which the JIT turns into vector instructions
 *       and which reads and writes the output row a quarter as often.</li>
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

    /** C = A·B into c, with A n×k, B k×m, c n×m. */
    public static void multiplyInto(double[][] a, double[][] b, double[][] c) {
        Matrix.checkRectangular(a, "multiply: left operand");
        Matrix.checkRectangular(b, "multiply: right operand");
        if (a[0].length != b.length) {
            throw new IllegalArgumentException("multiply: " + Matrix.shape(a) + " · " + Matrix.shape(b)
                    + ", inner dimensions " + a[0].length + " ≠ " + b.length);
        }
        Matrix.checkShape(c, a.length, b[0].length, "multiply: output for " + Matrix.shape(a) + " · "
                + Matrix.shape(b));
        int k = b.length;
        RowPool.forRows(a.length, (long) a.length * k * b[0].length, (from, to) -> {
            Scratch s = SCRATCH.get();
            s.ensure(k);
            for (int i = from; i < to; i++) {
                int nonZero = gatherRow(a[i], s);
                accumulateRows(c[i], s.index, s.value, nonZero, b);
            }
        });
    }

    /** C = Aᵀ·B into c, with A k×n, B k×m, c n×m; Aᵀ is never built. */
    public static void multiplyTransposeLeftInto(double[][] a, double[][] b, double[][] c) {
        Matrix.checkRectangular(a, "multiplyTransposeLeft: left operand");
        Matrix.checkRectangular(b, "multiplyTransposeLeft: right operand");
        if (a.length != b.length) {
            throw new IllegalArgumentException("multiplyTransposeLeft: (" + Matrix.shape(a) + ")ᵀ · "
                    + Matrix.shape(b) + ", inner dimensions " + a.length + " ≠ " + b.length);
        }
        Matrix.checkShape(c, a[0].length, b[0].length, "multiplyTransposeLeft: output for ("
                + Matrix.shape(a) + ")ᵀ · " + Matrix.shape(b));
        int k = a.length;
        RowPool.forRows(a[0].length, (long) a[0].length * k * b[0].length, (from, to) -> {
            Scratch s = SCRATCH.get();
            s.ensure(k);
            for (int i = from; i < to; i++) {
                // Output row i gathers column i of A; neighbouring i share the cache lines of A's rows.
                int nonZero = 0;
                for (int p = 0; p < k; p++) {
                    double v = a[p][i];
                    s.index[nonZero] = p;
                    s.value[nonZero] = v;
                    nonZero += v != 0.0 ? 1 : 0;
                }
                accumulateRows(c[i], s.index, s.value, nonZero, b);
            }
        });
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
                    accumulateRows(s.panelRow, s.index, s.value, nonZero, panel);
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

    /** c ← Σ_q value[q]·b[index[q]] over the first {@code count} pairs, four rows of b per pass. */
    private static void accumulateRows(double[] c, int[] index, double[] value, int count, double[][] b) {
        Arrays.fill(c, 0.0);
        int m = c.length;
        int q = 0;
        for (; q + 4 <= count; q += 4) {
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
        for (; q < count; q++) {
            double a0 = value[q];
            double[] b0 = b[index[q]];
            for (int j = 0; j < m; j++) {
                c[j] += a0 * b0[j];
            }
        }
    }
}
