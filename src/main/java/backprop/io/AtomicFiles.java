package backprop.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that a reader never sees half of one: the bytes go to a hidden temporary file beside the
 * target ({@code .name.<random>.tmp}), are forced to the disk, and the temporary file then replaces the
 * target in one rename. If anything fails, every temporary file is removed and the old files are left as
 * they were. New files get the permissions the user's umask gives any new file.
 */
public final class AtomicFiles {

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
     * One file to write.
     *
     * @param target  where it ends up
     * @param content what it holds
     */
    public record Pending(Path target, Content content) {
    }

    /**
     * Replaces {@code target} with {@code text} (UTF-8) in one rename.
     *
     * @param target the file
     * @param text   its new content
     * @throws IOException if the file cannot be written; the old one is then unchanged
     */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Replaces {@code target} with what {@code content} writes, in one rename.
     *
     * @param target  the file
     * @param content writes its new content
     * @throws IOException if the file cannot be written; the old one is then unchanged
     */
    public static void write(Path target, Content content) throws IOException {
        writeAll(List.of(new Pending(target, content)));
    }

    /**
     * Writes several files as one: every file is written in full to its temporary name first; only when all
     * are on the disk are they renamed over their targets, in the order given (put the file that names the
     * others last). A failure before the renames leaves every old file as it was.
     *
     * @param files the files, in the order of their renames
     * @throws IOException if a file cannot be written, naming it
     */
    public static void writeAll(List<Pending> files) throws IOException {
        List<Path> temps = new ArrayList<>();
        try {
            for (Pending p : files) {
                temps.add(writeTemporary(p.target().toAbsolutePath(), p.content()));
            }
            for (int k = 0; k < files.size(); k++) {
                move(temps.get(k), files.get(k).target().toAbsolutePath());
            }
        } finally {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static Path writeTemporary(Path target, Content content) throws IOException {
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current()
                .nextLong() >>> 1) + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            try (OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
