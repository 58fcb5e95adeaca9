package backprop.cli;

import backprop.data.Dataset;
import backprop.experiments.Experiment;
import backprop.experiments.ExperimentSettings;
import backprop.experiments.Parts;
import backprop.io.AtomicFiles;
import backprop.io.Json;
import backprop.io.ModelFile;
import backprop.layers.Dense;
import backprop.layers.Layer;
import backprop.losses.Targets;
import backprop.metrics.ClassificationReport;
import backprop.metrics.ConfusionMatrix;
import backprop.metrics.Metrics;
import backprop.network.Network;
import backprop.training.Trainer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code evaluate --model FILE (--data PATH | --experiment NAME)}: scores a saved model on labelled data,
 * saying which rows it scored.
 */
final class EvaluateCommand implements Command {

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String usage() {
        return """
                  evaluate --model FILE.json (--data PATH | --experiment NAME [--data PATH] [--seed S])
                      [--label COLUMN] [--ignore A,B] [--predictions FILE.csv] [--json]
                """;
    }

    @Override
    public String help() {
        return """
                usage: java -jar target/backprop.jar evaluate --model FILE.json --data PATH [options]
                       java -jar target/backprop.jar evaluate --model FILE.json --experiment NAME [options]

                Scores a saved model on labelled data and says which file and how many rows it scored: loss,
                accuracy, confusion matrix and classification report (for a regression, its errors). The
                model's input transform and, for a model trained on a CSV, its columns are applied by the
                model file itself.

                  --model FILE.json      a model saved by 'train … --save'
                  --data PATH            every labelled row of: an IDX folder (its test part, else its
                                         training part), a folder of class sub-folders of images, Iris.csv,
                                         Kaggle's digit CSV, a CSV read by the model's saved columns, or any
                                         CSV with --label
                  --experiment NAME      only the test part of that experiment's own data, split as its run
                                         splits it (give the run's --data and --seed if it had them), so that
                                         no training row is scored
                  --seed S               with --experiment: the seed of the run that trained the model
                  --label COLUMN         the label column of a CSV, for a model that saved none
                  --ignore A,B           CSV columns to leave out, for a model that saved none
                  --predictions FILE.csv each row's predicted class and probabilities (as 'predict' writes)
                  --json                 the figures as one JSON object
                """;
    }

    @Override
    public Set<String> valued() {
        return Set.of("model", "data", "label", "ignore", "experiment", "seed", "predictions");
    }

    @Override
    public Set<String> flags() {
        return Set.of("json");
    }

