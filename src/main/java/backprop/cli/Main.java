package backprop.cli;

import backprop.training.TrainingDivergedException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line: {@code java -jar target/backprop.jar <command>}. With no command it runs the tour.
 * This class only picks the command and turns what goes wrong into one line and an exit code:
 * 0 done, 1 a failed check or a run that could not finish, 2 a command line it cannot read.
 * {@code COMMAND --help} prints a command's help; {@code --debug} anywhere adds the stack trace of an error.
 */
public final class Main {

    private static final List<Command> COMMANDS = List.of(new TourCommand(), new ListCommand(), new TrainCommand(),
            new EvaluateCommand(), new PredictCommand(), new GradcheckCommand(), new BenchCommand(),
            new VectorsCommand(), new ErrataCommand());

    private static final List<String> HELP = List.of("--help", "-h", "help");

    private final PrintStream out;
    private final PrintStream err;
    private final List<Command> commands;

    Main(PrintStream out, PrintStream err) {
        this(out, err, COMMANDS);
    }

    /** A command line of other commands (for tests of the error handling). */
    Main(PrintStream out, PrintStream err, List<Command> commands) {
        this.out = out;
        this.err = err;
        this.commands = commands;
    }

    /** @return the commands, in the order of the usage text */
    static List<Command> commands() {
        return COMMANDS;
    }

    /**
     * Runs one command and exits with its code.
     *
     * @param args the command and its options
     */
    public static void main(String[] args) {
        boolean debug = Arrays.asList(args).contains("--debug");
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {       // a failure off the main thread: one line too
            System.err.println("backprop: unexpected error in thread " + thread.getName() + ": " + e
                    + (debug ? "" : "; run again with --debug for the stack trace, and please report it"));
            if (debug) {
                e.printStackTrace();
            }
        });
        int code = new Main(System.out, System.err).run(args);
        System.out.flush();
        System.exit(code);
    }

    String usage() {
        StringBuilder s = new StringBuilder("usage: java -jar target/backprop.jar [command]\n\n");
        for (Command c : commands) {
            s.append(c.usage());
        }
        s.append("  help                    this text; COMMAND --help: that command's options\n");
        s.append("\n--debug after any command adds the stack trace to an error message.\n");
        return s.toString();
    }

    /** Runs one command; returns the exit code. */
    int run(String[] args) {
        List<String> words = new ArrayList<>(Arrays.asList(args));
        boolean debug = words.removeIf("--debug"::equals);
        boolean tourOptions = words.isEmpty() || words.get(0).startsWith("-") && !HELP.contains(words.get(0));
        String name = tourOptions ? "tour" : words.get(0);         // options alone are the tour's
        List<String> rest = tourOptions ? words : words.subList(1, words.size());
        Command command = null;
        try {
            if (HELP.contains(name)) {
                Command about = rest.isEmpty() ? null : find(rest.get(0));
                if (about == null && !rest.isEmpty()) {
                    throw new Options.UsageException("no command '" + rest.get(0) + "' to help with");
                }
                out.print(about == null ? usage() : about.help());
                return 0;
            }
            command = find(name);
            if (command == null) {
                throw new Options.UsageException("unknown command '" + name + "'");
            }
            if (rest.contains("--help") || rest.contains("-h")) {
                out.print(command.help());
                return 0;
            }
            return command.run(Options.parse(rest, command.valued(), command.flags()), out, err);
        } catch (Options.UsageException e) {
            err.println("backprop: " + e.getMessage() + "; " + (command == null ? "'help' lists the commands"
                    : "'" + command.name() + " --help' lists its options"));
            trace(e, debug);
            return 2;
        } catch (TrainingDivergedException e) {
            err.println("backprop: " + e.getMessage());
            trace(e, debug);
            return 1;
        } catch (IOException e) {
            err.println("backprop: " + describe(e));
            trace(e, debug);
            return 1;
        } catch (UncheckedIOException e) {
            err.println("backprop: " + describe(e.getCause()));
            trace(e, debug);
            return 1;
        } catch (OutOfMemoryError e) {
            err.println("backprop: out of memory (" + e.getMessage() + "); give java more with -Xmx, e.g. "
                    + "java -Xmx4g -jar target/backprop.jar …, or use less data or smaller layers"
                    + (debug ? "" : " (--debug shows where)"));
            trace(e, debug);
            return 1;
        } catch (RuntimeException | Error e) {
            if (isOwnMessage(e)) {
                err.println("backprop: " + e.getMessage());
            } else {
                err.println("backprop: unexpected error: " + e + (debug ? ""
                        : "; run again with --debug for the stack trace, and please report it"));
            }
            trace(e, debug);
            return 1;
        }
    }

    private Command find(String name) {
        for (Command c : commands) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private void trace(Throwable e, boolean debug) {
        if (debug) {
            e.printStackTrace(err);
        }
    }

    /**
     * Whether an exception carries a message written for the user: the project's own exceptions and plain
     * {@code IllegalArgumentException} or {@code IllegalStateException} with a message. The JDK's
     * subclasses of them (a {@code NumberFormatException}, say) speak of the code, not of the input.
     */
    static boolean isOwnMessage(Throwable e) {
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            return false;
        }
        Class<?> type = e.getClass();
        return type.getName().startsWith("backprop.") || type == IllegalArgumentException.class
                || type == IllegalStateException.class;
    }

    /** An I/O error in words, with the file it concerns. */
    static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String what = e instanceof NoSuchFileException ? "no such file or folder"
                    : e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof FileAlreadyExistsException ? "already exists"
                    : e instanceof NotDirectoryException ? "not a folder"
                    : e instanceof DirectoryNotEmptyException ? "folder not empty"
                    : f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
            return f.getFile() + (f.getOtherFile() != null ? " → " + f.getOtherFile() : "") + ": " + what;
        }
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            return "input or output failed: " + e.getClass().getSimpleName()
                    + (e.getCause() != null ? " (" + e.getCause() + ")" : "");
        }
        return e.getMessage();
    }
}
