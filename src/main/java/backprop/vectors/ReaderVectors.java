package backprop.vectors;

import backprop.data.DataFormatException;
import backprop.data.Dataset;
import backprop.data.DigitCsv;
import backprop.data.Idx;
import backprop.data.ImageFolder;
import backprop.data.IrisCsv;
import backprop.data.LabeledCsv;
import backprop.data.LabeledDataset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntBinaryOperator;
import java.util.stream.Stream;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * {@code readers.json}: small files of every kind the readers take, embedded whole (text, or base64 for
 * bytes), each with what the reader gives for it, so that a port checks its readers from the vectors alone:
 * Iris.csv and tiny.csv (whose rows are datasets.json's {@code iris} and {@code tiny-csv}), two CSV files
 * made to exercise the text rules, a few lines of a Kaggle digit CSV, a real gzip label file, a small IDX
 * image file plain and gzip, two of the repository's PNGs and four PNGs of other kinds (colour, colour with
 * alpha, 16-bit grey, 2-bit grey); and field texts the CSV number grammar accepts, with their doubles, and
 * refuses. Every expectation is what the readers give here and now; where NOTES.md states a rule (the
 * number grammar, the grey value of a colour pixel) the generator also checks the reader against it.
 */
final class ReaderVectors {

    /** The side of every image the readers are asked for. */
    private static final int SIDE = Sources.IMAGE_SIDE;
    /** Data lines of the Kaggle digit CSV embedded. */
    private static final int DIGIT_LINES = 3;
    /** Images of testdata/mnist in the small IDX files. */
    private static final int IDX_IMAGES = 3;
    /** Rows of testdata/images embedded as PNG files. */
    private static final int[] PNG_ROWS = {0, 101};

    /** Field texts the CSV number grammar accepts, as they stand in a line (quotes and spaces included). */
    static final List<String> ACCEPTED = List.of("5", "-5", "+5", "5.", ".5", "-.5", "+.5e1", "5.25", "007", "1e3",
            "1E3", "1e+3", "1e-3", "-0", "0.1", "0.30000000000000004", "9007199254740993", "1e-400", "4.9e-324",
            "2.4703282292062328e-324", "1.7976931348623157e308", " 7 ", "\"3.5\"", "\" -2.5e-1 \"");
    /** Field texts it refuses. */
    static final List<String> REFUSED = List.of("", " ", ".", "-", "+", "e5", ".e5", "1e", "1e+", "1.5.2", "--1",
            "+-1", "1_000", "1 000", "0x10", "0x1p3", "1f", "1F", "1d", "1D", "NaN", "nan", "Infinity", "-Infinity",
            "Inf", "1e400", "-1e400", "\"1,5\"", "١٢", "５", "1e5.5");

    private ReaderVectors() {
    }

