package backprop.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import backprop.data.Dataset;
import backprop.random.SplitMix64;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadersTest {

    @TempDir
    Path dir;

    private static byte[] idx(int magic, int[] dims, byte[] body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(body);
        return bytes.toByteArray();
    }

    private Path write(String name, byte[] content, boolean gzip) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(content);
        }
        return file;
    }

    @Test
    void idxImagesAndLabelsPlainAndGzip() throws IOException {
        // two 2×3 images with pixel values 0..11 (one is 255 to check unsigned bytes)
        byte[] pixels = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, (byte) 255};
        for (boolean gzip : new boolean[] {false, true}) {
            Path images = write("images" + gzip, idx(Idx.IMAGES_MAGIC, new int[] {2, 2, 3}, pixels), gzip);
            double[][] x = Idx.readImages(images);
            assertThat(x).isDeepEqualTo(new double[][] {{0, 1, 2, 3, 4, 5}, {6, 7, 8, 9, 10, 255}});
            Path labels = write("labels" + gzip, idx(Idx.LABELS_MAGIC, new int[] {3}, new byte[] {7, 0, (byte) 200}), gzip);
            assertThat(Idx.readLabels(labels)).containsExactly(7, 0, 200);
        }
    }

    @Test
    void idxProblemsAreNamed() throws IOException {
        Path labelsAsImages = write("l", idx(Idx.LABELS_MAGIC, new int[] {1}, new byte[] {1}), false);
        assertThatThrownBy(() -> Idx.readImages(labelsAsImages))
                .isInstanceOf(DataFormatException.class)
                .hasMessageContaining(labelsAsImages.toString())
                .hasMessageContaining("magic number 2049, expected 2051").hasMessageContaining("this is a label file");
        Path truncated = write("t", idx(Idx.IMAGES_MAGIC, new int[] {3, 2, 2}, new byte[5]), true);
        assertThatThrownBy(() -> Idx.readImages(truncated))
                .hasMessageContaining("promises 3 images of 2×2 pixels but the file ends early");
        Path tooLong = write("x", idx(Idx.LABELS_MAGIC, new int[] {1}, new byte[] {1, 2}), false);
        assertThatThrownBy(() -> Idx.readLabels(tooLong)).hasMessageContaining("holds more bytes");
        Path huge = write("h", idx(Idx.IMAGES_MAGIC, new int[] {1 << 20, 1 << 10, 1 << 10}, new byte[0]), false);
        assertThatThrownBy(() -> Idx.readImages(huge)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("ends early: it holds 0 of their 1099511627776 bytes");
        Path empty = write("e", new byte[2], false);
        assertThatThrownBy(() -> Idx.readLabels(empty)).hasMessageContaining("ends at byte 2, inside its header, where the magic number (bytes 0–3) should be");
        assertThatThrownBy(() -> Idx.readLabels(dir.resolve("missing"))).hasMessageContaining("no such file");
    }

    @Test
    void realMnistFilesFromTestdata() throws IOException {
        Dataset test = Mnist.read(Path.of("testdata/mnist"), "t10k");
        assertThat(test.size()).isEqualTo(10_000);
        assertThat(test.features()).isEqualTo(784);
        // the official test set begins 7, 2, 1, 0, 4
        assertThat(java.util.Arrays.copyOf(test.labels(), 5)).containsExactly(7, 2, 1, 0, 4);
        assertThat(Mnist.read(Path.of("testdata/mnist"), "train").size()).isEqualTo(10_000);
    }

    @Test
    void mismatchedImageAndLabelCountsAreRejected() throws IOException {
        write("train-images-idx3-ubyte", idx(Idx.IMAGES_MAGIC, new int[] {2, 1, 1}, new byte[2]), false);
        write("train-labels-idx1-ubyte.gz", idx(Idx.LABELS_MAGIC, new int[] {3}, new byte[3]), true);
        assertThatThrownBy(() -> Mnist.read(dir, "train")).hasMessageContaining("2 images but")
                .hasMessageContaining("holds 3 labels");
    }

    @Test
    void kaggleDigitCsv() throws IOException {
        LabeledDataset digits = DigitCsv.read(Path.of("testdata/csv/digits-sample.csv"));
        assertThat(digits.data().size()).isEqualTo(30);
        assertThat(digits.data().features()).isEqualTo(784);
        assertThat(digits.data().outputs()).isEqualTo(10);
        // the first training images of MNIST are 5, 0, 4, 1, 9
        assertThat(java.util.Arrays.copyOf(digits.data().labels(), 5)).containsExactly(5, 0, 4, 1, 9);
        // and their pixels equal the IDX file's
        Dataset idx = Mnist.read(Path.of("testdata/mnist"), "train");
        assertThat(digits.data().x()[3]).containsExactly(idx.x()[3]);
    }

    @Test
    void irisCsv() throws IOException {
        LabeledDataset iris = IrisCsv.read(Path.of("testdata/iris/Iris.csv"));
        assertThat(iris.data().size()).isEqualTo(150);
        assertThat(iris.data().features()).isEqualTo(4);                 // the Id column is dropped
        assertThat(iris.data().x()[0]).containsExactly(5.1, 3.5, 1.4, 0.2);
        assertThat(iris.classNames()).isEqualTo(IrisCsv.SPECIES);
        assertThat(iris.data().labels()[149]).isEqualTo(2);
    }

    @Test
    void anyCsvWithANamedLabelColumn() throws IOException {
        LabeledDataset tiny = LabeledCsv.read(Path.of("testdata/csv/tiny.csv"), "kind", List.of("colour"));
        assertThat(tiny.classNames()).containsExactly("large", "small");
        assertThat(tiny.data().features()).isEqualTo(2);                 // height and the quoted "weight, kg"
        assertThat(tiny.data().x()[0]).containsExactly(1.0, 10.0);
        assertThat(tiny.data().labels()[0]).isEqualTo(1);
        assertThatThrownBy(() -> LabeledCsv.read(Path.of("testdata/csv/tiny.csv"), "type", List.of()))
                .hasMessageContaining("tiny.csv:1: no column named 'type'");
    }

    @Test
    void badCsvRowsNameFileLineAndColumn() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "a,b,label\n1,2,x\n3,oops,y\n");
        assertThatThrownBy(() -> LabeledCsv.read(bad, "label", List.of()))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(bad + ":3: column 2 ('b') holds 'oops', expected a number; a column of text or ids can be "
                        + "left out (ignore 'b')");
        Files.writeString(bad, "a,b,label\n1,2\n");
        assertThatThrownBy(() -> LabeledCsv.read(bad, "label", List.of())).hasMessageContaining(":2: expected 3 fields");
        Files.writeString(bad, "Id,x\n1,2\n");
        assertThatThrownBy(() -> IrisCsv.read(bad)).hasMessageContaining(":1: expected the header");
    }

    @Test
    void imageFolderSampleFromTestdata() throws IOException {
        LabeledDataset images = ImageFolder.read(Path.of("testdata/images"), 28, 28, true);
        assertThat(images.classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(images.data().size()).isEqualTo(200);
        // the PNGs hold MNIST images as dark ink on white; inverted they are the IDX pixels again
        Dataset idx = Mnist.read(Path.of("testdata/mnist"), "train");
        int firstThree = 7;   // 00007.png in folder 3 is training image 7
        assertThat(images.data().x()[3 * 20]).containsExactly(idx.x()[firstThree]);
    }

    @Test
    void colourImagesBecomeGreyByTheBt601Weights() throws IOException {
        Path cls = Files.createDirectories(dir.resolve("c"));
        BufferedImage rgb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, 0xFF0000);   // pure red: 0.299·255 = 76.2 → 76
        rgb.setRGB(1, 0, 0x00FF00);   // pure green: 0.587·255 = 149.7 → 150
        ImageIO.write(rgb, "png", cls.resolve("rgb.png").toFile());
        assertThat(ImageFolder.readGrey(cls.resolve("rgb.png"), 2, 1, false)).containsExactly(76, 150);
        assertThat(ImageFolder.readGrey(cls.resolve("rgb.png"), 2, 1, true)).containsExactly(179, 105);
    }

    @Test
    void imagesOfTheWrongSizeAreExplained() throws IOException {
        Path cls = Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        ImageIO.write(new BufferedImage(10, 12, BufferedImage.TYPE_BYTE_GRAY), "png", cls.resolve("x.png").toFile());
        assertThatThrownBy(() -> ImageFolder.read(dir, 28, 28, false))
                .hasMessageContaining("x.png").hasMessageContaining("image is 10×12 pixels, expected 28×28");
        Files.writeString(cls.resolve("x.png"), "not an image");
        assertThatThrownBy(() -> ImageFolder.read(dir, 28, 28, false)).hasMessageContaining("x.png: not a PNG or JPEG");
    }

    @Test
    void syntheticSineAndGates() {
        Dataset sine = Synthetic.sine(200, 0.0, new SplitMix64(1));
        assertThat(sine.size()).isEqualTo(200);
        for (int i = 0; i < sine.size(); i++) {
            assertThat(sine.x()[i][0]).isBetween(-Math.PI, Math.PI);
            assertThat(sine.y()[i][0]).isEqualTo(Math.sin(sine.x()[i][0]));
        }
        Dataset noisy = Synthetic.sine(200, 0.1, new SplitMix64(1));
        assertThat(noisy.x()).isDeepEqualTo(sine.x());                   // same x, noise added to y only
        assertThat(noisy.y()).isNotEqualTo(sine.y());
        assertThat(Synthetic.and().labels()).containsExactly(0, 0, 0, 1);
        assertThat(Synthetic.or().labels()).containsExactly(0, 1, 1, 1);
        assertThat(Synthetic.not().labels()).containsExactly(1, 0);
        assertThat(Synthetic.xor().labels()).containsExactly(0, 1, 1, 0);
    }

    @Test
    void splitsAreSeededStratifiedAndComplete() {
        Dataset iris;
        try {
            iris = IrisCsv.read(Path.of("testdata/iris/Iris.csv")).data();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        Splits.Split a = Splits.stratified(iris, 0.8, new SplitMix64(5));
        Splits.Split b = Splits.stratified(iris, 0.8, new SplitMix64(5));
        assertThat(a.first().x()).isDeepEqualTo(b.first().x());
        assertThat(a.first().size()).isEqualTo(120);
        assertThat(a.second().size()).isEqualTo(30);
        int[] counts = new int[3];
        for (int label : a.second().labels()) {
            counts[label]++;
        }
        assertThat(counts).containsExactly(10, 10, 10);
        Splits.Split rows = Splits.randomCount(iris, 100, new SplitMix64(1));
        assertThat(rows.first().size()).isEqualTo(100);
        assertThat(rows.second().size()).isEqualTo(50);
    }

    @Test
    void standardisationUsesTrainingStatisticsOnly() {
        Dataset train = new Dataset(new double[][] {{1, 5}, {3, 5}}, new double[][] {{1}, {0}});
        Dataset test = new Dataset(new double[][] {{5, 6}}, new double[][] {{1}});
        Preprocessing.Standardizer s = Preprocessing.Standardizer.fit(train);
        // mean [2, 5], std [1, 0 → 1]: test row becomes [(5 − 2)/1, (6 − 5)/1]
        assertThat(s.apply(test).x()[0]).containsExactly(3.0, 1.0);
        assertThat(s.apply(train).x()).isDeepEqualTo(new double[][] {{-1, 0}, {1, 0}});
        assertThat(InputTransform.invertedPixels().apply(new Dataset(new double[][] {{0, 255}}, new double[][] {{1}}))
                .x()[0]).containsExactly(1.0, 0.0);
    }
}
