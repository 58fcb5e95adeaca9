package backprop.vectors;

import backprop.layers.Initializer;
import backprop.layers.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the vector files write numbers: doubles as round-trip decimals (what {@code Json} writes), and where
 * bits are promised also as 16 lower-case hex digits of their IEEE-754 pattern, in a sibling field named
 * with {@code _bits}; 64-bit words as 16 hex digits; and the checksum of a run of doubles.
 */
final class Encoding {

    /** FNV-1a's offset basis and prime, applied to whole 64-bit words: see {@link #checksum}. */
    static final long CHECKSUM_START = 0xcbf29ce484222325L;
    static final long CHECKSUM_PRIME = 0x100000001b3L;

    private Encoding() {
    }

    /** A 64-bit word as 16 hex digits, unsigned. */
    static String hex(long word) {
        return String.format(Locale.ROOT, "%016x", word);
    }

    /** The bit pattern of a double as 16 hex digits. */
    static String bits(double v) {
        return hex(Double.doubleToRawLongBits(v));
    }

    static List<String> bits(double[] row) {
        List<String> out = new ArrayList<>();
        for (double v : row) {
            out.add(bits(v));
        }
        return out;
    }

    static List<List<String>> bits(double[][] m) {
        List<List<String>> out = new ArrayList<>();
        for (double[] row : m) {
            out.add(bits(row));
        }
        return out;
    }

    /** Puts {@code key} (the decimals) and {@code key_bits} (the bit patterns) into {@code map}. */
    static void putExact(Map<String, Object> map, String key, double[][] m) {
        map.put(key, copy(m));
        map.put(key + "_bits", bits(m));
    }

    static void putExact(Map<String, Object> map, String key, double[] v) {
        map.put(key, v);
        map.put(key + "_bits", bits(v));
    }

    static void putExact(Map<String, Object> map, String key, double v) {
        map.put(key, v);
        map.put(key + "_bits", bits(v));
    }

    /**
     * h = 0xcbf29ce484222325; for each value in row-major order: h = (h XOR bits(value))·0x100000001b3
     * modulo 2^64. Any change of any bit, or of the order, changes it.
     */
    static long checksum(long h, double[][] m) {
        for (double[] row : m) {
            for (double v : row) {
                h = (h ^ Double.doubleToRawLongBits(v)) * CHECKSUM_PRIME;
            }
        }
        return h;
    }

    /** The checksum of every parameter's values, one after the other, in the network's order. */
    static long checksum(List<Parameter> parameters) {
        long h = CHECKSUM_START;
        for (Parameter p : parameters) {
            h = checksum(h, p.value());
        }
        return h;
    }

    /** Every parameter's values by name, exact (decimals and bits). */
    static Map<String, Object> parametersExact(List<Parameter> parameters) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            putExact(out, p.name(), p.value());
        }
        return out;
    }

    /** Every parameter's values by name, decimals only. */
    static Map<String, Object> parameters(List<Parameter> parameters) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            out.put(p.name(), copy(p.value()));
        }
        return out;
    }

    /** Every parameter's gradient by name, decimals only. */
    static Map<String, Object> gradients(List<Parameter> parameters) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Parameter p : parameters) {
            out.put(p.name(), copy(p.gradient()));
        }
        return out;
    }

    static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    /**
     * An initialiser as the vectors write it: {@code {"type": "normal", "sigma": 0.01}}, {@code {"type":
     * "uniform", "a": 0.001}}, {@code {"type": "constant", "c": 0.25}}, or {@code {"type": "zeros"}},
     * {@code "xavier"}, {@code "he"}: read from its name, {@code normal(0.01)}.
     */
    static Map<String, Object> initializer(Initializer init) {
        String name = init.name();
        int open = name.indexOf('(');
        String type = open < 0 ? name : name.substring(0, open);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        if (open >= 0) {
            String key = switch (type) {
                case "normal" -> "sigma";
                case "uniform" -> "a";
                case "constant" -> "c";
                default -> throw new IllegalArgumentException("initialiser " + name + " has a parameter the "
                        + "vectors do not know; name it in Encoding.initializer");
            };
            m.put(key, Double.parseDouble(name.substring(open + 1, name.length() - 1)));
        }
        return m;
    }

    /** Rows of whole numbers (pixels) written without a decimal point, which halves their size. */
    static List<List<Long>> whole(double[][] m) {
        List<List<Long>> out = new ArrayList<>();
        for (double[] row : m) {
            List<Long> r = new ArrayList<>(row.length);
            for (double v : row) {
                if (v != Math.rint(v) || Math.abs(v) > 1e15 || Double.doubleToRawLongBits(v) == Long.MIN_VALUE) {
                    throw new IllegalArgumentException(v + " is not a whole number; write it as a double");
                }
                r.add((long) v);
            }
            out.add(r);
        }
        return out;
    }

    /** Section names and tolerances, alternately, in order: {@code tolerances("given", 0.0, "expected", 1e-13)}. */
    static Map<String, Object> tolerances(Object... namesAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return m;
    }

    /** The head of every vector file: what it is, what it holds, and the tolerance of each section. */
    static Map<String, Object> header(String file, String about, Map<String, Object> tolerance) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", Vectors.FORMAT);
        m.put("version", Vectors.VERSION);
        m.put("file", file);
        m.put("about", about);
        m.put("tolerance", tolerance);
        m.put("tolerance_rule", Vectors.TOLERANCE_RULE);
        return m;
    }
}
