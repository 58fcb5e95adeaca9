package backprop.data;

import java.nio.file.Path;

/** A data file that does not hold what its reader expects; the message names the file and the line. */
public final class DataFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception whose message is "file:line: problem".
     *
     * @param file    the data file
     * @param line    the line, from 1; 0 leaves it out of the message
     * @param problem what is wrong
     */
    public DataFormatException(Path file, long line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }
}