    static Map<String, Object> build(Sources sources) throws IOException {
        Map<String, Object> file = Encoding.header("readers",
                "files the readers take, each embedded whole: 'text' (a text file: the UTF-8 encoding of the "
                        + "string is the file, byte-order mark and line ends included) or 'base64' (the bytes), "
                        + "under its name 'file' (a folder of one file for an image); 'reader' names the reader "
                        + "(NOTES.md 12.8: iris-csv, labeled-csv with 'label' and 'ignore', digit-csv, "
                        + "idx-labels, idx-images, image) and 'expected' what it gives: for iris.csv and tiny.csv "
                        + "the rows of the dataset of datasets.json named in 'dataset'; else 'columns' (CSV "
                        + "features), 'classes', 'x' (features, row by row; an image is one row of its grey "
                        + "values) and 'y' (one-hot targets), or for a label file 'count' and 'labels'. "
                        + "'numbers': CSV fields the number grammar accepts, each with the double it reads to, "
                        + "and fields it refuses (the whole run ends with a message naming file, line and column)",
                Encoding.tolerances("all", 0.0));
        Path temporary = Files.createTempDirectory("backprop-vectors-readers");
        try {
            List<Object> files = new ArrayList<>();
            files.add(iris(sources, temporary));
            files.add(tiny(sources, temporary));
            files.add(csvCase(temporary, "numeric-classes", "edges.csv", numericClassesCsv(), "class", List.of("id"),
                    "a byte-order mark; lines ending in CR LF, LF and CR; blank and white-space lines skipped; a "
                            + "quoted header field with a doubled quote; numbers in every form the grammar takes, "
                            + "one quoted; labels that are all numbers, so ordered by value (-1, 2 and 2.0 of "
                            + "equal value in string order, 10); column id ignored"));
            files.add(csvCase(temporary, "word-classes", "words.csv", wordClassesCsv(), "kind", List.of(),
                    "labels that are words, ordered by UTF-16 code units (upper case before lower, Ä after z); a "
                            + "label with a comma in quotes; white space around fields stripped"));
            files.add(digits(temporary));
            files.add(labels(temporary));
            byte[] idx = idxImages(sources);
            files.add(images(temporary, "idx-images", "train-images-idx3-ubyte", idx, sources,
                    "the first " + IDX_IMAGES + " images of testdata/mnist's training file, uncompressed"));
            files.add(images(temporary, "idx-images-gzip", "images-idx3-ubyte", gzipStored(idx), sources,
                    "the same bytes in gzip (stored blocks), under a name without .gz: gzip is told by the first two "
                            + "bytes"));
            Sources.Images folder = sources.images();
            for (int row : PNG_ROWS) {
                files.add(repositoryPng(temporary, folder, row));
            }
            files.add(madePng(temporary, "png-rgb", 8, 2, (r, c) -> (r * 9 + c * 5) & 255,
                    (r, c) -> (r * c * 3 + 7) & 255, (r, c) -> ((r ^ c) * 11) & 255, null,
                    "8-bit colour: floor(((0.299*R + 0.587*G) + 0.114*B) + 0.5)"));
            files.add(madePng(temporary, "png-rgba", 8, 6, (r, c) -> (r * 7 + 200) & 255,
                    (r, c) -> (c * 13) & 255, (r, c) -> (r * c) & 255, (r, c) -> (r * 9 + c * 3) & 255,
                    "8-bit colour with alpha: the colour as above, alpha ignored (not composited)"));
            files.add(madePng(temporary, "png-grey16", 16, 0, (r, c) -> (r * 2340 + c * 1111 + r * c * 13) & 0xFFFF,
                    null, null, null, "16-bit grey: the top 8 bits of the sample, v >> 8"));
            files.add(madePng(temporary, "png-grey2", 2, 0, (r, c) -> (r + 2 * c) & 3, null, null, null,
                    "2-bit grey, which ImageIO reads as a palette: sample v as grey 85*v in sRGB, then the colour "
                            + "rule"));
            file.put("files", files);
            file.put("numbers", numbers(temporary));
        } finally {
            try (Stream<Path> walk = Files.walk(temporary)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return file;
    }

    // ---------------------------------------------------------------- CSV

    private static Map<String, Object> iris(Sources sources, Path temporary) throws IOException {
        String text = Files.readString(Sources.IRIS, StandardCharsets.UTF_8);
        LabeledDataset read = IrisCsv.read(write(temporary, "iris", "Iris.csv", text));
        same(read, sources.iris(), "Iris.csv");
        Map<String, Object> m = head("iris", "iris-csv", "Iris.csv", "testdata/iris/Iris.csv: header "
                + "Id,SepalLengthCm,SepalWidthCm,PetalLengthCm,PetalWidthCm,Species, Id dropped, the three species");
        m.put("text", text);
        m.put("expected", Map.of("dataset", DatasetVectors.IRIS));
        return m;
    }

    private static Map<String, Object> tiny(Sources sources, Path temporary) throws IOException {
        String text = Files.readString(Sources.TINY_CSV, StandardCharsets.UTF_8);
        LabeledDataset read = LabeledCsv.read(write(temporary, "tiny", "tiny.csv", text), "kind", List.of());
        same(read, LabeledCsv.read(Sources.TINY_CSV, "kind", List.of()), "tiny.csv");
        Map<String, Object> m = head("tiny-csv", "labeled-csv", "tiny.csv", "testdata/csv/tiny.csv with label kind: "
                + "the quoted header field \"weight, kg\" is one column");
        m.put("label", "kind");
        m.put("ignore", List.of());
        m.put("text", text);
        m.put("expected", Map.of("dataset", DatasetVectors.TINY_CSV));
        return m;
    }

    private static void same(LabeledDataset a, LabeledDataset b, String what) {
        if (!a.classNames().equals(b.classNames()) || !Arrays.deepEquals(a.data().x(), b.data().x())
                || !Arrays.deepEquals(a.data().y(), b.data().y())) {
            throw new IllegalStateException("readers.json: " + what + " read from its embedded text differs from "
                    + what + " read from testdata; embed the file's exact bytes");
        }
    }

    private static String numericClassesCsv() {
        return "\uFEFFid, \"size \"\"a\"\"\" ,weight,class\r\n"
                + "1,.5,5.,10\r\n"
                + "\r\n"
                + "2,-0,+1e2,2\n"
                + "   \n"
                + "3,\"3.25\",1E-3,-1\r"
                + "4,007,-.5,2.0\n"
                + "5, 0.1 ,4.9e-324,10\n"
                + "\n";
    }

    private static String wordClassesCsv() {
        return "a,b,kind\n"
                + "1,2,apple\n"
                + "3,4,Zebra\n"
                + " 5 , 6 , B \n"
                + "7,8,\"a,b\"\n"
                + "9,10,Äpfel\n"
                + "11,12,apple\n";
    }

    private static Map<String, Object> csvCase(Path temporary, String name, String fileName, String text, String label,
            List<String> ignore, String about) throws IOException {
        Path path = write(temporary, name, fileName, text);
        LabeledDataset read = LabeledCsv.read(path, label, ignore);
        Map<String, Object> m = head(name, "labeled-csv", fileName, about);
        m.put("label", label);
        m.put("ignore", ignore);
        m.put("text", text);
        Map<String, Object> expected = new LinkedHashMap<>();
        List<String> columns = new ArrayList<>(LabeledCsv.header(path));
        columns.remove(label);
        columns.removeAll(ignore);
        expected.put("columns", columns);
        expected.put("classes", read.classNames());
        Encoding.putExact(expected, "x", read.data().x());
        expected.put("y", Encoding.whole(read.data().y()));
        m.put("expected", expected);
        return m;
    }

    private static Map<String, Object> digits(Path temporary) throws IOException {
        List<String> lines = Files.readAllLines(Sources.DIGIT_CSV, StandardCharsets.UTF_8);
        String text = String.join("\n", lines.subList(0, 1 + DIGIT_LINES)) + "\n";
        LabeledDataset read = DigitCsv.read(write(temporary, "digits", "train.csv", text));
        Map<String, Object> m = head("digit-csv", "digit-csv", "train.csv", "the header and first " + DIGIT_LINES
                + " lines of testdata/csv/digits-sample.csv, Kaggle's digit-recognizer format: label, then 784 "
                + "pixels; classes always the ten digits");
        m.put("text", text);
        m.put("expected", expectedRows(read.classNames(), read.data()));
        return m;
    }

    private static Map<String, Object> expectedRows(List<String> classes, Dataset data) {
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("classes", classes);
        expected.put("x", Encoding.whole(data.x()));
        expected.put("y", Encoding.whole(data.y()));
        return expected;
    }

    /** Field texts the grammar accepts, with their doubles, and field texts it refuses, each tried in a file. */
    private static Map<String, Object> numbers(Path temporary) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("about", "each field is the first feature of a line of a labelled CSV, as it stands between the "
                + "commas (quotes and spaces included); 'accepted' gives the double it reads to, 'refused' fields end "
                + "the read with a message naming the file, line and column");
        List<Object> accepted = new ArrayList<>();
        Path folder = Files.createDirectory(temporary.resolve("numbers"));
        for (String field : ACCEPTED) {
            double value = readField(folder, field);
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("field", field);
            Encoding.putExact(a, "value", value);
            accepted.add(a);
        }
        m.put("accepted", accepted);
        checkRefused(folder, REFUSED);
        m.put("refused", REFUSED);
        return m;
    }

    /**
     * Throws unless the CSV reader refuses every one of {@code fields}.
     *
     * @throws IllegalStateException naming the first field it accepts
     */
    static void checkRefused(Path folder, List<String> fields) throws IOException {
        for (String field : fields) {
            double value;
            try {
                value = readField(folder, field);
            } catch (DataFormatException expected) {
                continue;
            }
            throw new IllegalStateException("readers.json: the CSV reader accepts '" + field + "' as " + value
                    + ", which NOTES.md 12.8's number grammar refuses; make the two agree");
        }
    }

    /** The double a field reads to, as the first feature of a two-line labelled CSV. */
    static double readField(Path folder, String field) throws IOException {
        Path path = folder.resolve("field.csv");
        Files.writeString(path, "v,c\n" + field + ",p\n0,q\n", StandardCharsets.UTF_8);
        return LabeledCsv.read(path, "c", List.of()).data().x()[0][0];
    }

    // ---------------------------------------------------------------- IDX

    private static Map<String, Object> labels(Path temporary) throws IOException {
        Path source = Sources.MNIST.resolve("t10k-labels-idx1-ubyte.gz");
        byte[] bytes = Files.readAllBytes(source);
        int[] labels = Idx.readLabels(write(temporary, "labels", "t10k-labels-idx1-ubyte.gz", bytes));
        Map<String, Object> m = head("idx-labels-gzip", "idx-labels", "t10k-labels-idx1-ubyte.gz",
                "testdata/mnist/t10k-labels-idx1-ubyte.gz as it is: gzip; magic 2049, count, one byte per label");
        m.put("base64", Base64.getEncoder().encodeToString(bytes));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("count", labels.length);
        List<Integer> list = new ArrayList<>();
        for (int label : labels) {
            list.add(label);
        }
        expected.put("labels", list);
        m.put("expected", expected);
        return m;
    }

    /** An uncompressed IDX image file of the first few training images of testdata/mnist. */
    private static byte[] idxImages(Sources sources) throws IOException {
        double[][] x = Sources.first(sources.mnist().train(), IDX_IMAGES).x();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int v : new int[] {Idx.IMAGES_MAGIC, x.length, SIDE, SIDE}) {
            out.write(v >>> 24);
            out.write(v >>> 16);
            out.write(v >>> 8);
            out.write(v);
        }
        for (double[] row : x) {
            for (double v : row) {
                out.write((int) v);
            }
        }
        return out.toByteArray();
    }

