package backprop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command's own checks; what it writes and compares is {@code backprop.vectors.VectorsTest}'s. */
class VectorsCommandTest {

    private static int run(ByteArrayOutputStream err, String... args) {
        return new Main(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    @Test
    void needsExactlyOneOfOutAndCheck() {
        ByteArrayOutputStream none = new ByteArrayOutputStream();
        assertThat(run(none, "vectors")).isEqualTo(2);
        assertThat(none.toString(StandardCharsets.UTF_8)).contains("vectors needs either --out DIR or --check DIR");
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        assertThat(run(both, "vectors", "--out", "a", "--check", "b")).isEqualTo(2);
        ByteArrayOutputStream stray = new ByteArrayOutputStream();
        assertThat(run(stray, "vectors", "somewhere")).isEqualTo(2);
        assertThat(stray.toString(StandardCharsets.UTF_8)).contains("takes no positional arguments");
    }

    @Test
    void isListedInTheHelp() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Main(new PrintStream(out, true, StandardCharsets.UTF_8), System.err).run(new String[] {"help"});
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("vectors --out DIR", "vectors --check DIR",
                "--save-last", "--epochs N (0: untrained)");
    }
}
