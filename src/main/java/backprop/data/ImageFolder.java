package backprop.data;

import backprop.losses.Targets;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * A folder of images with one sub-folder per class (document 001 part 2: {@code train/1} … {@code train/12};
 * document 004 reads MNIST this way too). Every PNG or JPEG becomes one row of grey values 0..255, row by
 * row: a grey image's own values (the top 8 bits of 16-bit ones), a colour image's
 * 0.299·R + 0.587·G + 0.114·B (ITU-R BT.601), rounded. With {@code invert} each value becomes
 * 255 − p, as document 001 does for dark ink on white paper. Classes are the sub-folder names, sorted
 * numerically when all are numbers; files are read in name order.
 */
public final class ImageFolder {

    private ImageFolder() {
    }

    /**
     * Reads every image under {@code root}; all must be {@code width×height} pixels.
     *
     * @param root   the folder with one sub-folder per class
     * @param width  the width every image must have, in pixels
     * @param height the height every image must have, in pixels
     * @param invert whether each grey value p becomes 255 − p
     * @return one row of width·height grey values per image, one-hot targets, the sub-folder names as classes
     * @throws IOException if a folder or an image cannot be read
     */
    public static LabeledDataset read(Path root, int width, int height, boolean invert) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new java.io.FileNotFoundException(root + ": no such folder; expected one sub-folder per class");
        }
        List<String> classes;
        try (Stream<Path> entries = Files.list(root)) {
            classes = LabeledCsv.sortedClasses(entries.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString()).toList());
        }
        if (classes.isEmpty()) {
            throw new DataFormatException(root, 0, "no class sub-folders; expected e.g. " + root.resolve("0")
                    + "/, " + root.resolve("1") + "/, …");
        }
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            List<Path> files;
            try (Stream<Path> entries = Files.list(root.resolve(classes.get(c)))) {
                files = entries.filter(ImageFolder::isImage).sorted().toList();
            }
            for (Path file : files) {
                rows.add(readGrey(file, width, height, invert));
                labels.add(c);
            }
        }
        if (rows.isEmpty()) {
            throw new DataFormatException(root, 0, "no .png, .jpg or .jpeg files in the class sub-folders");
        }
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        return new LabeledDataset(new Dataset(rows.toArray(new double[0][]), Targets.oneHot(y, classes.size())),
                classes);
    }

    private static boolean isImage(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg"));
    }

    /**
     * One image as width·height grey values, row by row.
     *
     * @param file   the PNG or JPEG file
     * @param width  the width the image must have, in pixels
     * @param height the height the image must have, in pixels
     * @param invert whether each grey value p becomes 255 − p
     * @return the grey values 0..255, row by row
     * @throws IOException if the file cannot be read
     */
    public static double[] readGrey(Path file, int width, int height, boolean invert) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new DataFormatException(file, 0, "not a readable PNG or JPEG image");
        }
        if (image.getWidth() != width || image.getHeight() != height) {
            throw new DataFormatException(file, 0, "image is " + image.getWidth() + "×" + image.getHeight()
                    + " pixels, expected " + width + "×" + height + "; resize the images first");
        }
        // A grey image's stored samples are its values; getRGB would first pass them through a colour-space
        // (gamma) conversion and change them. Colour images go through getRGB and the BT.601 weights.
        java.awt.image.Raster raster = image.getRaster();
        boolean grey = raster.getNumBands() <= 2 && image.getColorModel().getNumColorComponents() == 1;
        int bits = raster.getSampleModel().getSampleSize(0);
        double[] values = new double[width * height];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double value;
                if (grey) {
                    value = bits == 16 ? raster.getSample(c, r, 0) >> 8 : raster.getSample(c, r, 0);
                } else {
                    int rgb = image.getRGB(c, r);
                    value = Math.round(0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF));
                }
                values[r * width + c] = invert ? 255 - value : value;
            }
        }
        return values;
    }
}
