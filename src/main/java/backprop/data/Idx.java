package backprop.data;

import java.io.IOException;
import java.nio.file.Path;

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
     * @throws DataFormatException if the file is not a whole IDX label file, naming the byte where it goes wrong
     */
    public static int[] readLabels(Path file) throws IOException {
        try (FileInput in = FileInput.open(file)) {
            int magic = in.readInt("the magic number");
            if (magic != LABELS_MAGIC) {
                throw new DataFormatException(file, 0, "bytes 0–3 hold the magic number " + magic + ", expected "
                        + LABELS_MAGIC + " (an IDX label file)" + (magic == IMAGES_MAGIC ? "; this is an image file" : ""));
            }
            int count = count(in, "the label count", 4);
            checkBody(in, count, 8, count + " labels");
            byte[] bytes = in.readExactly(count, count + " labels");
            checkEnd(in, count + " labels");
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = bytes[i] & 0xFF;
            }
            return labels;
        }
    }

    /**
     * The images of an image file, one row of rows·columns raw pixel values (0..255) per image. Sizes are
     * checked before anything is allocated: the header's counts must agree with the file's length.
     *
     * @param file the image file, plain or gzip-compressed
     * @return one row per image
     * @throws IOException if the file is missing or cannot be read
     * @throws DataFormatException if the file is not a whole IDX image file, naming the byte where it goes wrong
     */
    public static double[][] readImages(Path file) throws IOException {
        try (FileInput in = FileInput.open(file)) {
            int magic = in.readInt("the magic number");
            if (magic != IMAGES_MAGIC) {
                throw new DataFormatException(file, 0, "bytes 0–3 hold the magic number " + magic + ", expected "
                        + IMAGES_MAGIC + " (an IDX image file)" + (magic == LABELS_MAGIC ? "; this is a label file" : ""));
            }
            int count = count(in, "the image count", 4);
            int rows = count(in, "the row count", 8);
            int cols = count(in, "the column count", 12);
            if (rows == 0 || cols == 0) {
                throw new DataFormatException(file, 0, "bytes 8–15 give images of " + rows + "×" + cols
                        + " pixels; expected both sizes > 0");
            }
            long pixels = (long) rows * cols;                  // < 2^62: no overflow
            String what = count + " images of " + rows + "×" + cols + " pixels";
            if (pixels > MAX_ARRAY) {
                throw new DataFormatException(file, 0, "the header promises " + what + ", " + pixels + " pixels per image,"
                        + " more than one array can hold; is this an IDX image file?");
            }
            long total = count * pixels;                       // < 2^31 · 2^31: no overflow
            checkBody(in, total, 16, what);                    // from here on total < 2^31
            // count rows of `pixels` doubles, each with an array header of about 16 bytes
            checkMemory(file, total + (long) count * (16 + 8 * pixels), what);
            byte[] bytes = in.readExactly((int) total, what);
            checkEnd(in, what);
            int width = (int) pixels;
            double[][] images = new double[count][width];
            for (int i = 0; i < count; i++) {
                for (int p = 0; p < width; p++) {
                    images[i][p] = bytes[i * width + p] & 0xFF;
                }
            }
            return images;
        }
    }

    /** The largest array the JVM allocates. */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    /** A count of the header: four bytes at {@code offset}, read as a signed 32-bit number that must be ≥ 0. */
    private static int count(FileInput in, String what, int offset) throws IOException {
        int n = in.readInt(what);
        if (n < 0) {
            throw new DataFormatException(in.file(), 0, "bytes " + offset + "–" + (offset + 3) + " hold " + what + " "
                    + Integer.toUnsignedString(n) + ", more than the largest count an IDX file can declare ("
                    + Integer.MAX_VALUE + "); is this an IDX file?");
        }
        return n;
    }

    /**
     * Checks, before anything is allocated, that the file can hold {@code length} bytes after its
     * {@code header}: exactly, for a plain file; within deflate's largest ratio for a gzip file.
     */
    private static void checkBody(FileInput in, long length, int header, String what) {
        Path file = in.file();
        if (!in.gzip()) {
            long actual = in.size() - header;
            if (length > actual) {
                throw new DataFormatException(file, 0, "the header promises " + what + " but the file ends early: it holds "
                        + Math.max(0, actual) + " of their " + length + " bytes (from byte " + header + ")");
            }
            if (length < actual) {
                throw new DataFormatException(file, 0, "the header promises " + what + " but the file holds more bytes: "
                        + actual + " where " + length + " are expected (from byte " + header + ")");
            }
        } else if (length > FileInput.GZIP_MAX_RATIO * in.size() + 1024) {
            throw new DataFormatException(file, 0, "the header promises " + what + " (" + length + " bytes) but a gzip"
                    + " file of " + in.size() + " bytes cannot hold more than " + FileInput.GZIP_MAX_RATIO * in.size() + " bytes");
        }
        if (length > MAX_ARRAY) {
            throw new DataFormatException(file, 0, "the header promises " + what + ", " + length + " bytes, more than"
                    + " one array can hold (2 GiB); split the file");
        }
    }

    private static void checkEnd(FileInput in, String what) throws IOException {
        if (!in.atEnd()) {
            throw new DataFormatException(in.file(), 0, "the header promises " + what + " but the file holds more bytes"
                    + " (from " + in.at(in.position()) + ")");
        }
    }

    /** Throws if holding the data would need more memory than this JVM may use. */
    static void checkMemory(Path file, long bytes, String what) {
        long max = Runtime.getRuntime().maxMemory();
        if (bytes > max) {
            throw new DataFormatException(file, 0, what + " need about " + (bytes >> 20) + " MiB in memory, more than"
                    + " the " + (max >> 20) + " MiB this JVM may use; give it more with java -Xmx…, or use fewer items");
        }
    }
}
