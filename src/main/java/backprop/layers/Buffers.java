package backprop.layers;

import backprop.matrix.Matrix;

/** Reuse of a layer's output buffers while the batch shape repeats. */
final class Buffers {

    private Buffers() {
    }

    /** {@code buffer} if it is rows×cols already, else a new rows×cols matrix. */
    static double[][] ensure(double[][] buffer, int rows, int cols) {
        if (buffer != null && buffer.length == rows && buffer[0].length == cols) {
            return buffer;
        }
        return new double[rows][cols];
    }

    /** Throws unless {@code dOut} has the shape of the output the last forward pass produced. */
    static void checkUpstream(String layer, double[][] output, double[][] dOut) {
        if (output == null) {
            throw new IllegalStateException(layer + ": backward called before forward");
        }
        Matrix.checkRectangular(dOut, layer + ": upstream gradient");
        if (dOut.length != output.length || dOut[0].length != output[0].length) {
            throw new IllegalArgumentException(layer + ": upstream gradient is " + Matrix.shape(dOut)
                    + " but the forward output was " + Matrix.shape(output) + "; they must be equal");
        }
    }

    /** Checks the input of a forward pass and names the layer when it is not a proper matrix. */
    static void checkInput(String layer, double[][] x) {
        Matrix.checkRectangular(x, layer + ": input");
    }
}
