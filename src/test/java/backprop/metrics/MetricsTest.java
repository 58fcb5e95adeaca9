package backprop.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

    // 10 samples, 3 classes. actual:    0 0 0 0 1 1 1 2 2 2
    //                        predicted: 0 0 1 2 1 1 0 2 2 2
    private static final int[] ACTUAL = {0, 0, 0, 0, 1, 1, 1, 2, 2, 2};
    private static final int[] PREDICTED = {0, 0, 1, 2, 1, 1, 0, 2, 2, 2};

    @Test
    void accuracyAndConfusionMatrix() {
        assertThat(Metrics.accuracy(PREDICTED, ACTUAL)).isEqualTo(0.7);
        ConfusionMatrix m = ConfusionMatrix.of(PREDICTED, ACTUAL, 3);
        assertThat(m.counts()).isDeepEqualTo(new int[][] {{2, 1, 1}, {1, 2, 0}, {0, 0, 3}});
        assertThat(m.support(0)).isEqualTo(4);
        assertThat(m.predictedCount(2)).isEqualTo(4);
        assertThat(m.toString()).contains("true\\pred");
        assertThatThrownBy(() -> ConfusionMatrix.of(new int[] {3}, new int[] {0}, 3))
                .hasMessageContaining("predicted class 3");
        assertThatThrownBy(() -> Metrics.accuracy(new int[2], new int[3])).hasMessageContaining("2 predictions for 3");
    }

    @Test
    void classificationReportByHand() {
        ClassificationReport r = ClassificationReport.of(ConfusionMatrix.of(PREDICTED, ACTUAL, 3),
                List.of("a", "b", "c"));
        // class a: TP 2, predicted 3, support 4 → precision 2/3, recall 1/2, F1 = 2·(1/3)/(7/6) = 4/7
        ClassificationReport.Row a = r.rows().get(0);
        assertThat(a.precision()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(a.recall()).isEqualTo(0.5);
        assertThat(a.f1()).isCloseTo(4.0 / 7, within(1e-15));
        assertThat(a.support()).isEqualTo(4);
        // class b: TP 2, predicted 3, support 3 → 2/3, 2/3, 2/3;  class c: 3/4, 1, 6/7
        assertThat(r.rows().get(1).f1()).isCloseTo(2.0 / 3, within(1e-15));
        assertThat(r.rows().get(2).precision()).isEqualTo(0.75);
        assertThat(r.rows().get(2).f1()).isCloseTo(6.0 / 7, within(1e-15));
        // macro precision (2/3 + 2/3 + 3/4)/3 = 25/36; weighted recall (4·½ + 3·⅔ + 3·1)/10 = 0.7
        assertThat(r.macroAverage().precision()).isCloseTo(25.0 / 36, within(1e-15));
        assertThat(r.weightedAverage().recall()).isCloseTo(0.7, within(1e-15));
        assertThat(r.accuracy()).isEqualTo(0.7);
        assertThat(r.toString()).contains("precision", "recall", "f1-score", "support", "macro avg", "weighted avg");
    }

    @Test
    void longClassNamesKeepTheReportsColumnsInLine() {
        ConfusionMatrix m = ConfusionMatrix.of(new int[] {0, 1, 1}, new int[] {0, 1, 0}, 2);
        String report = ClassificationReport.of(m, java.util.List.of("Iris-setosa", "Iris-versicolor")).toString();
        java.util.List<String> lines = report.lines().filter(l -> !l.isBlank()).toList();
        int end = lines.get(0).indexOf("precision") + "precision".length();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.strip().startsWith("accuracy")) {
                assertThat(line.charAt(end - 1)).as(line).isNotEqualTo(' ');    // the figures end under the title
                assertThat(line.charAt(end)).as(line).isEqualTo(' ');
            }
        }
        assertThat(report).contains("Iris-versicolor     0.5000");
    }

    @Test
    void regressionErrors() {
        double[][] p = {{1, 2}, {3, 4}};
        double[][] y = {{1, 0}, {5, 4}};
        assertThat(Metrics.meanSquaredError(p, y)).isEqualTo(2.0);     // (0 + 4 + 4 + 0)/4
        assertThat(Metrics.meanAbsoluteError(p, y)).isEqualTo(1.0);    // (0 + 2 + 2 + 0)/4
    }
}
