package backprop.experiments;

import backprop.data.Mnist;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Names an IDX folder after what it holds: MNIST and Fashion-MNIST share their layout and file names, so
 * they are told apart by their official test sets, whose first twenty labels differ. Anything else is
 * called after its folder.
 */
final class KnownData {

    private KnownData() {
    }

    /** The first labels of MNIST's official test set (t10k). */
    private static final int[] MNIST_TEST = {7, 2, 1, 0, 4, 1, 4, 9, 5, 9, 0, 6, 9, 0, 1, 5, 9, 7, 3, 4};
    /** The first labels of Fashion-MNIST's official test set (t10k). */
    private static final int[] FASHION_TEST = {9, 2, 1, 1, 6, 1, 4, 6, 5, 7, 4, 5, 7, 3, 4, 1, 2, 4, 8, 0};

    /** Fashion-MNIST's classes 0 … 9, as its README names them. */
    static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /**
     * @param parts  the folder's training and test parts
     * @param folder the folder
     * @return {@code mnist}, {@code fashion-mnist}, or the folder's name made safe for file names
     */
    static String idxName(Mnist.Parts parts, Path folder) {
        int[] first = Arrays.copyOf(parts.test().labels(), Math.min(MNIST_TEST.length, parts.test().size()));
        if (Arrays.equals(first, MNIST_TEST)) {
            return "mnist";
        }
        if (Arrays.equals(first, FASHION_TEST)) {
            return "fashion-mnist";
        }
        return fileSafe(folder);
    }

    /**
     * @param dataName what {@link #idxName} called the data
     * @return the class names of that data: Fashion-MNIST's garments, else the ten digits
     */
    static List<String> classNames(String dataName) {
        return dataName.equals("fashion-mnist") ? FASHION_CLASSES : Mnist.classNames();
    }

    /**
     * The name of a run of {@code experiment} on {@code dataName}: the experiment's own name on MNIST, else
     * with "mnist" in it replaced by the data's name ({@code mnist-idx} on Fashion-MNIST is
     * {@code fashion-mnist-idx}), so titles and plot files say which data they show.
     *
     * @param experiment the experiment's name
     * @param dataName   the data's name
     * @return the run's name
     */
    static String runName(String experiment, String dataName) {
        if (dataName.equals("mnist") || !experiment.contains("mnist")) {
            return experiment;
        }
        return experiment.replaceFirst("mnist", dataName);
    }

    /** A path's last name in lower case, with anything but letters, digits, '.', '_' and '-' made '-'. */
    static String fileSafe(Path path) {
        Path name = path.toAbsolutePath().normalize().getFileName();
        String text = name == null ? "data" : name.toString().toLowerCase(Locale.ROOT);
        text = text.replaceAll("[^a-z0-9._-]", "-");
        return text.isEmpty() ? "data" : text;
    }
}
