package backprop.vectors;

import backprop.random.Logarithm;
import backprop.random.SplitMix64;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code generator.json}: the random generator's draws and the logarithm behind its normals, bit-exact. */
final class GeneratorVectors {

    static final long[] SEEDS = {0, 1, 2024};
    static final int DRAWS = 1000;
    static final int[] BOUNDS = {1, 2, 3, 7, 10, 100, 1000, 1 << 20, Integer.MAX_VALUE};

    private GeneratorVectors() {
    }

    static Map<String, Object> build() {
        Map<String, Object> file = Encoding.header("generator",
                "SplitMix64: for each seed, the first " + DRAWS + " nextLong, nextDouble and nextGaussian, each "
                        + "sequence from a fresh generator; nextInt(bound) for a list of bounds from one generator; "
                        + "permutations of 0..9 and 0..99; ln (Logarithm.ln, the logarithm the normals use) at "
                        + "chosen arguments; and the polar method's steps for the first normals of seed 0: for "
                        + "each normal, pairs_rejected counts the (u, v) pairs rejected (s = 0 or s >= 1) before "
                        + "this normal's accepted pair, after the previous normal's accepted pair; then the "
                        + "accepted u, v, s, ln(s) and the normal",
                Encoding.tolerances("all", 0.0));
        List<Object> seeds = new ArrayList<>();
        for (long seed : SEEDS) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("seed", seed);
            s.put("seed_hex", Encoding.hex(seed));
            SplitMix64 r = new SplitMix64(seed);
            List<String> longs = new ArrayList<>();
            for (int i = 0; i < DRAWS; i++) {
                longs.add(Encoding.hex(r.nextLong()));
            }
            s.put("nextLong", longs);
            r = new SplitMix64(seed);
            double[] doubles = new double[DRAWS];
            for (int i = 0; i < DRAWS; i++) {
                doubles[i] = r.nextDouble();
            }
            Encoding.putExact(s, "nextDouble", doubles);
            r = new SplitMix64(seed);
            double[] normals = new double[DRAWS];
            for (int i = 0; i < DRAWS; i++) {
                normals[i] = r.nextGaussian();
            }
            Encoding.putExact(s, "nextGaussian", normals);
            seeds.add(s);
        }
        file.put("seeds", seeds);
        file.put("nextInt", nextInt());
        file.put("permutations", List.of(permutation(10, 10), permutation(100, 100)));
        file.put("ln", ln());
        file.put("polar", polar(0, 8));
        return file;
    }

    private static Map<String, Object> nextInt() {
        Map<String, Object> m = new LinkedHashMap<>();
        long seed = 7;
        SplitMix64 r = new SplitMix64(seed);
        List<Integer> bounds = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
            for (int bound : BOUNDS) {
                bounds.add(bound);
                values.add(r.nextInt(bound));
            }
        }
        m.put("about", "one generator; draw i is nextInt(bounds[i])");
        m.put("seed", seed);
        m.put("bounds", bounds);
        m.put("values", values);
        return m;
    }

    /** A fresh generator's permutation(n): the identity 0..n−1 shuffled from the end (Fisher–Yates). */
    private static Map<String, Object> permutation(long seed, int n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", seed);
        m.put("n", n);
        List<Integer> p = new ArrayList<>();
        for (int v : new SplitMix64(seed).permutation(n)) {
            p.add(v);
        }
        m.put("result", p);
        return m;
    }

    private static Map<String, Object> ln() {
        List<Double> xs = new ArrayList<>(List.of(1.0, 2.0, 0.5, Math.E, 10.0, 0.1, 1e-300, Double.MIN_VALUE,
                Double.MIN_NORMAL, Double.MAX_VALUE, Logarithm.SQRT_HALF, Math.nextDown(Logarithm.SQRT_HALF),
                Logarithm.SQRT_TWO, Math.nextDown(Logarithm.SQRT_TWO), Math.nextUp(1.0), Math.nextDown(1.0),
                0x1.0p-104));
        SplitMix64 r = new SplitMix64(3);
        for (int i = 0; i < 100; i++) {
            xs.add(1.0 - r.nextDouble());                                    // (0, 1], as the normals use it
        }
        for (int i = 0; i < 50; i++) {
            xs.add(StrictMath.exp(-700 * r.nextDouble()));                   // down to 1e-304
        }
        for (int i = 0; i < 30; i++) {
            xs.add(1.0 + (r.nextDouble() - 0.5) * 0x1.0p-20);               // near 1
        }
        double[] x = new double[xs.size()];
        double[] y = new double[xs.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = xs.get(i);
            y[i] = Logarithm.ln(x[i]);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        Encoding.putExact(m, "x", x);
        Encoding.putExact(m, "ln", y);
        return m;
    }

    /** The polar method step by step for the first {@code count} normals of {@code seed}: pairs tried, the kept one. */
    private static List<Object> polar(long seed, int count) {
        SplitMix64 steps = new SplitMix64(seed);
        SplitMix64 drawn = new SplitMix64(seed);
        List<Object> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int rejected = 0;
            while (true) {
                double u = 2.0 * steps.nextDouble() - 1.0;
                double v = 2.0 * steps.nextDouble() - 1.0;
                double s = u * u + v * v;
                if (s > 0 && s < 1) {
                    double lnS = Logarithm.ln(s);
                    double value = u * Math.sqrt(-2.0 * lnS / s);
                    double check = drawn.nextGaussian();
                    if (Double.doubleToRawLongBits(check) != Double.doubleToRawLongBits(value)) {
                        throw new IllegalStateException("generator.json: the polar steps give " + value
                                + " but nextGaussian gives " + check + "; make the two agree");
                    }
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("pairs_rejected", rejected);
                    Encoding.putExact(m, "u", u);
                    Encoding.putExact(m, "v", v);
                    Encoding.putExact(m, "s", s);
                    Encoding.putExact(m, "ln_s", lnS);
                    Encoding.putExact(m, "normal", value);
                    out.add(m);
                    break;
                }
                rejected++;
            }
        }
        return out;
    }
}
