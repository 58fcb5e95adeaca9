package backprop.io;

import static org.assertj.core.api.Assertions.assertThat;

import backprop.layers.Parameter;
import backprop.random.SplitMix64;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A save killed with SIGKILL ({@code kill -9}, what {@link Process#destroyForcibly()} sends on Linux) at a
 * random moment leaves either the old model files or the new ones, complete: a child JVM ({@link SaveLoop})
 * saves two different models in turn; it is killed at a random moment of a save; then the model file must
 * load, match one of the two models bit for bit, and name a folder of {@code .npy} files that all belong to
 * it; any other visible numbered folder must be complete too. The next save must then leave nothing but the
 * JSON and its folder. {@code -Dkill.cases=200} runs more kills; {@code -Dkill.naive=true} runs the same kills
 * on a careless writer, to show that the check does catch torn saves.
 */
class KillDuringSaveTest {

    @TempDir
    Path dir;

    /** What a killed save left. */
    record State(int model, List<String> problems, int temporaries, int otherFolders) {
    }

    /**
     * Looks at what a reader of the folder sees: the model file, the .npy files it names, every other visible
     * numbered folder, and the hidden temporary files.
     */
    static State inspect(Path file, List<ModelFile.Model> models) throws IOException {
        List<String> problems = new ArrayList<>();
        Path folder = file.getParent();
        int temporaries;
        try (Stream<Path> entries = Files.list(folder)) {
            temporaries = (int) entries.filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
        }
        if (!Files.exists(file)) {
            return new State(-1, problems, temporaries, 0);
        }
        ModelFile.Model loaded = ModelFile.load(file);
        int model = which(loaded.network().parameters(), models);
        if (model < 0) {
            problems.add("the JSON holds neither model");
            return new State(-1, problems, temporaries, 0);
        }
        Object npy = ((Map<?, ?>) Json.parse(Files.readString(file))).get("npy");
        String stem = file.getFileName().toString().replaceFirst("\\.json$", "");
        for (Parameter p : models.get(model).network().parameters()) {
            Path expected = npy == null ? folder.resolve(stem + "." + p.name() + ".npy")
                    : folder.resolve((String) npy).resolve(p.name() + ".npy");
            if (!Files.exists(expected) || !Arrays.equals(Files.readAllBytes(expected), SaveLoop.npy(p.value()))) {
                problems.add(expected.getFileName() + " does not belong to the JSON's model " + model);
            }
        }
        int others = 0;
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                if (!name.matches(java.util.regex.Pattern.quote(stem) + "\\.npy\\.\\d+")) {
                    continue;
                }
                if (npy != null && name.equals(npy)) {
                    try (Stream<Path> files = Files.list(p)) {
                        if (files.count() != models.get(model).network().parameters().size()) {
                            problems.add(name + " holds files the JSON does not name");
                        }
                    }
                    continue;
                }
                others++;
                if (!completeFolder(p, models)) {
                    problems.add("the visible folder " + name + " is not one whole model's files");
                }
            }
        }
        return new State(model, problems, temporaries, others);
    }

    private static int which(List<Parameter> parameters, List<ModelFile.Model> models) {
        for (int m = 0; m < models.size(); m++) {
            List<Parameter> expected = models.get(m).network().parameters();
            boolean same = expected.size() == parameters.size();
            for (int k = 0; same && k < expected.size(); k++) {
                same = expected.get(k).name().equals(parameters.get(k).name())
                        && Arrays.deepEquals(expected.get(k).value(), parameters.get(k).value());
            }
            if (same) {
                return m;
            }
        }
        return -1;
    }

    private static boolean completeFolder(Path folder, List<ModelFile.Model> models) throws IOException {
        for (ModelFile.Model model : models) {
            boolean all = true;
            for (Parameter p : model.network().parameters()) {
                Path f = folder.resolve(p.name() + ".npy");
                all &= Files.exists(f) && Arrays.equals(Files.readAllBytes(f), SaveLoop.npy(p.value()));
            }
            try (Stream<Path> files = Files.list(folder)) {
                if (all && files.count() == model.network().parameters().size()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Counts of one series of kills. */
    private record Tally(int kills, int old, int fresh, int none, int torn, int withTemporaries, int withOtherFolders,
            List<String> problems) {
    }

    private Tally killRepeatedly(int kills, boolean naive, long seed) throws Exception {
        List<ModelFile.Model> models = SaveLoop.models();
        SplitMix64 random = new SplitMix64(seed);
        int old = 0;
        int fresh = 0;
        int none = 0;
        int torn = 0;
        int withTemporaries = 0;
        int withOtherFolders = 0;
        List<String> problems = new ArrayList<>();
        for (int k = 0; k < kills; k++) {
            Path folder = Files.createDirectories(dir.resolve("kill" + k));
            Path file = folder.resolve("model.json");
            long lastSaved = runAndKill(file, naive, random);
            State state = inspect(file, models);
            if (!state.problems().isEmpty()) {
                torn++;
                problems.add("kill " + k + " after save " + lastSaved + ": " + state.problems());
            } else if (state.model() < 0) {
                none++;
            } else if (lastSaved >= 0 && state.model() == lastSaved % 2) {
                old++;
            } else {
                fresh++;
            }
            withTemporaries += state.temporaries() > 0 ? 1 : 0;
            withOtherFolders += state.otherFolders() > 0 ? 1 : 0;
            if (!naive) {
                // the next save removes what the killed one left
                ModelFile.save(models.get(0), file, ModelFile.Exports.JSON_AND_NPY);
                try (Stream<Path> entries = Files.list(folder)) {
                    assertThat(entries.map(p -> p.getFileName().toString()).sorted().toList())
                            .as("after the next save").hasSize(2).contains("model.json")
                            .allMatch(n -> n.equals("model.json") || n.matches("model\\.npy\\.\\d+"));
                }
            }
        }
        Tally tally = new Tally(kills, old, fresh, none, torn, withTemporaries, withOtherFolders, problems);
        System.out.printf("kill -9 during %s saves: %d kills: %d left the old model, %d the new one, %d none yet; %d"
                + " torn; %d left temporary files, %d a spare complete folder (all removed by the next save)%n",
                naive ? "naive" : "atomic", kills, old, fresh, none, torn, withTemporaries, withOtherFolders);
        return tally;
    }

    /**
     * Starts a {@link SaveLoop}, lets it finish two saves to learn how long one takes, then kills it at a
     * random moment within the next two saves (one time in five, before its first save ends).
     *
     * @return the number of the last save the child reported finished, −1 for none
     */
    private static long runAndKill(Path file, boolean naive, SplitMix64 random) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                SaveLoop.class.getName(), file.toString()));
        if (naive) {
            command.add("naive");
        }
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the child is gone
            }
        });
        reader.setDaemon(true);
        reader.start();
        long lastSaved = -1;
        try {
            if (random.nextInt(5) == 0) {
                LockSupport.parkNanos((long) (random.nextDouble() * 400e6));     // somewhere in start-up or save 0
            } else {
                String first = next(lines, child);
                long t0 = System.nanoTime();
                String second = next(lines, child);
                long period = System.nanoTime() - t0;
                lastSaved = number(second);
                LockSupport.parkNanos((long) (random.nextDouble() * 2 * period));
                assertThat(first).startsWith("saved");
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child ends").isTrue();
        }
        reader.join(5000);
        for (String line : lines) {
            if (line.startsWith("saved ")) {
                lastSaved = Math.max(lastSaved, number(line));
            } else {
                throw new AssertionError("the child printed: " + line + " " + lines);
            }
        }
        return lastSaved;
    }

    private static String next(BlockingQueue<String> lines, Process child) throws InterruptedException {
        String line = lines.poll(60, TimeUnit.SECONDS);
        if (line == null || !line.startsWith("saved ")) {
            throw new AssertionError("the child printed " + line + (child.isAlive() ? "" : ", exit " + child.exitValue()));
        }
        return line;
    }

    private static long number(String savedLine) {
        return Long.parseLong(savedLine.substring("saved ".length()).strip());
    }

    @Test
    void aSaveKilledAtAnyMomentLeavesTheOldModelOrTheNewOneWhole() throws Exception {
        Tally tally = killRepeatedly(Integer.getInteger("kill.cases", 6), false, Long.getLong("kill.seed", 11L));
        assertThat(tally.problems()).isEmpty();
        assertThat(tally.torn()).isZero();
    }

    @Test
    void theCheckFindsATornSave() throws Exception {
        List<ModelFile.Model> models = SaveLoop.models();
        // the careless way, stopped between the .npy files and the JSON: new arrays beside the old JSON
        Path naive = Files.createDirectories(dir.resolve("naive")).resolve("model.json");
        SaveLoop.saveNaively(models.get(0), naive);
        assertThat(inspect(naive, models).problems()).isEmpty();
        Parameter first = models.get(1).network().parameters().get(0);
        AtomicFiles.write(naive.resolveSibling("model." + first.name() + ".npy"), out -> Npy.write(first.value(), out));
        assertThat(inspect(naive, models).problems()).anyMatch(p -> p.contains("does not belong to the JSON"));
        // a numbered folder whose file is not the JSON's
        Path atomic = Files.createDirectories(dir.resolve("atomic")).resolve("model.json");
        ModelFile.save(models.get(0), atomic, ModelFile.Exports.JSON_AND_NPY);
        assertThat(inspect(atomic, models).problems()).isEmpty();
        Files.write(atomic.resolveSibling("model.npy.1").resolve(first.name() + ".npy"), SaveLoop.npy(first.value()));
        assertThat(inspect(atomic, models).problems()).isNotEmpty();
        // a half-written folder left visible
        Path half = Files.createDirectories(atomic.resolveSibling("model.npy.7"));
        Files.write(half.resolve(first.name() + ".npy"), SaveLoop.npy(first.value()));
        Files.write(atomic.resolveSibling("model.npy.1").resolve(first.name() + ".npy"),
                SaveLoop.npy(models.get(0).network().parameters().get(0).value()));
        assertThat(inspect(atomic, models).problems()).containsExactly("the visible folder model.npy.7 is not one whole"
                + " model's files");
    }

    @Test
    void aCarelessWriterIsCaughtByTheSameKills() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("kill.naive"), "run with -Dkill.naive=true");
        Tally tally = killRepeatedly(Integer.getInteger("kill.cases", 20), true, Long.getLong("kill.seed", 11L));
        assertThat(tally.torn()).as("torn saves of the careless writer").isPositive();
    }
}
