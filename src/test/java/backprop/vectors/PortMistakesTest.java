package backprop.vectors;

import static backprop.vectors.PortSupport.list;
import static backprop.vectors.PortSupport.map;
import static backprop.vectors.PortSupport.matrix;
import static org.assertj.core.api.Assertions.assertThat;

import backprop.data.Dataset;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The vectors catch the mistakes NOTES.md §12 warns a port of: derivatives of saturated units computed from
 * z instead of the stored output, a ReLU built on a max that returns −0.0, a trainer that shuffles a fresh
 * order each epoch, breaks ties another way or scores a whole set in one chunk, and a recipe with any one
 * setting wrong.
 */
class PortMistakesTest {

    /** σ'(z) and tanh'(z) computed from z, accurately: what a port that "improves" the derivative gets. */
    private static final DoubleUnaryOperator SIGMOID_FROM_Z = z -> {
        double e = Math.exp(-Math.abs(z));
        return e / ((1 + e) * (1 + e));
    };
    private static final DoubleUnaryOperator TANH_FROM_Z = z -> {
        double e = Math.exp(-2 * Math.abs(z));
        return 4 * e / ((1 + e) * (1 + e));
    };

    /** layers.json with dX = G·f'(z) for every case of {@code type}; returns the indexes of those cases. */
    private static List<Integer> derivativeFromZ(Map<String, Object> layers, String type, DoubleUnaryOperator f) {
        List<Integer> cases = new ArrayList<>();
        List<Object> all = list(layers.get("cases"));
        for (int i = 0; i < all.size(); i++) {
            Map<String, Object> c = map(all.get(i));
            if (!map(c.get("layer")).get("type").equals(type)) {
                continue;
            }
            double[][] x = matrix(map(c.get("given")).get("X"));
            double[][] g = matrix(map(c.get("given")).get("G"));
            double[][] dx = new double[x.length][x[0].length];
            for (int r = 0; r < x.length; r++) {
                for (int k = 0; k < x[r].length; k++) {
                    dx[r][k] = g[r][k] * f.applyAsDouble(x[r][k]);
                }
            }
            map(c.get("expected")).put("dX", dx);
            cases.add(i);
        }
        return cases;
    }

    @Test
    void aSaturatedDerivativeComputedFromZIsCaughtInTheCasesOfSaturatedUnitsOnly() throws IOException {
        Map<String, Object> want = PortSupport.file("layers.json");
        Map<String, Object> got = PortSupport.file("layers.json");
        List<Integer> sigmoid = derivativeFromZ(got, "sigmoid", SIGMOID_FROM_Z);
        List<Integer> tanh = derivativeFromZ(got, "tanh", TANH_FROM_Z);
        List<String> found = VectorComparison.differences("layers.json", want,
                PortFromVectorsTest.reparsed(got), 1.0);
        // The last case of each is the saturated units alone: caught. The moderate inputs agree with the
        // accurate derivative, and so do the saturated units beside moderate ones, whose tiny differences
        // hide under a tolerance scaled by the O(1) entries: the reason the saturated-only cases exist.
        assertThat(found).hasSize(2);
        assertThat(found.get(0)).startsWith("layers.json.cases[" + sigmoid.get(2) + "].expected.dX");
        assertThat(found.get(1)).startsWith("layers.json.cases[" + tanh.get(2) + "].expected.dX");
    }

    @Test
    void aReluThatKeepsMinusZeroIsCaughtByTheBitPatterns() throws IOException {
        Map<String, Object> want = PortSupport.file("layers.json");
        Map<String, Object> got = PortSupport.file("layers.json");
        int relu = -1;
        List<Object> all = list(got.get("cases"));
        for (int i = 0; i < all.size() && relu < 0; i++) {
            Map<String, Object> c = map(all.get(i));
            if (map(c.get("layer")).get("type").equals("relu")) {
                relu = i;
                double[][] x = matrix(map(c.get("given")).get("X"));
                double[][] y = new double[x.length][x[0].length];
                for (int r = 0; r < x.length; r++) {
                    for (int k = 0; k < x[r].length; k++) {
                        y[r][k] = 0.0 > x[r][k] ? 0.0 : x[r][k];        // Python's max(z, 0.0): z unless 0.0 > z
                    }
                }
                Encoding.putExact(map(c.get("expected")), "Y", y);
            }
        }
        assertThat(VectorComparison.differences("layers.json", want, PortFromVectorsTest.reparsed(got), 1.0))
                .singleElement().asString().startsWith("layers.json.cases[" + relu + "].expected.Y_bits")
                .contains("0000000000000000", "8000000000000000");
    }

