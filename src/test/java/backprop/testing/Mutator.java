package backprop.testing;

import backprop.random.SplitMix64;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;

/**
 * Seeded mutations of a file's bytes, for the fuzz suite: byte flips, truncations, insertions and
 * deletions; header fields set to 0, −1, 2^31−1 and 2^63−1; numbers in text replaced by edge values;
 * lines dropped, repeated or blanked; wrong encodings (UTF-16, Latin-1 bytes, NUL, byte-order marks); deep
 * nesting of brackets. Every mutation is written to {@link #description()} so a failing case can be
 * named and replayed from its seed.
 */
public final class Mutator {

    /** Values a 32-bit header field is set to. */
    private static final int[] EDGE_INTS = {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 1, 1 << 24, 65536};

    /** Tokens a number in text is replaced by. */
    private static final String[] EDGE_TOKENS = {"0", "-1", "2147483647", "9223372036854775807",
        "-9223372036854775808", "1e400", "-1e400", "NaN", "Infinity", "5.0", "1e0", "0x10", "", "1f", "1e-400", "00",
        "1.", ".5", "-", "+1", "1e", "3000000000", "5e8", "255", "256", "9", "10", "-0", "0.5"};

    private final SplitMix64 random;
    private final List<String> log = new ArrayList<>();

    /** @param random draws every choice */
    public Mutator(SplitMix64 random) {
        this.random = random;
    }

    /** @return the mutations applied so far, in order */
    public String description() {
        return String.join("; ", log);
    }

    /** @return a draw in 0..bound−1 */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** 1 to 3 byte-level mutations: bit flips, random bytes, truncation, insertion, deletion, repetition. */
    public byte[] bytes(byte[] in) {
        byte[] b = in;
        int rounds = 1 + random.nextInt(3);
        for (int k = 0; k < rounds; k++) {
            b = oneByteMutation(b);
        }
        return b;
    }

    private byte[] oneByteMutation(byte[] b) {
        if (b.length == 0) {
            log.add("insert into empty");
            return randomBytes(1 + random.nextInt(8));
        }
        switch (random.nextInt(7)) {
            case 0 -> {
                byte[] out = b.clone();
                int flips = 1 + random.nextInt(4);
                for (int i = 0; i < flips; i++) {
                    int at = random.nextInt(out.length);
                    int bit = random.nextInt(8);
                    out[at] ^= (byte) (1 << bit);
                    log.add("flip bit " + bit + " of byte " + at);
                }
                return out;
            }
            case 1 -> {
                byte[] out = b.clone();
                int at = random.nextInt(out.length);
                out[at] = (byte) random.nextInt(256);
                log.add("set byte " + at + " to " + (out[at] & 0xFF));
                return out;
            }
            case 2 -> {
                int length = random.nextInt(b.length);
                log.add("truncate to " + length);
                return Arrays.copyOf(b, length);
            }
            case 3 -> {
                int at = random.nextInt(b.length + 1);
                byte[] extra = randomBytes(1 + random.nextInt(16));
                log.add("insert " + extra.length + " random bytes at " + at);
                return splice(b, at, 0, extra);
            }
            case 4 -> {
                int at = random.nextInt(b.length);
                int length = 1 + random.nextInt(Math.min(64, b.length - at));
                log.add("delete " + length + " bytes at " + at);
                return splice(b, at, length, new byte[0]);
            }
            case 5 -> {
                int at = random.nextInt(b.length);
                int length = 1 + random.nextInt(Math.min(256, b.length - at));
                log.add("repeat " + length + " bytes at " + at);
                return splice(b, at, 0, Arrays.copyOfRange(b, at, at + length));
            }
            default -> {
                int at = random.nextInt(b.length);
                int length = 1 + random.nextInt(Math.min(8, b.length - at));
                byte[] out = b.clone();
                Arrays.fill(out, at, at + length, random.nextInt(2) == 0 ? 0 : (byte) 0xFF);
                log.add("fill " + length + " bytes at " + at + " with 0x" + Integer.toHexString(out[at] & 0xFF));
                return out;
            }
        }
    }

    /**
     * Sets one big-endian 32-bit field at one of {@code offsets} to an edge value, or the 8 bytes from
     * there to 2^63−1.
     */
    public byte[] header(byte[] in, int... offsets) {
        byte[] out = in.clone();
        int at = offsets[random.nextInt(offsets.length)];
        if (random.nextInt(5) == 0 && at + 8 <= out.length) {
            putLong(out, at, Long.MAX_VALUE);
            log.add("bytes " + at + "-" + (at + 7) + " set to 2^63-1");
        } else if (at + 4 <= out.length) {
            int value = EDGE_INTS[random.nextInt(EDGE_INTS.length)];
            putInt(out, at, value);
            log.add("field at " + at + " set to " + value);
        }
        return out;
    }

