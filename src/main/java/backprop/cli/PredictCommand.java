package backprop.cli;

import backprop.data.Dataset;
import backprop.io.AtomicFiles;
import backprop.io.ModelFile;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code predict --model FILE --data PATH [--out FILE.csv]}: each row's predicted class and probabilities. */
final class PredictCommand implements Command {

    @Override
    public String name() {
        return "predict";
    }

    @Override
    public String usage() {
        return "  predict --model FILE.json --data PATH [--out FILE.csv] [--label COLUMN] [--ignore A,B]\n";
    }

    @Override
    public String help() {
        return """
                usage: java -jar target/backprop.jar predict --model FILE.json --data PATH [--out FILE.csv]

                Writes each row's predicted class and the probability of every class, as CSV: to --out, or
                to stdout. The first column names the row (the IDX item from 0, the image file, or the CSV
                line), then its true class when the data has labels, the predicted class and one column
                p(CLASS) per class, every probability in round-trip decimal. The model's input transform
                (and, for a model trained on a CSV, its columns: label, ignored and feature columns by name)
                is applied by the model file itself.

                  --model FILE.json   a model saved by 'train … --save'
                  --data PATH         an IDX folder (its test part, else its training part); a folder of
                                      class sub-folders of images, or of images alone; one image; a CSV:
                                      read by the columns a CSV model saved, or Iris.csv, Kaggle's digit CSV
                                      (with or without its label column), or a CSV of exactly the model's
                                      inputs
                  --out FILE.csv      where the predictions go (default: stdout)
                  --label COLUMN      the label column of a CSV, for a model that saved none
                  --ignore A,B        CSV columns to leave out, for a model that saved none
                """;
    }

    @Override
    public Set<String> valued() {
        return Set.of("model", "data", "out", "label", "ignore");
    }

    @Override
    public int run(Options o, PrintStream out, PrintStream err) throws IOException {
        o.noPositional(name());
        if (o.string("model") == null || o.string("data") == null) {
            throw new Options.UsageException("predict needs --model FILE and --data PATH");
        }
        ModelFile.Model model = ModelFile.load(Path.of(o.string("model")));
        Path dataPath = Path.of(o.string("data"));
        ModelData.Rows rows = ModelData.rows(dataPath, model, o.string("label"),
                o.words("ignore") == null ? List.of() : o.words("ignore"), false);
        double[][] probabilities = probabilities(model, rows);
        String csv = Predictions.csv(model, rows, probabilities);
        if (o.string("out") == null) {
            out.print(csv);
        } else {
            AtomicFiles.writeString(Path.of(o.string("out")), csv);
        }
        err.printf(Locale.ROOT, "predict: %,d row%s of %s%s%n", rows.size(), rows.size() == 1 ? "" : "s", rows.source(),
                o.string("out") == null ? "" : "; predictions in " + o.string("out"));
        return 0;
    }

    /**
     * The model's probabilities (outputs, for a regression) for the rows, after its input transform, a
     * thousand rows at a time so that memory stays bounded.
     */
    static double[][] probabilities(ModelFile.Model model, ModelData.Rows rows) {
        int inputs = model.network().inputSize();
        if (rows.x()[0].length != inputs) {
            throw new IllegalArgumentException(rows.source() + ": " + rows.x()[0].length + " values per row, but "
                    + "the model takes " + inputs + " inputs");
        }
        double[][] p = new double[rows.size()][];
        for (int from = 0; from < p.length; from += CHUNK) {
            int size = Math.min(CHUNK, p.length - from);
            double[][] chunk = new double[size][];
            System.arraycopy(rows.x(), from, chunk, 0, size);
            Dataset raw = new Dataset(chunk, new double[size][1]);
            double[][] out = model.network().probabilities(model.transform().apply(raw).x());
            System.arraycopy(out, 0, p, from, size);
        }
        return p;
    }

    private static final int CHUNK = 1000;
}
