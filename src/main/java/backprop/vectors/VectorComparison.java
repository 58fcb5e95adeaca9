package backprop.vectors;

import backprop.io.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a vector file with another version of it, the way a port compares its own numbers
 * ({@link Vectors#TOLERANCE_RULE}): each number at the tolerance of the nearest enclosing field, or list
 * element by its {@code name}, that the file's {@code tolerance} names ({@code all} for the whole file, 0
 * outside every named one); at tolerance 0 bit
 * for bit, otherwise for each array of numbers {@code max |got − want| ≤ t · max |want|}. Everything else
 * (names, shapes, strings, the {@code _bits} patterns) must be equal. Unlike a port, it also compares the
 * prose fields ({@code about}, {@code case}, {@code description}), since it checks as well that the files
 * are current.
 */
public final class VectorComparison {

    /** At most this many differences are listed per file. */
    private static final int MAX_LISTED = 20;

    private VectorComparison() {
    }

    /**
     * The differences between a file as expected and as computed, each section at its stated tolerance
     * multiplied by {@code scale}.
     *
     * @param name  the file's name, for the messages
     * @param want  the expected file, as {@link Json#parse} reads it
     * @param got   the computed file, as {@link Json#parse} reads it
     * @param scale multiplies every stated tolerance: 1 for a port or the fast products; less to demand
     *              more of the code that wrote the file
     * @return one line per difference (at most {@value #MAX_LISTED}); empty when the files agree
     */
    public static List<String> differences(String name, Object want, Object got, double scale) {
        List<String> out = new ArrayList<>();
        if (!(want instanceof Map<?, ?> w) || !(w.get("tolerance") instanceof Map<?, ?> tolerances)) {
            out.add(name + ": no 'tolerance' object at the top; not a vector file");
            return out;
        }
        double start = tolerances.get("all") instanceof Double t ? t * scale : 0.0;
        new Walk(out, tolerances, scale).compare(want, got, name, start);
        if (out.size() > MAX_LISTED) {
            int more = out.size() - MAX_LISTED;
            out.subList(MAX_LISTED, out.size()).clear();
            out.add(name + ": … and " + more + " more differences");
        }
        return out;
    }

    /**
     * The same for two texts of a file.
     *
     * @param name  the file's name, for the messages
     * @param want  the expected text
     * @param got   the computed text
     * @param scale multiplies every stated tolerance
     * @return one line per difference; empty when the files agree
     */
    public static List<String> differences(String name, String want, String got, double scale) {
        if (want.equals(got)) {
            return List.of();
        }
        return differences(name, Json.parse(want), Json.parse(got), scale);
    }

    private record Walk(List<String> out, Map<?, ?> tolerances, double scale) {

        void compare(Object want, Object got, String path, double tolerance) {
            if (want instanceof Map<?, ?> w) {
                if (!(got instanceof Map<?, ?> g)) {
                    out.add(path + ": expected an object, got " + kind(got));
                    return;
                }
                for (Object key : w.keySet()) {
                    if (!g.containsKey(key)) {
                        out.add(path + ": field '" + key + "' is missing");
                    }
                }
                for (Object key : g.keySet()) {
                    if (!w.containsKey(key)) {
                        out.add(path + ": unexpected field '" + key + "'");
                    }
                }
                for (Map.Entry<?, ?> e : w.entrySet()) {
                    if (g.containsKey(e.getKey())) {
                        double t = tolerances.get(e.getKey()) instanceof Double d && !path.endsWith(".tolerance")
                                ? d * scale : tolerance;
                        compare(e.getValue(), g.get(e.getKey()), path + "." + e.getKey(), t);
                    }
                }
            } else if (isNumbers(want)) {
                if (!isNumbers(got)) {
                    out.add(path + ": expected numbers, got " + kind(got));
                    return;
                }
                numbers(want, got, path, tolerance);
            } else if (want instanceof List<?> w) {
                if (!(got instanceof List<?> g) || g.size() != w.size()) {
                    out.add(path + ": expected a list of " + w.size() + ", got " + kind(got));
                    return;
                }
                for (int i = 0; i < w.size(); i++) {
                    double t = w.get(i) instanceof Map<?, ?> m && m.get("name") instanceof String name
                            && tolerances.get(name) instanceof Double d ? d * scale : tolerance;
                    compare(w.get(i), g.get(i), path + "[" + label(w.get(i), i) + "]", t);
                }
            } else if (!Objects.equals(want, got)) {
                out.add(path + ": expected " + want + ", got " + got);
            }
        }

        /** One array of numbers (a number, a list, or a list of lists), compared as a whole. */
        private void numbers(Object want, Object got, String path, double tolerance) {
            List<Double> w = new ArrayList<>();
            List<Double> g = new ArrayList<>();
            List<String> where = new ArrayList<>();
            if (!flatten(want, got, "", w, g, where)) {
                out.add(path + ": the shapes differ");
                return;
            }
            if (tolerance == 0) {
                bitForBit(w, g, where, path);
                return;
            }
            double scaleOfWant = 0;
            for (Double v : w) {
                scaleOfWant = Math.max(scaleOfWant, v == null ? 0 : Math.abs(v));
            }
            double allowed = tolerance * scaleOfWant;
            double worst = -1;
            int at = -1;
            for (int i = 0; i < w.size(); i++) {
                Double a = w.get(i);
                Double b = g.get(i);
                if (a == null || b == null) {
                    if (a != b) {
                        out.add(path + where.get(i) + ": expected " + a + ", got " + b);
                        return;
                    }
                    continue;
                }
                double d = Math.abs(a - b);
                if (!(d <= allowed) && (Double.isNaN(d) || d > worst)) {
                    worst = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
                    at = i;
                }
            }
            if (at >= 0) {
                out.add(String.format(Locale.ROOT, "%s%s: expected %s, got %s; difference %.3g, allowed %.3g "
                        + "(tolerance %.1e × largest |expected| %.3g)", path, where.get(at), w.get(at), g.get(at),
                        worst, allowed, tolerance, scaleOfWant));
            }
        }

        /** Tolerance 0: each number must have the expected bit pattern (so −0.0 is not 0.0; null, NaN, is null). */
        private void bitForBit(List<Double> w, List<Double> g, List<String> where, String path) {
            for (int i = 0; i < w.size(); i++) {
                Double a = w.get(i);
                Double b = g.get(i);
                boolean same = a == null || b == null ? a == b
                        : Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b);
                if (!same) {
                    out.add(path + where.get(i) + ": expected " + a + ", got " + b + " (bit for bit)");
                    return;
                }
            }
        }

        private static boolean flatten(Object want, Object got, String where, List<Double> w, List<Double> g,
                List<String> places) {
            if (want instanceof List<?> lw) {
                if (!(got instanceof List<?> lg) || lg.size() != lw.size()) {
                    return false;
                }
                for (int i = 0; i < lw.size(); i++) {
                    if (!flatten(lw.get(i), lg.get(i), where + "[" + i + "]", w, g, places)) {
                        return false;
                    }
                }
                return true;
            }
            if (got instanceof List<?>) {
                return false;
            }
            w.add((Double) want);
            g.add((Double) got);
            places.add(where);
            return true;
        }

        /** A number, null (NaN), or a non-empty list whose entries are all such arrays. */
        private static boolean isNumbers(Object v) {
            if (v == null || v instanceof Double) {
                return true;
            }
            if (v instanceof List<?> l && !l.isEmpty()) {
                for (Object o : l) {
                    if (!(o instanceof Double) && !(o instanceof List<?> && isNumbers(o)) && o != null) {
                        return false;
                    }
                }
                return true;
            }
            return false;
        }

        private static String label(Object element, int index) {
            if (element instanceof Map<?, ?> m && m.get("name") instanceof String s) {
                return s;
            }
            return String.valueOf(index);
        }

        private static String kind(Object v) {
            return v == null ? "null" : v instanceof Map ? "an object" : v instanceof List<?> l ? "a list of "
                    + l.size() : v instanceof String s ? "'" + s + "'" : String.valueOf(v);
        }
    }
}
