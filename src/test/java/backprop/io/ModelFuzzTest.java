package backprop.io;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.data.CsvColumns;
import backprop.data.InputTransform;
import backprop.layers.Initializer;
import backprop.layers.Parameter;
import backprop.losses.SoftmaxCrossEntropy;
import backprop.network.Network;
import backprop.random.SplitMix64;
import backprop.testing.Fuzz;
import backprop.testing.Mutator;
import backprop.testing.Random;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzz suite for model files and the JSON reader: seeded mutations of a saved model (text, bytes,
 * encodings, nesting, and fields set to edge values) must load into a sane model or end in a
 * {@link ModelFile.ModelFormatException} naming the file; mutated JSON text must parse into a value that
 * writes back to itself, or end in a {@link Json.ParseException} naming the line and column.
 */
class ModelFuzzTest {

    @TempDir
    Path dir;

    @AfterAll
    static void printCounts() {
        Fuzz.printSummary();
    }

    private static void expectClean(Fuzz.Counts counts) {
        Fuzz.expectClean(counts);
        assertThat(counts.accepted()).as("some cases are accepted").isPositive();
    }

    private byte[] savedModel() throws Exception {
        Network net = Network.builder(5, new SplitMix64(3)).weights(Initializer.normal(0.7))
                .biases(Initializer.normal(0.3)).dense(7).leakyRelu(0.1).dense(4).tanh().dense(3)
                .loss(new SoftmaxCrossEntropy()).l2(0.01).build();
        InputTransform t = new InputTransform(1, -0.5, new double[] {1, 2, 3, 4, 5}, new double[] {1, 1, 2, 2, 0.1});
        CsvColumns csv = new CsvColumns("kind", List.of("id"), List.of("a", "b", "c", "d", "e"));
        Path file = dir.resolve("base.json");
        ModelFile.save(new ModelFile.Model(net, List.of("x", "y", "z"), t, csv), file, ModelFile.Exports.JSON);
        return Files.readAllBytes(file);
    }

    /** Keys whose value a mutation may replace, and the values it puts there. */
    private static final String[] KEYS = {"input", "inputs", "outputs", "std", "mean", "scale", "offset", "slope", "l2",
        "version", "classes", "type", "name", "loss", "format", "transform", "layers", "W", "b", "csv", "features"};
    private static final String[] VALUES = {"0", "-1", "2147483647", "9223372036854775807", "5e8", "1e308", "-1e308",
        "null", "\"x\"", "[]", "{}", "true", "\"dense\"", "[0]", "[-1,0,1,2,3]", "[1e308,1,1,1,1]", "0.5", "\"\"",
        "[\"a\",\"a\",\"b\"]", "\"../x\"", "\"\\u12G4\"", "\"\\ud800\""};

    /** Replaces the value of one occurrence of a key with an edge value. */
    private static byte[] replaceField(Mutator m, byte[] base) {
        String s = new String(base, StandardCharsets.UTF_8);
        String key = "\"" + KEYS[m.nextInt(KEYS.length)] + "\":";
        List<Integer> at = new ArrayList<>();
        for (int i = s.indexOf(key); i >= 0; i = s.indexOf(key, i + 1)) {
            at.add(i + key.length());
        }
        if (at.isEmpty()) {
            return m.text(base);
        }
        int start = at.get(m.nextInt(at.size()));
        int end = valueEnd(s, start);
        String value = VALUES[m.nextInt(VALUES.length)];
        return (s.substring(0, start) + value + s.substring(end)).getBytes(StandardCharsets.UTF_8);
    }

    /** Where the JSON value starting at {@code start} ends (its strings hold no brackets or quotes here). */
    private static int valueEnd(String s, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inString) {
                inString = c != '"';
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return s.length();
    }

    private static byte[] mutateModel(Mutator m, byte[] base) {
        int choice = m.nextInt(20);
        byte[] mutated = choice < 7 ? replaceField(m, base) : choice < 12 ? m.text(base) : choice < 15 ? m.bytes(base)
                : choice < 17 ? m.encoding(base) : choice < 19 ? m.nesting(base) : Mutator.gzip(m.text(base));
        if (m.nextInt(5) == 0) {
            mutated = replaceField(m, mutated);
        }
        return mutated;
    }

    private static void checkModel(ModelFile.Model model) {
        Network net = model.network();
        assertThat(net.inputSize()).isPositive();
        for (Parameter p : net.parameters()) {
            for (double[] row : p.value()) {
                for (double v : row) {
                    assertThat(Double.isFinite(v)).as("finite parameter " + p.name()).isTrue();
                }
            }
        }
        InputTransform t = model.transform();
        assertThat(Double.isFinite(t.offset()) && Double.isFinite(t.scale()) && t.scale() != 0).isTrue();
        if (t.std() != null) {
            assertThat(t.std()).hasSize(net.inputSize());
            for (double s : t.std()) {
                assertThat(s > 0 && Double.isFinite(s)).as("std " + s).isTrue();
            }
        }
        assertThat(new HashSet<>(model.classNames())).hasSameSizeAs(model.classNames());
        if (net.inputSize() <= 100_000) {        // a network without weights may declare any width
            double[][] x = Random.uniform(new SplitMix64(1), 3, net.inputSize(), 1.0);
            double[][] out = net.forward(x);
            assertThat(out).hasNumberOfRows(3);
            if (!model.classNames().isEmpty()) {
                assertThat(model.classNames()).hasSize(Math.max(2, out[0].length));
            }
        }
        if (model.csv() != null) {
            assertThat(model.csv().features()).hasSize(net.inputSize());
        }
        assertThat(net.describe()).isNotBlank();
    }

    @Test
    void modelJson() throws Exception {
        byte[] base = savedModel();
        Path file = dir.resolve("model.json");
        expectClean(Fuzz.run("model.json", 11, t -> t instanceof ModelFile.ModelFormatException, m -> {
            Fuzz.replace(file, mutateModel(m, base));
            return new Fuzz.Input(file.toString(), () -> ModelFile.load(file), v -> checkModel((ModelFile.Model) v));
        }));
    }

    @Test
    void jsonText() throws Exception {
        String extra = "{\"s\":\"tab\\tquote\\\" \\u00e9 \\ud83d\\ude00 /\\/\",\"n\":[0,-0.5,1e-7,12E+3,true,false,null],"
                + "\"o\":{\"\":[],\"x\":{}}}";
        byte[] model = savedModel();
        byte[] small = extra.getBytes(StandardCharsets.UTF_8);
        expectClean(Fuzz.run("json-text", 12, t -> t instanceof Json.ParseException
                && t.getMessage().startsWith("line "), m -> {
            byte[] base = m.nextInt(2) == 0 ? small : model;
            int choice = m.nextInt(10);
            byte[] mutated = choice < 5 ? m.text(base) : choice < 8 ? m.bytes(base) : m.nesting(base);
            String text = new String(mutated, StandardCharsets.UTF_8);
            return new Fuzz.Input(null, () -> Json.parse(text), v -> assertThat(Json.parse(Json.write(v))).isEqualTo(v));
        }));
    }
}
