package backprop.cli;

import backprop.data.Dataset;
import backprop.io.Json;
import backprop.io.ModelFile;
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
        Dataset data = model.transform().apply(ModelData.read(dataPath, model, o.string("label"),
                o.words("ignore") == null ? List.of() : o.words("ignore")));
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
}
