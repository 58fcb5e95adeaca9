package backprop.data;

import backprop.losses.Targets;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A folder of images with one sub-folder per class (document 001 part 2: {@code train/1} … {@code train/12};
 * document 004 reads MNIST this way too). Every PNG or JPEG becomes one row of grey values 0..255, row by
 * row: a grey image's own values (the top 8 bits of 16-bit ones, those of 1, 2 or 4 bits stretched to
 * 0..255), a colour or palette image's 0.299·R + 0.587·G + 0.114·B (ITU-R BT.601), rounded. With
 * {@code invert} each value becomes 255 − p, as document 001 does for dark ink on white paper. Classes are
 * the sub-folder names, sorted numerically when all are numbers; files are read in name order. A damaged
 * image, or one of the wrong size, ends in a {@link DataFormatException} naming its file.
 */
public final class ImageFolder {

    private ImageFolder() {
    }

    /**
     * Reads every image under {@code root}; all must be {@code width×height} pixels.
     *
     * @param root   the folder with one sub-folder per class, at least two
     * @param width  the width every image must have, in pixels
     * @param height the height every image must have, in pixels
     * @param invert whether each grey value p becomes 255 − p
     * @return one row of width·height grey values per image, one-hot targets, the sub-folder names as classes
     * @throws IOException if a folder or an image cannot be read
     * @throws DataFormatException naming the image file that is damaged or of the wrong size
     */
    public static LabeledDataset read(Path root, int width, int height, boolean invert) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new java.io.FileNotFoundException(root + ": no such folder; expected one sub-folder per class");
        }
        List<String> classes = sortedClasses(list(root).stream().filter(Files::isDirectory)
                .map(p -> p.getFileName().toString()).toList());
        if (classes.isEmpty()) {
            throw new DataFormatException(root, 0, "no class sub-folders; expected e.g. " + root.resolve("0")
                    + "/, " + root.resolve("1") + "/, …");
        }
        if (classes.size() == 1) {
            throw new DataFormatException(root, 0, "one class sub-folder only ('" + Csv.shorten(classes.get(0)) + "'); expected one"
                    + " sub-folder per class, at least two");
        }
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            List<Path> files = list(root.resolve(classes.get(c))).stream().filter(ImageFolder::isImage).sorted().toList();
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

    private static List<String> sortedClasses(List<String> names) {
        return LabeledCsv.sortedClasses(names);
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.toList();
        } catch (IOException e) {
            throw FileErrors.cannotRead(folder, e);
        } catch (java.io.UncheckedIOException e) {
            throw FileErrors.cannotRead(folder, e.getCause());
        }
    }

    private static boolean isImage(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg"));
    }

    /**
     * One image as width·height grey values, row by row. The image's size is read from its header and
     * checked before its pixels are decoded, so a damaged header cannot make the decoder allocate more than
     * the expected image needs.
     *
     * @param file   the PNG or JPEG file
     * @param width  the width the image must have, in pixels
     * @param height the height the image must have, in pixels
     * @param invert whether each grey value p becomes 255 − p
     * @return the grey values 0..255, row by row
     * @throws IOException if the file cannot be read
     * @throws DataFormatException naming the file if it is not a readable image of the expected size
     */
    public static double[] readGrey(Path file, int width, int height, boolean invert) throws IOException {
        BufferedImage image = decode(file, width, height);
        // A grey image's stored samples are its values; getRGB would first pass them through a colour-space
        // (gamma) conversion and change them. Colour and palette images go through getRGB and the BT.601 weights.
        java.awt.image.Raster raster = image.getRaster();
        boolean grey = raster.getNumBands() <= 2 && image.getColorModel().getNumColorComponents() == 1;
        int bits = raster.getSampleModel().getSampleSize(0);
        double[] values = new double[width * height];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                double value;
                if (grey) {
                    value = greyLevel(raster.getSample(c, r, 0), bits);
                } else {
                    int rgb = image.getRGB(c, r);
                    value = Math.round(0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF));
                }
                values[r * width + c] = invert ? 255 - value : value;
            }
        }
        return values;
    }

    /**
     * A grey sample of {@code bits} bits on the scale 0..255: samples of fewer than 8 bits are stretched
     * (v·255/(2^bits − 1): a 1-bit 1 is 255, a 4-bit 15 is 255), samples of more keep their top 8 bits.
     *
     * @param sample the stored sample, 0..2^bits − 1
     * @param bits   the sample size, 1..16
     * @return the grey value, 0..255
     */
    static double greyLevel(int sample, int bits) {
        if (bits == 8) {
            return sample;
        }
        if (bits < 8) {
            return Math.round(sample * 255.0 / ((1 << bits) - 1));
        }
        return sample >> (bits - 8);
    }

    /** Decodes the image after checking the size its header gives; any decoder failure names the file. */
    private static BufferedImage decode(Path file, int width, int height) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.io.FileNotFoundException(file + ": no such image file");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new IOException("cannot open " + file);
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new DataFormatException(file, 0, "not a PNG or JPEG image (no image reader knows its first"
                        + " bytes)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w != width || h != height) {
                    throw new DataFormatException(file, 0, "image is " + w + "×" + h + " pixels, expected " + width
                            + "×" + height + "; resize the images first");
                }
                BufferedImage image = reader.read(0);
                if (image.getWidth() != width || image.getHeight() != height) {
                    throw new DataFormatException(file, 0, "image decodes to " + image.getWidth() + "×"
                            + image.getHeight() + " pixels, expected " + width + "×" + height);
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (DataFormatException e) {
            throw e;
        } catch (javax.imageio.IIOException | RuntimeException e) {
            // the decoders report damaged data as IIOException and, for some damage, as runtime exceptions
            throw new DataFormatException(file, 0, "not a readable PNG or JPEG image: " + describe(e)
                    + "; expected a whole image file", e);
        } catch (IOException e) {
            throw FileErrors.cannotRead(file, e);
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        String text = message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
        return Csv.shorten(text, 120);
    }
}
