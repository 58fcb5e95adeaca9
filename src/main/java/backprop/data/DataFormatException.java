package backprop.data;

import java.nio.file.Path;

/**
 * A data file that does not hold what its reader expects. The message names the file, the place (a line,
 * a byte offset, an image file) and what was expected, on one line.
 */
public final class DataFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception whose message is "file:line: problem".
     *
     * @param file    the data file
     * @param line    the line, from 1; 0 leaves it out of the message
     * @param problem what is wrong, and what was expected
     */
    public DataFormatException(Path file, long line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }

    /**
     * An exception whose message is "file:line: problem", caused by what a library reported.
     *
     * @param file    the data file
     * @param line    the line, from 1; 0 leaves it out of the message
     * @param problem what is wrong, and what was expected
     * @param cause   the library's exception, kept for a debugger
     */
    public DataFormatException(Path file, long line, String problem, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem, cause);
    }
}
