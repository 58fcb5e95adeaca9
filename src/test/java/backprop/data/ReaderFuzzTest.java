package backprop.data;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.testing.Fuzz;
import backprop.testing.Mutator;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzz suite for the data readers: seeded mutations of every format (see {@link Mutator}) fed to its
 * reader. Every case must end either in data that is sane (finite values in range, the declared shapes,
 * labels in range) or in a {@link DataFormatException} whose message names the file; never in a JDK
 * exception, an error or a hang. {@code -Dfuzz.cases=100000} runs more cases per format.
 */
class ReaderFuzzTest {

    @TempDir
    Path dir;

    @AfterAll
    static void printCounts() {
        Fuzz.printSummary();
    }

    private static void expectClean(Fuzz.Counts counts) {
        Fuzz.expectClean(counts);
    }

    private static boolean ours(Throwable t) {
        return t instanceof DataFormatException;
    }

    // ------------------------------------------------------------------ IDX

    private static byte[] idx(int magic, int[] dims, byte[] body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int v : new int[] {magic}) {
            writeInt(bytes, v);
        }
        for (int d : dims) {
            writeInt(bytes, d);
        }
        bytes.writeBytes(body);
        return bytes.toByteArray();
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    private static byte[] pixels(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 37 + 11);
        }
        return b;
    }

    private static final byte[] IMAGES = idx(Idx.IMAGES_MAGIC, new int[] {6, 5, 4}, pixels(6 * 5 * 4));
    private static final byte[] LABELS = idx(Idx.LABELS_MAGIC, new int[] {8}, new byte[] {0, 1, 2, 3, 9, 5, 7, 4});

    /** A mutated IDX file: header fields, bytes, or (for gzip) the compressed bytes themselves. */
    private static byte[] mutateIdx(Mutator m, byte[] base, boolean gzip, int... fields) {
        int choice = m.nextInt(10);
        if (gzip && choice >= 7) {
            return m.bytes(Mutator.gzip(base));               // damaged compression
        }
        byte[] plain = choice < 4 ? m.header(base, fields) : m.bytes(base);
        if (m.nextInt(4) == 0) {
            plain = m.bytes(plain);
        }
        return gzip ? Mutator.gzip(plain) : plain;
    }

    /** The content of an accepted file, decompressed when it is gzip. */
    private static byte[] content(Path file) {
        try {
            byte[] raw = Files.readAllBytes(file);
            if (raw.length >= 2 && (raw[0] & 0xFF) == 0x1f && (raw[1] & 0xFF) == 0x8b) {
                return new GZIPInputStream(new ByteArrayInputStream(raw)).readAllBytes();
            }
            return raw;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whole pixel values 0..255, as IDX and image files store them. */
    private static void checkPixels(double[][] x) {
        for (double[] row : x) {
            for (double v : row) {
                assertThat(v >= 0 && v <= 255 && v == Math.rint(v)).as("pixel value %s", v).isTrue();
            }
        }
    }

    private void fuzzIdxImages(String name, long salt, boolean gzip) throws Exception {
        Path file = dir.resolve(name);
        expectClean(Fuzz.run(name, salt, ReaderFuzzTest::ours, m -> {
            Fuzz.replace(file, mutateIdx(m, IMAGES, gzip, 0, 4, 8, 12));
            return new Fuzz.Input(file.toString(), () -> Idx.readImages(file), value -> {
                double[][] x = (double[][]) value;
                byte[] bytes = content(file);
                int count = Mutator.getInt(bytes, 4);
                int pixels = Mutator.getInt(bytes, 8) * Mutator.getInt(bytes, 12);
                assertThat(x.length).as("images").isEqualTo(count);
                for (double[] row : x) {
                    assertThat(row.length).as("pixels per image").isEqualTo(pixels);
                }
                assertThat(16L + (long) count * pixels).as("bytes").isEqualTo(bytes.length);
                checkPixels(x);
            });
        }));
    }

    private void fuzzIdxLabels(String name, long salt, boolean gzip) throws Exception {
        Path file = dir.resolve(name);
        expectClean(Fuzz.run(name, salt, ReaderFuzzTest::ours, m -> {
            Fuzz.replace(file, mutateIdx(m, LABELS, gzip, 0, 4));
            return new Fuzz.Input(file.toString(), () -> Idx.readLabels(file), value -> {
                int[] labels = (int[]) value;
                byte[] bytes = content(file);
                assertThat(labels.length).isEqualTo(Mutator.getInt(bytes, 4)).isEqualTo(bytes.length - 8);
                for (int label : labels) {
                    assertThat(label).isBetween(0, 255);
                }
            });
        }));
    }

    @Test
    void idxImagesPlain() throws Exception {
        fuzzIdxImages("idx-images", 1, false);
    }

    @Test
    void idxImagesGzip() throws Exception {
        fuzzIdxImages("idx-images.gz", 2, true);
    }

    @Test
    void idxLabelsPlain() throws Exception {
        fuzzIdxLabels("idx-labels", 3, false);
    }

    @Test
    void idxLabelsGzip() throws Exception {
        fuzzIdxLabels("idx-labels.gz", 4, true);
    }

    @Test
    void mnistFolder() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("mnist"));
        byte[] images = idx(Idx.IMAGES_MAGIC, new int[] {8, 4, 4}, pixels(8 * 16));
        expectClean(Fuzz.run("mnist-folder", 5, ReaderFuzzTest::ours, m -> {
            for (String name : List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte")) {
                Files.deleteIfExists(folder.resolve(name));
                Files.deleteIfExists(folder.resolve(name + ".gz"));
            }
            boolean imagesGzip = m.nextInt(2) == 0;
            boolean labelsGzip = m.nextInt(2) == 0;
            boolean mutateImages = m.nextInt(2) == 0;
            byte[] i = mutateImages ? mutateIdx(m, images, imagesGzip, 0, 4, 8, 12)
                    : imagesGzip ? Mutator.gzip(images) : images;
            byte[] l = mutateImages ? (labelsGzip ? Mutator.gzip(LABELS) : LABELS) : mutateIdx(m, LABELS, labelsGzip, 0, 4);
            Files.write(folder.resolve("train-images-idx3-ubyte" + (imagesGzip ? ".gz" : "")), i);
            Files.write(folder.resolve("train-labels-idx1-ubyte" + (labelsGzip ? ".gz" : "")), l);
            return new Fuzz.Input(folder.toString(), () -> Mnist.read(folder, "train"), value -> {
                Dataset d = (Dataset) value;
                assertThat(d.outputs()).isEqualTo(10);
                checkOneHot(d.y());
                checkPixels(d.x());
            });
        }));
    }

    // ------------------------------------------------------------------ CSV

    private static byte[] resourceLines(String path, int... lineNumbers) {
        try {
            List<String> lines = Files.readAllLines(Path.of(path));
            StringBuilder s = new StringBuilder();
            for (int n : lineNumbers) {
                s.append(lines.get(n)).append('\n');
            }
            return s.toString().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A mutated text file: mostly text-level, also bytes and encodings; optionally gzip (or damaged gzip). */
    private static byte[] mutateText(Mutator m, byte[] base, boolean gzip) {
        int choice = m.nextInt(20);
        if (gzip && choice >= 17) {
            return m.bytes(Mutator.gzip(base));
        }
        byte[] plain = choice < 10 ? m.text(base) : choice < 14 ? m.bytes(base) : m.encoding(base);
        if (m.nextInt(4) == 0) {
            plain = m.text(plain);
        }
        return gzip ? Mutator.gzip(plain) : plain;
    }

    private static void checkOneHot(double[][] y) {
        for (double[] row : y) {
            double sum = 0;
            for (double v : row) {
                assertThat(v == 0.0 || v == 1.0).as("one-hot entries").isTrue();
                sum += v;
            }
            assertThat(sum).as("one 1 per row").isEqualTo(1.0);
        }
    }

    private static void checkLabeled(LabeledDataset d) {
        assertThat(d.classNames()).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(2);
        assertThat(d.data().outputs()).isEqualTo(d.classNames().size());
        checkOneHot(d.data().y());
        for (double[] row : d.data().x()) {
            assertThat(row.length).isEqualTo(d.data().features());
            for (double v : row) {
                assertThat(Double.isFinite(v)).as("finite features").isTrue();
            }
        }
    }

    private void fuzzDigits(String name, long salt, boolean gzip) throws Exception {
        byte[] base = resourceLines("testdata/csv/digits-sample.csv", 0, 1, 2, 3, 4, 5);
        Path file = dir.resolve(name);
        expectClean(Fuzz.run(name, salt, ReaderFuzzTest::ours, m -> {
            Fuzz.replace(file, mutateText(m, base, gzip));
            return new Fuzz.Input(file.toString(), () -> DigitCsv.read(file), value -> {
                LabeledDataset d = (LabeledDataset) value;
                checkLabeled(d);
                assertThat(d.classNames()).isEqualTo(Mnist.classNames());
                assertThat(d.data().features()).isEqualTo(784);
                for (double[] row : d.data().x()) {
                    for (double v : row) {
                        assertThat(v >= 0 && v <= 255).as("pixel value %s", v).isTrue();
                    }
                }
            });
        }));
    }

    @Test
    void digitCsv() throws Exception {
        fuzzDigits("digits.csv", 6, false);
    }

    @Test
    void digitCsvGzip() throws Exception {
        fuzzDigits("digits.csv.gz", 7, true);
    }

    @Test
    void irisCsv() throws Exception {
        byte[] base = resourceLines("testdata/iris/Iris.csv", 0, 1, 2, 3, 4, 51, 52, 53, 54, 101, 102, 103, 104);
        Path file = dir.resolve("Iris.csv");
        expectClean(Fuzz.run("iris.csv", 8, ReaderFuzzTest::ours, m -> {
            Fuzz.replace(file, mutateText(m, base, false));
            return new Fuzz.Input(file.toString(), () -> IrisCsv.read(file), value -> {
                LabeledDataset d = (LabeledDataset) value;
                checkLabeled(d);
                assertThat(d.classNames()).isEqualTo(IrisCsv.SPECIES);
                assertThat(d.data().features()).isEqualTo(4);
                for (double[] row : d.data().x()) {
                    for (double v : row) {
                        assertThat(v).isGreaterThanOrEqualTo(0.0);
                    }
                }
            });
        }));
    }

    @Test
    void labeledCsv() throws Exception {
        byte[] base = Files.readAllBytes(Path.of("testdata/csv/tiny.csv"));
        Path file = dir.resolve("tiny.csv");
        expectClean(Fuzz.run("labelled.csv", 9, ReaderFuzzTest::ours, m -> {
            Fuzz.replace(file, mutateText(m, base, m.nextInt(5) == 0));
            return new Fuzz.Input(file.toString(), () -> LabeledCsv.read(file, "kind", List.of("colour")),
                    value -> checkLabeled((LabeledDataset) value));
        }));
    }

    // ------------------------------------------------------------------ images

    private static byte[] png(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Test
    void pngClassFolders() throws Exception {
        byte[] grey = Files.readAllBytes(Path.of("testdata/images/3/00007.png"));
        BufferedImage rgb = new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < 28; i++) {
            rgb.setRGB(i, i, 0xFF8040);
            rgb.setRGB(27 - i, i, 0x20A0FF);
        }
        byte[] colour = png(rgb, "png");
        byte[] jpeg = png(rgb, "jpg");
        Path root = dir.resolve("images");
        Path a = Files.createDirectories(root.resolve("a")).resolve("one.png");
        Path b = Files.createDirectories(root.resolve("b")).resolve("two.png");
        expectClean(Fuzz.run("png-folders", 10, ReaderFuzzTest::ours, m -> {
            byte[][] bases = {grey, colour, jpeg};
            byte[] base = bases[m.nextInt(3)];
            int choice = m.nextInt(10);
            byte[] mutated;
            if (choice < 3 && base != jpeg) {
                mutated = Mutator.fixPngCrcs(m.header(base, 16, 20));       // IHDR width and height
            } else if (choice < 5 && base != jpeg) {
                mutated = Mutator.fixPngCrcs(m.bytes(base));
            } else {
                mutated = m.bytes(base);
            }
            boolean first = m.nextInt(2) == 0;
            Fuzz.replace(first ? a : b, mutated);
            Fuzz.replace(first ? b : a, grey);
            return new Fuzz.Input(root.toString(), () -> ImageFolder.read(root, 28, 28, m.nextInt(2) == 0), value -> {
                LabeledDataset d = (LabeledDataset) value;
                checkLabeled(d);
                assertThat(d.data().features()).isEqualTo(784);
                checkPixels(d.data().x());
            });
        }));
    }

    @Test
    void theMutatorChangesMostCases() {
        // a fuzz suite whose mutations did nothing would pass trivially
        Mutator m = new Mutator(new backprop.random.SplitMix64(1));
        int changed = 0;
        for (int i = 0; i < 200; i++) {
            if (!Arrays.equals(mutateIdx(m, IMAGES, false, 0, 4, 8, 12), IMAGES)) {
                changed++;
            }
        }
        assertThat(changed).isGreaterThan(190);
    }
}