    @Override
    public int run(Options o, PrintStream out, PrintStream err) throws IOException {
        o.noPositional(name());
        if (o.string("model") == null || (o.string("data") == null && o.string("experiment") == null)) {
            throw new Options.UsageException("evaluate needs --model FILE and --data PATH or --experiment NAME");
        }
        if (o.string("experiment") == null && o.string("seed") != null) {
            throw new Options.UsageException("--seed only goes with --experiment, whose split it seeds");
        }
        ModelFile.Model model = ModelFile.load(Path.of(o.string("model")));
        Network net = model.network();
        ModelData.Rows rows;
        Dataset raw;
        if (o.string("experiment") != null) {
            Experiment e = Options.experiment(o.string("experiment"));
            boolean experimentClassifies = e.network().loss().make().classification();
            if (experimentClassifies != net.lossFunction().classification()) {
                throw new IllegalArgumentException(o.string("model") + " is a " + (net.lossFunction().classification()
                        ? "classifier" : "regression") + " but experiment " + e.name() + " is a " + (experimentClassifies
                        ? "classifier" : "regression") + "; score it on an experiment of its own kind");
            }
            Parts parts = e.parts(settings(e, o, model));
            rows = rows(parts);
            raw = net.lossFunction().classification() ? byModelClasses(parts, model) : parts.test();
            int outputs = outputs(net);
            if (raw.outputs() != outputs) {
                throw new IllegalArgumentException(o.string("model") + " has " + outputs + " output"
                        + (outputs == 1 ? "" : "s") + " but experiment " + e.name() + "'s test part has " + raw.outputs()
                        + " target column" + (raw.outputs() == 1 ? "" : "s") + "; score it on the experiment it was "
                        + "trained for");
            }
        } else {
            Path dataPath = Path.of(o.string("data"));
            if (!net.lossFunction().classification()) {
                throw new IllegalArgumentException(o.string("model") + " is a regression; score it on its "
                        + "experiment's test part with --experiment NAME");
            }
            rows = ModelData.rows(dataPath, model, o.string("label"), o.words("ignore") == null ? List.of()
                    : o.words("ignore"), true);
            raw = rows.labelled(model, dataPath);
        }
        Dataset data = model.transform().apply(raw);
        if (data.features() != net.inputSize()) {
            throw new IllegalArgumentException(rows.source() + ": " + data.features() + " features per sample but the "
                    + "model takes " + net.inputSize());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("model", o.string("model"));
        result.put("data", o.string("experiment") != null ? "experiment " + o.string("experiment")
                : o.string("data"));
        result.put("source", rows.source());
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
        if (o.string("predictions") != null) {
            AtomicFiles.writeString(Path.of(o.string("predictions")), Predictions.csv(model, rows,
                    PredictCommand.probabilities(model, rows)));
            result.put("predictions", o.string("predictions"));
        }
        if (o.flag("json")) {
            if (confusion != null) {
                List<Object> counts = new ArrayList<>();
                for (int[] row : confusion.counts()) {
                    counts.add(Arrays.stream(row).boxed().toList());
                }
                result.put("confusion", counts);
            }
            out.println(Json.write(result));
            return 0;
        }
        out.printf(Locale.ROOT, "scored %,d row%s of %s%n", data.size(), data.size() == 1 ? "" : "s", rows.source());
        if (o.string("experiment") == null && !rows.idHeader().equals("item")) {
            out.println("note: every row of the data was scored, including any the model was trained on; "
                    + "--experiment NAME scores only that experiment's test split");
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

    /** The experiment's defaults with the run's data, seed and CSV columns (the model's own, unless given). */
    private static ExperimentSettings settings(Experiment e, Options o, ModelFile.Model model) {
        ExperimentSettings s = e.defaults();
        if (o.string("data") != null) {
            s = s.withData(Path.of(o.string("data")));
        }
        if (o.longValue("seed") != null) {
            s = s.withSeed(o.longValue("seed"));
        }
        String label = o.string("label") != null ? o.string("label")
                : model.csv() != null ? model.csv().label() : s.label();
        List<String> ignore = o.words("ignore") != null ? o.words("ignore")
                : model.csv() != null ? model.csv().ignore() : s.ignore();
        return s.withLabel(label, ignore);
    }

    /** The test part's rows, numbered from 0 in the order the split keeps them. */
    private static ModelData.Rows rows(Parts parts) {
        Dataset test = parts.test();
        List<String> ids = new ArrayList<>();
        List<String> truth = parts.classNames().isEmpty() ? null : new ArrayList<>();
        int[] labels = truth == null ? null : test.labels();
        for (int i = 0; i < test.size(); i++) {
            ids.add(String.valueOf(i));
            if (truth != null) {
                truth.add(parts.classNames().get(labels[i]));
            }
        }
        return new ModelData.Rows(test.x(), truth, "row", ids, parts.testSource());
    }

    /** The test part with its classes renumbered as the model numbers them, matched by name. */
    private static Dataset byModelClasses(Parts parts, ModelFile.Model model) {
        List<String> classes = model.classNames();
        if (classes.isEmpty() || parts.classNames().isEmpty() || classes.equals(parts.classNames())) {
            return parts.test();           // nothing to match by name: the widths are compared by the caller
        }
        int[] local = parts.test().labels();
        int[] labels = new int[local.length];
        for (int i = 0; i < labels.length; i++) {
            String name = parts.classNames().get(local[i]);
            labels[i] = classes.indexOf(name);
            if (labels[i] < 0) {
                throw new IllegalArgumentException(parts.testSource() + ": class '" + name + "' is not one the model "
                        + "knows " + classes);
            }
        }
        return new Dataset(parts.test().x(), Targets.oneHot(labels, classes.size()));
    }

    /** The network's outputs: the units of its last dense layer. */
    private static int outputs(Network net) {
        int width = net.inputSize();
        for (Layer layer : net.layers()) {
            if (layer instanceof Dense d) {
                width = d.outputSize();
            }
        }
        return width;
    }
}
