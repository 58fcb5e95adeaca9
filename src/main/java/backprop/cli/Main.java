package backprop.cli;

import backprop.experiments.Experiment;
import backprop.experiments.ExperimentSettings;
import backprop.experiments.Experiments;
import backprop.experiments.Result;
import backprop.matrix.RowPool;
import backprop.matrix.SplitMix64;
import backprop.network.GradientCheck;
import backprop.training.ClassificationReport;
import backprop.training.EpochListener;
import backprop.training.EpochRecord;
import backprop.training.TrainingDivergedException;
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

/**
 * The command line: {@code java -jar target/backprop.jar <command>}. With no command it runs the tour.
 * Exit codes: 0 done, 1 a failed check or a run that could not finish, 2 a command line it cannot read.
 */
public final class Main {

    static final String USAGE = """
            usage: java -jar target/backprop.jar [command]

              (no command)            the tour: every experiment with data in testdata/, short settings, one table
              list                    the experiments, their documents and default data
              train EXPERIMENT        train one experiment
                  [--data PATH] [--epochs N] [--batch N (0: full batch)] [--lr X] [--hidden 200,80]
                  [--seed S] [--label COLUMN] [--ignore A,B] [--threads N]
                  [--out DIR (plots; default target/reports)] [--save FILE.json] [--json]
              evaluate --model FILE.json --data PATH [--label COLUMN] [--ignore A,B] [--json]
              gradcheck [EXPERIMENT] [--entries N (per parameter, default 200)] [--threshold X (default 1e-5)]
                  [--seed S]
              bench [--data DIR] [--epochs N] [--threads N] [--json]
              help                    this text
            """;

