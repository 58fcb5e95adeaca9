package backprop.cli;

import backprop.data.Dataset;
import backprop.experiments.Experiment;
import backprop.experiments.ExperimentSettings;
import backprop.experiments.Experiments;
import backprop.experiments.Result;
import backprop.io.Json;
import backprop.io.ModelFile;
import backprop.network.GradientCheck;
import backprop.network.Network;
import backprop.random.SplitMix64;
import backprop.training.EpochListener;
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
 * {@code gradcheck [EXPERIMENT]} or {@code gradcheck --model FILE.json --data PATH}: every parameter's
 * gradient against numeric derivatives, entry by entry (a sample of each parameter) and along random
 * directions (every entry at once). Figures first, then the verdict at the threshold.
 */
final class GradcheckCommand implements Command {

    private static final int DEFAULT_ENTRIES = 200;
    private static final int DEFAULT_DIRECTIONS = 8;
    private static final int DEFAULT_BATCH = 4;

    @Override
    public String name() {
        return "gradcheck";
    }

    @Override
    public String usage() {
        return """
                  gradcheck [EXPERIMENT] [--entries N (per parameter, default 200; 0: none)]
                      [--directional K (random directions, default 8; 0: none)] [--threshold X (default 1e-7)]
                      [--seed S] [--json]
                  gradcheck --model FILE.json --data PATH [--label COLUMN] [--ignore A,B] [--batch N (default 4)]
                      [--entries N] [--directional K] [--threshold X] [--seed S] [--json]
                """;
    }

    @Override
    public Set<String> valued() {
        return Set.of("entries", "directional", "seed", "threshold", "model", "data", "label", "ignore", "batch");
    }

    @Override
    public Set<String> flags() {
        return Set.of("json");
    }

    /** What to check and how: read and validated before any work starts. */
    private record Settings(int entries, int directions, double threshold, long seed, int batch) {
    }

    /** One network on one batch, with the words that say where they come from. */
    private record Target(String title, Network network, double[][] x, double[][] y, Map<String, Object> about) {
    }

