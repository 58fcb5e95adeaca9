package backprop.cli;

import backprop.data.FileErrors;
import backprop.experiments.Experiment;
import backprop.experiments.ExperimentSettings;
import backprop.experiments.Result;
import backprop.experiments.TrainingChoices;
import backprop.io.Json;
import backprop.io.ModelFile;
import backprop.report.HtmlReport;
import backprop.report.Plots;
import backprop.report.ResultReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** {@code train EXPERIMENT}: one experiment with the document's settings, any of them overridden. */
final class TrainCommand implements Command {

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String usage() {
        return """
                  train EXPERIMENT        train one experiment ('train --help' for every option)
                      [--data PATH] [--epochs N (0: untrained)] [--batch N|full] [--lr X] [--hidden 200,80]
                      [--seed S] [--optimizer sgd|momentum|adam] [--init he|xavier|normal:S|uniform:A|zeros]
                      [--l2 X] [--scale X|1/255] [--standardize] [--validation F] [--patience N] [--shift N]
                      [--halve-every N]
                      [--label COLUMN] [--ignore A,B] [--threads N]
                      [--out DIR (plots; default target/reports)] [--save FILE.json]
                      [--save-last FILE.json (the last epoch's weights, where --save keeps the best)] [--json]
                """;
    }

    @Override
    public String help() {
        return """
                usage: java -jar target/backprop.jar train EXPERIMENT [options]

                Trains one experiment ('list' shows them) with its document's settings; each option replaces
                one of them. Progress goes to stderr, results to stdout, plots to --out.

                the document's settings:
                  --data PATH         the data: an IDX folder, an image folder, a CSV file (default: the
                                      experiment's own, found from any working directory)
                  --epochs N          passes over the training data (full-batch runs: steps); 0 trains
                                      nothing (with --save: the untrained network, for a port to check)
                  --batch N|full      samples per step, 1 or more, or 'full' for the whole training set
                  --lr X              learning rate, greater than 0
                  --hidden 200,80     hidden-layer widths, input to output ('none' for no hidden layer)
                  --seed S            seeds the initial weights, the shuffles and the splits
                  --label COLUMN      csv: the label column (kept in the saved model)
                  --ignore A,B        csv: columns to leave out, such as ids or text (kept in the saved model)
                beyond the document (each named in the run's notes):
                  --optimizer NAME    sgd, momentum (μ 0.9) or adam (β₁ 0.9, β₂ 0.999, ε 1e-8)
                  --init NAME         the weights' initialiser: he, xavier, normal:SIGMA, uniform:A or zeros;
                                      the biases then start at zero
                  --l2 X              λ of the L2 penalty on the weights, 0 or more
                  --scale X           multiply every raw input by X (a number or a fraction: 1/255); replaces
                                      the experiment's own treatment of its inputs (saved with the model)
                  --standardize       standardise every feature with the training part's mean and deviation
                                      (after --scale); replaces the experiment's own treatment of its inputs
                  --validation F      hold out the fraction F (0 < F < 1) of the training part, stratified,
                                      as a validation set; the epoch best on it is kept
                  --patience N        stop after N epochs without improvement (on the validation set if
                                      there is one); the best epoch is kept
                  --halve-every N     halve the learning rate after every N epochs
                  --shift N           image experiments: shift every training image by up to N pixels each
                                      way (0 to %d), drawn afresh per image and epoch from the run's seed
                running and output:
                  --threads N         threads for the products, 1 to the number of processors
                  --out DIR           where the plots go (default target/reports)
                  --save FILE.json    save the trained model (JSON, and one .npy file per parameter in the
                                      folder the JSON names); a run that keeps its best epoch saves that one
                  --save-last FILE    also save the last epoch's weights
                  --json              print the result as one JSON object instead of text

                Options an experiment cannot use are refused (xor makes its own data: no --data).
                """.formatted(TrainingChoices.MAX_SHIFT);
    }

    @Override
    public Set<String> valued() {
        return Set.of("data", "epochs", "batch", "lr", "hidden", "seed", "out", "save", "save-last", "label", "ignore",
                "threads", "optimizer", "init", "l2", "scale", "validation", "patience", "shift", "halve-every");
    }

    @Override
    public Set<String> flags() {
        return Set.of("json", "standardize");
    }

