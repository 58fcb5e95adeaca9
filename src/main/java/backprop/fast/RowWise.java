package backprop.fast;

import backprop.matrix.Matrix;

/**
 * Two passes over every entry of a parameter matrix, split by rows across {@link RowPool}: the optimiser's
 * update and the L2 penalty's sum of squares. Each computes exactly what its plain counterpart in
 * {@link Matrix} computes, entry by entry and in the same order of summation, so the results are
 * bit-identical to the plain loops and for any thread count.
 */
public final class RowWise {

    private RowWise() {
    }

    /**
     * A ← A + s·B in place; the same numbers as {@link Matrix#addScaledInPlace}.
     *
     * @param a the matrix A, overwritten
     * @param s the factor
     * @param b the matrix B, same shape as A
     */
    public static void addScaledInPlace(double[][] a, double s, double[][] b) {
        Matrix.checkRectangular(a, "addScaledInPlace: left operand");
        Matrix.checkShape(b, a.length, a[0].length, "addScaledInPlace: right operand");
        RowPool.forRows(a.length, (long) a.length * a[0].length * 2, (from, to) -> {
            for (int i = from; i < to; i++) {
                double[] ai = a[i];
                double[] bi = b[i];
                for (int j = 0; j < ai.length; j++) {
                    ai[j] += s * bi[j];
                }
            }
        });
    }

    /**
     * Σ_ij a_ij²: row sums (possibly on several threads), then added in row order, as
     * {@link Matrix#sumOfSquares}.
     *
     * @param a the matrix A
     * @return Σ_ij a_ij²
     */
    public static double sumOfSquares(double[][] a) {
        Matrix.checkRectangular(a, "sumOfSquares");
        double[] rowSums = new double[a.length];
        RowPool.forRows(a.length, (long) a.length * a[0].length * 2, (from, to) -> {
            for (int i = from; i < to; i++) {
                double sum = 0;
                for (double v : a[i]) {
                    sum += v * v;
                }
                rowSums[i] = sum;
            }
        });
        double total = 0;
        for (double r : rowSums) {
            total += r;
        }
        return total;
    }
}