    private static Map<String, Object> images(Path temporary, String name, String fileName, byte[] bytes,
            Sources sources, String about) throws IOException {
        double[][] read = Idx.readImages(write(temporary, name, fileName, bytes));
        if (!Arrays.deepEquals(read, Sources.first(sources.mnist().train(), IDX_IMAGES).x())) {
            throw new IllegalStateException("readers.json: " + name + " does not read back to the images it was made "
                    + "of; see ReaderVectors.idxImages");
        }
        Map<String, Object> m = head(name, "idx-images", fileName, about + "; magic 2051, count, rows, columns, then "
                + "the pixels image by image, row by row");
        m.put("base64", Base64.getEncoder().encodeToString(bytes));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("count", read.length);
        expected.put("rows", SIDE);
        expected.put("cols", SIDE);
        expected.put("x", Encoding.whole(read));
        m.put("expected", expected);
        return m;
    }

    /**
     * {@code bytes} as a gzip file whose deflate data is stored blocks (no compression): the same bytes
     * whatever compressor a JDK has, and still a gzip file every reader must inflate.
     */
    static byte[] gzipStored(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
        storedBlocks(bytes, out);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        littleEndian((int) crc.getValue(), out);
        littleEndian(bytes.length, out);
        return out.toByteArray();
    }

