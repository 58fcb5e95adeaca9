package backprop.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backprop.random.SplitMix64;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SvgTest {

    private static double[] epochs(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        return x;
    }

    private static final Map<String, String> LINE_CHARTS = drawLineCharts();
    private static final Map<String, String> HEAT_MAPS = drawHeatMaps();

    private static Map<String, String> lineCharts() {
        return LINE_CHARTS;
    }

    private static Map<String, String> heatMaps() {
        return HEAT_MAPS;
    }

    /** Line charts of the shapes training produces, and a few awkward ones. */
    private static Map<String, String> drawLineCharts() {
        Map<String, String> charts = new LinkedHashMap<>();
        double[] ten = epochs(10);
        double[] loss = {2.062, 1.56, 1.03, 0.75, 0.62, 0.54, 0.48, 0.43, 0.43, 0.3793};
        double[] validationLoss = {2.1, 1.6, 1.1, 0.8, 0.7, 0.6, 0.55, 0.5, 0.52, 0.49};
        charts.put("loss", Svg.lineChart("mnist: loss per epoch", Svg.Axis.integers("epoch"), Svg.Axis.linear("loss"),
                List.of(new Svg.Series("training", ten, loss), new Svg.Series("validation", ten, validationLoss))));
        double[] accuracy = {52, 80, 84.5, 88.6, 90.1, 91, 91.5, 92, 92.2, 92.4};
        double[] validationAccuracy = {51, 79.5, 84, 88, 89.6, 90, 90.5, 90.6, 90.8, 91};
        charts.put("accuracy", Svg.lineChart("mnist-idx: accuracy per epoch", Svg.Axis.integers("epoch"),
                Svg.Axis.linear("accuracy (%)"), List.of(new Svg.Series("training", ten, accuracy),
                        new Svg.Series("validation", ten, validationAccuracy))));
        int n = 3000;
        double[] x = epochs(n);
        double[] decaying = new double[n];
        for (int i = 0; i < n; i++) {
            decaying[i] = 0.17 * Math.exp(-i / 300.0) + 1.7e-5;
        }
        charts.put("log", Svg.lineChart("sine: loss per epoch", Svg.Axis.integers("epoch"), Svg.Axis.log("loss"),
                List.of(new Svg.Series("training", x, decaying))));
        double[] gx = new double[1000];
        double[] truth = new double[1000];
        double[] fit = new double[1000];
        for (int i = 0; i < 1000; i++) {
            gx[i] = -Math.PI + 2 * Math.PI * i / 999;
            truth[i] = Math.sin(gx[i]);
            fit[i] = truth[i] + 0.01 * Math.cos(7 * gx[i]);
        }
        charts.put("fit", Svg.lineChart("sine: fit against the truth", Svg.Axis.linear("x"), Svg.Axis.linear("y"),
                List.of(new Svg.Series("sin(x)", gx, truth), new Svg.Series("network", gx, fit))));
        double[] many = new double[1000];                    // 200,000 epochs, sampled as the plots sample them
        for (int i = 0; i < many.length; i++) {
            many[i] = 1 + Math.round(i * 199_999.0 / 999);
        }
        double[] flat = new double[many.length];
        java.util.Arrays.fill(flat, 0.2);
        flat[0] = 0.69;
        charts.put("long", Svg.lineChart("gates: loss per epoch", Svg.Axis.integers("epoch"), Svg.Axis.linear("loss"),
                List.of(new Svg.Series("training", many, flat))));
        charts.put("big values", Svg.lineChart("samples per second", Svg.Axis.integers("epoch"),
                Svg.Axis.linear("samples/s"), List.of(new Svg.Series("run", epochs(4),
                        new double[] {120_000, 180_500, 240_250, 241_000}))));
        charts.put("one point", Svg.lineChart("one epoch", Svg.Axis.integers("epoch"), Svg.Axis.linear("loss"),
                List.of(new Svg.Series("training", new double[] {1}, new double[] {0.5}))));
        charts.put("nothing", Svg.lineChart("no data", Svg.Axis.integers("epoch"), Svg.Axis.log("loss"),
                List.of(new Svg.Series("training", new double[] {1, 2}, new double[] {Double.NaN, Double.NaN}))));
        // noise over the whole plot: no corner is free, so the legend goes above the plot
        SplitMix64 random = new SplitMix64(5);
        double[] noise = new double[400];
        double[] noise2 = new double[400];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextDouble();
            noise2[i] = random.nextDouble() - 0.5;
        }
        charts.put("noise", Svg.lineChart("noise with a long title that goes on and on to test the fitting of titles",
                Svg.Axis.integers("epoch"), Svg.Axis.linear("value"), List.of(new Svg.Series("a series with a long "
                        + "name <&>", epochs(400), noise), new Svg.Series("another", epochs(400), noise2))));
        return charts;
    }

    @Test
    void lineChartsKeepEveryLabelInsideAndTheLegendClearOfTheLines() throws Exception {
        for (Map.Entry<String, String> chart : lineCharts().entrySet()) {
            SvgCheck svg = new SvgCheck(chart.getValue());
            assertThat(svg.textsOutside()).as(chart.getKey()).isEmpty();
            assertThat(svg.overlappingTexts()).as(chart.getKey()).isEmpty();
            double[] area = svg.plotArea();
            for (List<double[]> line : svg.series()) {
                for (double[] p : line) {
                    // the area is written to 0.1 px, the points to 0.01 px
                    assertThat(p[0]).as(chart.getKey()).isBetween(area[0] - 0.06, area[0] + area[2] + 0.06);
                    assertThat(p[1]).as(chart.getKey()).isBetween(area[1] - 0.06, area[1] + area[3] + 0.06);
                }
            }
            double[] legend = svg.legendBox();
            if (!chart.getKey().equals("nothing")) {
                assertThat(legend).as(chart.getKey()).isNotNull();
                assertThat(svg.pointsInside(legend)).as(chart.getKey()).isZero();
                assertThat(legend[0]).isGreaterThanOrEqualTo(0);
                assertThat(legend[0] + legend[2]).isLessThanOrEqualTo(svg.width);
            }
        }
    }

    @Test
    void theLegendSitsInsideWhenACornerIsFreeAndAboveWhenNoneIs() throws Exception {
        Map<String, String> charts = lineCharts();
        SvgCheck loss = new SvgCheck(charts.get("loss"));
        double[] area = loss.plotArea();
        double[] box = loss.legendBox();
        assertThat(box[0]).isGreaterThan(area[0]);
        assertThat(box[1]).isGreaterThan(area[1]);
        assertThat(box[0] + box[2]).isLessThan(area[0] + area[2]);
        SvgCheck noise = new SvgCheck(charts.get("noise"));
        assertThat(noise.legendBox()[1] + noise.legendBox()[3]).isLessThan(noise.plotArea()[1]);
    }

    @Test
    void seriesWithoutPointsAreLeftOutOfChartAndLegend() throws Exception {
        double[] x = epochs(5);
        double[] nan = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        SvgCheck svg = new SvgCheck(Svg.lineChart("t", Svg.Axis.integers("epoch"), Svg.Axis.linear("loss"),
                List.of(new Svg.Series("training", x, new double[] {5, 4, 3, 2, 1}), new Svg.Series("validation", x,
                        nan))));
        assertThat(svg.series()).hasSize(1);
        assertThat(svg.elements("text").stream().map(Element::getTextContent)).contains("training")
                .doesNotContain("validation");
        // few points: each has a dot
        assertThat(svg.elements("circle")).hasSize(5);
    }

    @Test
    void aLogAxisIsUsedOnlyForPositiveValuesAndSaysSo() throws Exception {
        String log = lineCharts().get("log");
        SvgCheck svg = new SvgCheck(log);
        List<String> texts = svg.elements("text").stream().map(Element::getTextContent).toList();
        assertThat(texts).contains("loss (log scale)", "10⁻⁵", "10⁻⁴", "10⁻³", "10⁻²", "10⁻¹", "10⁰");
        double[] x = epochs(3);
        SvgCheck withZero = new SvgCheck(Svg.lineChart("t", Svg.Axis.integers("epoch"), Svg.Axis.log("loss"),
                List.of(new Svg.Series("training", x, new double[] {1, 0.1, 0}))));
        assertThat(withZero.elements("text").stream().map(Element::getTextContent)).contains("loss")
                .doesNotContain("loss (log scale)");
    }

    @Test
    void epochAxesTickOnWholeNumbersAndShowTheirEnds() throws Exception {
        SvgCheck svg = new SvgCheck(lineCharts().get("loss"));
        List<String> texts = svg.elements("text").stream().map(Element::getTextContent).toList();
        assertThat(texts).contains("1", "2", "5", "10", "0.2", "2.2").doesNotContain("3.25", "5.5", "0.3793");
        SvgCheck long10k = new SvgCheck(lineCharts().get("long"));
        assertThat(long10k.elements("text").stream().map(Element::getTextContent)).contains("0", "200,000");
    }

    // ---------------------------------------------------------------- heat maps

    private static int[][] confusion(int n, long seed, int perClass) {
        SplitMix64 random = new SplitMix64(seed);
        int[][] counts = new int[n][n];
        for (int a = 0; a < n; a++) {
            for (int k = 0; k < perClass; k++) {
                int p = random.nextDouble() < 0.9 ? a : random.nextInt(n);
                counts[a][p]++;
            }
        }
        return counts;
    }

    private static Map<String, String> drawHeatMaps() {
        Map<String, String> maps = new LinkedHashMap<>();
        List<String> digits = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        maps.put("mnist", Svg.heatMap("mnist: confusion matrix, test set", confusion(10, 1, 1000), digits));
        maps.put("iris", Svg.heatMap("iris: confusion matrix, test set",
                new int[][] {{10, 0, 0}, {0, 9, 1}, {0, 0, 10}}, List.of("Iris-setosa", "Iris-versicolor",
                        "Iris-virginica")));
        maps.put("two", Svg.heatMap("xor", new int[][] {{2, 0}, {0, 2}}, List.of("0", "1")));
        maps.put("one class", Svg.heatMap("csv", new int[][] {{0, 0}, {0, 1}}, List.of("x")));
        maps.put("thirty", Svg.heatMap("thirty classes", confusion(30, 2, 50), List.of()));
        List<String> long3 = List.of("a class whose name goes on far longer than any plot could hold in its margin",
                "b <&> \"quoted\"", "中文类别");
        maps.put("long names", Svg.heatMap("names", confusion(3, 3, 20), long3));
        maps.put("many long", Svg.heatMap("twelve long names", confusion(12, 4, 30),
                java.util.stream.IntStream.range(0, 12).mapToObj(i -> "category-number-" + i).toList()));
        return maps;
    }

    @Test
    void heatMapsKeepEveryLabelInsideWithoutOverlaps() throws Exception {
        for (Map.Entry<String, String> map : heatMaps().entrySet()) {
            SvgCheck svg = new SvgCheck(map.getValue());
            assertThat(svg.textsOutside()).as(map.getKey()).isEmpty();
            assertThat(svg.overlappingTexts()).as(map.getKey()).isEmpty();
        }
    }

    @Test
    void longClassNamesAreShownWholeWhenTheyFit() throws Exception {
        SvgCheck iris = new SvgCheck(heatMaps().get("iris"));
        List<String> texts = iris.elements("text").stream().map(Element::getTextContent).toList();
        // each name twice: row and column
        assertThat(texts.stream().filter("Iris-versicolor"::equals)).hasSize(2);
        assertThat(texts).contains("true class", "predicted class", "29 of 30 right (96.67%); colour: share of the "
                + "true class");
        SvgCheck tooLong = new SvgCheck(heatMaps().get("long names"));
        assertThat(tooLong.elements("text").stream().map(Element::getTextContent))
                .anySatisfy(t -> assertThat(t).startsWith("a class whose name").endsWith("…"))
                .contains("b <&> \"quoted\"", "中文类别");
    }

    @Test
    void rightAnswersAreBlueErrorsRedAndEmptyCellsWhite() throws Exception {
        int[][] counts = {{10, 0, 0}, {0, 9, 1}, {0, 0, 10}};
        SvgCheck svg = new SvgCheck(heatMaps().get("iris"));
        List<Element> cells = svg.withClass("rect", "cell");
        assertThat(cells).hasSize(9);
        for (int a = 0; a < 3; a++) {
            for (int p = 0; p < 3; p++) {
                int[] rgb = rgb(cells.get(3 * a + p).getAttribute("fill"));
                if (counts[a][p] == 0) {
                    assertThat(rgb).containsExactly(255, 255, 255);
                } else if (a == p) {
                    assertThat(rgb[2]).as("blue").isGreaterThan(rgb[0] + 60);
                } else {
                    assertThat(rgb[0]).as("red").isGreaterThan(rgb[2] + 60);
                }
            }
        }
        // a colour scale for each, in per cent of the true class
        List<String> texts = svg.elements("text").stream().map(Element::getTextContent).toList();
        assertThat(texts).contains("correct", "errors", "0%", "100%", "10%");
        // the smallest error still stands out: one error in 1,000 is as red as the scale's lowest colour
        int[][] rare = {{999, 1}, {0, 1000}};
        Element rareCell = new SvgCheck(Svg.heatMap("t", rare, List.of())).withClass("rect", "cell").get(1);
        int[] rgb = rgb(rareCell.getAttribute("fill"));
        assertThat(rgb[0] - rgb[2]).isGreaterThan(60);
    }

    private static int[] rgb(String hex) {
        assertThat(hex).matches("#[0-9a-f]{6}");
        return new int[] {Integer.parseInt(hex.substring(1, 3), 16), Integer.parseInt(hex.substring(3, 5), 16),
            Integer.parseInt(hex.substring(5, 7), 16)};
    }

    @Test
    void namesThatDoNotMatchTheClassesAreReplacedByIndexes() throws Exception {
        // a one-class data set tabulated as two classes: the one name cannot be placed
        SvgCheck svg = new SvgCheck(heatMaps().get("one class"));
        List<String> texts = svg.elements("text").stream().map(Element::getTextContent).toList();
        assertThat(texts).doesNotContain("x");
        assertThat(svg.withClass("rect", "cell")).hasSize(4);
        assertThat(new SvgCheck(Svg.heatMap("none", new int[0][0], List.of())).elements("text")
                .stream().map(Element::getTextContent)).contains("no classes to tabulate");
        assertThatThrownBy(() -> Svg.heatMap("t", new int[][] {{1, 2}}, List.of()))
                .hasMessageContaining("expected a square matrix");
    }

    @Test
    void textThatXmlCannotHoldIsReplaced() throws Exception {
        String name = "bad\u0001name\nwith a line break and a lone \ud800 surrogate";
        String svg = Svg.heatMap(name, new int[][] {{1, 0}, {0, 1}}, List.of(name, "b"));
        SvgCheck check = new SvgCheck(svg);
        assertThat(check.elements("text").get(0).getTextContent()).startsWith("bad\ufffdname with");
    }

    /** The checks above, on pictures drawn the way the plots used to be: each fault is found. */
    @Test
    void theChecksCatchTheOldFaults() throws Exception {
        String cutLabel = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 400\">"
                + "<text x=\"620.0\" y=\"366\" font-size=\"11\" text-anchor=\"middle\">1.00e+04</text></svg>";
        assertThat(new SvgCheck(cutLabel).textsOutside()).hasSize(1);
        String legendOnTheCurve = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 400\">"
                + "<polyline class=\"series\" points=\"70,40 620,350\"/>"
                + "<g class=\"legend\"><rect x=\"300\" y=\"150\" width=\"100\" height=\"40\"/></g></svg>";
        assertThat(new SvgCheck(legendOnTheCurve).pointsInside(new SvgCheck(legendOnTheCurve).legendBox()))
                .isPositive();
        String overlappingNames = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 640 400\">"
                + "<text x=\"90\" y=\"170\" font-size=\"11\" text-anchor=\"middle\">Iris-setosa</text>"
                + "<text x=\"130\" y=\"170\" font-size=\"11\" text-anchor=\"middle\">Iris-versicolor</text></svg>";
        assertThat(new SvgCheck(overlappingNames).overlappingTexts()).hasSize(1);
    }

    @Test
    void everyPictureIsOneSvgElementWithAViewBox() throws Exception {
        List<String> all = new ArrayList<>(lineCharts().values());
        all.addAll(heatMaps().values());
        all.add(Svg.message("a title", "a message"));
        for (String svg : all) {
            SvgCheck check = new SvgCheck(svg);
            assertThat(check.root.getTagName()).isEqualTo("svg");
            assertThat(check.width).isPositive();
            assertThat(svg).doesNotContain("<script", "href", "url(", "@import");
        }
    }
}
