package backprop.cli;

import static backprop.cli.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import backprop.cli.CommandLineTest.Run;
import backprop.io.Json;
import backprop.io.ModelFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code predict} and {@code evaluate}: every input kind, CSV models that keep their columns, what was scored. */
class PredictAndEvaluateTest {

    @TempDir
    Path dir;

    /**
     * A table with an id, a text column, three numeric features and a text label: class "low" when a + b is
     * small, "high" when large, "mid" between, with c pure noise.
     */
    private Path table(String name, boolean reordered, boolean withLabel) throws Exception {
        StringBuilder s = new StringBuilder(reordered ? "c,city,b" + (withLabel ? ",target" : "") + ",a,id\n"
                : "id,city,a,b,c" + (withLabel ? ",target" : "") + "\n");
        java.util.Random random = new java.util.Random(5);
        String[] cities = {"Oslo", "Lima", "Pune, MH"};
        for (int i = 0; i < 90; i++) {
            double a = random.nextDouble() * 10;
            double b = random.nextDouble() * 10;
            double c = random.nextDouble() * 100;
            String target = a + b < 7 ? "low" : a + b > 13 ? "high" : "mid";
            String city = "\"" + cities[i % 3] + "\"";
            String label = withLabel ? "," + target : "";
            s.append(reordered
                    ? String.format(Locale.ROOT, "%.4f,%s,%.4f%s,%.4f,%d%n", c, city, b, label, a, i)
                    : String.format(Locale.ROOT, "%d,%s,%.4f,%.4f,%.4f%s%n", i, city, a, b, c, label));
        }
        Path file = dir.resolve(name);
        Files.writeString(file, s.toString());
        return file;
    }

