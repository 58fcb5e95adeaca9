package backprop.matrix;

/**
 * The non-zero entries of a matrix, row by row (and, on request, column by column). A dense layer gathers
 * its input once per batch into one of these and uses it twice: for Z = X·W, where row i of Z only needs
 * the rows of W at the non-zero columns of row i of X, and for dW = Xᵀ·dZ, where row j of dW only needs the
 * rows of dZ at the non-zero entries of column j of X. MNIST pixels are 81% zeros and ReLU outputs about
 * half, so most of both products is skipped.
 *
 * <p>Row i's non-zeros are {@code index[i·cols + q]} (column) and {@code value[i·cols + q]} for
 * q &lt; {@code count[i]}, in increasing column order. The column lists, built from the row lists when a
 * product needs them, hold for column j its {@code columnCount[j]} rows at {@code columnRow[j·rows ..]} in
 * increasing order, with their values. Buffers are reused while the shape repeats.
 */
public final class SparseRows {

    int rows;
    int cols;
    int[] count = new int[0];
    int[] index = new int[0];
    double[] value = new double[0];

    int[] columnCount = new int[0];
    int[] columnRow = new int[0];
    double[] columnValue = new double[0];

    /** The non-zeros of {@code a}, in new buffers. */
    public static SparseRows of(double[][] a) {
        SparseRows s = new SparseRows();
        s.set(a);
        return s;
    }

    /** Replaces the contents with the non-zeros of {@code a}. */
    public void set(double[][] a) {
        Matrix.checkRectangular(a, "sparse rows");
        rows = a.length;
        cols = a[0].length;
        if (count.length < rows) {
            count = new int[rows];
        }
        if (index.length < rows * cols) {
            index = new int[rows * cols];
            value = new double[rows * cols];
            columnRow = new int[rows * cols];
            columnValue = new double[rows * cols];
        }
        if (columnCount.length < cols) {
            columnCount = new int[cols];
        }
        RowPool.forRows(rows, (long) rows * cols * 4, (from, to) -> {     // ~4 multiply-adds' time per entry
            for (int i = from; i < to; i++) {
                double[] row = a[i];
                int base = i * cols;
                int n = 0;
                for (int j = 0; j < row.length; j++) {
                    double v = row[j];
                    index[base + n] = j;              // written always, kept only when v ≠ 0: no branch
                    value[base + n] = v;
                    n += v != 0.0 ? 1 : 0;
                }
                count[i] = n;
            }
        });
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The shape as "rows×cols", for messages. */
    String shape() {
        return rows + "×" + cols;
    }

    /**
     * Fills the column lists of columns {@code from} to {@code to}−1 from the row lists: column j's rows
     * go to {@code columnRow[j·rows ..]} in increasing order, {@code columnCount[j]} of them. Threads that
     * build disjoint column ranges never touch the same entries.
     */
    void buildColumns(int from, int to) {
        java.util.Arrays.fill(columnCount, from, to, 0);
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            int end = base + count[i];
            int q = base;
            while (q < end && index[q] < from) {
                q++;
            }
            for (; q < end && index[q] < to; q++) {
                int j = index[q];
                int slot = j * rows + columnCount[j]++;
                columnRow[slot] = i;
                columnValue[slot] = value[q];
            }
        }
    }
}
