package backprop.io;

import backprop.matrix.Matrix;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One matrix in NumPy's {@code .npy} format 1.0: the magic {@code \x93NUMPY}, version 1.0, a little-endian
 * header length, a Python dict padded with spaces to a multiple of 64 bytes, then the entries as
 * little-endian float64 in C order, so that {@code numpy.load} gives the matrix with the same shape and
 * the same doubles.
 */
public final class Npy {

    private Npy() {
    }

    /**
     * Writes {@code m} in the {@code .npy} format to {@code stream} (which is flushed, not closed).
     *
     * @param m      a rectangular matrix
     * @param stream where the bytes go
     * @throws IOException if the stream fails
     */
    public static void write(double[][] m, OutputStream stream) throws IOException {
        int rows = Matrix.rows(m);
        int cols = Matrix.cols(m);
        String dict = String.format(Locale.ROOT, "{'descr': '<f8', 'fortran_order': False, 'shape': (%d, %d), }",
                rows, cols);
        int unpadded = 10 + dict.length() + 1;                 // magic(6) + version(2) + length(2) + dict + '\n'
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(stream));
        data.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        data.write(header.length() & 0xFF);
        data.write(header.length() >> 8);
        data.write(header.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer row = ByteBuffer.allocate(8 * cols).order(ByteOrder.LITTLE_ENDIAN);
        for (double[] r : m) {
            row.clear();
            for (double v : r) {
                row.putDouble(v);
            }
            data.write(row.array());
        }
        data.flush();
    }
}
