package backprop.cli;

import static backprop.cli.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import backprop.cli.CommandLineTest.Run;
import backprop.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class MainTest {

    @TempDir
    Path dir;

    @Test
    void helpAndListSucceed() {
        Run help = run("help");
        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("usage:", "train EXPERIMENT", "evaluate", "gradcheck", "bench");
        Run list = run("list");
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("gates", "xor", "sine", "iris", "mnist-leaky", "mnist-sigmoid", "mnist-idx",
                "images", "csv");
    }

    @Test
    void unknownCommandsAndOptionsExitWithTwo() {
        Run unknown = run("fly");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown command 'fly'", "'help' lists the commands");
        assertThat(run("train", "xor", "--colour", "red").code()).isEqualTo(2);
        assertThat(run("train", "nonsense").err()).contains("unknown experiment 'nonsense'");
        assertThat(run("train").code()).isEqualTo(2);
        assertThat(run("train", "xor", "--epochs").err()).contains("--epochs needs a value");
        assertThat(run("train", "xor", "--epochs", "many").err()).contains("--epochs many: expected a whole number");
        assertThat(run("evaluate").code()).isEqualTo(2);
    }

    @Test
    void badSettingsExitWithTwoAndMissingDataWithOne() {
        Run negative = run("train", "xor", "--epochs", "-1");
        assertThat(negative.code()).isEqualTo(2);
        assertThat(negative.err()).contains("-1");
        Run missing = run("train", "iris", "--data", dir.resolve("none.csv").toString(), "--out", dir.toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("none.csv: no such file");
    }

    @Test
    void jsonOutputIsExactlyOneObject() {
        Run r = run("train", "xor", "--epochs", "300", "--json", "--out", dir.toString());
        assertThat(r.code()).isZero();
        Object parsed = Json.parse(r.out());
        assertThat(parsed).isInstanceOf(Map.class);
        Map<?, ?> json = (Map<?, ?>) parsed;
        assertThat(json.get("experiment")).isEqualTo("xor");
        assertThat((List<?>) json.get("history")).hasSize(300);
        assertThat(((Map<?, ?>) json.get("metrics")).get("train_accuracy")).isInstanceOf(Double.class);
        assertThat(((Map<?, ?>) json.get("settings")).get("epochs")).isEqualTo(300.0);
        assertThat(r.out().strip().lines().count()).isEqualTo(1);
    }

    @Test
    void plotsAreWellFormedSvgWithTheExpectedSeries() throws Exception {
        Run r = run("train", "sine", "--epochs", "50", "--hidden", "20", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("sine-fit.svg", "grid_mse");
        // the fit: truth and network; the loss: training only (no validation set, so that series is empty)
        assertThat(seriesIn(dir.resolve("sine-fit.svg"))).isEqualTo(2);
        assertThat(seriesIn(dir.resolve("sine-loss.svg"))).isEqualTo(1);
        Run iris = run("train", "iris", "--epochs", "50", "--out", dir.toString());
        assertThat(iris.code()).isZero();
        Document confusion = parse(dir.resolve("iris-confusion.svg"));
        assertThat(confusion.getElementsByTagName("rect").getLength()).isGreaterThanOrEqualTo(9);
        assertThat(seriesIn(dir.resolve("iris-accuracy.svg"))).isEqualTo(1);
    }

    private static Document parse(Path svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
    }

    private static int seriesIn(Path svg) throws Exception {
        NodeList lines = parse(svg).getElementsByTagName("polyline");
        int series = 0;
        for (int i = 0; i < lines.getLength(); i++) {
            if ("series".equals(lines.item(i).getAttributes().getNamedItem("class").getNodeValue())) {
                series++;
            }
        }
        return series;
    }

    @Test
    void saveThenEvaluateGivesTheSameAccuracy() throws Exception {
        Path model = dir.resolve("iris.json");
        Run train = run("train", "csv", "--label", "Species", "--ignore", "Id", "--epochs", "100", "--save",
                model.toString(), "--out", dir.toString(), "--json");
        assertThat(train.code()).as(train.err()).isZero();
        assertThat(Files.exists(dir.resolve("iris.npy.1").resolve("dense1.W.npy"))).isTrue();
        Run eval = run("evaluate", "--model", model.toString(), "--data", "testdata/iris/Iris.csv", "--label",
                "Species", "--ignore", "Id", "--json");
        assertThat(eval.code()).as(eval.err()).isZero();
        Map<?, ?> result = (Map<?, ?>) Json.parse(eval.out());
        assertThat(result.get("samples")).isEqualTo(150.0);
        assertThat((Double) result.get("accuracy")).isGreaterThan(0.9);
    }

    @Test
    void aSavedMnistModelEvaluatesOnTheIdxTestSet() {
        Path model = dir.resolve("idx.json");
        Run train = run("train", "mnist-idx", "--epochs", "1", "--save", model.toString(), "--out", dir.toString(),
                "--json");
        assertThat(train.code()).as(train.err()).isZero();
        double trained = (Double) ((Map<?, ?>) ((Map<?, ?>) Json.parse(train.out())).get("metrics")).get("test_accuracy");
        Run eval = run("evaluate", "--model", model.toString(), "--data", "testdata/mnist", "--json");
        assertThat(eval.code()).as(eval.err()).isZero();
        Map<?, ?> result = (Map<?, ?>) Json.parse(eval.out());
        assertThat(result.get("samples")).isEqualTo(10_000.0);
        assertThat(result.get("accuracy")).isEqualTo(trained);     // the same network on the same test images
        Run wrong = run("evaluate", "--model", model.toString(), "--data", "testdata/iris/Iris.csv");
        assertThat(wrong.code()).isEqualTo(1);
        assertThat(wrong.err()).contains("Iris.csv", "4 feature columns but the model takes 784 inputs");
    }

    @Test
    void documentZerosNetworkReadsKagglesCsvWithItsSplit() {
        Run r = run("train", "mnist-leaky", "--data", "testdata/csv/digits-sample.csv", "--epochs", "1",
                "--hidden", "16,8", "--out", dir.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        Map<?, ?> json = (Map<?, ?>) Json.parse(r.out());
        assertThat((List<?>) json.get("notes")).anySatisfy(n -> assertThat((String) n).contains("70/30"));
        // 30 rows: 21 to train on, 9 to test
        Map<?, ?> metrics = (Map<?, ?>) json.get("metrics");
        assertThat(metrics.get("train_samples")).isEqualTo(21.0);
        assertThat(metrics.get("test_samples")).isEqualTo(9.0);
    }

    @Test
    void benchRejectsTooFewTimedEpochs() {
        Run r = run("bench", "--epochs", "1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--epochs 1: expected 3 or more timed epochs");
    }

    @Test
    void gradcheckOfAnExperimentPasses() {
        Run r = run("gradcheck", "xor");
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("dense1.W", "dense2.b", "input", "every gradient passed");
    }
}
