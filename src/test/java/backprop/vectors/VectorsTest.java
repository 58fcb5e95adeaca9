package backprop.vectors;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.io.Json;
import backprop.layers.Computation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The checked-in vectors are what the code computes now (so they never go stale), and the fast products
 * meet a tenth of every tolerance the files state, and differ in the bits of the runs promised bit for bit.
 */
class VectorsTest {

    private static final Path FOLDER = Path.of("testdata/vectors");
    /** The code that wrote the files is held to a hundredth of what a port is allowed. */
    private static final double STALE_SCALE = 0.01;
    /** The fast products are held to a tenth of every stated tolerance (NOTES.md §12 says so). */
    private static final double FAST_SCALE = 0.1;

    private static Map<String, Map<String, Object>> plain;
    private static Map<String, Map<String, Object>> fast;

    @BeforeAll
    static void computeBoth() throws IOException {
        Sources sources = new Sources();
        plain = Vectors.generate(Computation.PLAIN, sources);
        fast = Vectors.generate(Computation.FAST, sources);
    }

    private static String checkedIn(String file) throws IOException {
        return Files.readString(FOLDER.resolve(file), StandardCharsets.UTF_8);
    }

    @Test
    void theCheckedInFilesAreWhatTheCodeComputesNow() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String file : Vectors.FILES) {
            problems.addAll(VectorComparison.differences(file, checkedIn(file), Vectors.text(plain.get(file)),
                    STALE_SCALE));
        }
        assertThat(problems).as("testdata/vectors differs from what the code computes; if the change is meant, "
                + "refresh it with 'java -jar target/backprop.jar vectors --out testdata/vectors'").isEmpty();
    }

    /**
     * The fast products group their sums otherwise, so they cannot give the bits of trainer.json's exact runs
     * (the test below shows those runs telling them apart); here those runs' numbers are held, like every
     * other run's, to a tenth of the tolerance of their section.
     */
    @Test
    void theFastProductsMeetATenthOfEveryStatedTolerance() throws IOException {
        List<String> problems = new ArrayList<>();
        for (String file : Vectors.FILES) {
            Map<String, Object> want = parse(checkedIn(file));
            Map<String, Object> got = parse(Vectors.text(fast.get(file)));
            if (file.equals("trainer.json")) {
                dropBitsOfExactRuns(want);
                dropBitsOfExactRuns(got);
            }
            problems.addAll(VectorComparison.differences(file, want, got, FAST_SCALE));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theExactRunsTellTheFastProductsGroupingFromThePlainOrder() throws IOException {
        for (String run : List.of("classification", "regression", "exact-step-decay", "exact-step-on-loss")) {
            List<String> found = VectorComparison.differences("trainer.json", onlyRun(checkedIn("trainer.json"), run),
                    onlyRun(Vectors.text(fast.get("trainer.json")), run), 1.0);
            if (run.startsWith("exact-")) {
                assertThat(found).as(run).isNotEmpty().first().asString().contains("runs[" + run + "]", "_bits");
            } else {
                assertThat(found).as(run).isEmpty();
            }
        }
    }

    /** trainer.json with one run only. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyRun(String trainer, String name) {
        Map<String, Object> file = parse(trainer);
        ((List<Object>) file.get("runs")).removeIf(r -> !name.equals(((Map<String, Object>) r).get("name")));
        assertThat((List<Object>) file.get("runs")).as(name).hasSize(1);
        return file;
    }

    /** Removes the _bits twins of the numbers the exact runs of trainer.json compute (not of their inputs). */
    @SuppressWarnings("unchecked")
    private static void dropBitsOfExactRuns(Map<String, Object> trainer) {
        for (Object o : (List<Object>) trainer.get("runs")) {
            Map<String, Object> run = (Map<String, Object>) o;
            if (Boolean.TRUE.equals(run.get("exact"))) {
                for (Object e : (List<Object>) run.get("epochs")) {
                    ((Map<String, Object>) e).keySet().removeIf(k -> k.endsWith("_bits"));
                }
                ((Map<String, Object>) run.get("final")).keySet().removeIf(k -> k.endsWith("_bits"));
            }
        }
    }

    @Test
    void everyFileSaysWhatItHoldsAndWhatAPortMustMeet() throws IOException {
        long bytes = 0;
        for (String file : Vectors.FILES) {
            Map<?, ?> m = (Map<?, ?>) Json.parse(checkedIn(file));
            assertThat(m.get("format")).isEqualTo(Vectors.FORMAT);
            assertThat(m.get("file") + ".json").isEqualTo(file);
            assertThat((String) m.get("about")).hasSizeGreaterThan(40);
            assertThat((Map<?, ?>) m.get("tolerance")).isNotEmpty();
            assertThat(m.get("tolerance_rule")).isEqualTo(Vectors.TOLERANCE_RULE);
            bytes += Files.size(FOLDER.resolve(file));
        }
        assertThat(bytes).as("testdata/vectors in bytes").isLessThan(4_000_000);
    }

    @Test
    void everyDecimalReadsBackToItsBitPattern() throws IOException {
        int checked = 0;
        for (String file : Vectors.FILES) {
            checked += bitsAgree(Json.parse(checkedIn(file)), file);
        }
        assertThat(checked).isGreaterThan(20_000);
    }

    /** Counts the numbers that have a _bits twin, failing on any that disagrees. */
    private static int bitsAgree(Object node, String path) {
        int n = 0;
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String key = (String) e.getKey();
                if (m.containsKey(key + "_bits")) {
                    n += twins(e.getValue(), m.get(key + "_bits"), path + "." + key);
                }
                n += bitsAgree(e.getValue(), path + "." + key);
            }
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                n += bitsAgree(l.get(i), path + "[" + i + "]");
            }
        }
        return n;
    }

    private static int twins(Object decimal, Object bits, String path) {
        if (decimal instanceof List<?> d) {
            List<?> b = (List<?>) bits;
            assertThat(b).as(path).hasSameSizeAs(d);
            int n = 0;
            for (int i = 0; i < d.size(); i++) {
                n += twins(d.get(i), b.get(i), path + "[" + i + "]");
            }
            return n;
        }
        long pattern = Long.parseUnsignedLong((String) bits, 16);
        assertThat(Double.doubleToRawLongBits((Double) decimal)).as(path).isEqualTo(pattern);
        assertThat((String) bits).as(path).hasSize(16);
        return 1;
    }

    @Test
    void theComparisonCatchesAChangedNumberABitAndAShape() throws IOException {
        String layers = checkedIn("layers.json");
        assertThat(VectorComparison.differences("layers.json", layers, layers, 1.0)).isEmpty();
        Map<String, Object> changed = parse(layers);
        List<List<Double>> y = expectedY(changed);
        double v = y.get(0).get(0);
        y.get(0).set(0, v + 1e-14 * Math.abs(v));                   // within 1e-13 of the largest entry
        assertThat(VectorComparison.differences("layers.json", parse(layers), changed, 1.0)).isEmpty();
        y.get(0).set(0, v + 1e-11 * Math.abs(v) + 1e-12);           // beyond it
        assertThat(VectorComparison.differences("layers.json", parse(layers), changed, 1.0))
                .singleElement().asString().contains("cases[0].expected.Y[0][0]", "allowed");

        Map<String, Object> generator = parse(checkedIn("generator.json"));
        Map<String, Object> flipped = parse(checkedIn("generator.json"));
        List<Object> normals = seedZero(flipped, "nextGaussian");
        List<Object> bits = seedZero(flipped, "nextGaussian_bits");
        double g = (Double) normals.get(5);
        normals.set(5, Math.nextUp(g));                                // one ulp: a bit-exact section refuses it
        bits.set(5, String.format("%016x", Double.doubleToRawLongBits(Math.nextUp(g))));
        assertThat(VectorComparison.differences("generator.json", generator, flipped, 1.0)).hasSize(2);

        Map<String, Object> initializers = parse(checkedIn("initializers.json"));
        Map<String, Object> signed = parse(checkedIn("initializers.json"));
        List<List<Double>> zeros = zerosW(signed);
        assertThat(zeros.get(0).get(0)).isEqualTo(0.0);
        zeros.get(0).set(0, -0.0);                                      // at tolerance 0 even a zero's sign counts
        assertThat(VectorComparison.differences("initializers.json", initializers, signed, 1.0))
                .singleElement().asString().contains("cases[0].W[0][0]", "bit for bit");

        Map<String, Object> shorter = parse(layers);
        expectedY(shorter).remove(0);
        assertThat(VectorComparison.differences("layers.json", parse(layers), shorter, 1.0))
                .singleElement().asString().contains("shapes differ");
    }

    @Test
    @SuppressWarnings("unchecked")
    void sinesYIsComparedAtTheToleranceNamedAfterItAndItsXBitForBit() throws IOException {
        String datasets = checkedIn("datasets.json");
        Map<String, Object> changed = parse(datasets);
        List<List<Double>> y = sineField(changed, "y");
        double v = y.get(3).get(0);
        y.get(3).set(0, Math.nextUp(v));                               // a platform's sin one ulp off: allowed
        assertThat(VectorComparison.differences("datasets.json", parse(datasets), changed, 1.0)).isEmpty();
        y.get(3).set(0, v + 1e-14);                                     // beyond 1e-15 of the largest |y|
        assertThat(VectorComparison.differences("datasets.json", parse(datasets), changed, 1.0))
                .singleElement().asString().contains("datasets[sine].y[3][0]", "allowed");
        Map<String, Object> moved = parse(datasets);
        List<List<Double>> x = sineField(moved, "x");
        double up = Math.nextUp(x.get(3).get(0));
        x.get(3).set(0, up);                                            // x one ulp off: within 1e-15, but its
        ((List<List<Object>>) (List<?>) sineField(moved, "x_bits")).get(3)  // x_bits refuse it
                .set(0, String.format("%016x", Double.doubleToRawLongBits(up)));
        assertThat(VectorComparison.differences("datasets.json", parse(datasets), moved, 1.0))
                .singleElement().asString().contains("datasets[sine].x_bits[3][0]");
        Map<String, Object> iris = parse(datasets);
        List<List<Double>> irisX = datasetField(iris, "iris", "x");
        irisX.get(0).set(0, Math.nextUp(irisX.get(0).get(0)));         // the other datasets stay bit for bit
        assertThat(VectorComparison.differences("datasets.json", parse(datasets), iris, 1.0))
                .singleElement().asString().contains("datasets[iris].x[0][0]", "bit for bit");
    }

    private static List<List<Double>> sineField(Map<String, Object> datasets, String key) {
        return datasetField(datasets, "sine", key);
    }

    @SuppressWarnings("unchecked")
    private static List<List<Double>> datasetField(Map<String, Object> datasets, String name, String key) {
        for (Object o : (List<Object>) datasets.get("datasets")) {
            Map<String, Object> d = (Map<String, Object>) o;
            if (name.equals(d.get("name"))) {
                return (List<List<Double>>) d.get(key);
            }
        }
        throw new AssertionError("no dataset " + name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String text) {
        return (Map<String, Object>) Json.parse(text);
    }

    @SuppressWarnings("unchecked")
    private static List<List<Double>> expectedY(Map<String, Object> layers) {
        Map<String, Object> first = (Map<String, Object>) ((List<Object>) layers.get("cases")).get(0);
        return (List<List<Double>>) ((Map<String, Object>) first.get("expected")).get("Y");
    }

    @SuppressWarnings("unchecked")
    private static List<List<Double>> zerosW(Map<String, Object> initializers) {
        Map<String, Object> first = (Map<String, Object>) ((List<Object>) initializers.get("cases")).get(0);
        assertThat(((Map<?, ?>) first.get("initializer")).get("type")).isEqualTo("zeros");
        return (List<List<Double>>) first.get("W");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> seedZero(Map<String, Object> generator, String key) {
        Map<String, Object> seed = (Map<String, Object>) ((List<Object>) generator.get("seeds")).get(0);
        return (List<Object>) seed.get(key);
    }
}
