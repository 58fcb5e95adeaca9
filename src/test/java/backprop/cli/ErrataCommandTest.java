package backprop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code errata} command's wiring; the figures it prints are {@code Errata}'s, asserted in
 * {@code ErrataTest} (one measurement per test run is enough: it takes a few seconds).
 */
class ErrataCommandTest {

    @TempDir
    Path dir;

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void helpListsErrata() {
        assertThat(run("help")[1]).contains("errata [--data DIR (default testdata)]");
    }

    @Test
    void aMissingDataFolderIsNamedWithWhatErrataReads() {
        String[] r = run("errata", "--data", dir.resolve("nowhere").toString());
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).contains("nowhere: no such folder", "mnist/", "iris/Iris.csv", "images/");
    }

    @Test
    void aFolderWithoutTheDataSaysWhichFileIsMissing() {
        String[] r = run("errata", "--data", dir.toString());
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[2]).contains("mnist");
    }

    @Test
    void errataTakesNoPositionalArguments() {
        assertThat(run("errata", "extra")[0]).isEqualTo("2");
    }
}
