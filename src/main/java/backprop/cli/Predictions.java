package backprop.cli;

import backprop.io.ModelFile;
import backprop.losses.Targets;
import java.util.ArrayList;
import java.util.List;

/**
 * Each row's predicted class and probabilities as CSV: {@code item|file|line, [true,] predicted, p(class)…}
 * for a classifier (every probability in round-trip decimal, so it reads back to the same double);
 * {@code …, output1, output2, …} for a regression.
 */
final class Predictions {

    private Predictions() {
    }

    /**
     * @param model         the model that predicted
     * @param rows          the rows, their ids and (if known) true classes
     * @param probabilities the model's probabilities (or outputs, for a regression), one row per data row
     * @return the CSV text, header first
     */
    static String csv(ModelFile.Model model, ModelData.Rows rows, double[][] probabilities) {
        boolean classifier = model.network().lossFunction().classification();
        int outputs = probabilities[0].length;
        List<String> names = classNames(model, outputs);
        StringBuilder s = new StringBuilder();
        List<String> header = new ArrayList<>();
        header.add(rows.idHeader());
        if (rows.truth() != null) {
            header.add("true");
        }
        if (classifier) {
            header.add("predicted");
            for (String name : names) {
                header.add("p(" + name + ")");
            }
        } else {
            for (int k = 1; k <= outputs; k++) {
                header.add("output" + k);
            }
        }
        line(s, header);
        int[] predicted = classifier ? Targets.labels(probabilities) : null;      // as Network.predict
        for (int i = 0; i < rows.size(); i++) {
            List<String> cells = new ArrayList<>();
            cells.add(rows.ids().get(i));
            if (rows.truth() != null) {
                cells.add(rows.truth().get(i));
            }
            double[] p = probabilities[i];
            if (classifier && outputs == 1) {
                cells.add(names.get(predicted[i]));
                cells.add(Double.toString(1 - p[0]));
                cells.add(Double.toString(p[0]));
            } else if (classifier) {
                cells.add(names.get(predicted[i]));
                for (double v : p) {
                    cells.add(Double.toString(v));
                }
            } else {
                for (double v : p) {
                    cells.add(Double.toString(v));
                }
            }
            line(s, cells);
        }
        return s.toString();
    }

    /** The model's class names, or 0 … K−1 when it has none (two for a single output). */
    static List<String> classNames(ModelFile.Model model, int outputs) {
        int classes = outputs == 1 ? 2 : outputs;
        if (model.classNames().size() == classes) {
            return model.classNames();
        }
        List<String> names = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            names.add(String.valueOf(k));
        }
        return names;
    }

    private static void line(StringBuilder s, List<String> cells) {
        for (int j = 0; j < cells.size(); j++) {
            if (j > 0) {
                s.append(',');
            }
            String c = cells.get(j);
            if (c.contains(",") || c.contains("\"") || c.contains("\n")) {
                c = '"' + c.replace("\"", "\"\"") + '"';
            }
            s.append(c);
        }
        s.append('\n');
    }
}
