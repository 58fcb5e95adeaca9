package backprop.cli;

import backprop.experiments.Experiment;
import backprop.experiments.ExperimentSettings;
import backprop.experiments.Result;
import backprop.io.Json;
import backprop.io.ModelFile;
import backprop.report.HtmlReport;
import backprop.report.Plots;
import backprop.report.ResultReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code train EXPERIMENT}: one experiment with the document's settings, any of them overridden. */
final class TrainCommand implements Command {

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String usage() {
        return """
                  train EXPERIMENT        train one experiment
                      [--data PATH] [--epochs N (0: untrained)] [--batch N (0: full batch)] [--lr X]
                      [--hidden 200,80] [--seed S] [--label COLUMN] [--ignore A,B] [--threads N]
                      [--out DIR (plots; default target/reports)] [--save FILE.json]
                      [--save-last FILE.json (the last epoch's weights, where --save keeps the best)] [--json]
                """;
    }

    @Override
    public Set<String> valued() {
        return Set.of("data", "epochs", "batch", "lr", "hidden", "seed", "out", "save", "save-last", "label", "ignore",
                "threads");
    }

    @Override
    public Set<String> flags() {
        return Set.of("json");
    }

    @Override
    public int run(Options o, PrintStream out, PrintStream err) throws IOException {
        if (o.positional().size() != 1) {
            throw new Options.UsageException("train needs one experiment name; 'list' shows them");
        }
        Experiment experiment = Options.experiment(o.positional().get(0));
        o.applyThreads();
        ExperimentSettings s = settings(experiment, o);
        Result r;
        LastEpoch last;
        try (Progress progress = new Progress(err, experiment.name(), s.epochs())) {
            last = o.string("save-last") == null ? null : new LastEpoch(progress);
            r = experiment.run(s, last == null ? progress : last);
        }
        Path outDir = Path.of(o.string("out") == null ? "target/reports" : o.string("out"));
        List<Path> plots = new ArrayList<>();
        if (!r.history().epochs().isEmpty()) {
            plots.addAll(Plots.write(r, outDir));
            plots.add(HtmlReport.write(experiment, r, outDir));
        }
        List<Path> saved = new ArrayList<>();
        if (o.string("save") != null) {
            saved.addAll(ModelFile.save(new ModelFile.Model(r.network(), r.classNames(), r.transform(), null),
                    Path.of(o.string("save")), ModelFile.Exports.JSON_AND_NPY));
        }
        if (last != null) {
            saved.addAll(ModelFile.save(new ModelFile.Model(last.network(), r.classNames(), r.transform(), null),
                    Path.of(o.string("save-last")), ModelFile.Exports.JSON_AND_NPY));
        }
        if (o.flag("json")) {
            out.println(Json.write(ResultReport.json(experiment, r, plots, saved)));
        } else {
            out.print(ResultReport.text(experiment, r, plots, saved));
        }
        return 0;
    }

    /** The experiment's defaults with every option given on the command line in their place. */
    static ExperimentSettings settings(Experiment e, Options o) {
        ExperimentSettings s = e.defaults();
        if (o.integer("epochs") != null) {
            s = s.withEpochs(o.integer("epochs"));
        }
        if (o.integer("batch") != null) {
            s = s.withBatchSize(o.integer("batch"));
        }
        if (o.number("lr") != null) {
            s = s.withLearningRate(o.number("lr"));
        }
        if (o.integers("hidden") != null) {
            s = s.withHidden(o.integers("hidden"));
        }
        if (o.longValue("seed") != null) {
            s = s.withSeed(o.longValue("seed"));
        }
        if (o.string("data") != null) {
            s = s.withData(Path.of(o.string("data")));
        }
        if (o.string("label") != null || o.words("ignore") != null) {
            s = s.withLabel(o.string("label") != null ? o.string("label") : s.label(),
                    o.words("ignore") != null ? o.words("ignore") : s.ignore());
        }
        return s;
    }
}
