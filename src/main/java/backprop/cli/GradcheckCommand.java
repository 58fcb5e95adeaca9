package backprop.cli;

import backprop.experiments.Experiment;
import backprop.experiments.ExperimentSettings;
import backprop.experiments.Experiments;
import backprop.experiments.Result;
import backprop.network.GradientCheck;
import backprop.random.SplitMix64;
import backprop.training.EpochListener;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** {@code gradcheck [EXPERIMENT]}: one epoch of training, then every parameter's gradient checked. */
final class GradcheckCommand implements Command {

    @Override
    public String name() {
        return "gradcheck";
    }

    @Override
    public String usage() {
        return """
                  gradcheck [EXPERIMENT] [--entries N (per parameter, default 200)] [--threshold X (default 1e-5)]
                      [--seed S]
                """;
    }

    @Override
    public Set<String> valued() {
        return Set.of("entries", "seed", "threshold");
    }

    @Override
    public int run(Options o, PrintStream out, PrintStream err) throws IOException {
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
        int entries = o.integer("entries") == null ? 200 : o.integer("entries");
        long seed = o.longValue("seed") == null ? 1 : o.longValue("seed");
        double threshold = o.number("threshold") == null ? GradientCheck.LARGE_NETWORK_THRESHOLD
                : o.number("threshold");
        boolean allPassed = true;
        for (Experiment e : chosen) {
            ExperimentSettings s = (e.tour() == null ? e.defaults() : e.tour()).withEpochs(1);
            Result r = e.run(s, EpochListener.SILENT);
            GradientCheck.Report report = GradientCheck.network(r.network(), r.sample().x(), r.sample().y(), threshold,
                    entries, new SplitMix64(seed));
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
