package backprop.cli;

import backprop.experiments.Experiment;
import backprop.experiments.ExperimentSettings;
import backprop.experiments.Experiments;
import backprop.experiments.Result;
import backprop.report.HtmlReport;
import backprop.report.Plots;
import backprop.report.TextTable;
import backprop.training.EpochListener;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The tour (no command): every experiment with data in {@code testdata/}, short settings, one table. */
final class TourCommand implements Command {

    @Override
    public String name() {
        return "tour";
    }

    @Override
    public String usage() {
        return "  (no command) [--threads N]  the tour: every experiment with data in testdata/, short settings, one "
                + "table\n";
    }

    @Override
    public String help() {
        return """
                usage: java -jar target/backprop.jar [--threads N]

                The tour: trains every experiment whose data is in testdata/ (found from any working
                directory) with short settings, writes their plots to target/reports/ and prints one table,
                the document's figure beside ours; after mnist, the same network trained beyond the document
                (Adam, He weights, pixels / 255, ±2-pixel shifts; plots in target/reports/mnist-beyond/).
                'train EXPERIMENT' runs one with the document's settings.

                  --threads N   threads for the products, 1 to the number of processors
                """;
    }

    @Override
    public Set<String> valued() {
        return Set.of("threads");
    }

    @Override
    public int run(Options o, PrintStream out, PrintStream err) throws IOException {
        if (!o.positional().isEmpty()) {
            throw new Options.UsageException("unknown command '" + o.positional().get(0) + "'");
        }
        o.applyThreads();
        List<String[]> rows = new ArrayList<>();
        long start = System.nanoTime();
        for (Experiment e : Experiments.all()) {
            Path data = e.defaultData();
            if (data != null && !Files.exists(data)) {
                err.println("tour: skipping " + e.name() + ", no data at " + data);
                continue;
            }
            ExperimentSettings s = e.tour() == null ? e.defaults() : e.tour();
            err.printf(Locale.ROOT, "tour: %s (document %s), %d epochs …%n", e.name(), e.document(), s.epochs());
            Result r = e.run(s, EpochListener.SILENT);
            Plots.write(r, Path.of("target/reports"));
            HtmlReport.write(e, r, Path.of("target/reports"));
            rows.add(new String[] {e.name(), e.document(), e.documentFigure(), r.ourFigure(),
                String.valueOf(r.history().epochs().size()), String.format(Locale.ROOT, "%.1f", r.seconds())});
            if (e.name().equals("mnist")) {
                ExperimentSettings beyond = Experiments.MNIST_BEYOND;
                err.printf(Locale.ROOT, "tour: mnist beyond the document (%s), %d epochs …%n",
                        Experiments.MNIST_BEYOND_COMMAND, beyond.epochs());
                Result b = e.run(beyond, EpochListener.SILENT);
                Plots.write(b, Path.of("target/reports/mnist-beyond"));
                HtmlReport.write(e, b, Path.of("target/reports/mnist-beyond"));
                rows.add(new String[] {"mnist beyond", e.document(), e.documentFigure(), b.ourFigure() + " (Adam, He, "
                    + "pixels/255, ±2-pixel shifts)", String.valueOf(b.history().epochs().size()),
                    String.format(Locale.ROOT, "%.1f", b.seconds())});
            }
        }
        out.println(TextTable.of(List.of("experiment", "doc", "document's figure", "our figure", "epochs", "seconds"),
                rows));
        out.printf(Locale.ROOT, "%d runs in %.1f s; plots in target/reports/. 'train EXPERIMENT' runs one with "
                + "the document's full settings.%n", rows.size(), (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