    @Override
    public int run(Options o, PrintStream out, PrintStream err) throws IOException {
        if (o.positional().size() != 1) {
            throw new Options.UsageException("train needs one experiment name; 'list' shows them");
        }
        Experiment experiment = Options.experiment(o.positional().get(0));
        if (o.string("save") != null && o.string("save-last") != null
                && Path.of(o.string("save")).toAbsolutePath().normalize()
                .equals(Path.of(o.string("save-last")).toAbsolutePath().normalize())) {
            throw new Options.UsageException("--save and --save-last name the same file, " + o.string("save")
                    + "; give the last epoch a file of its own");
        }
        for (String option : List.of("save", "save-last")) {
            if (o.string(option) != null && !o.string(option).endsWith(".json")) {
                throw new Options.UsageException("--" + option + " " + o.string(option) + ": a model file's name ends "
                        + "in .json");
            }
        }
        ExperimentSettings s = settings(experiment, o);
        o.applyThreads();
        // where the run will write, checked now: a run must not train for an hour and then fail to save
        writableFolder(Path.of(o.string("out") == null ? "target/reports" : o.string("out")));
        for (String option : List.of("save", "save-last")) {
            if (o.string(option) != null) {
                writableFolder(Path.of(o.string(option)).toAbsolutePath().getParent());
            }
        }
        String label = experiment.name() + (s.data() == null ? "" : " on " + s.data().getFileName());
        try (Progress progress = new Progress(err, label, s.epochs()); CtrlC ctrlC = new CtrlC(progress)) {
            LastEpoch last = o.string("save-last") == null ? null : new LastEpoch(ctrlC);
            Result r = experiment.run(s, last == null ? ctrlC : last);
            progress.close();
            Experiment shown = experiment.asRun(r.experiment());
            boolean nothingRun = r.history().epochs().isEmpty();
            List<Path> saved = new ArrayList<>();       // the model first: nothing after it can lose it
            if (o.string("save") != null && !(ctrlC.signalled() && nothingRun)) {
                saved.addAll(ModelFile.save(r.model(), Path.of(o.string("save")), ModelFile.Exports.JSON_AND_NPY));
            }
            if (last != null && !(ctrlC.signalled() && nothingRun)) {
                saved.addAll(ModelFile.save(new ModelFile.Model(last.network(), r.classNames(), r.transform(),
                        r.model().csv()), Path.of(o.string("save-last")), ModelFile.Exports.JSON_AND_NPY));
            }
            Path outDir = Path.of(o.string("out") == null ? "target/reports" : o.string("out"));
            List<Path> plots = new ArrayList<>();
            if (!nothingRun) {
                plots.addAll(Plots.write(r, outDir));
                plots.add(HtmlReport.write(shown, r, outDir));
            }
            if (o.flag("json")) {
                out.println(Json.write(ResultReport.json(shown, r, plots, saved)));
            } else {
                out.print(ResultReport.text(shown, r, plots, saved));
            }
            if (ctrlC.signalled()) {
                err.println(nothingRun ? "backprop: interrupted before the first epoch ended; nothing was kept"
                        : "backprop: interrupted (" + r.history().stopReason() + "); kept the history of "
                        + r.history().epochs().size() + " epoch" + (r.history().epochs().size() == 1 ? "" : "s")
                        + ", " + plots.size() + " files of plots and pages in " + outDir
                        + (saved.isEmpty() ? "" : ", and the model in " + saved.get(0)));
            }
            out.flush();
            err.flush();
        }
        return 0;
    }

    /**
     * The experiment's defaults with every option given on the command line in their place; an option the
     * experiment cannot use, or a value out of range, is a usage error.
     */
    static ExperimentSettings settings(Experiment e, Options o) {
        refuseUnused(e, o);
        ExperimentSettings s;
        try {
            s = read(e, o);
        } catch (IllegalArgumentException ex) {
            throw new Options.UsageException(ex.getMessage());
        }
        if (e.options().contains("label") && s.label() == null) {
            throw new Options.UsageException(e.name() + " needs the label column: --label COLUMN");
        }
        return s;
    }

    private static ExperimentSettings read(Experiment e, Options o) {
        ExperimentSettings s = e.defaults();
        if (o.integer("epochs") != null) {
            s = s.withEpochs(o.integer("epochs"));
        }
        if (o.string("batch") != null) {
            s = s.withBatchSize(o.string("batch").strip().equals("full") ? 0 : o.integer("batch"));
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
            s = s.withLabel(o.string("label") != null ? o.string("label").strip() : s.label(),
                    o.words("ignore") != null ? o.words("ignore") : s.ignore());
        }
        TrainingChoices c = s.choices();
        if (o.string("optimizer") != null) {
            c = c.withOptimizer(o.string("optimizer").strip());
        }
        if (o.string("init") != null) {
            c = c.withWeights(o.string("init").strip());
        }
        if (o.number("l2") != null) {
            c = c.withL2(o.number("l2"));
        }
        if (o.number("scale") != null || o.flag("standardize")) {
            if (o.flag("standardize") && o.integer("shift") != null && o.integer("shift") > 0) {
                throw new Options.UsageException("--shift moves pixels, so every pixel must be treated alike: use "
                        + "--scale, not --standardize, with it");
            }
            c = c.withInputs(o.number("scale"), o.flag("standardize"));
        }
        if (o.number("validation") != null) {
            c = c.withValidation(o.number("validation"));
        }
        if (o.integer("patience") != null) {
            c = c.withPatience(o.integer("patience"));
        }
        if (o.integer("shift") != null) {
            c = c.withShift(o.integer("shift"));
        }
        if (o.integer("halve-every") != null) {
            c = c.withHalveEvery(o.integer("halve-every"));
        }
        return s.withChoices(c);
    }

    /** Refuses every setting the experiment has no use for, saying why and what it can use. */
    private static void refuseUnused(Experiment e, Options o) {
        for (String option : o.given()) {
            if (!Experiment.SETTINGS.contains(option) || e.options().contains(option)) {
                continue;
            }
            String why = switch (option) {
                case "data", "scale", "standardize" -> e.defaultData() == null ? "its data is made up on the spot"
                        : "";
                case "label", "ignore" -> "only csv reads the columns of a CSV";
                case "shift" -> "only the experiments that read images shift them";
                case "batch" -> "it trains on whole tables";
                case "hidden" -> "its network has no hidden layer";
                case "validation" -> "its data is too small to hold any of it out";
                default -> "";
            };
            throw new Options.UsageException(e.name() + " cannot use --" + option + (why.isEmpty() ? "" : " (" + why
                    + ")") + "; it takes " + String.join(" ", new TreeSet<>(e.options()).stream()
                            .map(n -> "--" + n).toList()));
        }
    }

    /** Creates {@code folder} if needed and checks that a file can be made in it; the reason if not. */
    static void writableFolder(Path folder) throws IOException {
        try {
            Files.createDirectories(folder);
            Path probe = Files.createTempFile(folder, ".backprop-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw FileErrors.cannotWrite(folder, e);
        }
    }
}
