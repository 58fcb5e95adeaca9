package backprop.cli;

import backprop.documents.Errata;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Path data = Path.of(o.string("data") == null ? "testdata" : o.string("data"));
        if (!Files.isDirectory(data)) {
            throw new IllegalArgumentException(data + ": no such folder; errata reads mnist/, iris/Iris.csv and "
                    + "images/ from the project's testdata folder (run it from the project's root, or give --data)");
        }
        Errata errata = Errata.measure(data);
        out.print(Errata.table(errata.rows()));
        return 0;
    }
}