    private static List<String[]> csv(String text) {
        List<String[]> rows = new ArrayList<>();
        for (String line : text.strip().split("\n")) {
            rows.add(line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1));
        }
        return rows;
    }

    @Test
    void aCsvModelKeepsItsColumnsAndPredictsWithoutBeingToldThem() throws Exception {
        Path data = table("people.csv", false, true);
        Path model = dir.resolve("people.json");
        Run train = run("train", "csv", "--data", data.toString(), "--label", "target", "--ignore", "id,city",
                "--epochs", "150", "--save", model.toString(), "--out", dir.toString(), "--json");
        assertThat(train.code()).as(train.err()).isZero();
        ModelFile.Model saved = ModelFile.load(model);
        assertThat(saved.csv()).isNotNull();
        assertThat(saved.csv().label()).isEqualTo("target");
        assertThat(saved.csv().ignore()).containsExactly("id", "city");
        assertThat(saved.csv().features()).containsExactly("a", "b", "c");
        assertThat(saved.classNames()).containsExactly("high", "low", "mid");
        assertThat(saved.transform().mean()).hasSize(3);

        Run evaluate = run("evaluate", "--model", model.toString(), "--data", data.toString(), "--json");
        assertThat(evaluate.code()).as(evaluate.err()).isZero();
        Map<?, ?> scored = (Map<?, ?>) Json.parse(evaluate.out());
        assertThat(scored.get("samples")).isEqualTo(90.0);
        assertThat((String) scored.get("source")).contains("people.csv", "all 90 data rows");
        assertThat((Double) scored.get("accuracy")).isGreaterThan(0.85);

        Run predicted = run("predict", "--model", model.toString(), "--data", data.toString());
        assertThat(predicted.code()).as(predicted.err()).isZero();
        assertThat(predicted.err()).contains("predict: 90 rows of", "people.csv");
        List<String[]> rows = csv(predicted.out());
        assertThat(rows.get(0)).containsExactly("line", "true", "predicted", "p(high)", "p(low)", "p(mid)");
        assertThat(rows).hasSize(91);
        int right = 0;
        for (String[] row : rows.subList(1, rows.size())) {
            double sum = Double.parseDouble(row[3]) + Double.parseDouble(row[4]) + Double.parseDouble(row[5]);
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
            right += row[1].equals(row[2]) ? 1 : 0;
        }
        assertThat(right / 90.0).isEqualTo((Double) scored.get("accuracy"));
        assertThat(rows.get(1)[0]).isEqualTo("2");        // the first data row is line 2

        // the same people, columns shuffled and the label gone: the same answers, read by name
        Path shuffled = table("shuffled.csv", true, false);
        Path out = dir.resolve("predictions.csv");
        Run again = run("predict", "--model", model.toString(), "--data", shuffled.toString(), "--out",
                out.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).isEmpty();
        List<String[]> second = csv(Files.readString(out));
        assertThat(second.get(0)).containsExactly("line", "predicted", "p(high)", "p(low)", "p(mid)");
        for (int i = 1; i < rows.size(); i++) {
            assertThat(second.get(i)[1]).isEqualTo(rows.get(i)[2]);
            assertThat(second.get(i)[2]).isEqualTo(rows.get(i)[3]);
        }
    }

    @Test
    void aCsvThatLacksAFeatureColumnIsRefusedByName() throws Exception {
        Path data = table("t.csv", false, true);
        Path model = dir.resolve("t.json");
        assertThat(run("train", "csv", "--data", data.toString(), "--label", "target", "--ignore", "id,city",
                "--epochs", "5", "--save", model.toString(), "--out", dir.toString()).code()).isZero();
        Path partial = dir.resolve("partial.csv");
        Files.writeString(partial, "a,b,target\n1,2,low\n");
        Run r = run("evaluate", "--model", model.toString(), "--data", partial.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("partial.csv:1", "no column named [c]").hasLineCount(1);
    }

    @Test
    void evaluateScoresAnExperimentsOwnTestSplitAndWritesPredictions() throws Exception {
        Path model = dir.resolve("iris.json");
        Run train = run("train", "iris", "--epochs", "100", "--save", model.toString(), "--out", dir.toString(),
                "--json");
        assertThat(train.code()).as(train.err()).isZero();
        Map<?, ?> metrics = (Map<?, ?>) ((Map<?, ?>) Json.parse(train.out())).get("metrics");
        Path predictions = dir.resolve("iris-test.csv");
        Run r = run("evaluate", "--model", model.toString(), "--experiment", "iris", "--predictions",
                predictions.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        Map<?, ?> scored = (Map<?, ?>) Json.parse(r.out());
        assertThat(scored.get("samples")).isEqualTo(30.0);
        assertThat((String) scored.get("source")).contains("Iris.csv", "30 test rows", "seed 2024");
        assertThat(scored.get("accuracy")).isEqualTo(metrics.get("test_accuracy"));
        List<String> lines = Files.readAllLines(predictions);
        assertThat(lines).hasSize(31);
        assertThat(lines.get(0)).isEqualTo("row,true,predicted,p(Iris-setosa),p(Iris-versicolor),p(Iris-virginica)");

        Run whole = run("evaluate", "--model", model.toString(), "--data", "testdata/iris/Iris.csv");
        assertThat(whole.code()).as(whole.err()).isZero();
        assertThat(whole.out()).startsWith("scored 150 rows of testdata/iris/Iris.csv: all 150 data rows (Iris.csv)");
    }

    @Test
    void predictReadsIdxFoldersImageFoldersSingleImagesAndDigitCsvs() throws Exception {
        Path model = dir.resolve("images.json");
        Run train = run("train", "images", "--epochs", "3", "--save", model.toString(), "--out", dir.toString());
        assertThat(train.code()).as(train.err()).isZero();

        Run folder = run("predict", "--model", model.toString(), "--data", "testdata/images");
        assertThat(folder.code()).as(folder.err()).isZero();
        List<String[]> rows = csv(folder.out());
        assertThat(rows).hasSize(201);
        assertThat(rows.get(0)).startsWith("file", "true", "predicted", "p(0)");
        assertThat(rows.get(1)[0]).isEqualTo(Path.of("0", "00001.png").toString());
        assertThat(folder.err()).contains("200 images in 10 class folders");

        Run one = run("predict", "--model", model.toString(), "--data", "testdata/images/0/00001.png");
        assertThat(one.code()).as(one.err()).isZero();
        List<String[]> single = csv(one.out());
        assertThat(single.get(0)[0]).isEqualTo("file");
        assertThat(single.get(1)[1]).isEqualTo(rows.get(1)[2]);          // same image, same answer
        assertThat(single.get(1)[2]).isEqualTo(rows.get(1)[3]);

        Run idx = run("predict", "--model", model.toString(), "--data", "testdata/mnist");
        assertThat(idx.code()).as(idx.err()).isZero();
        assertThat(idx.out().lines().count()).isEqualTo(10_001);
        assertThat(idx.out()).startsWith("item,true,predicted,");
        assertThat(idx.err()).contains("the test part (t10k), 10000 images");

        Run digits = run("predict", "--model", model.toString(), "--data", "testdata/csv/digits-sample.csv");
        assertThat(digits.code()).as(digits.err()).isZero();
        assertThat(digits.out()).startsWith("line,true,predicted,");
    }

    @Test
    void emptyOrUnknownCsvFilesAreDataErrorsNotUsageErrors() throws Exception {
        Path model = dir.resolve("iris.json");
        assertThat(run("train", "iris", "--epochs", "2", "--save", model.toString(), "--out", dir.toString())
                .code()).isZero();
        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");
        Run r = run("evaluate", "--model", model.toString(), "--data", empty.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("empty.csv:1: the file is empty").hasLineCount(1);
        Path bom = dir.resolve("bom.csv");
        Files.writeString(bom, "\uFEFF" + Files.readString(Path.of("testdata/iris/Iris.csv")));
        Run withBom = run("evaluate", "--model", model.toString(), "--data", bom.toString());
        assertThat(withBom.code()).as(withBom.err()).isZero();
        assertThat(withBom.out()).contains("scored 150 rows");
        Path other = dir.resolve("other.csv");
        Files.writeString(other, "x,y\n1,2\n");
        Run unknown = run("evaluate", "--model", model.toString(), "--data", other.toString());
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("other.csv", "--label COLUMN").hasLineCount(1);
    }

    @Test
    void aModelScoredOnAnExperimentOfAnotherKindOrShapeIsRefusedWithItsReason() {
        Path model = dir.resolve("iris.json");
        Run train = run("train", "iris", "--epochs", "3", "--save", model.toString(), "--out", dir.toString());
        assertThat(train.code()).as(train.err()).isZero();
        Run gates = run("evaluate", "--model", model.toString(), "--experiment", "gates");
        assertThat(gates.code()).isEqualTo(1);
        assertThat(gates.err().strip()).contains("has 3 outputs but experiment gates's test part has 1 target column")
                .doesNotContain("Exception").doesNotContain("\n");
        Run sine = run("evaluate", "--model", model.toString(), "--experiment", "sine");
        assertThat(sine.code()).isEqualTo(1);
        assertThat(sine.err()).contains("is a classifier but experiment sine is a regression");
    }

    @Test
    void aModelFileIsNamedSomethingDotJson() {
        Run r = run("train", "xor", "--epochs", "2", "--save", dir.resolve("m").toString(), "--out", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("a model file's name ends in .json");
        Run same = run("train", "iris", "--epochs", "2", "--save", dir.resolve("m.json").toString(), "--save-last",
                dir.resolve("m.json").toString(), "--out", dir.toString());
        assertThat(same.code()).isEqualTo(2);
        assertThat(same.err()).contains("name the same file");
    }
}
