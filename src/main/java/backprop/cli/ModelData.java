package backprop.cli;

import backprop.data.Dataset;
import backprop.data.DigitCsv;
import backprop.data.ImageFolder;
import backprop.data.IrisCsv;
import backprop.data.LabeledCsv;
import backprop.data.LabeledDataset;
import backprop.data.Mnist;
import backprop.io.ModelFile;
import backprop.losses.Targets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The data a command scores a saved model on, read by whichever reader its path calls for. */
final class ModelData {

    private ModelData() {
    }

    /**
     * Reads labelled data for {@code model}: an IDX folder (its test part, else its training part), an image
     * folder (square images of the model's input size), Iris.csv, Kaggle's digit CSV, or any CSV whose label
     * column is named. Classes are matched to the model's by name. The model's input transform is not
     * applied.
     */
    static Dataset read(Path path, ModelFile.Model model, String label, List<String> ignore) throws IOException {
        if (!Files.exists(path)) {
            throw new java.io.FileNotFoundException(path + ": no such file or folder");
        }
        if (Files.isDirectory(path)) {
            if (Files.exists(path.resolve("t10k-images-idx3-ubyte.gz")) || Files.exists(path.resolve("t10k-images-idx3-ubyte"))) {
                return Mnist.read(path, "t10k");
            }
            if (Files.exists(path.resolve("train-images-idx3-ubyte.gz")) || Files.exists(path.resolve("train-images-idx3-ubyte"))) {
                return Mnist.read(path, "train");
            }
            int side = (int) Math.round(Math.sqrt(model.network().inputSize()));
            if (side * side != model.network().inputSize()) {
                throw new IllegalArgumentException(path + ": an image folder, but the model's " + model.network().inputSize()
                        + " inputs are not a square image");
            }
            return byName(ImageFolder.read(path, side, side, false), model, path);
        }
        String header;
        try (Stream<String> lines = Files.lines(path)) {
            header = lines.findFirst().orElse("");
        }
        if (label != null) {
            return byName(LabeledCsv.read(path, label, ignore), model, path);
        }
        if (header.startsWith("Id,SepalLengthCm")) {
            return byName(IrisCsv.read(path), model, path);
        }
        if (header.startsWith("label,pixel0")) {
            return DigitCsv.read(path).data();
        }
        throw new Options.UsageException(path + ": not an IDX folder, image folder, Iris.csv or digit CSV; for another "
                + "CSV name its label column with --label");
    }

    /** Re-labels the data by class name so that class k means what it meant to the model. */
    private static Dataset byName(LabeledDataset data, ModelFile.Model model, Path path) {
        List<String> modelClasses = model.classNames();
        if (modelClasses.isEmpty() || modelClasses.equals(data.classNames())) {
            return data.data();
        }
        int[] local = data.data().labels();
        int[] labels = new int[local.length];
        for (int i = 0; i < local.length; i++) {
            String name = data.classNames().get(local[i]);
            labels[i] = modelClasses.indexOf(name);
            if (labels[i] < 0) {
                throw new IllegalArgumentException(path + ": class '" + name + "' is not one the model knows "
                        + modelClasses);
            }
        }
        return new Dataset(data.data().x(), Targets.oneHot(labels, modelClasses.size()));
    }
}
