package backprop.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backprop.data.CsvColumns;
import backprop.data.InputTransform;
import backprop.layers.Initializer;
import backprop.layers.Parameter;
import backprop.losses.SoftmaxCrossEntropy;
import backprop.network.Network;
import backprop.random.SplitMix64;
import backprop.testing.Random;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

    @TempDir
    Path dir;

    private static Network network() {
        return Network.builder(5, new SplitMix64(3)).weights(Initializer.normal(0.7)).biases(Initializer.normal(0.3))
                .dense(7).leakyRelu(0.1).dense(4).tanh().dense(3).loss(new SoftmaxCrossEntropy()).l2(0.01).build();
    }

    @Test
    void saveAndLoadGiveIdenticalWeightsAndPredictions() throws Exception {
        Network net = network();
        Path file = dir.resolve("m.json");
        InputTransform t = new InputTransform(1, -0.5, new double[] {1, 2, 3, 4, 5}, new double[] {1, 1, 2, 2, 0.1});
        ModelFile.save(new ModelFile.Model(net, List.of("a", "b", "c"), t, null), file, ModelFile.Exports.JSON);
        ModelFile.Model loaded = ModelFile.load(file);
        List<Parameter> before = net.parameters();
        List<Parameter> after = loaded.network().parameters();
        assertThat(after).hasSameSizeAs(before);
        for (int k = 0; k < before.size(); k++) {
            assertThat(after.get(k).name()).isEqualTo(before.get(k).name());
            assertThat(after.get(k).value()).isDeepEqualTo(before.get(k).value());   // bit for bit
        }
        double[][] x = Random.uniform(new SplitMix64(9), 20, 5, 3.0);
        assertThat(loaded.network().forward(x)).isDeepEqualTo(net.forward(x));
        assertThat(loaded.network().describe()).isEqualTo(net.describe());
        assertThat(loaded.classNames()).containsExactly("a", "b", "c");
        assertThat(loaded.transform().std()).containsExactly(1, 1, 2, 2, 0.1);
        assertThat(loaded.transform().offset()).isEqualTo(1.0);
    }

    @Test
    void oneCallWritesTheJsonAndEveryParameterAsNpy() throws Exception {
        Network net = network();
        Path file = dir.resolve("m.json");
        CsvColumns csv = new CsvColumns("kind", List.of("id"), List.of("a", "b", "c", "d", "e"));
        List<Path> written = ModelFile.save(new ModelFile.Model(net, List.of("x", "y", "z"), null, csv), file,
                ModelFile.Exports.JSON_AND_NPY);
        Path npy = dir.resolve("m.npy.1");
        assertThat(written).containsExactly(file, npy.resolve("dense1.W.npy"), npy.resolve("dense1.b.npy"),
                npy.resolve("dense2.W.npy"), npy.resolve("dense2.b.npy"), npy.resolve("dense3.W.npy"),
                npy.resolve("dense3.b.npy"));
        assertThat(((java.util.Map<?, ?>) Json.parse(Files.readString(file))).get("npy")).isEqualTo("m.npy.1");
        for (Parameter p : net.parameters()) {
            byte[] bytes = Files.readAllBytes(npy.resolve(p.name() + ".npy"));
            int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
            ByteBuffer data = ByteBuffer.wrap(bytes, 10 + headerLength, bytes.length - 10 - headerLength)
                    .order(ByteOrder.LITTLE_ENDIAN);
            for (double[] row : p.value()) {
                for (double v : row) {
                    assertThat(data.getDouble()).isEqualTo(v);
                }
            }
        }
        ModelFile.Model loaded = ModelFile.load(file);
        assertThat(loaded.csv()).isEqualTo(csv);
        assertThat(loaded.transform()).isEqualTo(InputTransform.IDENTITY);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("m.json", "m.npy.1");
        }
    }

    @Test
    void malformedFilesAreRejectedWithTheFieldNamed() throws Exception {
        Network net = network();
        Path file = dir.resolve("m.json");
        ModelFile.save(ModelFile.Model.of(net), file, ModelFile.Exports.JSON);
        String good = Files.readString(file);

        Files.writeString(file, good.replace("\"outputs\":7", "\"outputs\":8"));
        assertThatThrownBy(() -> ModelFile.load(file)).hasMessageContaining("m.json")
                .hasMessageContaining("layers[0].W row 0 is not a list of 8 numbers");
        Files.writeString(file, good.replace("\"type\":\"tanh\"", "\"type\":\"swish\""));
        assertThatThrownBy(() -> ModelFile.load(file)).hasMessageContaining("layers[3].type is the string \"swish\", not a layer type");
        Files.writeString(file, good.substring(0, good.length() / 2));
        assertThatThrownBy(() -> ModelFile.load(file)).hasMessageContaining("not valid JSON");
        Files.writeString(file, good.replace("\"version\":1", "\"version\":7"));
        assertThatThrownBy(() -> ModelFile.load(file)).hasMessageContaining("version 7 is not supported");
        Files.writeString(file, good.replace("\"input\":5,", ""));
        assertThatThrownBy(() -> ModelFile.load(file)).hasMessageContaining("model has no field 'input'");
        Files.writeString(file, good.replace("\"inputs\":7", "\"inputs\":6"));
        assertThatThrownBy(() -> ModelFile.load(file)).hasMessageContaining("takes 6 inputs but the layer before gives 7");
    }

    @Test
    void aModelFileWithoutDotJsonIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path file = dir.resolve("m");
        assertThatThrownBy(() -> ModelFile.save(ModelFile.Model.of(network()), file, ModelFile.Exports.JSON_AND_NPY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends in .json");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void npyFilesHoldTheMatrixInNumpysFormat() throws Exception {
        double[][] m = {{1.5, -2}, {3, 4}, {5, 6e-300}};
        Path file = dir.resolve("w.npy");
        try (var out = Files.newOutputStream(file)) {
            Npy.write(m, out);
        }
        byte[] bytes = Files.readAllBytes(file);
        assertThat(new String(bytes, 1, 5, StandardCharsets.US_ASCII)).isEqualTo("NUMPY");
        assertThat(bytes[0] & 0xFF).isEqualTo(0x93);
        int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
        assertThat((10 + headerLength) % 64).isZero();
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertThat(header).contains("'descr': '<f8'", "'fortran_order': False", "'shape': (3, 2)").endsWith("\n");
        ByteBuffer data = ByteBuffer.wrap(bytes, 10 + headerLength, 48).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new double[] {data.getDouble(), data.getDouble(), data.getDouble(), data.getDouble(),
            data.getDouble(), data.getDouble()}).containsExactly(1.5, -2, 3, 4, 5, 6e-300);
        assertThat(bytes).hasSize(10 + headerLength + 48);
    }

    @Test
    void aFailedWriteLeavesTheOldFileWhole() throws Exception {
        Path file = dir.resolve("keep.json");
        Files.writeString(file, "old");
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new java.io.IOException("disk full");
        })).hasMessageContaining("disk full");
        assertThat(Files.readString(file)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("keep.json");
        }
    }

    @Test
    void jsonRoundTripsDoublesExactly() {
        double[] values = {0.1, 1e-300, -7.25e-5, Math.PI, Double.MIN_VALUE, 1234567.891};
        Object back = Json.parse(Json.write(List.of(values[0], values[1], values[2], values[3], values[4], values[5])));
        assertThat(back).isEqualTo(List.of(0.1, 1e-300, -7.25e-5, Math.PI, Double.MIN_VALUE, 1234567.891));
        assertThatThrownBy(() -> Json.parse("{\"a\": [1, 2,, 3]}")).hasMessageContaining("line 1, column");
    }
}