    /** A text mutation: a number replaced by an edge value, a line dropped, repeated or blanked, a separator changed. */
    public byte[] text(byte[] in) {
        String s = new String(in, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
        switch (random.nextInt(6)) {
            case 0, 1 -> {
                List<int[]> numbers = numberSpans(s);
                if (numbers.isEmpty()) {
                    return bytes(in);
                }
                int[] span = numbers.get(random.nextInt(numbers.size()));
                String token = EDGE_TOKENS[random.nextInt(EDGE_TOKENS.length)];
                log.add("number at " + span[0] + " ('" + s.substring(span[0], span[1]) + "') set to '" + token + "'");
                return (s.substring(0, span[0]) + token + s.substring(span[1])).getBytes(StandardCharsets.UTF_8);
            }
            case 2 -> {
                int line = random.nextInt(lines.size());
                log.add("drop line " + (line + 1));
                lines.remove(line);
            }
            case 3 -> {
                int line = random.nextInt(lines.size());
                log.add("repeat line " + (line + 1));
                lines.add(line, lines.get(line));
            }
            case 4 -> {
                int line = random.nextInt(lines.size() + 1);
                String blank = random.nextInt(2) == 0 ? "" : "  \t";
                log.add("blank line before " + (line + 1));
                lines.add(line, blank);
            }
            default -> {
                int at = random.nextInt(s.length() + 1);
                String[] inserts = {",", "\"", ",,", "\r", "\r\n", ";", "\\", "\\u12G4", "\\x", "{", "}", "[", "]", ":"};
                String insert = inserts[random.nextInt(inserts.length)];
                log.add("insert '" + insert.replace("\r", "\\r").replace("\n", "\\n") + "' at " + at);
                return (s.substring(0, at) + insert + s.substring(at)).getBytes(StandardCharsets.UTF_8);
            }
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    /** A wrong encoding: UTF-16 with or without a byte-order mark, a Latin-1 or stray byte, a NUL, a byte-order mark. */
    public byte[] encoding(byte[] in) {
        String s = new String(in, StandardCharsets.UTF_8);
        switch (random.nextInt(7)) {
            case 0 -> {
                log.add("as UTF-16 with a byte-order mark");
                return s.getBytes(StandardCharsets.UTF_16);
            }
            case 1 -> {
                log.add("as UTF-16LE without a byte-order mark");
                return s.getBytes(StandardCharsets.UTF_16LE);
            }
            case 2 -> {
                log.add("as Latin-1 with an é");
                int at = random.nextInt(s.length() + 1);
                return (s.substring(0, at) + "é" + s.substring(at)).getBytes(StandardCharsets.ISO_8859_1);
            }
            case 3 -> {
                byte[][] strays = {{(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0,
                    (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}};
                byte[] stray = strays[random.nextInt(strays.length)];
                int at = random.nextInt(in.length + 1);
                log.add("invalid UTF-8 (" + stray.length + " bytes from 0x" + Integer.toHexString(stray[0] & 0xFF)
                        + ") at " + at);
                return splice(in, at, 0, stray);
            }
            case 4 -> {
                int at = random.nextInt(in.length + 1);
                log.add("NUL at " + at);
                return splice(in, at, 0, new byte[] {0});
            }
            case 5 -> {
                log.add("UTF-8 byte-order mark");
                return splice(in, 0, 0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            default -> {
                log.add("UTF-32 byte-order mark");
                return splice(in, 0, 0, new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0});
            }
        }
    }

    /** Brackets nested 10, 255, 256, 257 or 3,000 deep at a random place, closed or not. */
    public byte[] nesting(byte[] in) {
        int[] depths = {10, 255, 256, 257, 3000};
        int depth = depths[random.nextInt(depths.length)];
        boolean objects = random.nextInt(2) == 0;
        boolean closed = random.nextInt(2) == 0;
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            s.append(objects ? "{\"a\":" : "[");
        }
        s.append("1");
        if (closed) {
            for (int i = 0; i < depth; i++) {
                s.append(objects ? "}" : "]");
            }
        }
        String text = new String(in, StandardCharsets.UTF_8);
        List<int[]> numbers = numberSpans(text);
        log.add((closed ? "closed " : "open ") + (objects ? "objects" : "arrays") + " nested " + depth + " deep");
        if (numbers.isEmpty()) {
            return s.toString().getBytes(StandardCharsets.UTF_8);
        }
        int[] span = numbers.get(random.nextInt(numbers.size()));
        return (text.substring(0, span[0]) + s + text.substring(span[1])).getBytes(StandardCharsets.UTF_8);
    }

    /** Recomputes the CRC of every PNG chunk, so that a mutated header reaches the decoder's later checks. */
    public static byte[] fixPngCrcs(byte[] png) {
        byte[] out = png.clone();
        int at = 8;
        while (at + 12 <= out.length) {
            long length = getInt(out, at) & 0xFFFFFFFFL;
            if (at + 12 + length > out.length) {
                break;
            }
            CRC32 crc = new CRC32();
            crc.update(out, at + 4, (int) (4 + length));
            putInt(out, at + 8 + (int) length, (int) crc.getValue());
            at += 12 + (int) length;
        }
        return out;
    }

    /** Gzip-compresses {@code plain}. */
    public static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Big-endian 32-bit value at {@code at}. */
    public static int getInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private static void putLong(byte[] b, int at, long v) {
        putInt(b, at, (int) (v >>> 32));
        putInt(b, at + 4, (int) v);
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
        return out;
    }

    /** Start and end of every run of digits (with a leading minus sign, point and exponent) in {@code s}. */
    private static List<int[]> numberSpans(String s) {
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if ((c >= '0' && c <= '9') || (c == '-' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                int start = i;
                i++;
                while (i < s.length() && "0123456789.eE+-".indexOf(s.charAt(i)) >= 0) {
                    i++;
                }
                spans.add(new int[] {start, i});
            } else {
                i++;
            }
        }
        return spans;
    }
}
