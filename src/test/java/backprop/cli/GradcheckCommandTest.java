package backprop.cli;

import static backprop.cli.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import backprop.cli.CommandLineTest.Run;
import backprop.io.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradcheckCommandTest {

    @TempDir
    Path dir;

    /** The text before the first verdict: every figure, none of the pass/fail words. */
    private static String figures(String out) {
        return out.substring(0, out.indexOf("per entry, verdict"));
    }

    /** The JSON with every verdict, pass flag and threshold taken out. */
    private static Object withoutVerdicts(Object json) {
        if (json instanceof Map<?, ?> map) {
            Map<Object, Object> kept = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!List.of("verdict", "passed", "threshold").contains(e.getKey())) {
                    kept.put(e.getKey(), withoutVerdicts(e.getValue()));
                }
            }
            return kept;
        }
        if (json instanceof List<?> list) {
            List<Object> kept = new ArrayList<>();
            for (Object o : list) {
                kept.add(withoutVerdicts(o));
            }
            return kept;
        }
        return json;
    }

    @Test
    void theFiguresAreTheSameForThresholds1e5And1e12() {
        Run loose = run("gradcheck", "iris", "--threshold", "1e-5");
        Run strict = run("gradcheck", "iris", "--threshold", "1e-12");
        assertThat(loose.code()).as(loose.out()).isZero();
        assertThat(figures(strict.out())).isEqualTo(figures(loose.out())).contains("dense1.W", "all parameters", "δ");
        assertThat(strict.out()).contains("verdict at threshold 1.0e-12");
        assertThat(loose.out()).contains("verdict at threshold 1.0e-05");
        // at 1e-12 some entries pass only within the difference's resolution; the figures above did not move
        assertThat(strict.out()).containsPattern("pass  \\d+ relative, [1-9]\\d* within the difference's resolution");
        assertThat(strict.out().substring(figures(strict.out()).length()))
                .isNotEqualTo(loose.out().substring(figures(loose.out()).length()));

        Run looseJson = run("gradcheck", "iris", "--threshold", "1e-5", "--json");
        Run strictJson = run("gradcheck", "iris", "--threshold", "1e-12", "--json");
        Object a = Json.parse(looseJson.out());
        Object b = Json.parse(strictJson.out());
        assertThat(withoutVerdicts(b)).isEqualTo(withoutVerdicts(a));
        Map<?, ?> check = (Map<?, ?>) ((List<?>) ((Map<?, ?>) a).get("checks")).get(0);
        Map<?, ?> firstRow = (Map<?, ?>) ((List<?>) ((Map<?, ?>) check.get("entries")).get("rows")).get(0);
        Map<?, ?> worst = (Map<?, ?>) firstRow.get("worst");
        assertThat(worst.keySet().stream().map(String::valueOf).toList()).contains("relative_error", "absolute_error", "resolution", "analytic", "numeric",
                "step", "f_minus_2h", "f_plus_2h");
        double analytic = (Double) worst.get("analytic");
        double numeric = (Double) worst.get("numeric");
        assertThat((Double) worst.get("relative_error"))
                .isEqualTo(Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric)));
    }

    @Test
    void unreadableOrOutOfRangeOptionsExitWithTwoAndOneLine() {
        List<List<String>> bad = List.of(List.of("--entries", "-1"), List.of("--entries", "many"),
                List.of("--directional", "-3"), List.of("--threshold", "0"), List.of("--threshold", "-1e-7"),
                List.of("--threshold", "NaN"), List.of("--threshold", "Infinity"), List.of("--threshold", "tiny"),
                List.of("--batch", "0"), List.of("--entries", "0", "--directional", "0"));
        for (List<String> options : bad) {
            List<String> args = new ArrayList<>(List.of("gradcheck", "xor"));
            args.addAll(options);
            Run r = run(args.toArray(String[]::new));
            assertThat(r.code()).as(options.toString()).isEqualTo(2);
            assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).contains("--" + options.get(0).substring(2));
            assertThat(r.out()).isEmpty();
        }
        assertThat(run("gradcheck", "xor", "--batch", "3").code()).isEqualTo(2);         // --batch goes with --model
        assertThat(run("gradcheck", "--model", "m.json").err()).contains("needs --data");
    }

    @Test
    void aSavedModelChecksFromTheCommandLine() {
        Path model = dir.resolve("iris.json");
        Run train = run("train", "csv", "--label", "Species", "--ignore", "Id", "--epochs", "50", "--save",
                model.toString(), "--out", dir.toString(), "--json");
        assertThat(train.code()).as(train.err()).isZero();
        Run text = run("gradcheck", "--model", model.toString(), "--data", "testdata/iris/Iris.csv", "--label", "Species",
                "--ignore", "Id", "--batch", "6", "--entries", "20", "--directional", "3");
        assertThat(text.code()).as(text.out() + text.err()).isZero();
        assertThat(text.out()).contains("6 of the 150 samples", "dense1.W", "all parameters", "every gradient passed");

        Run json = run("gradcheck", "--model", model.toString(), "--data", "testdata/iris/Iris.csv", "--label",
                "Species", "--ignore", "Id", "--batch", "6", "--entries", "20", "--directional", "3", "--json");
        assertThat(json.code()).isZero();
        Map<?, ?> result = (Map<?, ?>) Json.parse(json.out());
        assertThat(result.get("passed")).isEqualTo(true);
        Map<?, ?> check = (Map<?, ?>) ((List<?>) result.get("checks")).get(0);
        assertThat(check.get("samples")).isEqualTo(6.0);
        assertThat((List<?>) check.get("rows")).hasSize(6);
        List<?> directional = (List<?>) ((Map<?, ?>) check.get("directional")).get("rows");
        Map<?, ?> all = (Map<?, ?>) directional.get(directional.size() - 1);
        assertThat(all.get("name")).isEqualTo("all parameters");
        assertThat(all.get("checked")).isEqualTo(3.0);

        // a batch larger than the data takes all of it
        Run everything = run("gradcheck", "--model", model.toString(), "--data", "testdata/iris/Iris.csv", "--label",
                "Species", "--ignore", "Id", "--batch", "1000", "--entries", "3", "--directional", "1", "--json");
        assertThat(((Map<?, ?>) ((List<?>) ((Map<?, ?>) Json.parse(everything.out())).get("checks")).get(0))
                .get("samples")).isEqualTo(150.0);
    }
}
