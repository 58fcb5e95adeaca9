package backprop.cli;

import backprop.documents.Errata;
import backprop.experiments.DefaultData;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code errata}: every defect of the five documents, the switch that turns it on in the transcriptions
 * ({@code backprop.documents}), what the library does instead, and its effect measured on the documents'
 * networks and data.
 */
final class ErrataCommand implements Command {

    @Override
    public String name() {
        return "errata";
    }

    @Override
    public String usage() {
        return "  errata [--data DIR (default testdata)]\n"
                + "                          every defect of the documents, measured (a few seconds)\n";
    }

    @Override
    public Set<String> valued() {
        return Set.of("data");
    }

    @Override
    public int run(Options o, PrintStream out, PrintStream err) throws IOException {
        o.noPositional(name());
        Path data = o.string("data") == null ? DefaultData.locate("testdata") : Path.of(o.string("data"));
        if (!Files.isDirectory(data)) {
            throw new IllegalArgumentException(data + ": no such folder; errata reads mnist/, iris/Iris.csv and "
                    + "images/ from the project's testdata folder, looked for in "
                    + (o.string("data") == null ? DefaultData.candidates("testdata") : List.of(data))
                    + "; give it with --data");
        }
        Errata errata = Errata.measure(data);
        out.print(Errata.table(errata.rows()));
        return 0;
    }
}
