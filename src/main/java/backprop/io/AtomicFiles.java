package backprop.io;

import backprop.data.FileErrors;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes files so that a reader never sees half of one, and a set of files so that a reader never sees
 * half of the set, whenever the writing process is killed.
 *
 * <p>One file ({@link #write}): the bytes go to a hidden temporary file beside the target,
 * {@code .NAME.PID-RANDOM.tmp}, are forced to the disk, and the temporary file then replaces the target in
 * one rename.
 *
 * <p>A set ({@link #writeAll}): an index file and the member files it names. The members are written into a
 * hidden temporary folder, which is renamed to a new numbered folder ({@code PREFIX.1}, {@code PREFIX.2},
 * …) once they are all on the disk; then the index, which names that folder, replaces the old index in one
 * rename. That last rename is the moment the new set appears: before it, the old index names the old
 * folder, which is untouched; after it, the new index names the new folder, which is complete. Old numbered
 * folders are removed after the rename (first renamed to a hidden temporary name, so that no half-removed
 * folder is ever visible).
 *
 * <p>On a failure every temporary file is removed and the old files are left as they were. Temporary
 * files left by a process that was killed (its process id is no longer running) are removed by the next
 * write of the same target. New files and folders get the permissions the user's umask gives any new
 * file. One process at a time should write a given target. Errors name the target and the reason:
 * "cannot write /etc/hostname: permission denied".
 */
public final class AtomicFiles {

    private static final Pattern TEMPORARY = Pattern.compile("\\.(.+)\\.(\\d+)-[0-9a-f]+\\.tmp");

    private AtomicFiles() {
    }

    /** Something that writes the whole content of one file to a stream. */
    @FunctionalInterface
    public interface Content {

        /**
         * @param out where the bytes go
         * @throws IOException if writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * One member of a set written by {@link #writeAll}.
     *
     * @param name    its file name inside the set's folder, e.g. {@code dense1.W.npy}
     * @param content what it holds
     */
    public record Member(String name, Content content) {

        /**
         * Checks that the name is a plain file name.
         *
         * @param name    its file name inside the set's folder: no separators, not "." or ".."
         * @param content what it holds
         */
        public Member {
            checkPlainName(name);
        }
    }

    private static void checkPlainName(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/") || name.contains("\\")
                || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("file name '" + name + "': expected a plain file name without"
                    + " separators or control characters");
        }
    }

    /**
     * Replaces {@code target} with {@code text} (UTF-8) in one rename.
     *
     * @param target the file
     * @param text   its new content
     * @throws IOException if the file cannot be written, naming it and the reason; the old one is then unchanged
     */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Replaces {@code target} with what {@code content} writes, in one rename.
     *
     * @param target  the file
     * @param content writes its new content
     * @throws IOException if the file cannot be written, naming it and the reason; the old one is then unchanged
     */
    public static void write(Path target, Content content) throws IOException {
        Path file = target.toAbsolutePath();
        Path dir = file.getParent();
        try {
            Files.createDirectories(dir);
            removeStale(dir, file.getFileName().toString());
            replace(file, content);
            syncFolder(dir);
        } catch (IOException e) {
            throw FileErrors.cannotWrite(target, e);
        }
    }

    /**
     * Writes a set of files that appear together or not at all: the members into a new folder
     * {@code folderPrefix.N} beside {@code index}, then {@code index}, whose content names that folder,
     * in one rename (see the class comment). Afterwards the index names the only {@code folderPrefix.*}
     * folder left.
     *
     * @param index        the index file, e.g. {@code model.json}
     * @param folderPrefix the name of the members' folders without their number, e.g. {@code model.npy}
     * @param members      the member files; none writes no folder
     * @param indexContent the index's content, given the members' folder name (relative to the index's
     *                     folder, e.g. {@code model.npy.3}), or null when there are no members
     * @return the files written: the index first, then the members in their folder
     * @throws IOException if a file cannot be written, naming the index and the reason; the old set is then
     *                     unchanged
     */
    public static List<Path> writeAll(Path index, String folderPrefix, List<Member> members,
            Function<String, Content> indexContent) throws IOException {
        checkPlainName(folderPrefix);
        Path file = index.toAbsolutePath();
        Path dir = file.getParent();
        Path temporary = null;
        Path folder = null;
        boolean committed = false;
        try {
            Files.createDirectories(dir);
            removeStale(dir, file.getFileName().toString());
            removeStale(dir, folderPrefix);
            List<Path> written = new ArrayList<>();
            written.add(index);
            if (!members.isEmpty()) {
                temporary = Files.createDirectory(temporaryName(dir, folderPrefix));
                for (Member m : members) {
                    writeNew(temporary.resolve(m.name()), m.content());
                }
                syncFolder(temporary);
                folder = moveToNumberedFolder(temporary, dir, folderPrefix);
                temporary = null;
                syncFolder(dir);
                for (Member m : members) {
                    written.add(index.resolveSibling(folder.getFileName()).resolve(m.name()));
                }
            }
            replace(file, indexContent.apply(folder == null ? null : folder.getFileName().toString()));
            committed = true;
            syncFolder(dir);
            removeOldFolders(dir, folderPrefix, folder);
            return written;
        } catch (IOException e) {
            throw FileErrors.cannotWrite(index, e);
        } finally {
            if (!committed) {
                deleteFolder(temporary);
                deleteFolder(folder);
            }
        }
    }

    /** Writes {@code file} through a temporary file and one rename. */
    private static void replace(Path file, Content content) throws IOException {
        Path temporary = temporaryName(file.getParent(), file.getFileName().toString());
        try {
            writeNew(temporary, content);
            move(temporary, file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Creates {@code file}, which must not exist, writes it and forces it to the disk. */
    private static void writeNew(Path file, Content content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                OutputStream out = Channels.newOutputStream(channel)) {
            content.writeTo(out);
            out.flush();
            channel.force(true);
        }
    }

    private static Path temporaryName(Path dir, String name) {
        return dir.resolve("." + name + "." + ProcessHandle.current().pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp");
    }

    /** Renames {@code temporary} to {@code prefix.N}, N one more than the largest number in use. */
    private static Path moveToNumberedFolder(Path temporary, Path dir, String prefix) throws IOException {
        long next = 1;
        for (Path p : list(dir)) {
            long n = folderNumber(p, prefix);
            next = Math.max(next, n + 1);
        }
        for (int attempt = 0; ; attempt++) {
            Path folder = dir.resolve(prefix + "." + (next + attempt));
            if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                Files.move(temporary, folder, StandardCopyOption.ATOMIC_MOVE);
                return folder;
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** The N of a folder named {@code prefix.N}, or −1. */
    private static long folderNumber(Path p, String prefix) {
        String name = p.getFileName().toString();
        if (!name.startsWith(prefix + ".")) {
            return -1;
        }
        String digits = name.substring(prefix.length() + 1);
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? Long.parseLong(digits) : -1;
    }

    /**
     * Removes every {@code prefix.N} folder but {@code keep}: each is first renamed to a hidden temporary
     * name, then emptied and removed. A folder holding sub-folders is left alone (it is not one of ours).
     * Failures are ignored: the new set is in place, and the next write tries again.
     */
    private static void removeOldFolders(Path dir, String prefix, Path keep) {
        try {
            for (Path p : list(dir)) {
                if (folderNumber(p, prefix) < 0 || p.equals(keep) || holdsFolders(p)) {
                    continue;
                }
                Path hidden = temporaryName(dir, prefix);
                Files.move(p, hidden, StandardCopyOption.ATOMIC_MOVE);
                deleteFolder(hidden);
            }
        } catch (IOException | RuntimeException e) {
            // left for the next write
        }
    }

    private static boolean holdsFolders(Path folder) throws IOException {
        for (Path p : list(folder)) {
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Removes the temporary files and folders of {@code name} that a killed process left: those whose
     * process id no longer runs. Those of running processes, this one included, are left alone.
     */
    private static void removeStale(Path dir, String name) throws IOException {
        for (Path p : list(dir)) {
            Matcher m = TEMPORARY.matcher(p.getFileName().toString());
            if (!m.matches() || !m.group(1).equals(name)) {
                continue;
            }
            long pid;
            try {
                pid = Long.parseLong(m.group(2));
            } catch (NumberFormatException e) {
                continue;
            }
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                continue;
            }
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                if (!holdsFolders(p)) {
                    deleteFolder(p);
                }
            } else {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Deletes the files in {@code folder}, then the folder; null and missing folders are ignored. */
    private static void deleteFolder(Path folder) {
        if (folder == null || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            for (Path p : list(folder)) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // left for the next write, which removes what a failed or killed write left
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            stream.forEach(entries::add);
        }
        return entries;
    }

    /** Forces a folder's entries (the renames) to the disk where the platform allows it. */
    private static void syncFolder(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can open a folder; the renames are still atomic
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
