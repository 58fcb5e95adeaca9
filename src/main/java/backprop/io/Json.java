package backprop.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON writer and reader, enough for results and model files. Values are {@code Map<String, Object>}
 * (insertion order kept), {@code List<Object>}, {@code String}, {@code Double}/{@code Number},
 * {@code Boolean} and {@code null}. Doubles are written with {@link Double#toString(double)}, which
 * reads back to the same double; NaN and infinities, which JSON lacks, are written as null.
 */
public final class Json {

    private Json() {
    }

    // ------------------------------------------------------------------ writing

    /**
     * The value as compact JSON text.
     *
     * @param value a map, list, string, number, boolean, {@code double[]}, {@code double[][]} or null
     * @return the JSON text; the rows of a {@code double[][]} on lines of their own
     */
    public static String write(Object value) {
        StringBuilder s = new StringBuilder();
        write(value, s);
        return s.toString();
    }

    private static void write(Object value, StringBuilder s) {
        if (value == null) {
            s.append("null");
        } else if (value instanceof String str) {
            string(str, s);
        } else if (value instanceof Double d) {
            s.append(Double.isFinite(d) ? Double.toString(d) : "null");
        } else if (value instanceof Float f) {
            write(f.doubleValue(), s);
        } else if (value instanceof Number || value instanceof Boolean) {
            s.append(value);
        } else if (value instanceof double[] row) {
            s.append('[');
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    s.append(',');
                }
                write(row[i], s);
            }
            s.append(']');
        } else if (value instanceof double[][] matrix) {
            s.append('[');
            for (int i = 0; i < matrix.length; i++) {
                s.append(i > 0 ? ",\n" : "");
                write(matrix[i], s);
            }
            s.append(']');
        } else if (value instanceof Map<?, ?> map) {
            s.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    s.append(',');
                }
                first = false;
                string(String.valueOf(e.getKey()), s);
                s.append(':');
                write(e.getValue(), s);
            }
            s.append('}');
        } else if (value instanceof List<?> list) {
            s.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    s.append(',');
                }
                write(list.get(i), s);
            }
            s.append(']');
        } else {
            throw new IllegalArgumentException("json: cannot write a " + value.getClass().getSimpleName());
        }
    }

    private static void string(String str, StringBuilder s) {
        s.append('"');
        for (int i = 0; i < str.length(); i++) {
            char c = str.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        s.append('"');
    }

    // ------------------------------------------------------------------ reading

    /** Thrown for text that is not JSON; the message gives the line and column. */
    public static final class ParseException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        ParseException(String message) {
            super(message);
        }
    }

    /** The deepest nesting of arrays and objects {@link #parse} reads; model files need 4. */
    public static final int MAX_DEPTH = 256;

    /**
     * Parses JSON text (RFC 8259). Numbers become {@code Double}; objects keep their key order. Anything
     * else ends in a {@link ParseException} naming the line and column: a number outside the grammar or too
     * large for a double, a bad escape, a key given twice, a control character inside a string, nesting
     * deeper than {@link #MAX_DEPTH}.
     *
     * @param text the JSON text
     * @return a {@code Map<String, Object>}, {@code List<Object>}, {@code String}, {@code Double},
     *         {@code Boolean} or null
     */
    public static Object parse(String text) {
        Reader r = new Reader(text);
        r.space();
        Object value = r.value();
        r.space();
        if (r.pos < text.length()) {
            throw r.error("unexpected text after the JSON value");
        }
        return value;
    }

    private static final class Reader {
        private final String text;
        private int pos;
        private int depth;

        Reader(String text) {
            this.text = text;
        }

        ParseException error(String problem) {
            int line = 1;
            int column = 1;
            for (int i = 0; i < pos && i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            return new ParseException("line " + line + ", column " + column + ": " + problem);
        }

        void space() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        Object value() {
            if (pos >= text.length()) {
                throw error("the text ends where a value was expected");
            }
            char c = text.charAt(pos);
            if (c == '{' || c == '[') {
                if (depth == MAX_DEPTH) {
                    throw error("arrays and objects nested more than " + MAX_DEPTH + " deep");
                }
                depth++;
                Object nested = c == '{' ? object() : array();
                depth--;
                return nested;
            } else if (c == '"') {
                return string();
            } else if (text.startsWith("true", pos)) {
                pos += 4;
                return Boolean.TRUE;
            } else if (text.startsWith("false", pos)) {
                pos += 5;
                return Boolean.FALSE;
            } else if (text.startsWith("null", pos)) {
                pos += 4;
                return null;
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                return number();
            }
            throw error("unexpected character '" + shown(String.valueOf(c)) + "'");
        }

        Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            pos++;
            space();
            if (peek('}')) {
                pos++;
                return map;
            }
            while (true) {
                space();
                if (!peek('"')) {
                    throw error("expected a quoted key");
                }
                int keyStart = pos;
                String key = string();
                if (map.containsKey(key)) {
                    pos = keyStart;
                    throw error("the key \"" + shown(key) + "\" appears twice in one object");
                }
                space();
                expect(':');
                space();
                map.put(key, value());
                space();
                if (peek(',')) {
                    pos++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        List<Object> array() {
            List<Object> list = new ArrayList<>();
            pos++;
            space();
            if (peek(']')) {
                pos++;
                return list;
            }
            while (true) {
                space();
                list.add(value());
                space();
                if (peek(',')) {
                    pos++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        String string() {
            StringBuilder s = new StringBuilder();
            pos++;
            while (true) {
                if (pos >= text.length()) {
                    throw error("a string is not closed");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    return s.toString();
                }
                if (c < 0x20) {
                    pos--;
                    throw error("a control character (code " + (int) c + ") inside a string; write it as an escape");
                }
                if (c == '\\') {
                    if (pos >= text.length()) {
                        throw error("a string is not closed");
                    }
                    char e = text.charAt(pos++);
                    switch (e) {
                        case '"', '\\', '/' -> s.append(e);
                        case 'n' -> s.append('\n');
                        case 'r' -> s.append('\r');
                        case 't' -> s.append('\t');
                        case 'b' -> s.append('\b');
                        case 'f' -> s.append('\f');
                        case 'u' -> {
                            int code = 0;
                            for (int k = 0; k < 4; k++) {
                                int digit = pos + k < text.length() ? Character.digit(text.charAt(pos + k), 16) : -1;
                                if (digit < 0) {
                                    pos -= 2;
                                    throw error("a \\u escape needs four hex digits (0-9, a-f), found '"
                                            + shown(text.substring(pos, Math.min(text.length(), pos + 6))) + "'");
                                }
                                code = code * 16 + digit;
                            }
                            s.append((char) code);
                            pos += 4;
                        }
                        default -> throw error("unknown escape \\" + shown(String.valueOf(e)));
                    }
                } else {
                    s.append(c);
                }
            }
        }

        /** -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, finite as a double. */
        Double number() {
            int start = pos;
            if (peek('-')) {
                pos++;
            }
            boolean valid;
            if (peek('0')) {
                pos++;
                valid = true;
            } else {
                valid = digits() > 0;
            }
            if (valid && peek('.')) {
                pos++;
                valid = digits() > 0;
            }
            if (valid && (peek('e') || peek('E'))) {
                pos++;
                if (peek('+') || peek('-')) {
                    pos++;
                }
                valid = digits() > 0;
            }
            while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
                pos++;
                valid = false;
            }
            String number = text.substring(start, pos);
            if (!valid) {
                pos = start;
                throw error("'" + (number.length() > 20 ? number.substring(0, 20) + "…" : number)
                        + "' is not a JSON number");
            }
            double value = Double.parseDouble(number);
            if (Double.isInfinite(value)) {
                pos = start;
                throw error("the number " + (number.length() > 20 ? number.substring(0, 20) + "…" : number)
                        + " is too large for a double");
            }
            return value;
        }

        private int digits() {
            int n = 0;
            while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                pos++;
                n++;
            }
            return n;
        }

        /** Text as a message shows it: at most 30 characters, control characters as '?'. */
        static String shown(String s) {
            String cut = s.length() > 30 ? s.substring(0, 27) + "…" : s;
            StringBuilder out = new StringBuilder();
            cut.chars().forEach(c -> out.append(Character.isISOControl(c) ? '?' : (char) c));
            return out.toString();
        }

        boolean peek(char c) {
            return pos < text.length() && text.charAt(pos) == c;
        }

        void expect(char c) {
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }
    }
}
