package backprop.cli;

import backprop.experiments.Experiment;
import backprop.experiments.Experiments;
import backprop.report.TextTable;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        List<String[]> rows = new ArrayList<>();
        for (Experiment e : Experiments.all()) {
            Path data = e.defaultData();
            String where = data == null ? "(made up)" : data + (Files.exists(data) ? "" : " (missing)");
            rows.add(new String[] {e.name(), e.document(), where, e.description()});
        }
        out.print(TextTable.of(List.of("experiment", "doc", "default data", "network"), rows));
        return 0;
    }
}
