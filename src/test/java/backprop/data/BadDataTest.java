package backprop.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad data file that once escaped as a JDK exception, allocated far more than the file
 * holds, or was accepted with impossible values: each now ends in a {@link DataFormatException} that names
 * the file and the place, or reads correctly.
 */
class BadDataTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return file;
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }

    private static byte[] idx(int magic, int[] dims, int bodyLength) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(new byte[bodyLength]);
        return bytes.toByteArray();
    }

    // ------------------------------------------------------------------ IDX sizes

    @Test
    void idxSizesThatWrapAroundAreRejectedBeforeAnythingIsAllocated() throws IOException {
        // 2,097,152 images of 65536×65536 pixels: rows·cols wraps to 0 in int arithmetic
        Path wraps = write("wraps", idx(Idx.IMAGES_MAGIC, new int[] {1 << 21, 1 << 16, 1 << 16}, 0));
        assertThatThrownBy(() -> Idx.readImages(wraps)).isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(wraps.toString())
                .hasMessageContaining("4294967296 pixels per image, more than one array can hold");
        // count·rows·cols beyond a long
        int big = Integer.MAX_VALUE;
        Path overflows = write("overflows", idx(Idx.IMAGES_MAGIC, new int[] {big, big, big}, 28));
        assertThatThrownBy(() -> Idx.readImages(overflows)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("4611686014132420609 pixels per image, more than one array can hold");
        Path large = write("large", idx(Idx.IMAGES_MAGIC, new int[] {big, 46340, 46340}, 28));
        assertThatThrownBy(() -> Idx.readImages(large)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("the header promises 2147483647 images of 46340×46340 pixels but the file ends early");
        // 2^30 images of 1×1 pixel in a 20-byte file: no 2^30-row array
        Path many = write("many", idx(Idx.IMAGES_MAGIC, new int[] {1 << 30, 1, 1}, 4));
        assertThatThrownBy(() -> Idx.readImages(many)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("it holds 4 of their 1073741824 bytes");
    }

    @Test
    void labelCountsNearTwoToTheThirtyOneAreRejectedFromTheFileSize() throws IOException {
        for (int count : new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE - 8, 1 << 30}) {
            Path plain = write("labels", idx(Idx.LABELS_MAGIC, new int[] {count}, 10));
            assertThatThrownBy(() -> Idx.readLabels(plain)).isInstanceOf(DataFormatException.class)
                    .hasMessageContaining("the header promises " + count + " labels but the file ends early: it holds 10");
            Path gz = write("labels.gz", gzip(idx(Idx.LABELS_MAGIC, new int[] {count}, 10)));
            assertThatThrownBy(() -> Idx.readLabels(gz)).isInstanceOf(DataFormatException.class)
                    .hasMessageContaining("a gzip file of").hasMessageContaining("cannot hold more than");
        }
        Path negative = write("negative", idx(Idx.LABELS_MAGIC, new int[] {-1}, 10));
        assertThatThrownBy(() -> Idx.readLabels(negative)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("bytes 4–7 hold the label count 4294967295");
    }

    @Test
    void zeroPixelImagesAreRejected() throws IOException {
        Path zero = write("zero", idx(Idx.IMAGES_MAGIC, new int[] {2_097_152, 0, 28}, 0));
        assertThatThrownBy(() -> Idx.readImages(zero)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("images of 0×28 pixels; expected both sizes > 0");
    }

    // ------------------------------------------------------------------ gzip

    @Test
    void damagedGzipNamesTheFileAndThePlace() throws IOException {
        byte[] good = gzip(idx(Idx.LABELS_MAGIC, new int[] {1000}, 1000));
        Path cut = write("cut.gz", Arrays.copyOf(good, good.length - 12));
        assertThatThrownBy(() -> Idx.readLabels(cut)).isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(cut + ": the gzip data ends early after").hasMessageNotContaining("null");
        byte[] flipped = good.clone();
        flipped[flipped.length - 6] ^= 0x40;                   // the CRC in the trailer
        Path bad = write("bad.gz", flipped);
        assertThatThrownBy(() -> Idx.readLabels(bad)).isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(bad + ": the gzip data is damaged after 1008 bytes of content");
        Path header = write("header.gz", new byte[] {0x1f, (byte) 0x8b, 9, 0});
        assertThatThrownBy(() -> Idx.readImages(header)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("its gzip header is damaged");
    }

    @Test
    void gzippedCsvReadsLikeThePlainOne() throws IOException {
        byte[] iris = Files.readAllBytes(Path.of("testdata/iris/Iris.csv"));
        Path gz = write("Iris.csv.gz", gzip(iris));
        LabeledDataset fromGzip = IrisCsv.read(gz);
        LabeledDataset plain = IrisCsv.read(Path.of("testdata/iris/Iris.csv"));
        assertThat(fromGzip.data().x()).isDeepEqualTo(plain.data().x());
        assertThat(fromGzip.data().y()).isDeepEqualTo(plain.data().y());
        Path tiny = write("tiny.csv.gz", gzip(Files.readAllBytes(Path.of("testdata/csv/tiny.csv"))));
        assertThat(LabeledCsv.read(tiny, "kind", List.of("colour")).data().size()).isEqualTo(8);
    }

    // ------------------------------------------------------------------ text

    @Test
    void aByteThatIsNotUtf8IsNamedWithLineColumnAndOffset() throws IOException {
        byte[] text = "a,b,label\n1,2,x\n3,4,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Path latin1 = write("latin1.csv", text);
        assertThatThrownBy(() -> LabeledCsv.read(latin1, "label", List.of())).isInstanceOf(DataFormatException.class)
                .hasMessage(latin1 + ":3: column 8 (byte 23) holds the byte 0xE9, which is not UTF-8 here; expected"
                        + " UTF-8 text: save the file as UTF-8");
        Path gz = write("latin1.csv.gz", gzip(text));
        assertThatThrownBy(() -> LabeledCsv.read(gz, "label", List.of())).isInstanceOf(DataFormatException.class)
                .hasMessageContaining(gz + ":3: column 8 (byte 23 of the decompressed content) holds the byte 0xE9");
        Path utf16 = write("utf16.csv", "a,b,label\n1,2,x\n".getBytes(StandardCharsets.UTF_16));
        assertThatThrownBy(() -> LabeledCsv.read(utf16, "label", List.of()))
                .hasMessageContaining(utf16 + ":1: starts with a UTF-16 byte-order mark (0xFE 0xFF)");
        Path utf16le = write("utf16le.csv", "a,b,label\n1,2,x\n".getBytes(StandardCharsets.UTF_16LE));
        assertThatThrownBy(() -> LabeledCsv.read(utf16le, "label", List.of()))
                .hasMessageContaining(utf16le + ":1: column 2 (byte 1) holds a NUL byte");
    }

    @Test
    void aByteOrderMarkIsDroppedAndAnEmptyFileIsNamed() throws IOException {
        byte[] iris = Files.readAllBytes(Path.of("testdata/iris/Iris.csv"));
        byte[] withBom = new byte[iris.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(iris, 0, withBom, 3, iris.length);
        Path bom = write("bom/Iris.csv", withBom);
        assertThat(IrisCsv.read(bom).data().size()).isEqualTo(150);
        assertThat(LabeledCsv.header(bom)).startsWith("Id", "SepalLengthCm");
        Path empty = write("empty.csv", new byte[0]);
        assertThatThrownBy(() -> LabeledCsv.header(empty)).isInstanceOf(DataFormatException.class)
                .hasMessage(empty + ":1: the file is empty; expected a header line naming the columns");
        assertThatThrownBy(() -> IrisCsv.read(empty)).isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(empty + ":1:");
        assertThatThrownBy(() -> DigitCsv.read(empty)).isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(empty + ":1:");
    }

    @Test
    void lineEndsOfEveryKindAndBlankLinesKeepTheLineNumbers() throws IOException {
        Path mixed = write("mixed.csv", "a,label\r\n1,x\r2,y\n\n\n3,x\r\n4,oops,z\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> LabeledCsv.read(mixed, "label", List.of()))
                .hasMessage(mixed + ":7: expected 2 fields as in the header, found 3");
    }

    // ------------------------------------------------------------------ labels

    private static String digitRow(String label, int fill) {
        StringBuilder s = new StringBuilder(label);
        for (int p = 0; p < 784; p++) {
            s.append(',').append(p % 97 == 0 ? fill : 0);
        }
        return s.append('\n').toString();
    }

    private static String digitHeader() {
        StringBuilder s = new StringBuilder("label");
        for (int p = 0; p < 784; p++) {
            s.append(",pixel").append(p);
        }
        return s.append('\n').toString();
    }

    @Test
    void digitLabelsWrittenAsDecimalsReadAsDigits() throws IOException {
        Path file = write("digits.csv", (digitHeader() + digitRow("5.0", 9) + digitRow("1e0", 9) + digitRow("7", 9))
                .getBytes(StandardCharsets.UTF_8));
        LabeledDataset d = DigitCsv.read(file);
        assertThat(d.data().labels()).containsExactly(5, 1, 7);
        assertThat(d.classNames()).hasSize(10);
    }

    @Test
    void aBadDigitLabelIsNamedWithItsOwnLineDespiteBlankLines() throws IOException {
        Path file = write("digits.csv", (digitHeader() + "\n" + digitRow("3", 1) + "\n\n" + digitRow("5.5", 1))
                .getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> DigitCsv.read(file)).isInstanceOf(DataFormatException.class)
                .hasMessage(file + ":6: column 1 (label) holds '5.5', expected a digit 0..9");
        Path hex = write("hex.csv", (digitHeader() + digitRow("0x5", 1)).getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> DigitCsv.read(hex)).hasMessage(hex + ":2: column 1 (label) holds '0x5', expected a"
                + " digit 0..9");
        Path pixel = write("pixel.csv", (digitHeader() + digitRow("1", 256)).getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> DigitCsv.read(pixel)).hasMessage(pixel + ":2: column 2 holds 256.0, expected a pixel"
                + " value 0..255");
    }

    @Test
    void aDigitFileWithOneDigitOnlyStillHasTenClasses() throws IOException {
        Path file = write("fives.csv", (digitHeader() + digitRow("5", 3) + digitRow("5", 4))
                .getBytes(StandardCharsets.UTF_8));
        LabeledDataset d = DigitCsv.read(file);
        assertThat(d.data().outputs()).isEqualTo(10);
        assertThat(d.data().labels()).containsExactly(5, 5);
    }

    @Test
    void aLabelledCsvOrImageFolderWithOneClassIsRejected() throws IOException {
        Path one = write("one.csv", "a,label\n1,x\n2,x\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> LabeledCsv.read(one, "label", List.of())).isInstanceOf(DataFormatException.class)
                .hasMessage(one + ": the label column 'label' holds one class only ('x', in all 2 rows); expected at"
                        + " least two classes");
        Path root = dir.resolve("images");
        Files.createDirectories(root.resolve("only"));
        ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY), "png", root.resolve("only/a.png").toFile());
        assertThatThrownBy(() -> ImageFolder.read(root, 2, 2, false)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("one class sub-folder only ('only')");
    }

    @Test
    void numbersOutsideTheDecimalGrammarAreNamed() throws IOException {
        for (String cell : List.of("0x10", "1f", "NaN", "Infinity", "1e400", "1.2.3", "--1", "1e", ".")) {
            Path file = write("n.csv", ("a,label\n1,x\n" + cell + ",y\n").getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> LabeledCsv.read(file, "label", List.of())).as(cell)
                    .isInstanceOf(DataFormatException.class).hasMessageStartingWith(file + ":3: column 1 ('a') holds '" + cell);
        }
        Path fine = write("fine.csv", "a,label\n+1.5e-3,x\n.5,y\n7.,y\n".getBytes(StandardCharsets.UTF_8));
        assertThat(LabeledCsv.read(fine, "label", List.of()).data().x()).isDeepEqualTo(new double[][] {{1.5e-3}, {0.5},
            {7.0}});
    }

    @Test
    void repeatedColumnNamesAreRejected() throws IOException {
        Path file = write("twice.csv", "a,b,a,label\n1,2,3,x\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> LabeledCsv.read(file, "label", List.of()))
                .hasMessage(file + ":1: columns 1 and 3 are both named 'a'; expected every column name once");
    }

    @Test
    void irisSpeciesAndMeasurementsAreChecked() throws IOException {
        String header = "Id,SepalLengthCm,SepalWidthCm,PetalLengthCm,PetalWidthCm,Species\n";
        Path unknown = write("u.csv", (header + "1,5.1,3.5,1.4,0.2,Iris-setosa\n2,5,3,1,0.2,Iris-rosea\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> IrisCsv.read(unknown)).hasMessageStartingWith(unknown + ":3: column 6 (Species) holds"
                + " 'Iris-rosea', expected one of");
        Path negative = write("n.csv", (header + "1,5.1,-3.5,1.4,0.2,Iris-setosa\n").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> IrisCsv.read(negative)).hasMessage(negative + ":2: column 3 holds -3.5, expected a length"
                + " in centimetres, ≥ 0");
        Path two = write("two.csv", (header + "1,5.1,3.5,1.4,0.2,Iris-setosa\n2,7,3.2,4.7,1.4,Iris-versicolor\n")
                .getBytes(StandardCharsets.UTF_8));
        LabeledDataset d = IrisCsv.read(two);
        assertThat(d.classNames()).isEqualTo(IrisCsv.SPECIES);
        assertThat(d.data().labels()).containsExactly(0, 1);
    }

    // ------------------------------------------------------------------ images

    /** A PNG written byte by byte: any size in its header, any grey bit depth. */
    static byte[] png(int width, int height, int bitDepth, int colourType, byte[] rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(ihdr);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[] {(byte) bitDepth, (byte) colourType, 0, 0, 0});
        chunk(out, "IHDR", ihdr.toByteArray());
        Deflater deflater = new Deflater();
        deflater.setInput(rows);
        deflater.finish();
        byte[] buffer = new byte[rows.length + 64];
        int n = deflater.deflate(buffer);
        chunk(out, "IDAT", Arrays.copyOf(buffer, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(data.length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        d.write(typeBytes);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        d.writeInt((int) crc.getValue());
    }

    @Test
    void aPngWhoseHeaderDeclaresAHugeImageIsRejectedFromItsHeader() throws IOException {
        // a few hundred bytes declaring 16777216×29 pixels
        Path huge = write("c/a/huge.png", png(16_777_216, 29, 8, 0, new byte[29 * 2]));
        Files.createDirectories(dir.resolve("c/b"));
        assertThat(Files.size(huge)).isLessThan(600);
        assertThatThrownBy(() -> ImageFolder.read(dir.resolve("c"), 28, 28, false))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(huge + ": image is 16777216×29 pixels, expected 28×28; resize the images first");
    }

    @Test
    void damagedImagesNameTheirFile() throws IOException {
        byte[] good = Files.readAllBytes(Path.of("testdata/images/3/00007.png"));
        Path cut = write("cut.png", Arrays.copyOf(good, good.length / 2));
        assertThatThrownBy(() -> ImageFolder.readGrey(cut, 28, 28, false)).isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(cut + ": not a readable PNG or JPEG image: ");
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(28, 28, BufferedImage.TYPE_INT_RGB), "jpg", jpeg);
        Path badJpeg = write("bad.jpg", Arrays.copyOf(jpeg.toByteArray(), 200));
        assertThatThrownBy(() -> ImageFolder.readGrey(badJpeg, 28, 28, false)).isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(badJpeg + ": not a readable PNG or JPEG image");
        Path text = write("text.png", "not an image".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> ImageFolder.readGrey(text, 28, 28, false))
                .hasMessage(text + ": not a PNG or JPEG image (no image reader knows its first bytes)");
    }

    @Test
    void greyPngsOfOneTwoAndFourBitsReadOnTheScaleTo255() throws IOException {
        // one row of four samples: 0, mid-low, mid-high, the largest, at each bit depth
        int[][] samples = {{0, 0, 1, 1}, {0, 1, 2, 3}, {0, 5, 10, 15}};
        int[] bits = {1, 2, 4};
        for (int k = 0; k < bits.length; k++) {
            int packed = 0;
            for (int s : samples[k]) {
                packed = packed << bits[k] | s;
            }
            int bytes = (4 * bits[k] + 7) / 8;
            packed <<= bytes * 8 - 4 * bits[k];
            byte[] row = new byte[1 + bytes];
            for (int b = 0; b < bytes; b++) {
                row[1 + b] = (byte) (packed >>> (8 * (bytes - 1 - b)));
            }
            Path file = write("grey" + bits[k] + ".png", png(4, 1, bits[k], 0, row));
            int largest = (1 << bits[k]) - 1;
            double[] expected = Arrays.stream(samples[k]).mapToDouble(s -> Math.round(s * 255.0 / largest)).toArray();
            assertThat(ImageFolder.readGrey(file, 4, 1, false)).as(bits[k] + "-bit").containsExactly(expected);
        }
    }

    @Test
    void greyLevelsOfEverySampleSize() {
        assertThat(ImageFolder.greyLevel(1, 1)).isEqualTo(255);
        assertThat(ImageFolder.greyLevel(2, 2)).isEqualTo(170);
        assertThat(ImageFolder.greyLevel(15, 4)).isEqualTo(255);
        assertThat(ImageFolder.greyLevel(7, 4)).isEqualTo(119);
        assertThat(ImageFolder.greyLevel(200, 8)).isEqualTo(200);
        assertThat(ImageFolder.greyLevel(0xABCD, 16)).isEqualTo(0xAB);
        assertThat(ImageFolder.greyLevel(4095, 12)).isEqualTo(255);
    }

    // ------------------------------------------------------------------ small things

    @Test
    void aSineGridNeedsAPoint() {
        assertThatThrownBy(() -> Synthetic.sineGrid(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sine grid of 0 points; expected n ≥ 1");
        assertThat(Synthetic.sineGrid(1).x()[0][0]).isEqualTo(-Math.PI);
    }

    @Test
    void aTransformMustMapFiniteInputsToFiniteOnes() {
        double inf = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() -> new InputTransform(0, inf, null, null)).hasMessageContaining("scale Infinity");
        assertThatThrownBy(() -> new InputTransform(Double.NaN, 1, null, null)).hasMessageContaining("offset NaN");
        assertThatThrownBy(() -> new InputTransform(0, 0, null, null)).hasMessageContaining("the scale not 0");
        for (double std : new double[] {0, -1, inf, Double.NaN}) {
            assertThatThrownBy(() -> new InputTransform(0, 1, new double[] {0, 0}, new double[] {1, std}))
                    .hasMessageContaining("feature 1 has mean 0.0 and std " + std);
        }
    }

    @Test
    void unreadableFilesSayWhy() {
        Path folder = dir;
        assertThatThrownBy(() -> Idx.readLabels(folder)).hasMessage(folder + ": is a folder; expected a file");
        assertThat(FileErrors.cannotWrite(Path.of("/etc/hostname"),
                new java.nio.file.AccessDeniedException("/etc/.hostname.12-ab.tmp")))
                .hasMessage("cannot write /etc/hostname: permission denied");
        assertThat(FileErrors.cannotWrite(Path.of("/x/out/loss.svg"),
                new java.nio.file.FileSystemException("/x/out/loss.svg", null, "No space left on device")))
                .hasMessage("cannot write /x/out/loss.svg: no space left on device");
        assertThat(FileErrors.cannotRead(Path.of("/data/train.csv"), new java.io.IOException("Input/output error")))
                .hasMessage("cannot read /data/train.csv: Input/output error");
    }
}
