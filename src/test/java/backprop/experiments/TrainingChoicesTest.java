package backprop.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backprop.training.EpochListener;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training choices beyond the documents, runs named after their data, and default data found anywhere. */
class TrainingChoicesTest {

    @TempDir
    Path dir;

    private static final Experiment IRIS = Experiments.named("iris");

    @Test
    void theDocumentsChoicesChangeNothing() throws IOException {
        ExperimentSettings s = IRIS.defaults().withEpochs(30);
        Result plain = IRIS.run(s, null);
        Result chosen = IRIS.run(s.withChoices(TrainingChoices.DOCUMENT), null);
        assertThat(chosen.metrics()).isEqualTo(plain.metrics());
        assertThat(chosen.network().parameters().get(0).value())
                .isDeepEqualTo(plain.network().parameters().get(0).value());
    }

    @Test
    void everyChoiceIsUsedAndNamedInTheNotes() throws IOException {
        TrainingChoices c = TrainingChoices.DOCUMENT.withOptimizer("adam").withWeights("he").withL2(0.0)
                .withInputs(0.5, true).withValidation(0.25).withPatience(10);
        Result r = IRIS.run(IRIS.defaults().withEpochs(200).withLearningRate(0.01).withChoices(c), null);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("optimiser: adam"))
                .anySatisfy(n -> assertThat(n).contains("weights: he, biases zeros"))
                .anySatisfy(n -> assertThat(n).contains("L2 penalty λ = 0.0"))
                .anySatisfy(n -> assertThat(n).contains("× 0.5", "standardised"))
                .anySatisfy(n -> assertThat(n).contains("validation: 30 of the 120 training rows"))
                .anySatisfy(n -> assertThat(n).contains("early stopping after 10 epochs"));
        assertThat(r.metrics().get("validation_samples")).isEqualTo(30.0);
        assertThat(r.metrics().get("train_samples")).isEqualTo(90.0);
        assertThat(r.transform().scale()).isEqualTo(0.5);
        assertThat(r.transform().mean()).hasSize(4);
        assertThat(r.network().penalty().lambda()).isZero();
        assertThat(r.network().parameters().get(1).name()).isEqualTo("dense1.b");
        assertThat(r.history().stopReason()).startsWith("early stopping: no improvement for 10 epochs");
        assertThat(r.history().epochs().size()).isLessThan(200);
        // the epoch best on the validation set is the one kept: the network scores on it what that epoch did
        assertThat(r.metrics().get("validation_accuracy")).isEqualTo(r.history().best().validationAccuracy());
        assertThat(r.history().bestEpoch()).isLessThan(r.history().epochs().size());
    }

    @Test
    void theRateCanBeHalvedEveryFewEpochs() throws IOException {
        ExperimentSettings s = IRIS.defaults().withEpochs(5).withLearningRate(0.04)
                .withChoices(TrainingChoices.DOCUMENT.withHalveEvery(2));
        Result r = IRIS.run(s, null);
        assertThat(r.history().epochs().stream().mapToDouble(e -> e.learningRate()).toArray())
                .containsExactly(0.04, 0.04, 0.02, 0.02, 0.01);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("halved after every 2 epochs"));
    }

    @Test
    void badChoicesAreRefused() {
        assertThatThrownBy(() -> TrainingChoices.DOCUMENT.withOptimizer("rmsprop"))
                .hasMessageContaining("sgd, momentum, adam");
        assertThatThrownBy(() -> TrainingChoices.initializer("normal:0")).hasMessageContaining("normal:SIGMA");
        assertThat(TrainingChoices.initializer("normal:0.25").name()).isEqualTo("normal(0.25)");
        assertThat(TrainingChoices.initializer("uniform:0.001").name()).isEqualTo("uniform(0.001)");
        assertThatThrownBy(() -> TrainingChoices.DOCUMENT.withValidation(1.0)).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> TrainingChoices.DOCUMENT.withShift(TrainingChoices.MAX_SHIFT + 1))
                .hasMessageContaining("pixels");
        assertThatThrownBy(() -> TrainingChoices.DOCUMENT.withInputs(0.0, false)).hasMessageContaining("other than 0");
    }

    @Test
    void shiftsAreSeededAndChangeTheTraining() throws IOException {
        Experiment images = Experiments.named("images");
        ExperimentSettings s = images.defaults().withEpochs(3);
        Result plain = images.run(s, null);
        Result shifted = images.run(s.withChoices(TrainingChoices.DOCUMENT.withShift(2)), null);
        Result again = images.run(s.withChoices(TrainingChoices.DOCUMENT.withShift(2)), null);
        assertThat(shifted.network().parameters().get(0).value())
                .isDeepEqualTo(again.network().parameters().get(0).value());
        assertThat(shifted.history().trainLosses()).isNotEqualTo(plain.history().trainLosses());
        assertThat(shifted.notes()).anySatisfy(n -> assertThat(n).contains("shifted by −2 … 2 pixels"));
    }

    /** An IDX folder with the given first test labels, 20 training and 20 test images of random pixels. */
    private Path idxFolder(String name, int[] testLabels) throws IOException {
        Path folder = dir.resolve(name);
        Files.createDirectories(folder);
        java.util.Random random = new java.util.Random(3);
        for (String part : List.of("train", "t10k")) {
            int n = testLabels.length;
            byte[] images = new byte[16 + n * 784];
            byte[] labels = new byte[8 + n];
            header(images, 0x803, n, 28, 28);
            header(labels, 0x801, n);
            for (int i = 16; i < images.length; i++) {
                images[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : 0);
            }
            for (int i = 0; i < n; i++) {
                labels[8 + i] = (byte) (part.equals("t10k") ? testLabels[i] : i % 10);
            }
            gzip(folder.resolve(part + "-images-idx3-ubyte.gz"), images);
            gzip(folder.resolve(part + "-labels-idx1-ubyte.gz"), labels);
        }
        return folder;
    }

    private static void header(byte[] b, int magic, int... sizes) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(b);
        buffer.putInt(magic);
        for (int s : sizes) {
            buffer.putInt(s);
        }
    }

    private static void gzip(Path file, byte[] bytes) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(bytes);
        }
    }

    @Test
    void aFashionMnistRunIsNamedAfterItsDataAndNotComparedWithMnist() throws IOException {
        int[] fashion = {9, 2, 1, 1, 6, 1, 4, 6, 5, 7, 4, 5, 7, 3, 4, 1, 2, 4, 8, 0};
        Experiment mnist = Experiments.named("mnist");
        Result r = mnist.run(mnist.defaults().withEpochs(1).withData(idxFolder("clothes", fashion)), null);
        assertThat(r.experiment()).isEqualTo("fashion-mnist");
        assertThat(r.classNames()).startsWith("T-shirt/top", "Trouser");
        Experiment shown = mnist.asRun(r.experiment());
        assertThat(shown.name()).isEqualTo("fashion-mnist");
        assertThat(shown.documentFigure()).startsWith("none for this data");

        Experiment idx = Experiments.named("mnist-idx");
        Result r2 = idx.run(idx.defaults().withEpochs(1).withData(idxFolder("clothes2", fashion)), null);
        assertThat(r2.experiment()).isEqualTo("fashion-mnist-idx");

        int[] digits = {7, 2, 1, 0, 4, 1, 4, 9, 5, 9, 0, 6, 9, 0, 1, 5, 9, 7, 3, 4};
        Result r3 = mnist.run(mnist.defaults().withEpochs(1).withData(idxFolder("My Digits", digits)), null);
        assertThat(r3.experiment()).isEqualTo("mnist");
        assertThat(mnist.asRun(r3.experiment())).isSameAs(mnist);

        int[] other = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2};
        Result r4 = mnist.run(mnist.defaults().withEpochs(1).withData(idxFolder("My Digits2", other)), null);
        assertThat(r4.experiment()).isEqualTo("my-digits2");
    }

    @Test
    void missingDefaultDataSaysWhereItLooked() {
        Experiment iris = Experiments.named("iris");
        Experiment moved = new Experiment(iris.name(), iris.document(), iris.description(), iris.documentFigure(),
                iris.defaults(), iris.tour(), Path.of("testdata/nowhere.csv"), iris.network(), iris.procedure(),
                iris.options(), iris.loader());
        assertThatThrownBy(() -> moved.run(moved.defaults(), EpochListener.SILENT))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessageContaining("its default data testdata/nowhere.csv is not here; looked in ")
                .hasMessageContaining(Path.of("testdata/nowhere.csv").toAbsolutePath().toString())
                .hasMessageContaining("give --data PATH");
        assertThat(DefaultData.candidates("testdata/mnist")).hasSizeGreaterThan(1);
    }

    @Test
    void hiddenLayersTooLargeForTheHeapAreRefusedBeforeAllocation() {
        assertThatThrownBy(() -> IRIS.defaults().withHidden(List.of(100_000, 100_000)))
                .hasMessageContaining("10,000,200,000 weights and biases").hasMessageContaining("-Xmx");
        assertThatThrownBy(() -> NetworkRecipe.checkSize(Integer.MAX_VALUE, List.of(Integer.MAX_VALUE), 10))
                .hasMessageContaining("weights and biases");
        NetworkRecipe.checkSize(784, List.of(800, 400), 10);       // document 000's network fits
    }
}
