package backprop.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backprop.layers.Initializer;
import backprop.losses.SoftmaxCrossEntropy;
import backprop.network.Network;
import backprop.random.SplitMix64;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a save leaves on the disk: one JSON and the one folder it names, nothing else, whatever went before. */
class AtomicSaveTest {

    @TempDir
    Path dir;

    private static ModelFile.Model model(long seed) {
        return ModelFile.Model.of(Network.builder(3, new SplitMix64(seed)).weights(Initializer.normal(0.5)).dense(4)
                .relu().dense(2).loss(new SoftmaxCrossEntropy()).build());
    }

    private List<String> names() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Object npyField(Path json) throws IOException {
        return ((Map<?, ?>) Json.parse(Files.readString(json))).get("npy");
    }

    @Test
    void eachSaveMakesANewFolderAndRemovesTheOldOne() throws Exception {
        Path file = dir.resolve("m.json");
        ModelFile.save(model(1), file, ModelFile.Exports.JSON_AND_NPY);
        ModelFile.save(model(2), file, ModelFile.Exports.JSON_AND_NPY);
        assertThat(names()).containsExactly("m.json", "m.npy.2");
        assertThat(npyField(file)).isEqualTo("m.npy.2");
        ModelFile.save(model(3), file, ModelFile.Exports.JSON);
        assertThat(names()).containsExactly("m.json");
        assertThat(npyField(file)).isNull();
    }

    @Test
    void leftoversOfAKilledSaveGoAtTheNextSaveButThoseOfARunningProcessStay() throws Exception {
        Path file = dir.resolve("m.json");
        ModelFile.save(model(1), file, ModelFile.Exports.JSON_AND_NPY);
        long gone = Integer.MAX_VALUE - 1;               // beyond any process id in use
        assertThat(ProcessHandle.of(gone)).isEmpty();
        long running = ProcessHandle.current().pid();
        Files.writeString(dir.resolve(".m.json." + gone + "-1f.tmp"), "half a model");
        Path staleFolder = Files.createDirectory(dir.resolve(".m.npy." + gone + "-2e.tmp"));
        Files.writeString(staleFolder.resolve("dense1.W.npy"), "half an array");
        Files.writeString(dir.resolve(".m.json." + running + "-3d.tmp"), "being written");
        Path spare = Files.createDirectory(dir.resolve("m.npy.9"));   // complete but never named: killed before the JSON
        Files.writeString(spare.resolve("dense1.W.npy"), "x");
        Files.writeString(dir.resolve("m.npy.7"), "a file, not ours");
        Path nested = Files.createDirectories(dir.resolve("m.npy.8").resolve("inside"));
        ModelFile.save(model(2), file, ModelFile.Exports.JSON_AND_NPY);
        assertThat(names()).containsExactly(".m.json." + running + "-3d.tmp", "m.json", "m.npy.10", "m.npy.7", "m.npy.8");
        assertThat(nested).exists();
        assertThat(npyField(file)).isEqualTo("m.npy.10");
    }

    @Test
    void aFailedSaveLeavesTheOldFilesAndNoTemporaryOnes() throws Exception {
        Path file = dir.resolve("m.json");
        ModelFile.save(model(1), file, ModelFile.Exports.JSON_AND_NPY);
        byte[] json = Files.readAllBytes(file);
        List<String> before = names();
        assertThatThrownBy(() -> AtomicFiles.writeAll(file, "m.npy", List.of(
                new AtomicFiles.Member("a.npy", out -> out.write(1)),
                new AtomicFiles.Member("b.npy", out -> {
                    out.write(2);
                    throw new IOException("No space left on device");
                })), folder -> out -> out.write('x')))
                .isInstanceOf(IOException.class).hasMessage("cannot write " + file + ": No space left on device");
        assertThat(names()).isEqualTo(before);
        assertThat(Files.readAllBytes(file)).isEqualTo(json);
        // a failure in the JSON itself, after the folder is in place
        assertThatThrownBy(() -> AtomicFiles.writeAll(file, "m.npy", List.of(new AtomicFiles.Member("a.npy",
                out -> out.write(1))), folder -> out -> {
                    throw new IllegalStateException("broken");
                })).isInstanceOf(IllegalStateException.class);
        assertThat(names()).isEqualTo(before);
        assertThat(Files.readAllBytes(file)).isEqualTo(json);
    }

    @Test
    void writeErrorsNameThePathAndTheReason() throws Exception {
        Path blocker = Files.writeString(dir.resolve("blocker"), "a file");
        Path under = blocker.resolve("m.json");
        assertThatThrownBy(() -> ModelFile.save(model(1), under, ModelFile.Exports.JSON_AND_NPY))
                .isInstanceOf(IOException.class).hasMessage("cannot write " + under + ": " + blocker
                        + " is a file, not a folder");
        Path deeper = blocker.resolve("plots").resolve("loss.svg");
        assertThatThrownBy(() -> AtomicFiles.writeString(deeper, "<svg/>")).isInstanceOf(IOException.class)
                .hasMessage("cannot write " + deeper + ": " + blocker + " is a file, not a folder");
        Path folder = Files.createDirectory(dir.resolve("taken.json"));
        Files.writeString(folder.resolve("keep"), "x");
        assertThatThrownBy(() -> AtomicFiles.writeString(folder, "text")).isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot write " + folder + ": ").hasMessageNotContaining(".tmp");
        assertThat(names()).containsExactly("blocker", "taken.json");
    }

    @Test
    void filesGetTheUmasksPermissionsLikeAnyNewFile() throws Exception {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path control = Files.writeString(dir.resolve("control.txt"), "made the ordinary way");
        Path controlFolder = Files.createDirectory(dir.resolve("control"));
        Path file = dir.resolve("m.json");
        List<Path> written = ModelFile.save(model(1), file, ModelFile.Exports.JSON_AND_NPY);
        for (Path p : written) {
            assertThat(Files.getPosixFilePermissions(p)).as(p.toString())
                    .isEqualTo(Files.getPosixFilePermissions(control));
        }
        assertThat(Files.getPosixFilePermissions(dir.resolve("m.npy.1")))
                .isEqualTo(Files.getPosixFilePermissions(controlFolder));
        AtomicFiles.writeString(dir.resolve("plot.svg"), "<svg/>");
        assertThat(Files.getPosixFilePermissions(dir.resolve("plot.svg")))
                .isEqualTo(Files.getPosixFilePermissions(control));
        assertThat(Files.readString(dir.resolve("plot.svg"), StandardCharsets.UTF_8)).isEqualTo("<svg/>");
    }

    @Test
    void memberNamesArePlainFileNames() {
        for (String bad : List.of("", ".", "..", "a/b", "a\\b", "tab\t")) {
            assertThatThrownBy(() -> new AtomicFiles.Member(bad, out -> { })).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
