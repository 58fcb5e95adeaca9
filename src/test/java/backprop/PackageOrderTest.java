package backprop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages follow the data's path, and every arrow points one way: a package uses only the packages
 * before it in {@link #ORDER}. Read from the sources' import lines and qualified names.
 */
class PackageOrderTest {

    /** From the bottom up: each may use those before it, never those after. */
    static final List<String> ORDER = List.of("random", "matrix", "fast", "layers", "losses", "network", "data",
            "training", "metrics", "io", "experiments", "vectors", "report", "documents", "cli");

    private static final Pattern USE = Pattern.compile("\\bbackprop\\.([a-z]+)\\.[A-Z]");

    @Test
    void noPackageUsesOneAboveIt() throws IOException {
        Path root = Path.of("src/main/java/backprop");
        List<String> violations = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(files).hasSizeGreaterThan(50);
        for (Path file : files) {
            String pkg = root.relativize(file).getName(0).toString();
            assertThat(ORDER).as("package of " + file).contains(pkg);
            Matcher m = USE.matcher(code(file));
            while (m.find()) {
                String used = m.group(1);
                if (ORDER.indexOf(used) > ORDER.indexOf(pkg)) {
                    violations.add(file + " (" + pkg + ") uses backprop." + used);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theReadableTierNeverCallsTheFastCode() throws IOException {
        // the specification a port follows: Matrix and the generator use nothing of backprop.fast
        for (String spec : List.of("matrix/Matrix.java", "random/SplitMix64.java")) {
            assertThat(code(Path.of("src/main/java/backprop", spec))).doesNotContain("backprop.fast")
                    .doesNotContain("RowPool").doesNotContain("Products");
        }
    }

    /** The file's text without its comments: a comment may name any class, code may not. */
    static String code(Path file) throws IOException {
        return Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
    }
}
