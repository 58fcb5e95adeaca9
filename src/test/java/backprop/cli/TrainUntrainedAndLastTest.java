package backprop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.data.Dataset;
import backprop.data.IrisCsv;
import backprop.data.Splits;
import backprop.io.Json;
import backprop.io.ModelFile;
import backprop.layers.Dense;
import backprop.random.SplitMix64;
import backprop.training.Trainer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train … --epochs 0 --save} writes the untrained network; {@code --save-last} the last epoch's. */
class TrainUntrainedAndLastTest {

    @TempDir
    Path dir;

    private String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run(args);
        assertThat(code).as(String.join(" ", args)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void epochsZeroSavesTheInitialWeights() throws Exception {
        Path model = dir.resolve("xor0.json");
        String out = run("train", "xor", "--epochs", "0", "--save", model.toString(), "--out", dir.toString());
        assertThat(out).contains("epochs:   0 run (no epochs: the network keeps its initial parameters)");
        Dense first = (Dense) ModelFile.load(model).network().layers().get(0);
        // xor: seed 1, weights and biases 0.01·N(0, 1), W (2×6) filled row by row before b
        SplitMix64 r = new SplitMix64(1);
        double[][] w = first.weights().value();
        for (double[] row : w) {
            for (double v : row) {
                assertThat(v).isEqualTo(0.01 * r.nextGaussian());
            }
        }
        for (double v : first.bias().value()[0]) {
            assertThat(v).isEqualTo(0.01 * r.nextGaussian());
        }
    }

    @Test
    void saveLastKeepsTheLastEpochWhereSaveKeepsTheBest() throws Exception {
        Path best = dir.resolve("best.json");
        Path last = dir.resolve("last.json");
        // at lr 0.3 the training accuracy of iris peaks before the last of 300 epochs
        Map<?, ?> report = (Map<?, ?>) Json.parse(run("train", "iris", "--epochs", "300", "--lr", "0.3", "--json",
                "--save", best.toString(), "--save-last", last.toString(), "--out", dir.toString()));
        List<?> history = (List<?>) report.get("history");
        int bestEpoch = ((Double) report.get("best_epoch")).intValue();
        assertThat(bestEpoch).isLessThan(300);
        Dataset train = Splits.stratified(IrisCsv.read(Path.of("testdata/iris/Iris.csv")).data(), 0.8,
                new SplitMix64(2024)).first();
        double bestLoss = Trainer.score(ModelFile.load(best).network(), train).loss();
        double lastLoss = Trainer.score(ModelFile.load(last).network(), train).loss();
        assertThat(bestLoss).isEqualTo((Double) ((Map<?, ?>) history.get(bestEpoch - 1)).get("train_loss"));
        assertThat(lastLoss).isEqualTo((Double) ((Map<?, ?>) history.get(299)).get("train_loss"));
        assertThat(lastLoss).isNotEqualTo(bestLoss);
    }
}
