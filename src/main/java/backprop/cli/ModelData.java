package backprop.cli;

import backprop.data.DataFormatException;
import backprop.data.Dataset;
import backprop.data.ImageFolder;
import backprop.data.LabeledCsv;
import backprop.data.Mnist;
import backprop.data.NamedColumns;
import backprop.io.ModelFile;
import backprop.losses.Targets;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The data a command gives a saved model, read by whichever reader its path calls for: an IDX folder (its
 * test part, else its training part), a folder of class sub-folders of images (or of images alone), one
 * image, or a CSV — read by the columns a CSV model saved, or Iris.csv, Kaggle's digit CSV (with or
 * without its label column), or any CSV whose label column is named. The model's input transform is not
 * applied here.
 */
final class ModelData {

    private ModelData() {
    }

    /**
     * Rows read for a model, raw.
     *
     * @param x        the features, one row per sample, before the model's input transform
     * @param truth    each row's true class by name, or null when the data has no labels
     * @param idHeader what identifies a row: {@code item} (IDX, from 0), {@code file} or {@code line}
     * @param ids      each row's identifier
     * @param source   where the rows come from, in words: the file and which part of it
     */
    record Rows(double[][] x, List<String> truth, String idHeader, List<String> ids, String source) {

        /** @return the number of rows */
        int size() {
            return x.length;
        }

        /**
         * The rows with their true classes as targets over the model's outputs.
         *
         * @param model the model whose classes the names are matched to
         * @param path  the data's path, for messages
         * @return the dataset, raw features
         */
        Dataset labelled(ModelFile.Model model, Path path) {
            if (truth == null) {
                throw new IllegalArgumentException(path + ": the rows have no labels to score against; 'predict' "
                        + "gives the model's answers for unlabelled data");
            }
            int outputs = outputs(model);
            int[] labels = new int[truth.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = classIndex(truth.get(i), model, path, ids.get(i));
            }
            return new Dataset(x, outputs == 1 ? column(labels) : Targets.oneHot(labels, outputs));
        }
    }

    /**
     * Reads labelled data for {@code model} (what {@code evaluate} and {@code gradcheck --model} score).
     * Classes are matched to the model's by name.
     *
     * @param path   the data: a folder, an image or a CSV file
     * @param model  the saved model
     * @param label  the label column of a CSV, or null for the model's own or a known layout
     * @param ignore CSV columns to leave out
     * @return the rows with one-hot targets over the model's classes (a 0/1 column for one output); raw
     * @throws IOException if the data cannot be read
     */
    static Dataset read(Path path, ModelFile.Model model, String label, List<String> ignore) throws IOException {
        return rows(path, model, label, ignore, true).labelled(model, path);
    }

    /**
     * Reads rows for {@code model}, with their labels where the data has them.
     *
     * @param path           the data
     * @param model          the saved model
     * @param label          the label column of a CSV, or null for the model's own or a known layout
     * @param ignore         CSV columns to leave out
     * @param labelsRequired whether data without labels is an error
     * @return the rows, raw
     * @throws IOException if the data cannot be read
     */
    static Rows rows(Path path, ModelFile.Model model, String label, List<String> ignore, boolean labelsRequired)
            throws IOException {
        if (!Files.exists(path)) {
            throw new FileNotFoundException(path + ": no such file or folder");
        }
        int inputs = model.network().inputSize();
        if (Files.isDirectory(path)) {
            for (String part : List.of("t10k", "train")) {
                if (Files.exists(path.resolve(part + "-images-idx3-ubyte.gz"))
                        || Files.exists(path.resolve(part + "-images-idx3-ubyte"))) {
                    return idx(path, part, model);
                }
            }
            return images(path, model);
        }
        if (isImage(path)) {
            int side = side(path, inputs);
            List<String> one = List.of(path.toString());
            return new Rows(new double[][] {ImageFolder.readGrey(path, side, side, false)}, null, "file", one,
                    path + ": one image");
        }
        return csv(path, model, label, ignore, labelsRequired);
    }

    private static Rows idx(Path folder, String part, ModelFile.Model model) throws IOException {
        Dataset data = Mnist.read(folder, part);
        int[] labels = data.labels();
        List<String> names = model.classNames();
        List<String> truth = new ArrayList<>(labels.length);
        List<String> ids = new ArrayList<>(labels.length);
        for (int i = 0; i < labels.length; i++) {
            truth.add(labels[i] < names.size() ? names.get(labels[i]) : String.valueOf(labels[i]));
            ids.add(String.valueOf(i));
        }
        String which = part.equals("t10k") ? "the test part (t10k)" : "the training part (train; there is no t10k)";
        return new Rows(data.x(), truth, "item", ids, folder + ": " + which + ", " + labels.length + " images");
    }

