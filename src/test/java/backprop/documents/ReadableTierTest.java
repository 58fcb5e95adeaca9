package backprop.documents;

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
 * The transcriptions are the readable tier: plain loops and {@code Matrix} routines, never the fast code
 * of {@code backprop.fast} (nor anything that runs it: a layer, a network, a loss or an optimiser of the
 * library). Read from the sources, comments left out (a comment may name anything).
 */
class ReadableTierTest {

    /** What the transcriptions may not use: the fast package, its classes, and the library's fast paths. */
    private static final Pattern FORBIDDEN = Pattern.compile(
            "backprop\\.fast|\\b(Products|SparseRows|RowPool|RowWise)\\b"
                    + "|backprop\\.(layers|losses|network|training)\\.");

    /** The forbidden uses in a source text, comments removed. */
    static List<String> forbiddenUses(String source) {
        String code = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
        List<String> found = new ArrayList<>();
        Matcher m = FORBIDDEN.matcher(code);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void noTranscriptionUsesTheFastCodeOrTheLibrarysNetworks() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.list(Path.of("src/main/java/backprop/documents"))) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("Document000.java",
                "Document001.java", "Document002.java", "Document003.java", "Document004.java", "Errata.java");
        for (Path file : files) {
            assertThat(forbiddenUses(Files.readString(file))).as(file.toString()).isEmpty();
        }
    }

    @Test
    void theCheckCatchesAFastCallButNotAComment() {
        assertThat(forbiddenUses("double[][] z = backprop.fast.Products.multiplyInto(a, b, c);")).isNotEmpty();
        assertThat(forbiddenUses("import backprop.fast.RowWise;\nRowWise.addScaledInPlace(w, -lr, g);"))
                .containsExactly("backprop.fast", "RowWise", "RowWise");
        assertThat(forbiddenUses("new backprop.layers.Dense(\"d\", w, b).forward(x);")).isNotEmpty();
        assertThat(forbiddenUses("// as Products.multiplyInto would\ndouble[][] z = Matrix.multiply(a, b);")).isEmpty();
        assertThat(forbiddenUses("/** unlike SparseRows */ int n = 1;")).isEmpty();
    }
}
