package backprop.data;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The bytes of a data file, plain or gzip-compressed (recognised by its first two bytes, 0x1f 0x8b, not by
 * its name), with the position of the next byte counted so that errors can name it. Damaged gzip data ends
 * in a {@link DataFormatException} naming the file and the position; a failing disk in an IOException whose
 * message says why.
 */
final class FileInput implements Closeable {

    /**
     * Deflate cannot expand data more than 1032-fold, so a gzip file of n bytes holds at most about 1032·n
     * bytes of content: a header promising more is wrong whatever follows it.
     */
    static final long GZIP_MAX_RATIO = 1032;

    private final Path file;
    private final long size;
    private final boolean gzip;
    private final InputStream in;
    private long position;

    private FileInput(Path file, long size, boolean gzip, InputStream in) {
        this.file = file;
        this.size = size;
        this.gzip = gzip;
        this.in = in;
    }

    /**
     * Opens {@code file}, looking at its first two bytes for gzip.
     *
     * @throws FileNotFoundException if there is no such file
     * @throws IOException           if it cannot be read, with the reason in the message
     */
    static FileInput open(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new FileNotFoundException(file + ": is a folder; expected a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new FileNotFoundException(file + (Files.exists(file) ? ": not a regular file" : ": no such file"));
        }
        InputStream raw;
        long size;
        try {
            size = Files.size(file);
            raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (IOException e) {
            throw FileErrors.cannotRead(file, e);
        }
        try {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            if (b0 != 0x1f || b1 != 0x8b) {
                return new FileInput(file, size, false, raw);
            }
            try {
                return new FileInput(file, size, true, new GZIPInputStream(raw, 1 << 16));
            } catch (ZipException | EOFException e) {
                throw new DataFormatException(file, 0, "starts like a gzip file (bytes 0x1f 0x8b) but its gzip header"
                        + " is damaged (" + describe(e) + "); expected a complete gzip file", e);
            }
        } catch (IOException | RuntimeException e) {
            raw.close();
            if (e instanceof IOException io) {
                throw FileErrors.cannotRead(file, io);
            }
            throw e;
        }
    }

    /** @return the file */
    Path file() {
        return file;
    }

    /** @return the file's size on disk, compressed if it is gzip */
    long size() {
        return size;
    }

    /** @return whether the file is gzip-compressed */
    boolean gzip() {
        return gzip;
    }

    /** @return the offset of the next byte of content (after decompression) */
    long position() {
        return position;
    }

    /** "byte 1234" of a plain file, "byte 1234 of the decompressed content" of a gzip file. */
    String at(long offset) {
        return "byte " + offset + (gzip ? " of the decompressed content" : "");
    }

    /**
     * Reads up to {@code length} bytes, like {@link InputStream#read(byte[], int, int)}.
     *
     * @return the number of bytes read, or −1 at the end
     */
    int read(byte[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = in.read(buffer, offset, length);
        } catch (ZipException | EOFException e) {
            if (!gzip) {
                throw FileErrors.cannotRead(file, e);
            }
            boolean cut = e instanceof EOFException;
            throw new DataFormatException(file, 0, "the gzip data " + (cut ? "ends early" : "is damaged") + " after "
                    + position + " bytes of content" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")
                    + "; expected a complete gzip file" + (cut ? ", this one is cut short" : ""), e);
        } catch (IOException e) {
            throw FileErrors.cannotRead(file, e);
        }
        if (n > 0) {
            position += n;
        }
        return n;
    }

    /**
     * A 32-bit big-endian integer of a header.
     *
     * @param what names the field in the error, e.g. "the image count"
     */
    int readInt(String what) throws IOException {
        long start = position;
        byte[] four = new byte[4];
        int got = 0;
        while (got < 4) {
            int n = read(four, got, 4 - got);
            if (n < 0) {
                throw new DataFormatException(file, 0, "the file ends at " + at(position) + ", inside its header,"
                        + " where " + what + " (bytes " + start + "–" + (start + 3) + ") should be");
            }
            got += n;
        }
        return (four[0] & 0xFF) << 24 | (four[1] & 0xFF) << 16 | (four[2] & 0xFF) << 8 | (four[3] & 0xFF);
    }

    /**
     * Exactly {@code length} bytes. Memory grows with the bytes actually read, not with {@code length}: a
     * header that promises more than the file holds costs no more than the file.
     *
     * @param length the number of bytes, at most {@code Integer.MAX_VALUE − 8}
     * @param what   what the bytes are, for the error, e.g. "3 images of 28×28 pixels"
     */
    byte[] readExactly(int length, String what) throws IOException {
        long start = position;
        byte[] bytes = new byte[Math.min(length, 1 << 16)];
        int got = 0;
        while (got < length) {
            if (got == bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(length, 2L * bytes.length));
            }
            int n = read(bytes, got, bytes.length - got);
            if (n < 0) {
                throw new DataFormatException(file, 0, "the header promises " + what + " but the file ends early: it holds "
                        + got + " of their " + length + " bytes (from " + at(start) + ")");
            }
            got += n;
        }
        return bytes;
    }

    /** @return whether the content has no more bytes */
    boolean atEnd() throws IOException {
        byte[] one = new byte[1];
        int n;
        do {
            n = read(one, 0, 1);
        } while (n == 0);
        if (n > 0) {
            position--;
            return false;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
