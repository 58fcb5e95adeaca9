package backprop.vectors;

import static backprop.vectors.PortSupport.list;
import static backprop.vectors.PortSupport.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backprop.data.DataFormatException;
import backprop.data.Dataset;
import backprop.data.DigitCsv;
import backprop.data.Idx;
import backprop.data.ImageFolder;
import backprop.data.IrisCsv;
import backprop.data.LabeledCsv;
import backprop.data.LabeledDataset;
import backprop.losses.Targets;
import backprop.random.SplitMix64;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a port does with {@code testdata/vectors/}, done in Java from the files alone. Two parts are written
 * from NOTES.md §12 without the library's code for them: the trainer, loop by loop as §12.4 gives it
 * ({@link HandTrainer}), reproduces {@code trainer.json}, and the splits and the standardiser, as §12.2 and
 * §12.5 give them, reproduce {@code datasets.json}'s. The rest uses the library's own pieces driven by the
 * files: every experiment built from its {@code settings} and the rows of {@code datasets.json}
 * ({@link ExperimentPort}) and trained by {@code Trainer}, which shows that the recipe fields are complete
 * (they alone give the experiment's numbers), not that the notes alone reproduce them; and every file of
 * {@code readers.json} written out from its text or base64 and read by the reader it names, which shows
 * that the embedded files and what they are said to give agree.
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

    @Test
    void everyFileInReadersJsonReadsToWhatItSays(@TempDir Path folder) throws IOException {
        Map<String, Object> want = PortSupport.file("readers.json");
        Map<String, Object> got = PortSupport.file("readers.json");
        Map<String, Object> datasets = new LinkedHashMap<>();
        for (Object o : list(PortSupport.file("datasets.json").get("datasets"))) {
            datasets.put((String) map(o).get("name"), o);
        }
        for (Object o : list(got.get("files"))) {
            Map<String, Object> f = map(o);
            Path dir = Files.createDirectories(folder.resolve((String) f.get("name")));
            Path path = dir.resolve(Path.of((String) f.get("file")).getFileName().toString());
            Files.write(path, f.containsKey("text") ? ((String) f.get("text")).getBytes(StandardCharsets.UTF_8)
                    : Base64.getDecoder().decode((String) f.get("base64")));
            Map<String, Object> expected = map(f.get("expected"));
            Map<String, Object> read = new LinkedHashMap<>();
            switch ((String) f.get("reader")) {
                case "iris-csv" -> read.put("dataset", sameAs(IrisCsv.read(path), datasets, expected));
                case "labeled-csv" -> {
                    @SuppressWarnings("unchecked")
                    List<String> ignore = (List<String>) f.get("ignore");
                    LabeledDataset d = LabeledCsv.read(path, (String) f.get("label"), ignore);
                    if (expected.containsKey("dataset")) {
                        read.put("dataset", sameAs(d, datasets, expected));
                    } else {
                        List<String> columns = new ArrayList<>(LabeledCsv.header(path));
                        columns.remove((String) f.get("label"));
                        columns.removeAll(ignore);
                        read.put("columns", columns);
                        read.put("classes", d.classNames());
                        Encoding.putExact(read, "x", d.data().x());
                        read.put("y", d.data().y());
                    }
                }
                case "digit-csv" -> {
                    LabeledDataset d = DigitCsv.read(path);
                    read.put("classes", d.classNames());
                    read.put("x", d.data().x());
                    read.put("y", d.data().y());
                }
                case "idx-labels" -> {
                    int[] labels = Idx.readLabels(path);
                    read.put("count", labels.length);
                    read.put("labels", Arrays.stream(labels).boxed().toList());
                }
                case "idx-images" -> {
                    double[][] x = Idx.readImages(path);
                    read.put("count", x.length);
                    read.put("rows", 28);
                    read.put("cols", 28);
                    read.put("x", x);
                }
                case "image" -> read.put("x", new double[][] {ImageFolder.readGrey(path, 28, 28, false)});
                default -> throw new IllegalArgumentException("unknown reader " + f.get("reader"));
            }
            f.put("expected", read);
        }
        Map<String, Object> numbers = map(got.get("numbers"));
        Path fields = Files.createDirectories(folder.resolve("numbers"));
        for (Object o : list(numbers.get("accepted"))) {
            Map<String, Object> a = map(o);
            Encoding.putExact(a, "value", ReaderVectors.readField(fields, (String) a.get("field")));
        }
        for (Object o : list(numbers.get("refused"))) {
            assertThatThrownBy(() -> ReaderVectors.readField(fields, (String) o)).as("field '%s'", o)
                    .isInstanceOf(DataFormatException.class).hasMessageContaining("field.csv:2: column 1");
        }
        assertThat(VectorComparison.differences("readers.json", want, reparsed(got), 1.0)).isEmpty();
    }

    /** The name of the dataset of datasets.json that {@code d} equals, row for row, bit for bit; or what differs. */
    private static String sameAs(LabeledDataset d, Map<String, Object> datasets, Map<String, Object> expected) {
        String name = (String) expected.get("dataset");
        Map<String, Object> set = map(datasets.get(name));
        boolean same = d.classNames().equals(set.get("classes"))
                && Arrays.deepEquals(d.data().x(), PortSupport.matrix(set.get("x")))
                && Arrays.deepEquals(d.data().y(), PortSupport.matrix(set.get("y")));
        return same ? name : "not " + name;
    }

    /** The computed tree written and read again, so that its numbers are what a file holds. */
    static Object reparsed(Map<String, Object> tree) {
        return backprop.io.Json.parse(Vectors.text(tree));
    }
}