    /** Deflate's stored blocks: per block of at most 65,535 bytes, the final flag, LEN, ~LEN, the bytes. */
    private static void storedBlocks(byte[] bytes, ByteArrayOutputStream out) {
        int from = 0;
        do {
            int length = Math.min(65_535, bytes.length - from);
            boolean last = from + length == bytes.length;
            out.write(last ? 1 : 0);
            out.write(length);
            out.write(length >>> 8);
            out.write(~length);
            out.write(~length >>> 8);
            out.write(bytes, from, length);
            from += length;
        } while (from < bytes.length);
    }

    private static void littleEndian(int v, ByteArrayOutputStream out) {
        out.write(v);
        out.write(v >>> 8);
        out.write(v >>> 16);
        out.write(v >>> 24);
    }

    // ---------------------------------------------------------------- PNG

    private static Map<String, Object> repositoryPng(Path temporary, Sources.Images folder, int row) throws IOException {
        String name = folder.files().get(row);
        byte[] bytes = Files.readAllBytes(Sources.IMAGES.resolve(name));
        Path path = write(temporary, "png" + row, "image.png", bytes);
        double[] grey = ImageFolder.readGrey(path, SIDE, SIDE, false);
        if (!Arrays.equals(grey, folder.data().data().x()[row])) {
            throw new IllegalStateException("readers.json: " + name + " does not read to row " + row + " of "
                    + "testdata/images");
        }
        Map<String, Object> m = head("png-grey8-" + row, "image", name, "testdata/images/" + name + " as it is: 8-bit "
                + "grey; row " + row + " of datasets.json's images");
        m.put("base64", Base64.getEncoder().encodeToString(bytes));
        m.put("expected", Map.of("x", Encoding.whole(new double[][] {grey})));
        return m;
    }

