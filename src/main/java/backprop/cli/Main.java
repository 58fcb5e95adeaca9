package backprop.cli;

import backprop.training.TrainingDivergedException;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The command line: {@code java -jar target/backprop.jar <command>}. With no command it runs the tour.
 * This class only picks the command and turns what goes wrong into a message and an exit code:
 * 0 done, 1 a failed check or a run that could not finish, 2 a command line it cannot read.
 */
public final class Main {

    private static final List<Command> COMMANDS = List.of(new TourCommand(), new ListCommand(), new TrainCommand(),
            new EvaluateCommand(), new GradcheckCommand(), new BenchCommand(), new VectorsCommand(),
            new ErrataCommand());

    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Runs one command and exits with its code.
     *
     * @param args the command and its options
     */
    public static void main(String[] args) {
        int code = new Main(System.out, System.err).run(args);
        System.out.flush();
        System.exit(code);
    }

    static String usage() {
        StringBuilder s = new StringBuilder("usage: java -jar target/backprop.jar [command]\n\n");
        for (Command c : COMMANDS) {
            s.append(c.usage());
        }
        s.append("  help                    this text\n");
        return s.toString();
    }

    /** Runs one command; returns the exit code. */
    int run(String[] args) {
        List<String> words = Arrays.asList(args);
        String name = words.isEmpty() ? "tour" : words.get(0);
        List<String> rest = words.isEmpty() ? List.of() : words.subList(1, words.size());
        try {
            if (List.of("help", "--help", "-h").contains(name)) {
                out.print(usage());
                return 0;
            }
            for (Command c : COMMANDS) {
                if (c.name().equals(name)) {
                    return c.run(Options.parse(rest, c.valued(), c.flags()), out, err);
                }
            }
            throw new Options.UsageException("unknown command '" + name + "'");
        } catch (Options.UsageException e) {
            err.println("backprop: " + e.getMessage());
            err.print(usage());
            return 2;
        } catch (TrainingDivergedException e) {
            err.println("backprop: " + e.getMessage());
            return 1;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            err.println("backprop: " + e.getMessage());
            return 1;
        }
    }
}
