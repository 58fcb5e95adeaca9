package backprop.vectors;

import static backprop.vectors.PortSupport.integer;
import static backprop.vectors.PortSupport.map;
import static backprop.vectors.PortSupport.number;

import backprop.data.Dataset;
import backprop.data.InputTransform;
import backprop.data.Preprocessing;
import backprop.data.Splits;
import backprop.data.Synthetic;
import backprop.layers.Parameter;
import backprop.metrics.Metrics;
import backprop.network.Network;
import backprop.random.SplitMix64;
import backprop.training.EpochRecord;
import backprop.training.GradientClipping;
import backprop.training.History;
import backprop.training.LearningRateSchedule;
import backprop.training.Trainer;
import backprop.training.TrainingSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An experiment of {@code experiments.json} run from its {@code settings} and the rows of
 * {@code datasets.json} alone, as NOTES.md §12.5 tells a port to: no experiment code, no reader.
 */
final class ExperimentPort {

    private ExperimentPort() {
    }

    /** The untrained network's parameters as {@code initial} writes them. */
    static Map<String, Object> initial(Map<String, Object> settings) {
        Network net = PortSupport.network(settings);
        Map<String, Object> initial = new LinkedHashMap<>();
        initial.put("description", net.describe());
        List<Object> parameters = new ArrayList<>();
        for (Parameter p : net.parameters()) {
            double[][] v = p.value();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("rows", v.length);
            m.put("cols", v[0].length);
            double[] first = new double[Math.min(ExperimentVectors.FIRST, v.length * v[0].length)];
            for (int k = 0; k < first.length; k++) {
                first[k] = v[k / v[0].length][k % v[0].length];
            }
            Encoding.putExact(m, "first", first);
            m.put("checksum", Encoding.hex(Encoding.checksum(Encoding.CHECKSUM_START, v)));
            double sum = 0.0;
            for (double[] row : v) {
                for (double w : row) {
                    sum = sum + w;
                }
            }
            Encoding.putExact(m, "sum", sum);
            parameters.add(m);
        }
        initial.put("parameters", parameters);
        initial.put("checksum", Encoding.hex(Encoding.checksum(net.parameters())));
        return initial;
    }

    /** The data of a run after its transform and split: training part, validation part or null, test set. */
    private record Parts(Dataset train, Dataset validation, Dataset test) {
    }

    private static Parts parts(Map<String, Object> s, Map<String, Dataset> datasets) {
        Map<String, Object> data = map(s.get("data"));
        Map<String, Object> t = map(s.get("transform"));
        InputTransform scale = new InputTransform(number(t.get("offset")), number(t.get("scale")), null, null);
        Dataset all = scale.apply(datasets.get((String) data.get("train")));
        Dataset first = all;
        Dataset second = null;
        if (s.get("split") != null) {
            Map<String, Object> split = map(s.get("split"));
            SplitMix64 g = new SplitMix64((long) number(split.get("seed")));
            Splits.Split parts = switch ((String) split.get("type")) {
                case "stratified" -> Splits.stratified(all, number(split.get("fraction")), g);
                case "random" -> Splits.random(all, number(split.get("fraction")), g);
                case "random-count" -> Splits.randomCount(all, integer(split.get("count")), g);
                default -> throw new IllegalArgumentException("unknown split " + split);
            };
            first = parts.first();
            second = parts.second();
        }
        if ((Boolean) t.get("standardize")) {
            Preprocessing.Standardizer standardizer = Preprocessing.Standardizer.fit(first);
            first = standardizer.apply(first);
            second = second == null ? null : standardizer.apply(second);
        }
        boolean validates = s.get("split") != null && map(s.get("split")).get("second").equals("validation");
        String test = (String) data.get("test");
        Dataset testSet = switch (test) {
            case "train" -> first;
            case "split" -> second;
            case "grid" -> Synthetic.sineGrid(1000);
            default -> scale.apply(datasets.get(test));
        };
        return new Parts(first, validates ? second : null, testSet);
    }

    /** The {@code first_epochs} record of a run: per epoch, the best epoch, the figures after. */
    static Map<String, Object> firstEpochs(Map<String, Object> recorded, Map<String, Dataset> datasets) {
        Map<String, Object> s = map(recorded.get("settings"));
        Parts parts = parts(s, datasets);
        Network net = PortSupport.network(s);
        long checksum = Encoding.checksum(net.parameters());
        TrainingSettings training = new TrainingSettings(integer(s.get("epochs")), integer(s.get("batch")),
                LearningRateSchedule.constant(number(s.get("learning_rate"))), GradientClipping.NONE, 0,
                (Boolean) s.get("keep_best"), false, s.get("train_loss").equals("scored"),
                (long) number(s.get("shuffle_seed")));
        History h = new Trainer(net, PortSupport.optimizer(s.get("optimizer")), training)
                .fit(parts.train(), parts.validation(), null);
        boolean classification = net.lossFunction().classification();

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("settings", s);
        out.put("description", net.describe());
        out.put("initial_checksum", Encoding.hex(checksum));
        List<EpochRecord> records = h.epochs();
        out.put("train_loss", records.stream().mapToDouble(EpochRecord::trainLoss).toArray());
        if (classification) {
            out.put("train_accuracy", records.stream().mapToDouble(EpochRecord::trainAccuracy).toArray());
        }
        if (parts.validation() != null) {
            out.put("validation_loss", records.stream().mapToDouble(EpochRecord::validationLoss).toArray());
            out.put("validation_accuracy", records.stream().mapToDouble(EpochRecord::validationAccuracy).toArray());
        }
        out.put("best_epoch", h.bestEpoch());
        Map<String, Object> after = new LinkedHashMap<>();
        Map<String, Object> data = map(s.get("data"));
        if (data.get("test").equals("grid")) {
            double[][] predicted = net.forward(parts.test().x());
            after.put("train_loss", h.last().trainLoss());
            after.put("grid_mse", Metrics.meanSquaredError(predicted, parts.test().y()));
            after.put("grid_mean_abs_error", Metrics.meanAbsoluteError(predicted, parts.test().y()));
        } else if (data.get("train").equals(DatasetVectors.AND)) {
            double[][] p = net.forward(parts.train().x());
            after.put("and_accuracy", Metrics.accuracy(net.predict(parts.train().x()), parts.train().labels()));
            for (int i = 0; i < p.length; i++) {
                after.put("and_output_" + i, p[i][0]);
            }
        } else {
            Trainer.Score train = Trainer.score(net, parts.train());
            Trainer.Score test = Trainer.score(net, parts.test());
            after.put("train_samples", parts.train().size());
            if (parts.validation() != null) {
                after.put("validation_samples", parts.validation().size());
            }
            after.put("test_samples", parts.test().size());
            after.put("train_loss", train.loss());
            after.put("train_accuracy", train.accuracy());
            if (parts.validation() != null) {
                after.put("validation_accuracy", Trainer.score(net, parts.validation()).accuracy());
            }
            after.put("test_loss", test.loss());
            after.put("test_accuracy", test.accuracy());
        }
        out.put("after", after);
        return out;
    }

    /** The rows of datasets.json a recipe reads, to check that the names it gives exist. */
    static List<String> datasetsNamed(Map<String, Object> settings) {
        Map<String, Object> data = map(settings.get("data"));
        List<String> names = new ArrayList<>();
        for (String key : List.of("train", "test")) {
            Object v = data.get(key);
            if (v != null && !List.of("train", "split", "grid").contains(v)) {
                names.add((String) v);
            }
        }
        return names;
    }
}
