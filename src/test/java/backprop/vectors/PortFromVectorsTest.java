package backprop.vectors;

import static backprop.vectors.PortSupport.list;
import static backprop.vectors.PortSupport.map;
import static org.assertj.core.api.Assertions.assertThat;

import backprop.data.Dataset;
import backprop.losses.Targets;
import backprop.random.SplitMix64;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A port in Java from NOTES.md §12 and {@code testdata/vectors/} alone: the trainer as §12.4 writes it
 * ({@link HandTrainer}) reproduces {@code trainer.json}, and every experiment run from its {@code settings}
 * and the rows of {@code datasets.json} ({@link ExperimentPort}) reproduces {@code experiments.json}: its
 * initial weights bit for bit, its first epochs at the file's tolerance. So the files say everything a port
 * needs, and what they say is what the code does.
 */
class PortFromVectorsTest {

    @Test
    void theTrainerAsTheNotesWriteItReproducesTrainerJson() throws IOException {
        Map<String, Object> want = PortSupport.file("trainer.json");
        Map<String, Object> got = PortSupport.file("trainer.json");
        for (Object o : list(got.get("runs"))) {
            Map<String, Object> run = map(o);
            Map<String, Object> given = map(run.get("given"));
            List.of("orders", "epochs", "best_epoch", "epochs_run", "final").forEach(run::remove);
            given.remove("initial");
            given.put("initial", PortSupport.parametersExact(PortSupport.network(map(given.get("model")),
                    new SplitMix64((long) PortSupport.number(given.get("seed"))),
                    PortSupport.initializer(given.get("weights")), PortSupport.initializer(given.get("biases")))));
            run.putAll(HandTrainer.run(run, HandTrainer.Mistake.NONE));
        }
        assertThat(VectorComparison.differences("trainer.json", want, reparsed(got), 1.0)).isEmpty();
    }

    @Test
    void everyExperimentRunFromItsSettingsAndDatasetsReproducesExperimentsJson() throws IOException {
        Map<String, Dataset> datasets = PortSupport.datasets();
        Map<String, Object> want = PortSupport.file("experiments.json");
        Map<String, Object> got = PortSupport.file("experiments.json");
        List<String> named = new ArrayList<>();
        for (Object o : list(got.get("experiments"))) {
            Map<String, Object> e = map(o);
            e.put("initial", ExperimentPort.initial(map(e.get("settings"))));
            Map<String, Object> first = map(e.get("first_epochs"));
            named.addAll(ExperimentPort.datasetsNamed(map(first.get("settings"))));
            e.put("first_epochs", ExperimentPort.firstEpochs(first, datasets));
        }
        assertThat(datasets.keySet()).containsAll(named);
        assertThat(VectorComparison.differences("experiments.json", want, reparsed(got), 1.0)).isEmpty();
    }

    @Test
    void everySplitInDatasetsJsonIsWhatNotesPseudocodeGives() throws IOException {
        Map<String, Dataset> datasets = PortSupport.datasets();
        Map<String, Object> want = PortSupport.file("datasets.json");
        Map<String, Object> got = PortSupport.file("datasets.json");
        for (Object o : list(got.get("splits"))) {
            Map<String, Object> split = map(o);
            boolean standardizer = split.containsKey("mean");
            List.of("first", "second", "mean", "mean_bits", "std", "std_bits").forEach(split::remove);
            Dataset data = datasets.get((String) split.get("dataset"));
            SplitMix64 g = new SplitMix64((long) PortSupport.number(split.get("seed")));
            int n = data.size();
            boolean[] first = new boolean[n];
            switch ((String) split.get("type")) {
                case "stratified" -> {
                    int[] labels = Targets.labels(data.y());
                    int classes = 1 + Arrays.stream(labels).max().orElseThrow();
                    for (int c = 0; c < classes; c++) {
                        List<Integer> members = new ArrayList<>();
                        for (int i = 0; i < n; i++) {
                            if (labels[i] == c) {
                                members.add(i);
                            }
                        }
                        int[] shuffled = members.stream().mapToInt(Integer::intValue).toArray();
                        g.shuffle(shuffled);
                        double fraction = PortSupport.number(split.get("fraction"));
                        long take = (long) Math.floor(fraction * shuffled.length + 0.5);
                        for (int k = 0; k < take; k++) {
                            first[shuffled[k]] = true;
                        }
                    }
                }
                case "random", "random-count" -> {
                    int[] order = g.permutation(n);
                    long take = split.containsKey("count") ? PortSupport.integer(split.get("count"))
                            : (long) Math.floor(PortSupport.number(split.get("fraction")) * n + 0.5);
                    for (int k = 0; k < take; k++) {
                        first[order[k]] = true;
                    }
                }
                default -> throw new IllegalArgumentException(split.toString());
            }
            List<Integer> a = new ArrayList<>();
            List<Integer> b = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                (first[i] ? a : b).add(i);
            }
            split.put("first", a);
            split.put("second", b);
            if (standardizer) {
                double[][] x = data.rows(a.stream().mapToInt(Integer::intValue).toArray()).x();
                int d = x[0].length;
                double[] mean = new double[d];
                double[] std = new double[d];
                for (int j = 0; j < d; j++) {
                    double sum = 0.0;
                    for (double[] row : x) {
                        sum = sum + row[j];
                    }
                    mean[j] = sum / x.length;
                    double squares = 0.0;
                    for (double[] row : x) {
                        squares = squares + (row[j] - mean[j]) * (row[j] - mean[j]);
                    }
                    std[j] = Math.sqrt(squares / x.length);
                    std[j] = std[j] == 0 ? 1 : std[j];
                }
                Encoding.putExact(split, "mean", mean);
                Encoding.putExact(split, "std", std);
            }
        }
        assertThat(list(want.get("splits"))).hasSize(4);
        assertThat(VectorComparison.differences("datasets.json", want, reparsed(got), 1.0)).isEmpty();
    }

    /** The computed tree written and read again, so that its numbers are what a file holds. */
    static Object reparsed(Map<String, Object> tree) {
        return backprop.io.Json.parse(Vectors.text(tree));
    }
}
