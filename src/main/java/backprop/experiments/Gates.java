package backprop.experiments;

import backprop.data.InputTransform;
import backprop.data.Synthetic;
import backprop.layers.Initializer;
import backprop.losses.BinaryCrossEntropy;
import backprop.matrix.SplitMix64;
import backprop.network.Network;
import backprop.training.Dataset;
import backprop.training.EpochListener;
import backprop.training.History;
import backprop.training.Metrics;
import backprop.training.Sgd;
import backprop.training.Trainer;
import backprop.training.TrainingSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Document 004's OneNet (logistic regression) on the AND, OR and NOT tables. */
public final class Gates implements Experiment {

    @Override
    public String name() {
        return "gates";
    }

    @Override
    public String document() {
        return "004";
    }

    @Override
    public String description() {
        return "OneNet: 2→1 (NOT: 1→1) sigmoid, binary cross-entropy, L2 1e-3, on AND, OR, NOT";
    }

    @Override
    public String documentFigure() {
        return "all patterns right (AND 0.0033 0.108 0.108 0.814)";
    }

    @Override
    public ExperimentSettings defaults() {
        return ExperimentSettings.of(200_000, 0, 1e-3, List.of(), 4);
    }

    @Override
    public Result run(ExperimentSettings s, EpochListener listener) {
        long start = System.nanoTime();
        Map<String, Dataset> tables = new LinkedHashMap<>();
        tables.put("AND", Synthetic.and());
        tables.put("OR", Synthetic.or());
        tables.put("NOT", Synthetic.not());
        Map<String, Double> metrics = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        Network first = null;
        History firstHistory = null;
        for (Map.Entry<String, Dataset> table : tables.entrySet()) {
            Dataset data = table.getValue();
            Network net = Network.builder(data.features(), new SplitMix64(s.seed()))
                    .weights(Initializer.normal(0.01)).biases(Initializer.normal(0.01))
                    .dense(1).sigmoid().loss(new BinaryCrossEntropy()).l2(1e-3).build();
            History h = new Trainer(net, new Sgd(), TrainingSettings.of(s.epochs(), s.learningRate())
                    .withScoreTraining(false)).fit(data, null, table.getKey().equals("AND") ? listener : null);
            double[][] p = net.forward(data.x());
            double accuracy = Metrics.accuracy(net.predict(data.x()), data.labels());
            metrics.put(table.getKey().toLowerCase(Locale.ROOT) + "_accuracy", accuracy);
            StringBuilder outputs = new StringBuilder();
            for (int i = 0; i < p.length; i++) {
                metrics.put(table.getKey().toLowerCase(Locale.ROOT) + "_output_" + i, p[i][0]);
                outputs.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.3g", p[i][0]));
            }
            int right = (int) Math.round(accuracy * data.size());
            parts.add(table.getKey() + " " + right + "/" + data.size() + " (" + outputs + ")");
            if (first == null) {
                first = net;
                firstHistory = h;
            }
        }
        List<String> notes = List.of("L2 gradient λW (the document's update adds la·sum(w))",
                "one bias per output unit (the document's listing initialises b as K×D)");
        return new Result(name(), s, first, firstHistory, metrics, String.join("; ", parts), notes, null, List.of(),
                null, InputTransform.IDENTITY, Synthetic.and(), (System.nanoTime() - start) / 1e9);
    }
}