    private static final Set<String> TRAIN_VALUED = Set.of("data", "epochs", "batch", "lr", "hidden", "seed", "out",
            "save", "label", "ignore", "threads");

    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        int code = new Main(System.out, System.err).run(args);
        System.out.flush();
        System.exit(code);
    }

    /** Runs one command; returns the exit code. */
    int run(String[] args) {
        List<String> words = Arrays.asList(args);
        String command = words.isEmpty() ? "tour" : words.get(0);
        List<String> rest = words.isEmpty() ? List.of() : words.subList(1, words.size());
        try {
            return switch (command) {
                case "tour" -> tour(Options.parse(rest, Set.of("threads"), Set.of()));
                case "list" -> list(Options.parse(rest, Set.of(), Set.of()));
                case "train" -> train(Options.parse(rest, TRAIN_VALUED, Set.of("json")));
                case "evaluate" -> Evaluate.run(Options.parse(rest, Set.of("model", "data", "label", "ignore"),
                        Set.of("json")), out);
                case "gradcheck" -> gradcheck(Options.parse(rest, Set.of("entries", "seed", "threshold"), Set.of()));
                case "bench" -> Bench.run(Options.parse(rest, Set.of("data", "epochs", "threads"), Set.of("json")),
                        out, err);
                case "help", "--help", "-h" -> {
                    out.print(USAGE);
                    yield 0;
                }
                default -> throw new Options.UsageException("unknown command '" + command + "'");
            };
        } catch (Options.UsageException e) {
            err.println("backprop: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (TrainingDivergedException e) {
            err.println("backprop: " + e.getMessage());
            return 1;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            err.println("backprop: " + e.getMessage());
            return 1;
        }
    }

    private static void threads(Options o) {
        Integer threads = o.integer("threads");
        if (threads != null) {
            if (threads < 1) {
                throw new Options.UsageException("--threads " + threads + ": expected 1 or more");
            }
            RowPool.setThreads(threads);
        }
    }

    // ------------------------------------------------------------------ list

    private int list(Options o) {
        if (!o.positional().isEmpty()) {
            throw new Options.UsageException("list takes no arguments");
        }
        out.printf(Locale.ROOT, "%-14s %-4s %-34s %s%n", "experiment", "doc", "default data", "network");
        for (Experiment e : Experiments.all()) {
            Path data = e.defaultData();
            String where = data == null ? "(made up)" : data + (Files.exists(data) ? "" : " (missing)");
            out.printf(Locale.ROOT, "%-14s %-4s %-34s %s%n", e.name(), e.document(), where, e.description());
        }
        return 0;
    }

    // ------------------------------------------------------------------ train

    private int train(Options o) throws IOException {
        if (o.positional().size() != 1) {
            throw new Options.UsageException("train needs one experiment name; 'list' shows them");
        }
        Experiment experiment = experiment(o.positional().get(0));
        threads(o);
        ExperimentSettings s = settings(experiment, o);
        boolean json = o.flag("json");
        Result r = experiment.run(s, new Progress(err, experiment.name(), s.epochs()));
        Path outDir = Path.of(o.string("out") == null ? "target/reports" : o.string("out"));
        List<Path> plots = Reports.write(r, outDir);
        List<Path> saved = new ArrayList<>();
        if (o.string("save") != null) {
            Path file = Path.of(o.string("save"));
            ModelFile.save(r.network(), r.classNames(), r.transform(), file);
            saved.add(file);
            saved.addAll(ModelFile.exportNpy(r.network(), file));
        }
        if (json) {
            out.println(Json.write(resultJson(experiment, r, plots, saved)));
        } else {
            printResult(experiment, r, plots, saved);
        }
        return 0;
    }

    private static Experiment experiment(String name) {
        Experiment e = Experiments.named(name);
        if (e == null) {
            throw new Options.UsageException("unknown experiment '" + name + "'; 'list' shows them");
        }
        return e;
    }

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

    private void printResult(Experiment e, Result r, List<Path> plots, List<Path> saved) {
        ExperimentSettings s = r.settings();
        out.printf(Locale.ROOT, "%s (document %s): %s%n", e.name(), e.document(), e.description());
        out.println("network:  " + r.network().describe());
        out.printf(Locale.ROOT, "settings: epochs %d, batch %s, lr %s, hidden %s, seed %d%s%n", s.epochs(),
                s.batchSize() == 0 ? "full" : String.valueOf(s.batchSize()), s.learningRate(), s.hiddenText(), s.seed(),
                s.data() == null ? "" : ", data " + s.data());
        for (String note : r.notes()) {
            out.println("note:     " + note);
        }
        EpochRecord best = r.history().best();
        out.printf(Locale.ROOT, "epochs:   %d run (%s), best %d; %.2f s in all%n", r.history().epochs().size(),
                r.history().stopReason(), best.epoch(), r.seconds());
        out.println("document: " + e.documentFigure());
        out.println("ours:     " + r.ourFigure());
        for (Map.Entry<String, Double> m : r.metrics().entrySet()) {
            out.printf(Locale.ROOT, "  %-22s %.6g%n", m.getKey(), m.getValue());
        }
        if (r.confusion() != null) {
            out.println("confusion matrix (test set):");
            out.print(r.confusion());
            out.print(ClassificationReport.of(r.confusion(),
                    r.classNames().size() == r.confusion().classes() ? r.classNames() : null));
        }
        for (Path p : plots) {
            out.println("plot:     " + p);
        }
        for (Path p : saved) {
            out.println("saved:    " + p);
        }
    }

    static Map<String, Object> resultJson(Experiment e, Result r, List<Path> plots, List<Path> saved) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("experiment", e.name());
        j.put("document", e.document());
        j.put("network", r.network().describe());
        ExperimentSettings s = r.settings();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("epochs", s.epochs());
        settings.put("batch", s.batchSize());
        settings.put("lr", s.learningRate());
        settings.put("hidden", s.hidden());
        settings.put("seed", s.seed());
        settings.put("data", s.data() == null ? null : s.data().toString());
        j.put("settings", settings);
        j.put("notes", r.notes());
        List<Object> history = new ArrayList<>();
        for (EpochRecord rec : r.history().epochs()) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("epoch", rec.epoch());
            h.put("train_loss", rec.trainLoss());
            h.put("train_accuracy", rec.trainAccuracy());
            h.put("validation_loss", rec.validationLoss());
            h.put("validation_accuracy", rec.validationAccuracy());
            h.put("learning_rate", rec.learningRate());
            h.put("seconds", rec.seconds());
            history.add(h);
        }
        j.put("history", history);
        j.put("best_epoch", r.history().bestEpoch());
        j.put("stop_reason", r.history().stopReason());
        j.put("metrics", r.metrics());
        j.put("document_figure", e.documentFigure());
        j.put("our_figure", r.ourFigure());
        j.put("plots", plots.stream().map(Path::toString).toList());
        j.put("saved", saved.stream().map(Path::toString).toList());
        j.put("seconds", r.seconds());
        return j;
    }

    // ------------------------------------------------------------------ tour

    private int tour(Options o) throws IOException {
        if (!o.positional().isEmpty()) {
            throw new Options.UsageException("unknown command '" + o.positional().get(0) + "'");
        }
        threads(o);
        List<String[]> rows = new ArrayList<>();
        long start = System.nanoTime();
        for (Experiment e : Experiments.all()) {
            Path data = e.defaultData();
            if (data != null && !Files.exists(data)) {
                err.println("tour: skipping " + e.name() + ", no data at " + data);
                continue;
            }
            ExperimentSettings s = e.tour();
            err.printf(Locale.ROOT, "tour: %s (document %s), %d epochs …%n", e.name(), e.document(), s.epochs());
            Result r = e.run(s, EpochListener.SILENT);
            Reports.write(r, Path.of("target/reports"));
            rows.add(new String[] {e.name(), e.document(), e.documentFigure(), r.ourFigure(),
                String.valueOf(r.history().epochs().size()), String.format(Locale.ROOT, "%.1f", r.seconds())});
        }
        out.println(table(List.of("experiment", "doc", "document's figure", "our figure", "epochs", "seconds"), rows));
        out.printf(Locale.ROOT, "%d experiments in %.1f s; plots in target/reports/. 'train EXPERIMENT' runs one with "
                + "the document's full settings.%n", rows.size(), (System.nanoTime() - start) / 1e9);
        return 0;
    }

    /** A plain-text table with columns as wide as their widest cell. */
    static String table(List<String> header, List<String[]> rows) {
        int[] width = new int[header.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = header.get(c).length();
            for (String[] row : rows) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder s = new StringBuilder();
        appendRow(s, header.toArray(new String[0]), width);
        String[] rule = new String[width.length];
        for (int c = 0; c < width.length; c++) {
            rule[c] = "-".repeat(width[c]);
        }
        appendRow(s, rule, width);
        for (String[] row : rows) {
            appendRow(s, row, width);
        }
        return s.toString();
    }

    private static void appendRow(StringBuilder s, String[] cells, int[] width) {
        for (int c = 0; c < cells.length; c++) {
            s.append(c == 0 ? "" : " | ").append(cells[c]);
            if (c < cells.length - 1) {
                s.append(" ".repeat(width[c] - cells[c].length()));
            }
        }
        s.append('\n');
    }

    // ------------------------------------------------------------------ gradcheck

    private int gradcheck(Options o) throws IOException {
        List<Experiment> chosen = new ArrayList<>();
        if (o.positional().isEmpty()) {
            for (Experiment e : Experiments.all()) {
                if (e.defaultData() == null || Files.exists(e.defaultData())) {
                    chosen.add(e);
                }
            }
        } else if (o.positional().size() == 1) {
            chosen.add(experiment(o.positional().get(0)));
        } else {
            throw new Options.UsageException("gradcheck takes at most one experiment name");
        }
        int entries = o.integer("entries") == null ? 200 : o.integer("entries");
        long seed = o.longValue("seed") == null ? 1 : o.longValue("seed");
        double threshold = o.number("threshold") == null ? GradientCheck.LARGE_NETWORK_THRESHOLD
                : o.number("threshold");
        boolean allPassed = true;
        for (Experiment e : chosen) {
            ExperimentSettings s = e.tour().withEpochs(1);
            Result r = e.run(s, EpochListener.SILENT);
            GradientCheck.Report report = GradientCheck.network(r.network(),
                    r.sample().x(), r.sample().y(), threshold, entries,
                    new SplitMix64(seed));
            out.printf(Locale.ROOT, "%s (document %s): %s, %d samples, after one epoch%n", e.name(), e.document(),
                    r.network().describe(), r.sample().size());
            out.print(report);
            out.println();
            allPassed &= report.passed();
        }
        out.println(allPassed ? "every gradient passed" : "SOME GRADIENTS FAILED");
        return allPassed ? 0 : 1;
    }
}
