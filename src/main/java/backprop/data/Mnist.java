package backprop.data;

import backprop.losses.Targets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A folder of MNIST-style IDX files ({@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte}, {@code t10k-labels-idx1-ubyte}, each optionally ending in {@code .gz}):
 * MNIST, Fashion-MNIST, or any set in the same layout. Pixels are returned raw (0..255).
 */
public final class Mnist {

    private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private Mnist() {
    }

    /**
     * The training and test parts of an IDX folder.
     *
     * @param train the {@code train-*} files
     * @param test  the {@code t10k-*} files
     */
    public record Parts(Dataset train, Dataset test) {
    }

    /**
     * Reads both parts of the folder.
     *
     * @param folder the IDX folder
     * @return the training and test parts, raw pixels and one-hot targets over 10 classes
     * @throws IOException if a file is missing or cannot be read
     */
    public static Parts read(Path folder) throws IOException {
        return new Parts(read(folder, "train"), read(folder, "t10k"));
    }

    /**
     * Reads the part with prefix {@code train} or {@code t10k}: images and labels, one-hot over 10 classes.
     *
     * @param folder the IDX folder
     * @param prefix {@code train} or {@code t10k}
     * @return one row of raw pixels (0..255) per image, one-hot targets over 10 classes
     * @throws IOException if a file is missing or cannot be read
     */
    public static Dataset read(Path folder, String prefix) throws IOException {
        Path images = find(folder, prefix + "-images-idx3-ubyte");
        Path labels = find(folder, prefix + "-labels-idx1-ubyte");
        double[][] x = Idx.readImages(images);
        int[] y = Idx.readLabels(labels);
        if (x.length == 0) {
            throw new DataFormatException(images, 0, "the header declares 0 images; expected at least one");
        }
        if (x.length != y.length) {
            throw new DataFormatException(images, 0, x.length + " images but " + labels.getFileName() + " holds "
                    + y.length + " labels; the two files must belong together");
        }
        for (int i = 0; i < y.length; i++) {
            if (y[i] > 9) {
                throw new DataFormatException(labels, 0, "label " + y[i] + " of item " + i + " is not a digit 0..9");
            }
        }
        return new Dataset(x, Targets.oneHot(y, 10));
    }

    /**
     * The ten class names "0" … "9" (Fashion-MNIST's are in its own README).
     *
     * @return "0" … "9"
     */
    public static List<String> classNames() {
        return DIGITS;
    }

    private static Path find(Path folder, String name) throws IOException {
        for (Path candidate : List.of(folder.resolve(name + ".gz"), folder.resolve(name))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new java.io.FileNotFoundException(folder + ": neither " + name + ".gz nor " + name
                + " is here; expected an MNIST-style IDX folder");
    }
}
