package backprop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** README's library example, taken from README.md as it stands, compiled against the library and run. */
class ReadmeExampleTest {

    @TempDir
    Path dir;

    @Test
    void theReadmeExampleCompilesAndRuns() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        Matcher m = Pattern.compile("<!-- example: (\\w+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).as("README.md has an example block").isTrue();
        String className = m.group(1);
        Path source = dir.resolve(className + ".java");
        Files.writeString(source, m.group(2));

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = compiler.run(null, null, diagnostics, "-d", dir.toString(), "-cp",
                System.getProperty("java.class.path"), source.toString());
        assertThat(status).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                dir + java.io.File.pathSeparator + System.getProperty("java.class.path"), className)
                .redirectErrorStream(true).start();
        String printed = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor()).as(printed).isZero();
        List<String> lines = printed.lines().toList();
        assertThat(lines).contains("total parameters: 131", "first flower: Iris-setosa");
        String accuracy = lines.stream().filter(l -> l.startsWith("training accuracy")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(accuracy.substring("training accuracy ".length()))).isGreaterThan(0.9);
        Object npy = ((java.util.Map<?, ?>) backprop.io.Json.parse(Files.readString(Path.of("target/iris-model.json"))))
                .get("npy");
        assertThat(Path.of("target").resolve((String) npy).resolve("dense1.W.npy")).exists();
    }
}
