package backprop.cli;

import static backprop.cli.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import backprop.cli.CommandLineTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code train} leaves in its report folder: the plots and the page, for any data it accepts. */
class TrainReportTest {

    @TempDir
    Path dir;

    @Test
    void trainWritesThePlotsAndOnePage() throws IOException {
        Path out = dir.resolve("reports");
        Run r = run("train", "iris", "--epochs", "30", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("plot:     " + out.resolve("iris-confusion.svg"),
                "page:     " + out.resolve("iris.html"));
        String page = Files.readString(out.resolve("iris.html"));
        assertThat(page).contains("<svg", "Iris-versicolor", "total parameters");
        assertThat(Files.readString(out.resolve("iris-loss.svg"))).startsWith("<svg");
    }

    /**
     * A data set of one class used to crash in the confusion plot, after training and before saving, losing
     * the model. Such data cannot train a classifier: it is refused before training, with a message, and
     * nothing is written.
     */
    @Test
    void aCsvOfOneClassIsRefusedBeforeTraining() throws IOException {
        Path csv = dir.resolve("one.csv");
        Files.writeString(csv, "a,b,label\n1,2,x\n2,3,x\n3,4,x\n4,5,x\n5,6,x\n6,7,x\n7,8,x\n8,9,x\n9,10,x\n10,11,x\n");
        Path model = dir.resolve("one.json");
        Run r = run("train", "csv", "--data", csv.toString(), "--label", "label", "--epochs", "5", "--out",
                dir.toString(), "--save", model.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("one.csv", "one class only", "at least two classes").doesNotContain("Exception");
        assertThat(model).doesNotExist();
    }

    @Test
    void anImageFolderOfOneClassIsRefusedBeforeTraining() throws IOException {
        Path images = dir.resolve("images");
        Files.createDirectories(images.resolve("7"));
        try (Stream<Path> files = Files.list(Path.of("testdata/images/7"))) {
            for (Path f : files.limit(10).toList()) {
                Files.copy(f, images.resolve("7").resolve(f.getFileName()));
            }
        }
        Run r = run("train", "images", "--data", images.toString(), "--epochs", "3", "--out", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("one class sub-folder only", "at least two");
        assertThat(dir.resolve("images-loss.svg")).doesNotExist();
    }
}
