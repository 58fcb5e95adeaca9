package backprop.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Set;

/** One command of the command line: its name, its options, and what it does with them. */
interface Command {

    /** @return the word that selects the command, e.g. {@code train} */
    String name();

    /** @return the command's lines of the usage text */
    String usage();

    /** @return the options that take a value */
    Set<String> valued();

    /** @return the options that take none */
    default Set<String> flags() {
        return Set.of();
    }

    /**
     * Runs the command.
     *
     * @param o   the parsed options
     * @param out where results go
     * @param err where progress and warnings go
     * @return the exit code
     * @throws IOException if a file cannot be read or written
     */
    int run(Options o, PrintStream out, PrintStream err) throws IOException;
}