    /**
     * A 28×28 PNG made here, uncompressed (stored blocks), of the given bit depth and PNG colour type (0 grey,
     * 2 colour, 6 colour with alpha), with the sample of each channel at row r, column c given by a function;
     * the reader's grey values are checked against NOTES.md's rule.
     */
    private static Map<String, Object> madePng(Path temporary, String name, int depth, int colourType,
            IntBinaryOperator first, IntBinaryOperator green, IntBinaryOperator blue, IntBinaryOperator alpha,
            String about) throws IOException {
        List<IntBinaryOperator> channels = new ArrayList<>();
        channels.add(first);
        if (colourType == 2 || colourType == 6) {
            channels.add(green);
            channels.add(blue);
        }
        if (colourType == 6) {
            channels.add(alpha);
        }
        int bitsPerPixel = depth * channels.size();
        int rowBytes = (SIDE * bitsPerPixel + 7) / 8;
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (int r = 0; r < SIDE; r++) {
            raw.write(0);                                          // filter type 0: the row as it is
            byte[] row = new byte[rowBytes];
            int bit = 0;
            for (int c = 0; c < SIDE; c++) {
                for (IntBinaryOperator channel : channels) {
                    int v = channel.applyAsInt(r, c);
                    for (int b = depth - 1; b >= 0; b--, bit++) {     // most significant bit first
                        if (((v >> b) & 1) != 0) {
                            row[bit / 8] |= (byte) (0x80 >>> (bit % 8));
                        }
                    }
                }
            }
            raw.writeBytes(row);
        }
        byte[] bytes = png(depth, colourType, raw.toByteArray());
        Path path = write(temporary, name, name + ".png", bytes);
        double[] grey = ImageFolder.readGrey(path, SIDE, SIDE, false);
        checkGrey(name, grey, (r, c) -> colourType == 0 && depth == 16 ? first.applyAsInt(r, c) >> 8
                : colourType == 0 ? (int) weighted(first.applyAsInt(r, c) * 255 / ((1 << depth) - 1))
                : (int) weighted(first.applyAsInt(r, c), green.applyAsInt(r, c), blue.applyAsInt(r, c)));
        Map<String, Object> m = head(name, "image", name + ".png", about);
        m.put("base64", Base64.getEncoder().encodeToString(bytes));
        m.put("expected", Map.of("x", Encoding.whole(new double[][] {grey})));
        return m;
    }

    /**
     * Throws unless every grey value the reader gave equals what the rule gives for its row and column.
     *
     * @throws IllegalStateException naming the first pixel where they differ
     */
    static void checkGrey(String name, double[] grey, IntBinaryOperator rule) {
        for (int r = 0; r < SIDE; r++) {
            for (int c = 0; c < SIDE; c++) {
                double expected = rule.applyAsInt(r, c);
                if (grey[r * SIDE + c] != expected) {
                    throw new IllegalStateException("readers.json: " + name + " pixel (" + r + ", " + c + ") reads as "
                            + grey[r * SIDE + c] + " but NOTES.md 12.8's rule gives " + expected + "; make the two "
                            + "agree");
                }
            }
        }
    }

    private static double weighted(int grey) {
        return weighted(grey, grey, grey);
    }

    /** NOTES.md 12.8: floor(((0.299*R + 0.587*G) + 0.114*B) + 0.5). */
    private static double weighted(int red, int green, int blue) {
        return Math.floor(((0.299 * red + 0.587 * green) + 0.114 * blue) + 0.5);
    }

    /** A PNG of 28×28 pixels: signature, IHDR, one IDAT (zlib, stored blocks), IEND. */
    private static byte[] png(int depth, int colourType, byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        bigEndian(SIDE, header);
        bigEndian(SIDE, header);
        header.writeBytes(new byte[] {(byte) depth, (byte) colourType, 0, 0, 0});
        chunk("IHDR", header.toByteArray(), out);
        ByteArrayOutputStream zlib = new ByteArrayOutputStream();
        zlib.writeBytes(new byte[] {0x78, 0x01});
        storedBlocks(raw, zlib);
        Adler32 adler = new Adler32();
        adler.update(raw);
        bigEndian((int) adler.getValue(), zlib);
        chunk("IDAT", zlib.toByteArray(), out);
        chunk("IEND", new byte[0], out);
        return out.toByteArray();
    }

    private static void chunk(String type, byte[] data, ByteArrayOutputStream out) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        bigEndian(data.length, out);
        out.writeBytes(name);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        bigEndian((int) crc.getValue(), out);
    }

    private static void bigEndian(int v, ByteArrayOutputStream out) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, Object> head(String name, String reader, String fileName, String about) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("reader", reader);
        m.put("file", fileName);
        m.put("description", about);
        return m;
    }

    private static Path write(Path temporary, String folder, String fileName, String text) throws IOException {
        return write(temporary, folder, fileName, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Path write(Path temporary, String folder, String fileName, byte[] bytes) throws IOException {
        Path dir = Files.createDirectories(temporary.resolve(folder));
        Path path = dir.resolve(fileName);
        Files.write(path, bytes);
        return path;
    }
}
