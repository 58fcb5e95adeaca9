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

    /**
     * What {@code COMMAND --help} prints: the usage lines and whatever else a user needs to know.
     *
     * @return the command's help text
     */
    default String help() {
        return "usage: java -jar target/backprop.jar " + (name().equals("tour") ? "" : name() + " ")
                + "[options]\n\n" + usage();
    }

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
