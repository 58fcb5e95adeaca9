package backprop.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The IDX format of the MNIST files, as document 003 describes it: a big-endian header, then unsigned
 * bytes. Labels: magic 2049 (0x00000801), the count, then one byte per label. Images: magic 2051
 * (0x00000803), the count, rows, columns, then rows·columns bytes per image, row by row.
 * Files may be plain or gzip-compressed; gzip is recognised by its first two bytes (0x1f 0x8b), not by
 * the file name.
 */
public final class Idx {

    /** Magic number of a label file: unsigned bytes, one dimension. */
    public static final int LABELS_MAGIC = 2049;
    /** Magic number of an image file: unsigned bytes, three dimensions. */
    public static final int IMAGES_MAGIC = 2051;

    private Idx() {
    }

    /**
     * The labels of a label file, each in 0..255.
     *
     * @param file the label file, plain or gzip-compressed
     * @return the labels, in file order
     * @throws IOException if the file is missing or cannot be read
     */
    public static int[] readLabels(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int magic = header(in, file, "magic number");
            if (magic != LABELS_MAGIC) {
                throw new DataFormatException(file, 0, "magic number " + magic + " is not " + LABELS_MAGIC
                        + " (an IDX label file)" + (magic == IMAGES_MAGIC ? "; this is an image file" : ""));
            }
            int count = count(in, file, "label count");
            byte[] bytes = body(in, file, count, count + " labels");
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = bytes[i] & 0xFF;
            }
            return labels;
        }
    }

    /**
     * The images of an image file, one row of rows·columns raw pixel values (0..255) per image.
     *
     * @param file the image file, plain or gzip-compressed
     * @return one row per image
     * @throws IOException if the file is missing or cannot be read
     */
    public static double[][] readImages(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int magic = header(in, file, "magic number");
            if (magic != IMAGES_MAGIC) {
                throw new DataFormatException(file, 0, "magic number " + magic + " is not " + IMAGES_MAGIC
                        + " (an IDX image file)" + (magic == LABELS_MAGIC ? "; this is a label file" : ""));
            }
            int count = count(in, file, "image count");
            int rows = count(in, file, "row count");
            int cols = count(in, file, "column count");
            if (rows == 0 || cols == 0) {
                throw new DataFormatException(file, 0, "images of " + rows + "×" + cols + " pixels; expected both > 0");
            }
            long total = (long) count * rows * cols;
            if (total > Integer.MAX_VALUE - 8) {
                throw new DataFormatException(file, 0, "the header promises " + count + " images of " + rows + "×"
                        + cols + " pixels, more than one array can hold; is this an IDX image file?");
            }
            int pixels = rows * cols;
            byte[] bytes = body(in, file, (int) total, count + " images of " + rows + "×" + cols + " pixels");
            double[][] images = new double[count][pixels];
            for (int i = 0; i < count; i++) {
                for (int p = 0; p < pixels; p++) {
                    images[i][p] = bytes[i * pixels + p] & 0xFF;
                }
            }
            return images;
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.io.FileNotFoundException(file + ": no such file");
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        InputStream in = b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16)
                : raw;
        return new DataInputStream(in);
    }

    private static int header(DataInputStream in, Path file, String what) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new DataFormatException(file, 0, "the file ends inside its header (reading the " + what + ")");
        }
    }

    private static int count(DataInputStream in, Path file, String what) throws IOException {
        int n = header(in, file, what);
        if (n < 0) {
            throw new DataFormatException(file, 0, what + " " + Integer.toUnsignedString(n) + " is too large");
        }
        return n;
    }

    private static byte[] body(DataInputStream in, Path file, int length, String what) throws IOException {
        byte[] bytes = new byte[length];
        try {
            in.readFully(bytes);
        } catch (EOFException e) {
            throw new DataFormatException(file, 0, "the header promises " + what + " but the file ends early");
        }
        if (in.read() != -1) {
            throw new DataFormatException(file, 0, "the header promises " + what + " but the file holds more bytes");
        }
        return bytes;
    }
}