    @Override
    public int run(Options o, PrintStream out, PrintStream err) throws IOException {
        Settings s;
        try {
            s = settings(o);
        } catch (Options.UsageException e) {
            err.println("backprop: " + e.getMessage());      // one line: the option and what it should be
            return 2;
        }
        List<Target> targets = o.string("model") != null ? List.of(savedModel(o, s)) : experiments(o, err);
        boolean json = o.flag("json");
        boolean allPassed = true;
        List<Object> checks = new ArrayList<>();
        for (Target t : targets) {
            GradientCheck.Report entries = null;
            GradientCheck.Report directions = null;
            if (s.entries() > 0) {
                long start = System.nanoTime();
                entries = GradientCheck.network(t.network(), t.x(), t.y(), s.threshold(), s.entries(),
                        new SplitMix64(s.seed()));
                err.printf(Locale.ROOT, "%s: per-entry check %.1f s%n", t.about().get("name"),
                        (System.nanoTime() - start) / 1e9);
            }
            if (s.directions() > 0) {
                long start = System.nanoTime();
                directions = GradientCheck.directional(t.network(), t.x(), t.y(), s.threshold(), s.directions(),
                        new SplitMix64(s.seed()));
                err.printf(Locale.ROOT, "%s: directional check (%d directions over %,d parameters) %.1f s%n",
                        t.about().get("name"), s.directions(), t.network().parameterCount(),
                        (System.nanoTime() - start) / 1e9);
            }
            boolean passed = (entries == null || entries.passed()) && (directions == null || directions.passed());
            allPassed &= passed;
            if (json) {
                Map<String, Object> check = new LinkedHashMap<>(t.about());
                check.put("entries", entries == null ? null : entries.toMap());
                check.put("directional", directions == null ? null : directions.toMap());
                check.put("passed", passed);
                checks.add(check);
            } else {
                print(out, t, s, entries, directions);
            }
        }
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("threshold", s.threshold());
            result.put("seed", s.seed());
            result.put("checks", checks);
            result.put("passed", allPassed);
            out.println(Json.write(result));
        } else {
            out.println(allPassed ? "every gradient passed" : "SOME GRADIENTS FAILED");
        }
        return allPassed ? 0 : 1;
    }

    private static void print(PrintStream out, Target t, Settings s, GradientCheck.Report entries,
            GradientCheck.Report directions) {
        out.println(t.title());
        if (entries != null) {
            out.printf(Locale.ROOT, "per entry: up to %d entries of each parameter and of the input (seed %d)%n",
                    s.entries(), s.seed());
            out.print(entries.figures());
        }
        if (directions != null) {
            out.printf(Locale.ROOT, "directional: %d random directions over each parameter, the input, and all "
                    + "parameters at once (seed %d)%n", s.directions(), s.seed());
            out.print(directions.figures());
        }
        if (entries != null) {
            out.print("per entry, " + entries.verdict());
        }
        if (directions != null) {
            out.print("directional, " + directions.verdict());
        }
        out.println();
    }

    private static Settings settings(Options o) {
        int entries = o.integer("entries") == null ? DEFAULT_ENTRIES : o.integer("entries");
        if (entries < 0) {
            throw new Options.UsageException("--entries " + entries + ": expected 0 (none) or more entries per parameter");
        }
        int directions = o.integer("directional") == null ? DEFAULT_DIRECTIONS : o.integer("directional");
        if (directions < 0) {
            throw new Options.UsageException("--directional " + directions + ": expected 0 (none) or more directions");
        }
        if (entries == 0 && directions == 0) {
            throw new Options.UsageException("--entries 0 and --directional 0 leave nothing to check");
        }
        double threshold = o.number("threshold") == null ? GradientCheck.LARGE_NETWORK_THRESHOLD : o.number("threshold");
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new Options.UsageException("--threshold " + o.string("threshold")
                    + ": expected a positive relative error such as 1e-7");
        }
        long seed = o.longValue("seed") == null ? 1 : o.longValue("seed");
        int batch = o.integer("batch") == null ? DEFAULT_BATCH : o.integer("batch");
        if (batch < 1) {
            throw new Options.UsageException("--batch " + batch + ": expected 1 or more samples");
        }
        return new Settings(entries, directions, threshold, seed, batch);
    }

    /** A saved model on {@code --batch} rows of the user's data, drawn with the seed. */
    private static Target savedModel(Options o, Settings s) throws IOException {
        o.noPositional("gradcheck --model");
        if (o.string("data") == null) {
            throw new Options.UsageException("gradcheck --model needs --data PATH: the samples to check it on");
        }
        Path modelPath = Path.of(o.string("model"));
        ModelFile.Model model = ModelFile.load(modelPath);
        Network net = model.network();
        Path dataPath = Path.of(o.string("data"));
        Dataset data = model.transform().apply(ModelData.read(dataPath, model, o.string("label"),
                o.words("ignore") == null ? List.of() : o.words("ignore")));
        if (data.features() != net.inputSize()) {
            throw new IllegalArgumentException(dataPath + ": " + data.features() + " features per sample but the model "
                    + "takes " + net.inputSize());
        }
        int n = Math.min(s.batch(), data.size());
        int[] rows = Arrays.copyOf(new SplitMix64(s.seed()).permutation(data.size()), n);
        Arrays.sort(rows);
        Dataset batch = data.rows(rows);
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("name", modelPath.toString());
        about.put("model", modelPath.toString());
        about.put("data", dataPath.toString());
        about.put("network", net.describe());
        about.put("samples", n);
        about.put("rows", Arrays.stream(rows).boxed().toList());
        String title = String.format(Locale.ROOT, "%s: %s, %d of the %d samples of %s (rows %s)", modelPath,
                net.describe(), n, data.size(), dataPath, shortList(rows));
        return new Target(title, net, batch.x(), batch.y(), about);
    }

    /** The named experiment, or every experiment whose data is at hand, after one epoch of training. */
    private static List<Target> experiments(Options o, PrintStream err) throws IOException {
        for (String modelOnly : List.of("data", "label", "ignore", "batch")) {
            if (o.string(modelOnly) != null) {
                throw new Options.UsageException("--" + modelOnly + " goes with --model; an experiment is checked on "
                        + "its own sample rows");
            }
        }
        List<Experiment> chosen = new ArrayList<>();
        if (o.positional().isEmpty()) {
            for (Experiment e : Experiments.all()) {
                if (e.defaultData() == null || Files.exists(e.defaultData())) {
                    chosen.add(e);
                }
            }
        } else if (o.positional().size() == 1) {
            chosen.add(Options.experiment(o.positional().get(0)));
        } else {
            throw new Options.UsageException("gradcheck takes at most one experiment name");
        }
        List<Target> targets = new ArrayList<>();
        for (Experiment e : chosen) {
            ExperimentSettings settings = (e.tour() == null ? e.defaults() : e.tour()).withEpochs(1);
            err.printf(Locale.ROOT, "%s: one epoch of training%n", e.name());
            Result r = e.run(settings, EpochListener.SILENT);
            Map<String, Object> about = new LinkedHashMap<>();
            about.put("name", e.name());
            about.put("experiment", e.name());
            about.put("document", e.document());
            about.put("network", r.network().describe());
            about.put("samples", r.sample().size());
            String title = String.format(Locale.ROOT, "%s (document %s): %s, %d samples, after one epoch", e.name(),
                    e.document(), r.network().describe(), r.sample().size());
            targets.add(new Target(title, r.network(), r.sample().x(), r.sample().y(), about));
        }
        return targets;
    }

    private static String shortList(int[] rows) {
        if (rows.length <= 8) {
            return Arrays.toString(rows);
        }
        return Arrays.toString(Arrays.copyOf(rows, 8)).replace("]", ", …]");
    }
}
