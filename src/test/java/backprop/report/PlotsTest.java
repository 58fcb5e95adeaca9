package backprop.report;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.data.Dataset;
import backprop.data.InputTransform;
import backprop.experiments.ExperimentSettings;
import backprop.experiments.Experiments;
import backprop.experiments.Result;
import backprop.layers.Initializer;
import backprop.losses.MeanSquaredError;
import backprop.losses.SoftmaxCrossEntropy;
import backprop.losses.Targets;
import backprop.metrics.ConfusionMatrix;
import backprop.network.Network;
import backprop.random.SplitMix64;
import backprop.training.Adam;
import backprop.training.History;
import backprop.training.Trainer;
import backprop.training.TrainingSettings;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class PlotsTest {

    @TempDir
    Path dir;

    /** Three blobs in four dimensions, labelled 0, 1, 2. */
    private static Dataset blobs(int perClass, long seed) {
        SplitMix64 random = new SplitMix64(seed);
        double[][] x = new double[3 * perClass][4];
        int[] labels = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            labels[i] = i % 3;
            for (int j = 0; j < 4; j++) {
                x[i][j] = (j == labels[i] ? 2.0 : 0.0) + random.nextGaussian();
            }
        }
        return new Dataset(x, Targets.oneHot(labels, 3));
    }

    /** A classifier trained for a few epochs, with a validation set if asked, as an experiment's result. */
    private static Result classification(boolean validation, List<String> names) {
        Dataset train = blobs(40, 1);
        Dataset held = blobs(10, 2);
        Dataset test = blobs(10, 3);
        Network net = Network.builder(4, new SplitMix64(4)).weights(Initializer.he()).dense(8).relu().dense(3)
                .loss(new SoftmaxCrossEntropy()).build();
        History history = new Trainer(net, new Adam(), TrainingSettings.of(12, 0.01).withBatchSize(16).withSeed(5))
                .fit(train, validation ? held : null, null);
        ConfusionMatrix confusion = ConfusionMatrix.of(net.predict(test.x()), test.labels(), 3);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("train_samples", 120.0);
        metrics.put("test_accuracy", 0.9);
        return new Result("iris", ExperimentSettings.of(12, 16, 0.01, List.of(8), 5), net, history, metrics,
                "train 90.00%, test 90.00%", List.of("a note with <angle brackets> & an ampersand"), confusion, names,
                null, InputTransform.IDENTITY, test, 0.5);
    }

    private static Result regression() {
        SplitMix64 random = new SplitMix64(6);
        double[][] x = new double[50][1];
        double[][] y = new double[50][1];
        for (int i = 0; i < 50; i++) {
            x[i][0] = -Math.PI + 2 * Math.PI * random.nextDouble();
            y[i][0] = Math.sin(x[i][0]);
        }
        Network net = Network.builder(1, new SplitMix64(7)).weights(Initializer.xavier()).dense(16).tanh().dense(1)
                .loss(new MeanSquaredError()).build();
        History history = new Trainer(net, new Adam(), TrainingSettings.of(300, 0.01).withScoreTraining(false))
                .fit(new Dataset(x, y), null, null);
        double[][] fit = new double[100][];
        for (int i = 0; i < 100; i++) {
            double v = -Math.PI + 2 * Math.PI * i / 99;
            fit[i] = new double[] {v, Math.sin(v), net.forward(new double[][] {{v}})[0][0]};
        }
        return new Result("sine", ExperimentSettings.of(300, 0, 0.01, List.of(16), 1), net, history,
                Map.of("grid_mse", 1e-3), "mean error 0.01", List.of(), null, List.of(), fit, InputTransform.IDENTITY,
                new Dataset(x, y), 1.0);
    }

    private static List<String> texts(String svg) throws Exception {
        return new SvgCheck(svg).elements("text").stream().map(Element::getTextContent).toList();
    }

    @Test
    void aClassifierGetsLossAccuracyAndConfusionWithValidationCurves() throws Exception {
        List<Plots.Plot> plots = Plots.draw(classification(true, List.of("Iris-setosa", "Iris-versicolor",
                "Iris-virginica")));
        assertThat(plots).extracting(Plots.Plot::file).containsExactly("iris-loss.svg", "iris-accuracy.svg",
                "iris-confusion.svg");
        for (Plots.Plot p : plots) {
            SvgCheck svg = new SvgCheck(p.svg());
            assertThat(svg.textsOutside()).as(p.file()).isEmpty();
            assertThat(svg.overlappingTexts()).as(p.file()).isEmpty();
        }
        assertThat(new SvgCheck(plots.get(0).svg()).series()).hasSize(2);
        assertThat(texts(plots.get(0).svg())).contains("training", "validation");
        assertThat(new SvgCheck(plots.get(1).svg()).series()).hasSize(2);
        assertThat(texts(plots.get(2).svg())).contains("Iris-versicolor");

        List<Plots.Plot> withoutValidation = Plots.draw(classification(false, List.of()));
        assertThat(new SvgCheck(withoutValidation.get(0).svg()).series()).hasSize(1);
        assertThat(texts(withoutValidation.get(0).svg())).doesNotContain("validation");
    }

    @Test
    void aRegressionGetsItsLossOnALogScaleAndItsFit() throws Exception {
        List<Plots.Plot> plots = Plots.draw(regression());
        assertThat(plots).extracting(Plots.Plot::file).containsExactly("sine-loss.svg", "sine-fit.svg");
        assertThat(texts(plots.get(0).svg())).contains("loss (log scale)");
        assertThat(texts(plots.get(1).svg())).contains("sin(x)", "network");
        assertThat(new SvgCheck(plots.get(1).svg()).series()).hasSize(2);
    }

    @Test
    void theLogScaleIsForLossesThatSpanADecade() {
        assertThat(Plots.spansDecades(new double[] {2.0, 0.3})).isFalse();
        assertThat(Plots.spansDecades(new double[] {2.0, 0.2})).isTrue();
        assertThat(Plots.spansDecades(new double[] {2.0, Double.NaN}, new double[] {0.1})).isTrue();
        assertThat(Plots.spansDecades(new double[] {2.0, 0.0})).isFalse();
        assertThat(Plots.spansDecades(new double[] {Double.NaN})).isFalse();
    }

    @Test
    void aPictureThatFailsIsReplacedBySayingWhy() throws Exception {
        Plots.Plot failed = Plots.plot("x-loss.svg", "x: loss", () -> {
            throw new IllegalStateException("a deliberately broken drawing");
        });
        assertThat(failed.file()).isEqualTo("x-loss.svg");
        assertThat(texts(failed.svg())).contains("x: loss").anySatisfy(t -> assertThat(t)
                .contains("could not be drawn", "a deliberately broken drawing"));
    }

    @Test
    void plotsAreWrittenAsFiles() throws Exception {
        List<Path> files = Plots.write(classification(true, List.of()), dir.resolve("new-folder"));
        assertThat(files).hasSize(3).allSatisfy(f -> assertThat(Files.readString(f)).startsWith("<svg"));
    }

    // ---------------------------------------------------------------- the HTML page

    private static Document parse(String html) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void thePageHoldsEverythingAndNeedsNothingFromOutside() throws Exception {
        Result r = classification(true, List.of("Iris-setosa", "Iris-versicolor", "Iris-virginica"));
        Path file = HtmlReport.write(Experiments.named("iris"), r, dir);
        assertThat(file.getFileName().toString()).isEqualTo("iris.html");
        String html = Files.readString(file);
        Document page = parse(html);                               // well-formed
        // every plot inlined, exactly as drawn
        NodeList svgs = page.getElementsByTagName("svg");
        assertThat(svgs.getLength()).isEqualTo(3);
        for (Plots.Plot p : Plots.draw(r)) {
            assertThat(html).contains(p.svg());
        }
        // nothing fetched: no scripts, links, sources, imports or external URLs
        String withoutNamespaces = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        assertThat(withoutNamespaces).doesNotContain("<script", "<link", "src=", "href=", "url(", "@import",
                "http:", "https:", "<img", "<iframe", "<object");
        String text = page.getDocumentElement().getTextContent();
        assertThat(text).contains("train 90.00%, test 90.00%", "total parameters", "dense1", "Iris-versicolor",
                "precision", "weighted avg", "a note with <angle brackets> & an ampersand", "test accuracy", "90.00%",
                "learning rate", "epochs");
        assertThat(html).contains(Experiments.named("iris").documentFigure());
        // the network's summary keeps its lines
        assertThat(page.getElementsByTagName("pre").item(0).getTextContent()).isEqualTo(r.network().summary());
    }

    @Test
    void aRegressionPageHasNoTestSetSection() throws Exception {
        String html = HtmlReport.page(Experiments.named("sine"), regression());
        Document page = parse(html);
        assertThat(page.getElementsByTagName("svg").getLength()).isEqualTo(2);
        assertThat(html).doesNotContain("Test set").contains("grid mse");
    }
}
