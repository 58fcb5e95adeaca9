package backprop.cli;

import backprop.layers.Computation;
import backprop.vectors.VectorComparison;
import backprop.vectors.Vectors;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code vectors --out DIR}: writes the porting vectors (NOTES.md, "Porting"); {@code vectors --check DIR}
 * computes them again and compares them with the files in DIR at the files' own tolerances.
 */
final class VectorsCommand implements Command {

    @Override
    public String name() {
        return "vectors";
    }

    @Override
    public String usage() {
        return """
                  vectors --out DIR       write the porting vectors (JSON) into DIR, e.g. testdata/vectors;
                                          reads the repository's testdata/, found from any working directory
                  vectors --check DIR     compute them again and compare with DIR's at their tolerances
                """;
    }

    @Override
    public Set<String> valued() {
        return Set.of("out", "check");
    }

    @Override
    public int run(Options o, PrintStream out, PrintStream err) throws IOException {
        o.noPositional(name());
        String target = o.string("out");
        String check = o.string("check");
        if ((target == null) == (check == null)) {
            throw new Options.UsageException("vectors needs either --out DIR or --check DIR");
        }
        if (target != null) {
            for (Path p : Vectors.write(Path.of(target))) {
                out.printf("wrote %s (%,d bytes)%n", p, Files.size(p));
            }
            return 0;
        }
        Path folder = Path.of(check);
        Map<String, Map<String, Object>> now = Vectors.generate(Computation.PLAIN);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> f : now.entrySet()) {
            Path file = folder.resolve(f.getKey());
            if (!Files.isRegularFile(file)) {
                problems.add(file + ": missing");
                continue;
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<String> d = VectorComparison.differences(f.getKey(), text, Vectors.text(f.getValue()), 1.0);
            out.printf("%s: %s%n", file, d.isEmpty() ? "agrees"
                    : d.size() == 1 ? "1 difference" : d.size() + " differences");
            problems.addAll(d);
        }
        if (!problems.isEmpty()) {
            err.println("vectors: 'expected' is what the files in " + folder + " say, 'got' what the code computes:");
        }
        for (String p : problems) {
            err.println("  " + p);
        }
        if (!problems.isEmpty()) {
            err.println("vectors: " + folder + " differs from what the code computes now; to refresh it run "
                    + "'java -jar target/backprop.jar vectors --out " + folder + "'");
            return 1;
        }
        return 0;
    }
}