    /** A folder of class sub-folders of images (labelled by folder) or of images alone (unlabelled). */
    private static Rows images(Path folder, ModelFile.Model model) throws IOException {
        int side = side(folder, model.network().inputSize());
        List<Path> classFolders;
        try (Stream<Path> entries = Files.list(folder)) {
            classFolders = entries.filter(Files::isDirectory).sorted().toList();
        }
        List<double[]> x = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> truth = classFolders.isEmpty() ? null : new ArrayList<>();
        for (Path dir : classFolders.isEmpty() ? List.of(folder) : classFolders) {
            for (Path file : imagesIn(dir)) {
                x.add(ImageFolder.readGrey(file, side, side, false));
                ids.add(folder.relativize(file).toString());
                if (truth != null) {
                    truth.add(dir.getFileName().toString());
                }
            }
        }
        if (x.isEmpty()) {
            throw new DataFormatException(folder, 0, "no IDX files, and no .png, .jpg or .jpeg images here or in its "
                    + "sub-folders");
        }
        return new Rows(x.toArray(new double[0][]), truth, "file", ids, folder + ": " + x.size() + " images"
                + (truth == null ? "" : " in " + classFolders.size() + " class folders"));
    }

    private static List<Path> imagesIn(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> Files.isRegularFile(p) && isImage(p)).sorted().toList();
        }
    }

    private static boolean isImage(Path p) {
        String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg");
    }

    private static int side(Path path, int inputs) {
        int side = (int) Math.round(Math.sqrt(inputs));
        if (side * side != inputs) {
            throw new IllegalArgumentException(path + ": images, but the model's " + inputs + " inputs are not a "
                    + "square image");
        }
        return side;
    }

    private static final List<String> IRIS = List.of("SepalLengthCm", "SepalWidthCm", "PetalLengthCm",
            "PetalWidthCm");

    private static Rows csv(Path file, ModelFile.Model model, String label, List<String> ignore,
            boolean labelsRequired) throws IOException {
        List<String> header = LabeledCsv.header(file);       // checked text, quoted fields parsed
        List<String> features;
        String labelColumn;
        String how;
        if (model.csv() != null) {
            features = model.csv().features();
            labelColumn = label != null ? label : model.csv().label();
            how = "read by the model's columns";
        } else if (label != null) {
            features = new ArrayList<>();
            for (String column : header) {
                if (!column.equals(label) && !ignore.contains(column)) {
                    features.add(column);
                }
            }
            labelColumn = label;
            how = "label column '" + label + "'";
        } else if (header.containsAll(IRIS) && header.contains("Species")) {
            features = IRIS;
            labelColumn = "Species";
            how = "Iris.csv";
        } else if (header.contains("pixel0") && header.contains("pixel783")) {
            features = new ArrayList<>();
            for (int i = 0; i < 784; i++) {
                features.add("pixel" + i);
            }
            labelColumn = "label";
            how = header.contains("label") ? "Kaggle's digit CSV" : "Kaggle's digit CSV without labels";
        } else if (!labelsRequired && header.size() == model.network().inputSize()) {
            features = header;
            labelColumn = "";
            how = "every column an input";
        } else {
            throw new IllegalArgumentException(file + ": a CSV whose header " + shortList(header) + " is neither "
                    + "Iris.csv nor Kaggle's digit CSV, and the model saved no CSV columns; name the label column "
                    + "with --label COLUMN (and columns to leave out with --ignore A,B)");
        }
        NamedColumns.Table table = NamedColumns.read(file, features, labelColumn, labelsRequired);
        if (table.x()[0].length != model.network().inputSize()) {
            throw new IllegalArgumentException(file + ": " + table.x()[0].length + " feature columns but the model "
                    + "takes " + model.network().inputSize() + " inputs");
        }
        List<String> ids = new ArrayList<>();
        for (long line : table.lines()) {
            ids.add(String.valueOf(line));
        }
        return new Rows(table.x(), table.labels(), "line", ids, file + ": all " + table.x().length + " data rows ("
                + how + (table.labels() == null ? ", no labels" : "") + ")");
    }

    /** At most eight names of at most 40 characters each, control characters shown as '?'. */
    private static String shortList(List<String> header) {
        List<String> shown = new ArrayList<>();
        for (String name : header.subList(0, Math.min(8, header.size()))) {
            String cut = name.length() > 40 ? name.substring(0, 37) + "…" : name;
            shown.add(cut.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
        }
        return shown + (header.size() > 8 ? " and " + (header.size() - 8) + " more" : "");
    }

    /** The number of the network's outputs: the columns of its last parameter (the last dense layer's b). */
    static int outputs(ModelFile.Model model) {
        List<backprop.layers.Parameter> parameters = model.network().parameters();
        return parameters.isEmpty() ? model.network().inputSize()
                : parameters.get(parameters.size() - 1).value()[0].length;
    }

    private static int classIndex(String name, ModelFile.Model model, Path path, String id) {
        List<String> classes = model.classNames();
        int k = classes.indexOf(name);
        if (k >= 0) {
            return k;
        }
        if (classes.isEmpty() && name.matches("\\d{1,9}")) {
            return Integer.parseInt(name);
        }
        throw new IllegalArgumentException(path + " (" + id + "): class '" + name + "' is not one the model knows "
                + classes);
    }

    private static double[][] column(int[] labels) {
        double[][] y = new double[labels.length][1];
        for (int i = 0; i < labels.length; i++) {
            y[i][0] = labels[i];
        }
        return y;
    }
}
