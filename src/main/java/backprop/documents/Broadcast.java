package backprop.documents;

import backprop.matrix.Matrix;

/**
 * numpy's broadcasting of two matrices, for document 004's OneNet, whose AND listing adds a 1×D bias to
 * an N×1 column: each dimension must be equal or 1, and a dimension of 1 is repeated to the other's size.
 */
final class Broadcast {

    private Broadcast() {
    }

    /**
     * A + B, broadcast.
     *
     * @param a the matrix A
     * @param b the matrix B
     * @return the sum, of the broadcast shape
     */
    static double[][] plus(double[][] a, double[][] b) {
        return combine(a, b, 1);
    }

    /**
     * A − B, broadcast.
     *
     * @param a the matrix A
     * @param b the matrix B
     * @return the difference, of the broadcast shape
     */
    static double[][] minus(double[][] a, double[][] b) {
        return combine(a, b, -1);
    }

    private static double[][] combine(double[][] a, double[][] b, double sign) {
        int rows = size(Matrix.rows(a), Matrix.rows(b), a, b);
        int cols = size(Matrix.cols(a), Matrix.cols(b), a, b);
        double[][] c = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double x = a[a.length == 1 ? 0 : i][a[0].length == 1 ? 0 : j];
                double y = b[b.length == 1 ? 0 : i][b[0].length == 1 ? 0 : j];
                c[i][j] = x + sign * y;
            }
        }
        return c;
    }

    private static int size(int m, int n, double[][] a, double[][] b) {
        if (m != n && m != 1 && n != 1) {
            throw new IllegalArgumentException("broadcast: " + Matrix.shape(a) + " and " + Matrix.shape(b)
                    + " do not broadcast; each dimension must be equal or 1");
        }
        return Math.max(m, n);
    }
}
