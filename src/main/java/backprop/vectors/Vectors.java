package backprop.vectors;

import backprop.io.AtomicFiles;
import backprop.io.Json;
import backprop.layers.Computation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The porting vectors: JSON files that a port of this library in any language loads to check itself,
 * written by {@code java -jar target/backprop.jar vectors --out testdata/vectors}. They are computed with
 * the plain routines ({@link Computation#PLAIN}: the {@code Matrix} loops, not the fast products), from the
 * repository's {@code testdata/} (found from any working directory, as the experiments find their data). NOTES.md, chapter "Porting",
 * describes every file and how to compare against it.
 *
 * <ul>
 *   <li>{@code generator.json}: nextLong, nextDouble, nextGaussian, nextInt, shuffles and ln; bit-exact.
 *   <li>{@code initializers.json}: every initialiser on small matrices; bit-exact.
 *   <li>{@code layers.json}: every layer type, forward and backward, two or three inputs each.
 *   <li>{@code losses.json}: every loss type, value and gradient, two shapes each.
 *   <li>{@code networks.json}: every network of the documents (narrower): one batch and training traces.
 *   <li>{@code trainer.json}: the trainer itself on synthetic data: shuffles, mini-batches, scoring,
 *       validation, the best epoch kept, early stopping, schedules and clipping; two runs bit for bit.
 *   <li>{@code datasets.json}: every row of data the experiment vectors train on, as the readers give it.
 *   <li>{@code experiments.json}: every experiment's recipe, initial weights and first epochs.
 *   <li>{@code readers.json}: small files of every kind the readers take, embedded, with what they give.
 * </ul>
 */
public final class Vectors {

    /** The value of every file's {@code format} field. */
    public static final String FORMAT = "backprop-vectors";
    /** The value of every file's {@code version} field. */
    public static final int VERSION = 3;
    /** The files, in the order they are written. */
    public static final List<String> FILES = List.of("generator.json", "initializers.json", "layers.json",
            "losses.json", "networks.json", "trainer.json", "datasets.json", "experiments.json", "readers.json");
    /** How a port compares its numbers with a file's, written into every file. */
    public static final String TOLERANCE_RULE = "a number's tolerance t is that of the nearest enclosing field, or "
            + "list element by the value of its 'name' field, named in 'tolerance' ('all': the whole file; a "
            + "number inside none has t = 0). At t = 0, and wherever a number has a '_bits' twin (K_bits beside "
            + "K, whatever t), the number must have exactly the expected IEEE-754 bit pattern (so -0.0 is not "
            + "0.0). Otherwise, for every array of numbers A (a scalar is an array of one, a matrix counts as one "
            + "array) with expected values B: max_i |A_i - B_i| <= t * max_i |B_i|. null stands for NaN and "
            + "matches only NaN. Integers, written without a point or exponent (counts, epochs, seeds, row "
            + "numbers, pixels), must be equal; a port may read them as doubles and apply the rule above, "
            + "which then admits no other integer, as every tolerance here is at most 1e-12 and every integer "
            + "below 10^12. Strings, booleans, names and shapes must "
            + "be equal, except the prose fields 'about', 'case' and 'description', which a port may ignore";

    private Vectors() {
    }

    /**
     * Every vector file, computed now.
     *
     * @param computation {@link Computation#PLAIN} for the files themselves; {@link Computation#FAST} to
     *                    hold the fast products to them
     * @return each file's name and its content as JSON-ready maps, in the order of {@link #FILES}
     * @throws IOException if the data in {@code testdata/} cannot be read
     */
    public static Map<String, Map<String, Object>> generate(Computation computation) throws IOException {
        return generate(computation, new Sources());
    }

    /** The same, reading the data from {@code sources} (which keeps it for the next call). */
    static Map<String, Map<String, Object>> generate(Computation computation, Sources sources) throws IOException {
        Map<String, Map<String, Object>> files = new LinkedHashMap<>();
        files.put("generator.json", GeneratorVectors.build());
        files.put("initializers.json", InitializerVectors.build());
        files.put("layers.json", LayerVectors.build(computation));
        files.put("losses.json", LossVectors.build());
        files.put("networks.json", NetworkVectors.build(computation, sources));
        files.put("trainer.json", TrainerVectors.build(computation));
        files.put("datasets.json", DatasetVectors.build(sources));
        files.put("experiments.json", ExperimentVectors.build(computation, sources));
        files.put("readers.json", ReaderVectors.build(sources));
        return files;
    }

    /**
     * A file's text as written: compact JSON, the rows of a matrix on lines of their own, a final newline.
     *
     * @param content the file's content
     * @return the text
     */
    public static String text(Map<String, Object> content) {
        return Json.write(content) + "\n";
    }

    /**
     * Computes every file and writes it into {@code folder} (created if needed), each in one rename.
     *
     * @param folder the folder, e.g. {@code testdata/vectors}
     * @return the files written
     * @throws IOException if the data cannot be read or a file cannot be written
     */
    public static List<Path> write(Path folder) throws IOException {
        Map<String, Map<String, Object>> files = generate(Computation.PLAIN);
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> f : files.entrySet()) {
            Path target = folder.resolve(f.getKey());
            byte[] bytes = text(f.getValue()).getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(target, out -> out.write(bytes));     // each file whole, or the old one kept
            written.add(target);
        }
        return written;
    }
}
