package backprop.layers;

/**
 * How a {@link Dense} layer computes its three products. Both give the same numbers up to the last bits
 * (the fast products group their sums differently); {@code PLAIN} is the specification that the porting
 * vectors are computed with, {@code FAST} is what training uses.
 */
public enum Computation {

    /**
     * {@code backprop.fast.Products}: zeros of the input skipped, rows blocked and shared among threads;
     * bit-identical for any thread count. The default.
     */
    FAST,

    /**
     * The {@code backprop.matrix.Matrix} routines as written: {@code Z = Matrix.addRowVector(
     * Matrix.multiply(X, W), b)}, {@code dW = Matrix.multiplyTransposeLeft(X, dZ)},
     * {@code db = Matrix.columnSums(dZ)}, {@code dX = Matrix.multiplyTransposeRight(dZ, W)}: every sum
     * taken term by term in index order, on one thread. Slow; for reference values and ports.
     */
    PLAIN
}
