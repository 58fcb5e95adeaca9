package backprop.vectors;

import backprop.data.Dataset;
import backprop.data.IrisCsv;
import backprop.data.Mnist;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The repository's data the vectors are computed from, each read once per generation. */
final class Sources {

    static final Path MNIST = Path.of("testdata/mnist");
    static final Path IRIS = Path.of("testdata/iris/Iris.csv");
    static final Path IMAGES = Path.of("testdata/images");

    private Mnist.Parts mnist;
    private Dataset iris;

    /** Checks that the repository's data is where the vectors are computed from. */
    Sources() throws IOException {
        for (Path p : List.of(MNIST, IRIS, IMAGES)) {
            if (!Files.exists(p)) {
                throw new FileNotFoundException(p + " is not here (" + Path.of("").toAbsolutePath() + "): the vectors "
                        + "are computed from the repository's testdata/; run this from the repository's root");
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
    Dataset iris() throws IOException {
        if (iris == null) {
            iris = IrisCsv.read(IRIS).data();
        }
        return iris;
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
