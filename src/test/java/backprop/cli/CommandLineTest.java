package backprop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The command line's promises about its options: every unreadable or out-of-range value, and every option
 * an experiment cannot use, exits 2 with one line; every command has its --help; nothing ever ends in a
 * stack trace unless --debug asks for one.
 */
class CommandLineTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        return runWith(null, args);
    }

    static Run runWith(List<Command> commands, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        Main main = commands == null ? new Main(o, e) : new Main(o, e, commands);
        int code = main.run(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Exit code 2, exactly one line on stderr, no trace, and the line says what was wrong. */
    private static void refused(String expected, String... args) {
        Run r = run(args);
        assertThat(r.code()).as(String.join(" ", args) + " → " + r.err()).isEqualTo(2);
        assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("backprop: ").contains(expected).doesNotContain("Exception", "\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unreadableAndOutOfRangeValuesExitWithTwoAndOneLine() {
        refused("--lr -1: expected a number greater than 0", "train", "xor", "--lr", "-1");
        refused("--lr abc", "train", "xor", "--lr", "abc");
        refused("--lr NaN", "train", "xor", "--lr", "NaN");
        refused("--lr Infinity", "train", "xor", "--lr", "Infinity");
        refused("--lr 1e-3d", "train", "xor", "--lr", "1e-3d");
        refused("--batch 0: expected 1 or more samples per step, or 'full'", "train", "xor", "--batch", "0");
        refused("--batch -5", "train", "xor", "--batch", "-5");
        refused("--hidden 10,: expected widths of 1 or more", "train", "xor", "--hidden", "10,");
        refused("--hidden ,10", "train", "xor", "--hidden", ",10");
        refused("--hidden 10,,5", "train", "xor", "--hidden", "10,,5");
        refused("--hidden 0", "train", "xor", "--hidden", "0");
        refused("--hidden 99999999999", "train", "xor", "--hidden", "99999999999");
        refused("--threads 1000: expected 1 to", "train", "xor", "--threads", "1000");
        refused("--threads 0", "train", "xor", "--threads", "0");
        refused("--threads -2", "bench", "--threads", "-2");
        refused("0 (untrained) or more", "train", "xor", "--epochs", "-1");
        refused("--epochs -1", "train", "xor", "--epochs", "-1");
        refused("--epochs 2: expected 3 or more timed epochs", "bench", "--epochs", "2");
        refused("--seed 1.5", "train", "xor", "--seed", "1.5");
        refused("--validation 1", "train", "iris", "--validation", "1");
        refused("--patience -1", "train", "iris", "--patience", "-1");
        refused("--shift 9", "train", "mnist", "--shift", "9");
        refused("--optimizer rmsprop: expected one of sgd, momentum, adam", "train", "xor", "--optimizer", "rmsprop");
        refused("--init glorot", "train", "xor", "--init", "glorot");
        refused("--init normal:-1", "train", "xor", "--init", "normal:-1");
        refused("--scale 0", "train", "iris", "--scale", "0");
        refused("--scale 1/0", "train", "iris", "--scale", "1/0");
        refused("--l2 -1", "train", "xor", "--l2", "-1");
        refused("--halve-every 0: expected 1 or more epochs", "train", "iris", "--halve-every", "0");
        refused("--entries -1", "gradcheck", "xor", "--entries", "-1");
        refused("--threshold -1", "gradcheck", "xor", "--threshold", "-1");
        refused("--ignore a,", "train", "csv", "--label", "Species", "--ignore", "a,");
        refused("--model is empty", "evaluate", "--model", "", "--data", "x");
        refused("--epochs needs a value", "train", "xor", "--epochs");
        refused("unknown option --colour", "train", "xor", "--colour", "red");
        refused("--shift moves pixels", "train", "mnist", "--shift", "2", "--standardize");
    }

    @Test
    void hugeNetworksAreRefusedBeforeAnythingIsAllocated() {
        refused("would have 10,000,200,000 weights and biases", "train", "mnist", "--hidden", "100000,100000");
        refused("give java more memory (-Xmx)", "train", "xor", "--hidden", "2000000000,2000000000,2000000000");
    }

    @Test
    void optionsAnExperimentCannotUseAreRefused() {
        refused("xor cannot use --data (its data is made up on the spot)", "train", "xor", "--data", "foo");
        refused("gates cannot use --batch", "train", "gates", "--batch", "4");
        refused("gates cannot use --hidden", "train", "gates", "--hidden", "3");
        refused("sine cannot use --validation", "train", "sine", "--validation", "0.2");
        refused("iris cannot use --shift (only the experiments that read images shift them)", "train", "iris",
                "--shift", "1");
        refused("mnist cannot use --label (only csv reads the columns of a CSV)", "train", "mnist", "--label", "x");
        refused("it takes --batch --data --epochs", "train", "iris", "--ignore", "Id");
        refused("csv needs the label column: --label COLUMN", "train", "csv", "--data", "testdata/iris/Iris.csv");
    }

    @Test
    void everyCommandHasItsHelp() {
        for (Command c : Main.commands()) {
            Run r = run(c.name(), "--help");
            assertThat(r.code()).as(c.name()).isZero();
            assertThat(r.out()).as(c.name()).startsWith("usage:");
            for (String option : c.valued()) {
                assertThat(r.out()).as(c.name() + " --help names --" + option).contains("--" + option + " ");
            }
            for (String flag : c.flags()) {
                assertThat(r.out()).as(c.name() + " --help names --" + flag).contains("--" + flag);
            }
            assertThat(r.err()).isEmpty();
            assertThat(run("help", c.name()).out()).isEqualTo(r.out());
        }
        assertThat(run("--help").out()).isEqualTo(run("help").out()).contains("COMMAND --help");
        assertThat(run("train", "--help").out()).contains("--optimizer", "--init", "--scale", "--standardize",
                "--validation", "--patience", "--shift", "--halve-every", "--batch N|full");
        assertThat(run("bench", "--help").out()).contains("timed epochs of the ThreeNet, 3 or more");
        assertThat(run("train", "mnist", "-h").out()).contains("--shift");
    }

    /** A command that fails in a way no message was written for. */
    private record Failing(RuntimeException failure) implements Command {
        @Override
        public String name() {
            return "fail";
        }

        @Override
        public String usage() {
            return "  fail\n";
        }

        @Override
        public Set<String> valued() {
            return Set.of();
        }

        @Override
        public int run(Options o, PrintStream out, PrintStream err) {
            throw failure;
        }
    }

    private record FailingIo(IOException failure) implements Command {
        @Override
        public String name() {
            return "io";
        }

        @Override
        public String usage() {
            return "  io\n";
        }

        @Override
        public Set<String> valued() {
            return Set.of();
        }

        @Override
        public int run(Options o, PrintStream out, PrintStream err) throws IOException {
            throw failure;
        }
    }

    @Test
    void anUnexpectedExceptionIsOneLineWithAHintAndItsTraceOnlyWithDebug() {
        List<Command> commands = List.of(new Failing(new NullPointerException("x is null")));
        Run plain = runWith(commands, "fail");
        assertThat(plain.code()).isEqualTo(1);
        assertThat(plain.err().lines().count()).isEqualTo(1);
        assertThat(plain.err()).contains("unexpected error", "NullPointerException: x is null", "--debug")
                .doesNotContain("\tat ");
        Run debug = runWith(commands, "fail", "--debug");
        assertThat(debug.code()).isEqualTo(1);
        assertThat(debug.err()).contains("NullPointerException: x is null", "\tat ");
        assertThat(debug.err().lines().count()).isGreaterThan(2);

        Run numberFormat = runWith(List.of(new Failing(new NumberFormatException("For input string: \"5.0\""))),
                "fail");
        assertThat(numberFormat.err()).contains("unexpected error", "NumberFormatException").hasLineCount(1);
        Run own = runWith(List.of(new Failing(new IllegalArgumentException("data.csv:3: expected a number"))),
                "fail");
        assertThat(own.err()).isEqualTo("backprop: data.csv:3: expected a number\n");
    }

    @Test
    void inputOutputErrorsNameTheFileAndNeverPrintNull() {
        Run denied = runWith(List.of(new FailingIo(new java.nio.file.AccessDeniedException("/etc/hostname"))),
                "io");
        assertThat(denied.err()).isEqualTo("backprop: /etc/hostname: permission denied\n");
        Run eof = runWith(List.of(new FailingIo(new java.io.EOFException())), "io");
        assertThat(eof.err()).contains("EOFException").doesNotContain("null").hasLineCount(1);
        assertThat(eof.code()).isEqualTo(1);
    }

    @Test
    void theGatesRunSaysItHasNoHiddenLayer() {
        Run r = run("train", "gates", "--epochs", "10", "--out", "target/test-reports");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("hidden none").doesNotContain("hidden ,");
    }

    @Test
    void theDefaultDataIsFoundFromAnotherWorkingDirectory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        String javaCommand = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classes = java.nio.file.Path.of("target/classes").toAbsolutePath().toString();
        Process p = new ProcessBuilder(javaCommand, "-cp", classes, "backprop.cli.Main", "train", "iris", "--epochs", "5",
                "--out", "plots").directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(output).isZero();
        assertThat(output).contains("iris (document 004; the document's network", "test_accuracy");
        assertThat(dir.resolve("plots/iris-loss.svg")).exists();
    }

    @Test
    void theBeyondTheDocumentCommandGivesItsSettingsAndReadmeShowsIt() throws Exception {
        List<String> words = List.of(backprop.experiments.Experiments.MNIST_BEYOND_COMMAND.split(" "));
        Options o = Options.parse(words.subList(1, words.size()), new TrainCommand().valued(),
                new TrainCommand().flags());
        assertThat(TrainCommand.settings(Options.experiment("mnist"), o))
                .isEqualTo(backprop.experiments.Experiments.MNIST_BEYOND);
        assertThat(java.nio.file.Files.readString(java.nio.file.Path.of("README.md")))
                .contains("java -jar target/backprop.jar " + backprop.experiments.Experiments.MNIST_BEYOND_COMMAND);
    }

    /**
     * Every command README shows reads as a command line: a known command, options it takes with values in
     * range, and for {@code train} options the experiment can use (nothing is run).
     */
    @Test
    void everyReadmeCommandLineReads() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("java (?:-Xmx\\w+ )?-jar target/backprop\\.jar"
                + "([^`\\n]*)").matcher(readme);
        int checked = 0;
        while (m.find()) {
            String line = m.group(1).replaceAll("[>|].*", "").replace("$FASHION", "fashion").strip();
            List<String> words = line.isEmpty() ? List.of() : List.of(line.split("\\s+"));
            String name = words.isEmpty() || words.get(0).startsWith("-") ? "tour" : words.get(0);
            List<String> rest = name.equals("tour") ? words : words.subList(1, words.size());
            if (name.equals("help") || name.startsWith("<") || rest.contains("--help")) {
                continue;                                   // help, and the placeholder of "<command>"
            }
            Command command = Main.commands().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
            assertThat(command).as(line).isNotNull();
            Options o = Options.parse(rest, command.valued(), command.flags());
            if (name.equals("train")) {
                TrainCommand.settings(Options.experiment(o.positional().get(0)), o);
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(15);
    }

    @Test
    void aFolderThatCannotBeWrittenIsRefusedBeforeTraining(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("afile");
        java.nio.file.Files.writeString(file, "not a folder");
        Run out = run("train", "mnist", "--out", file.resolve("plots").toString());
        assertThat(out.code()).isEqualTo(1);
        assertThat(out.err()).startsWith("backprop: cannot write " + file.resolve("plots")).doesNotContain("epoch");
        Run save = run("train", "mnist", "--save", file.resolve("m.json").toString(), "--out", dir.toString());
        assertThat(save.code()).isEqualTo(1);
        assertThat(save.err()).contains("cannot write " + file).doesNotContain("epoch");
    }

    @Test
    void helpForACommandThatDoesNotExistIsAUsageError() {
        Run r = run("help", "nosuch");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no command 'nosuch'");
    }
}
