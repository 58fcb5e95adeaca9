package backprop.layers;

/** The z > 0 pattern of a matrix, flattened row by row, for {@link Kinked#sidesOfKink()}. */
final class KinkSides {

    private KinkSides() {
    }

    static boolean[] of(double[][] z) {
        if (z == null) {
            return new boolean[0];
        }
        boolean[] sides = new boolean[z.length * z[0].length];
        int k = 0;
        for (double[] row : z) {
            for (double v : row) {
                sides[k++] = v > 0;
            }
        }
        return sides;
    }
}
