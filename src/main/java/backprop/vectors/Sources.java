package backprop.vectors;

import backprop.data.Dataset;
import backprop.data.ImageFolder;
import backprop.data.IrisCsv;
import backprop.data.LabeledDataset;
import backprop.data.Mnist;
import backprop.experiments.DefaultData;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The repository's data the vectors are computed from, each read once per generation; found from any working
 * directory as the experiments find theirs ({@link DefaultData}).
 */
final class Sources {

    static final Path MNIST = DefaultData.locate("testdata/mnist");
    static final Path IRIS = DefaultData.locate("testdata/iris/Iris.csv");
    static final Path IMAGES = DefaultData.locate("testdata/images");
    /** A small CSV with a quoted header field holding a comma, and classes that are words. */
    static final Path TINY_CSV = DefaultData.locate("testdata/csv/tiny.csv");
    /** The first lines of Kaggle's digit-recognizer train.csv. */
    static final Path DIGIT_CSV = DefaultData.locate("testdata/csv/digits-sample.csv");
    /** The size every image of {@link #IMAGES} has, as the experiment {@code images} reads them. */
    static final int IMAGE_SIDE = 28;

    private Mnist.Parts mnist;
    private LabeledDataset iris;
    private Images images;

    /**
     * The image folder as the experiment reads it, and the files behind its rows.
     *
     * @param data  what {@code ImageFolder.read} gives
     * @param files each row's file, relative to the folder, in row order
     */
    record Images(LabeledDataset data, List<String> files) {
    }

    /** Checks that the repository's data is where the vectors are computed from. */
    Sources() throws IOException {
        for (Path p : List.of(MNIST, IRIS, IMAGES, TINY_CSV, DIGIT_CSV)) {
            if (!Files.exists(p)) {
                throw new FileNotFoundException(p + " is not here: the vectors are computed from the repository's "
                        + "testdata/, looked for in the working directory (" + Path.of("").toAbsolutePath()
                        + ") and beside the code that runs");
            }
        }
    }

    /** testdata/mnist: the first 10,000 training images and the 10,000 test images, raw pixels. */
    Mnist.Parts mnist() throws IOException {
        if (mnist == null) {
            mnist = Mnist.read(MNIST);
        }
        return mnist;
    }

    /** testdata/iris/Iris.csv, in file order. */
    LabeledDataset iris() throws IOException {
        if (iris == null) {
            iris = IrisCsv.read(IRIS);
        }
        return iris;
    }

    /**
     * testdata/images as the experiment {@code images} reads it, with the file of every row. The files are
     * listed here as the reader lists them (class folders in class order, names in path order) and each is
     * read again and compared with its row, so the list cannot drift from the reader.
     */
    Images images() throws IOException {
        if (images == null) {
            LabeledDataset data = ImageFolder.read(IMAGES, IMAGE_SIDE, IMAGE_SIDE, false);
            List<String> files = new ArrayList<>();
            for (String c : data.classNames()) {
                try (Stream<Path> entries = Files.list(IMAGES.resolve(c))) {
                    for (Path p : entries.filter(Sources::isImage).sorted().toList()) {
                        files.add(c + "/" + p.getFileName());
                    }
                }
            }
            if (files.size() != data.data().size()) {
                throw new IllegalStateException(IMAGES + ": " + files.size() + " image files listed but the reader "
                        + "gave " + data.data().size() + " rows; make Sources.images list files as ImageFolder does");
            }
            for (int i = 0; i < files.size(); i++) {
                double[] row = ImageFolder.readGrey(IMAGES.resolve(files.get(i)), IMAGE_SIDE, IMAGE_SIDE, false);
                if (!Arrays.equals(row, data.data().x()[i])) {
                    throw new IllegalStateException(IMAGES + ": row " + i + " is not " + files.get(i) + "; make "
                            + "Sources.images list files in the order ImageFolder reads them");
                }
            }
            images = new Images(data, List.copyOf(files));
        }
        return images;
    }

    private static boolean isImage(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg"));
    }

    /** Rows 0..n−1 of {@code data}. */
    static Dataset first(Dataset data, int n) {
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        return data.rows(index);
    }
}
