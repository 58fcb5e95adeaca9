package backprop.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * UTF-8 text files, plain or gzip-compressed (recognised by their first two bytes), read line by line
 * with errors that name the file, the line, the column and the byte: a byte that is not UTF-8, a NUL byte
 * (UTF-16 text or a binary file), a UTF-16 byte-order mark. A UTF-8 byte-order mark at the start is
 * dropped. Lines end at LF, CR LF or a lone CR; the line ends are not kept.
 */
public final class TextFiles {

    private static final int MAX_LENGTH = Integer.MAX_VALUE - 8;

    private TextFiles() {
    }

    /**
     * The lines of a UTF-8 text file.
     *
     * @param file the file, plain or gzip-compressed
     * @return its lines, without their line ends; an empty list for an empty file
     * @throws IOException         if the file is missing or cannot be read, with the reason in the message
     * @throws DataFormatException if the bytes are not UTF-8 text, naming the line, column and byte
     */
    public static List<String> lines(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        try (FileInput in = FileInput.open(file)) {
            new Splitter(in, lines, Integer.MAX_VALUE).run();
        }
        return lines;
    }

    /**
     * The first line of a UTF-8 text file, read without reading the rest.
     *
     * @param file the file, plain or gzip-compressed
     * @return its first line without the line end (and without a byte-order mark), or null for an empty file
     * @throws IOException         if the file is missing or cannot be read, with the reason in the message
     * @throws DataFormatException if the line's bytes are not UTF-8 text, naming the column and byte
     */
    public static String firstLine(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        try (FileInput in = FileInput.open(file)) {
            new Splitter(in, lines, 1).run();
        }
        return lines.isEmpty() ? null : lines.get(0);
    }

    /**
     * The whole text of a UTF-8 text file, its lines joined by LF.
     *
     * @param file the file, plain or gzip-compressed
     * @return the text
     * @throws IOException         if the file is missing or cannot be read, with the reason in the message
     * @throws DataFormatException if the bytes are not UTF-8 text, naming the line, column and byte
     */
    public static String read(Path file) throws IOException {
        List<String> lines = lines(file);
        long length = 0;
        for (String line : lines) {
            length += line.length() + 1;
        }
        if (length > MAX_LENGTH) {
            throw new DataFormatException(file, 0, "holds " + length + " characters, more than one string can hold"
                    + " (2 GiB)");
        }
        return String.join("\n", lines);
    }

    /** Cuts the content into lines and decodes each one. */
    private static final class Splitter {
        private final FileInput in;
        private final List<String> lines;
        private final int maxLines;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private byte[] line = new byte[256];
        private int length;
        private long lineStart;       // content offset of the line's first byte
        private long offset;          // content offset of the next byte

        Splitter(FileInput in, List<String> lines, int maxLines) {
            this.in = in;
            this.lines = lines;
            this.maxLines = maxLines;
        }

        void run() throws IOException {
            byte[] buffer = new byte[1 << 16];
            boolean afterCr = false;
            int n;
            while (lines.size() < maxLines && (n = in.read(buffer, 0, buffer.length)) >= 0) {
                for (int i = 0; i < n && lines.size() < maxLines; i++) {
                    byte b = buffer[i];
                    if (offset == 0) {
                        checkStart(buffer, i, n);
                    }
                    offset++;
                    if (b == '\n' && afterCr) {
                        afterCr = false;
                        lineStart = offset;
                        continue;
                    }
                    afterCr = b == '\r';
                    if (b == '\n' || b == '\r') {
                        endLine();
                        lineStart = offset;
                    } else {
                        append(b);
                    }
                }
            }
            if (length > 0 && lines.size() < maxLines) {
                endLine();                                  // a last line without a line end
            }
        }

        /** A UTF-16 or UTF-32 byte-order mark gets a message of its own; a UTF-8 one is skipped. */
        private void checkStart(byte[] buffer, int i, int n) {
            int b0 = buffer[i] & 0xFF;
            int b1 = i + 1 < n ? buffer[i + 1] & 0xFF : -1;
            if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE)) {
                throw new DataFormatException(in.file(), 1, "starts with a UTF-16 byte-order mark (0x"
                        + Integer.toHexString(b0).toUpperCase(Locale.ROOT) + " 0x"
                        + Integer.toHexString(b1).toUpperCase(Locale.ROOT) + "); expected UTF-8 text: save the file as UTF-8");
            }
        }

        private void append(byte b) {
            if (b == 0) {
                throw new DataFormatException(in.file(), lines.size() + 1, "column " + (length + 1) + " (" + in.at(offset - 1)
                        + ") holds a NUL byte; expected UTF-8 text (is this UTF-16 text, or not a text file at all?)");
            }
            if (length == line.length) {
                if (length == MAX_LENGTH) {
                    throw new DataFormatException(in.file(), lines.size() + 1, "the line is longer than 2 GiB");
                }
                line = Arrays.copyOf(line, (int) Math.min(MAX_LENGTH, 2L * length));
            }
            line[length++] = b;
        }

        private void endLine() {
            int from = 0;
            if (lines.isEmpty() && length >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB
                    && (line[2] & 0xFF) == 0xBF) {
                from = 3;                                           // the UTF-8 byte-order mark
            }
            lines.add(decode(from));
            length = 0;
        }

        private String decode(int from) {
            boolean ascii = true;
            for (int i = from; i < length && ascii; i++) {
                ascii = line[i] >= 0;
            }
            if (ascii) {
                return new String(line, from, length - from, StandardCharsets.ISO_8859_1);
            }
            ByteBuffer bytes = ByteBuffer.wrap(line, from, length - from);
            CharBuffer chars = CharBuffer.allocate(length - from);
            decoder.reset();
            CoderResult result = decoder.decode(bytes, chars, true);
            if (!result.isError()) {
                result = decoder.flush(chars);
            }
            if (result.isError()) {
                int bad = bytes.position();
                throw new DataFormatException(in.file(), lines.size() + 1, "column " + (chars.position() + 1) + " ("
                        + in.at(lineStart + bad) + ") holds the byte 0x"
                        + String.format(Locale.ROOT, "%02X", line[bad] & 0xFF) + ", which is not UTF-8 here; expected"
                        + " UTF-8 text: save the file as UTF-8");
            }
            chars.flip();
            return chars.toString();
        }
    }
}