    @Test
    void aTrainerThatShufflesAFreshOrderEachEpochIsCaught() throws IOException {
        assertThat(trainerDifferences(HandTrainer.Mistake.FRESH_PERMUTATION))
                .anyMatch(d -> d.contains(".orders[1]"));
    }

    @Test
    void aTrainerThatKeepsTheEarlierOfTwoEqualAccuraciesIsCaught() throws IOException {
        assertThat(trainerDifferences(HandTrainer.Mistake.TIES_KEEP_THE_EARLIER_EPOCH))
                .anyMatch(d -> d.contains("epochs[1].best_so_far"));
    }

    @Test
    void aTrainerThatScoresAWholeSetInOneChunkIsCaughtByTheExactRuns() throws IOException {
        List<String> found = trainerDifferences(HandTrainer.Mistake.ONE_CHUNK);
        // 1,100 training and 1,030 validation rows: two chunks each, whose sum rounds otherwise than one
        assertThat(found).isNotEmpty().allSatisfy(d -> assertThat(d).contains("runs[exact-step-decay]", "_bits"));
        assertThat(found).anyMatch(d -> d.contains("validation_loss_bits"));
    }

    @Test
    void theTrainerAsWrittenIsNotCaught() throws IOException {
        assertThat(trainerDifferences(HandTrainer.Mistake.NONE)).isEmpty();
    }

    private static List<String> trainerDifferences(HandTrainer.Mistake mistake) throws IOException {
        Map<String, Object> want = PortSupport.file("trainer.json");
        Map<String, Object> got = PortSupport.file("trainer.json");
        for (Object o : list(got.get("runs"))) {
            Map<String, Object> run = map(o);
            run.putAll(HandTrainer.run(run, mistake));
        }
        return VectorComparison.differences("trainer.json", want, PortFromVectorsTest.reparsed(got), 1.0);
    }

    /** One setting of one experiment's first_epochs recipe, changed. */
    private record Change(String experiment, String field, String key, Object value) {
    }

    @Test
    void aRecipeWithAnyOneSettingWrongGivesOtherNumbers() throws IOException {
        Map<String, Dataset> datasets = PortSupport.datasets();
        Map<String, Object> file = PortSupport.file("experiments.json");
        List<Change> changes = List.of(
                new Change("iris", null, "train_loss", "batch mean"),
                new Change("iris", "split", "seed", 2025.0),
                new Change("sine", null, "network_skip", 0.0),
                new Change("sine", null, "keep_best", true),
                new Change("sine", "optimizer", "type", "sgd"),
                new Change("csv", "transform", "standardize", false),
                new Change("images", "transform", "offset", 0.0),
                new Change("images", null, "shuffle_seed", 13.0),
                new Change("xor", null, "batch", 3.0));
        for (Change change : changes) {
            Map<String, Object> experiment = null;
            for (Object o : list(file.get("experiments"))) {
                if (map(o).get("name").equals(change.experiment())) {
                    experiment = map(o);
                }
            }
            Map<String, Object> recorded = map(experiment.get("first_epochs"));
            Map<String, Object> changed = map(PortFromVectorsTest.reparsed(recorded));
            Map<String, Object> settings = map(changed.get("settings"));
            (change.field() == null ? settings : map(settings.get(change.field()))).put(change.key(), change.value());
            Map<String, Object> computed = ExperimentPort.firstEpochs(changed, datasets);
            computed.put("settings", recorded.get("settings"));
            List<String> found = VectorComparison.differences("first_epochs", wrapped(recorded),
                    wrapped(computed), 1.0);
            assertThat(found).as("%s", change).isNotEmpty();
        }
        // and unchanged, none
        Map<String, Object> iris = null;
        for (Object o : list(file.get("experiments"))) {
            if (map(o).get("name").equals("iris")) {
                iris = map(map(o).get("first_epochs"));
            }
        }
        assertThat(VectorComparison.differences("first_epochs", wrapped(iris),
                wrapped(ExperimentPort.firstEpochs(iris, datasets)), 1.0)).isEmpty();
    }

    /** A first_epochs record as a file of its own, at experiments.json's tolerance. */
    private static Object wrapped(Map<String, Object> firstEpochs) {
        Map<String, Object> file = Encoding.header("first_epochs", "one record",
                Encoding.tolerances("first_epochs", ExperimentVectors.EPOCHS_TOLERANCE));
        file.put("first_epochs", firstEpochs);
        return PortFromVectorsTest.reparsed(file);
    }
}
