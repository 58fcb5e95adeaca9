package backprop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.io.ModelFile;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in the middle of a long run keeps what the run has done. The test sends SIGTERM, which takes the
 * JVM through the same shutdown as Ctrl-C's SIGINT (and gives 143 = 128 + 15 where Ctrl-C gives 130): a child
 * started from a background job inherits SIGINT ignored, and a JVM then leaves it ignored.
 */
class CtrlCTest {

    @TempDir
    Path dir;

    @Test
    void aRunInterruptedByCtrlCWritesItsHistoryPlotsAndModel() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classes = Path.of("target/classes").toAbsolutePath().toString();
        Path model = dir.resolve("iris.json");
        Process p = new ProcessBuilder(java, "-cp", classes, "backprop.cli.Main", "train", "iris", "--epochs",
                "1000000", "--save", model.toString(), "--out", dir.resolve("plots").toString(), "--json")
                .redirectOutput(dir.resolve("out.json").toFile()).start();
        List<String> errLines = new ArrayList<>();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {       // the first epoch line: training is under way
                errLines.add(line);
                if (line.contains("epoch")) {
                    break;
                }
            }
            new ProcessBuilder("kill", "-TERM", String.valueOf(p.pid())).start().waitFor();
            while ((line = err.readLine()) != null) {
                errLines.add(line);
            }
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = Files.readString(dir.resolve("out.json"));
        assertThat(p.exitValue()).as(String.join("\n", errLines)).isEqualTo(143);
        assertThat(String.join("\n", errLines)).contains("interrupted", "the model in " + model);
        assertThat(out).contains("\"stop_reason\":\"interrupted in epoch");
        ModelFile.Model saved = ModelFile.load(model);
        assertThat(saved.classNames()).contains("Iris-setosa");
        assertThat(dir.resolve("plots/iris-loss.svg")).exists();
        assertThat(dir.resolve("plots/iris.html")).exists();
    }
}
