package backprop.cli;

import backprop.experiments.Experiment;
import backprop.experiments.Experiments;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** {@code list}: the experiments, their documents and default data. */
final class ListCommand implements Command {

    @Override
    public String name() {
        return "list";
    }

    @Override
    public String usage() {
        return "  list                    the experiments, their documents and default data\n";
    }

    @Override
    public Set<String> valued() {
        return Set.of();
    }

    @Override
    public int run(Options o, PrintStream out, PrintStream err) {
        o.noPositional(name());
        out.printf(Locale.ROOT, "%-14s %-4s %-34s %s%n", "experiment", "doc", "default data", "network");
        for (Experiment e : Experiments.all()) {
            Path data = e.defaultData();
            String where = data == null ? "(made up)" : data + (Files.exists(data) ? "" : " (missing)");
            out.printf(Locale.ROOT, "%-14s %-4s %-34s %s%n", e.name(), e.document(), where, e.description());
        }
        return 0;
    }
}
