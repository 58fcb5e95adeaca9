package backprop.data;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Plain words for a failed file operation. The JDK's file exceptions often carry nothing but a path as
 * their message ({@code AccessDeniedException: /etc/hostname}); these helpers add the reason, so that a
 * message reads "cannot write /etc/hostname: permission denied".
 */
public final class FileErrors {

    private FileErrors() {
    }

    /**
     * Why an operation failed, in a few lower-case words: "permission denied", "no such file or folder",
     * "read-only file system", …; naming the other file involved when it is not {@code subject}.
     *
     * @param e       the exception the operation threw
     * @param subject the file the caller names in its own message (left out of the reason)
     * @return the reason, never blank
     */
    public static String reason(IOException e, Path subject) {
        String other = e instanceof FileSystemException f ? f.getFile() : null;
        if (other != null && subject != null && sameFolder(Path.of(other), subject)) {
            other = null;                          // a sibling such as a temporary file: the subject says enough
        }
        String why;
        if (e instanceof AccessDeniedException) {
            why = "permission denied";
        } else if (e instanceof NoSuchFileException) {
            why = "no such file or folder";
        } else if (e instanceof NotDirectoryException) {
            why = "not a folder";
        } else if (e instanceof FileAlreadyExistsException || e instanceof FileSystemException f
                && "Not a directory".equalsIgnoreCase(f.getReason())) {
            Path blocking = fileInTheWay(e instanceof FileSystemException f ? f.getFile() : null);
            if (blocking != null) {
                return blocking + " is a file, not a folder";
            }
            why = e instanceof FileAlreadyExistsException ? "a file of that name is in the way" : "not a folder";
        } else if (e instanceof DirectoryNotEmptyException) {
            why = "the folder is not empty";
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            why = f.getReason().toLowerCase(Locale.ROOT);
        } else if (e.getMessage() != null && !e.getMessage().isBlank()) {
            why = e.getMessage();
        } else {
            why = e.getClass().getSimpleName();
        }
        return other == null ? why : other + ": " + why;
    }

    /** The nearest of {@code file} and its parents that exists and is not a folder, or null. */
    private static Path fileInTheWay(String file) {
        for (Path p = file == null ? null : Path.of(file); p != null; p = p.getParent()) {
            if (java.nio.file.Files.exists(p)) {
                return java.nio.file.Files.isDirectory(p) ? null : p;
            }
        }
        return null;
    }

    private static boolean sameFolder(Path a, Path b) {
        Path pa = a.toAbsolutePath().normalize();
        Path pb = b.toAbsolutePath().normalize();
        return pa.equals(pb) || java.util.Objects.equals(pa.getParent(), pb.getParent());
    }

    /**
     * An exception whose message is "cannot read FILE: reason", keeping {@code e} as its cause.
     *
     * @param file the file that could not be read
     * @param e    what the read threw
     * @return the exception to throw
     */
    public static IOException cannotRead(Path file, IOException e) {
        return new IOException("cannot read " + file + ": " + reason(e, file), e);
    }

    /**
     * An exception whose message is "cannot write FILE: reason", keeping {@code e} as its cause.
     *
     * @param file the file that could not be written
     * @param e    what the write threw
     * @return the exception to throw
     */
    public static IOException cannotWrite(Path file, IOException e) {
        return new IOException("cannot write " + file + ": " + reason(e, file), e);
    }
}
