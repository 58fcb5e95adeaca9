package backprop.cli;

import backprop.data.DigitCsv;
import backprop.data.ImageFolder;
import backprop.data.IrisCsv;
import backprop.data.LabeledCsv;
import backprop.data.LabeledDataset;
import backprop.data.Mnist;
import backprop.io.Json;
import backprop.io.ModelFile;
import backprop.losses.Targets;
import backprop.network.Network;
import backprop.metrics.ClassificationReport;
import backprop.metrics.ConfusionMatrix;
import backprop.data.Dataset;
import backprop.metrics.Metrics;
import backprop.training.Trainer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** {@code evaluate --model FILE --data PATH}: scores a saved model on data it has not seen. */
final class EvaluateCommand implements Command {

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String usage() {
        return "  evaluate --model FILE.json --data PATH [--label COLUMN] [--ignore A,B] [--json]\n";
    }

    @Override
    public Set<String> valued() {
        return Set.of("model", "data", "label", "ignore");
    }

    @Override
    public Set<String> flags() {
        return Set.of("json");
    }

    @Override
    public int run(Options o, PrintStream out, PrintStream err) throws IOException {
        o.noPositional(name());
        if (o.string("model") == null || o.string("data") == null) {
            throw new Options.UsageException("evaluate needs --model FILE and --data PATH");
        }
        ModelFile.Model model = ModelFile.load(Path.of(o.string("model")));
        Network net = model.network();
        Path dataPath = Path.of(o.string("data"));
        Dataset data = model.transform().apply(read(dataPath, o, model));
        if (data.features() != net.inputSize()) {
            throw new IllegalArgumentException(dataPath + ": " + data.features() + " features per sample but the model "
                    + "takes " + net.inputSize());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("model", o.string("model"));
        result.put("data", dataPath.toString());
        result.put("samples", data.size());
        Trainer.Score score = Trainer.score(net, data);
        result.put("loss", score.loss());
        ConfusionMatrix confusion = null;
        if (net.lossFunction().classification()) {
            int classes = data.outputs() == 1 ? 2 : data.outputs();
            confusion = ConfusionMatrix.of(net.predict(data.x()), data.labels(), classes);
            result.put("accuracy", score.accuracy());
        } else {
            double[][] predicted = net.forward(data.x());
            result.put("mse", Metrics.meanSquaredError(predicted, data.y()));
            result.put("mean_abs_error", Metrics.meanAbsoluteError(predicted, data.y()));
        }
        if (o.flag("json")) {
            if (confusion != null) {
                List<Object> rows = new ArrayList<>();
                for (int[] row : confusion.counts()) {
                    rows.add(Arrays.stream(row).boxed().toList());
                }
                result.put("confusion", rows);
            }
            out.println(Json.write(result));
            return 0;
        }
        out.println("network: " + net.describe());
        for (Map.Entry<String, Object> e : result.entrySet()) {
            out.printf(Locale.ROOT, "%-14s %s%n", e.getKey(), e.getValue());
        }
        if (confusion != null) {
            out.print(confusion);
            List<String> names = model.classNames().size() == confusion.classes() ? model.classNames() : null;
            out.print(ClassificationReport.of(confusion, names));
        }
        return 0;
    }

    /** Reads an IDX folder (its test part), an image folder, Iris.csv, Kaggle's digit CSV or any labelled CSV. */
    private static Dataset read(Path path, Options o, ModelFile.Model model) throws IOException {
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
        if (o.string("label") != null) {
            List<String> ignore = o.words("ignore") == null ? List.of() : o.words("ignore");
            return byName(LabeledCsv.read(path, o.string("label"), ignore), model, path);
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
