package backprop.experiments;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the repository's own data ({@code testdata/…}) from any working directory: first in the working
 * directory, then beside the code that runs — the folder holding {@code target/backprop.jar} or
 * {@code target/classes}, and each folder above it.
 */
public final class DefaultData {

    private DefaultData() {
    }

    /**
     * @param relative a path inside the repository, e.g. {@code testdata/mnist}
     * @return where it is: relative to the working directory when it is there, else an absolute path
     *         beside the code; {@code relative} itself when it is nowhere
     */
    public static Path locate(String relative) {
        for (Path candidate : candidates(relative)) {
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return Path.of(relative);
    }

    /**
     * @param relative a path inside the repository
     * @return every place {@link #locate} looks, in order
     */
    public static List<Path> candidates(String relative) {
        List<Path> places = new ArrayList<>();
        places.add(Path.of(relative));
        Path code = codeLocation();
        for (Path dir = code; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative).normalize();
            if (places.stream().noneMatch(p -> p.toAbsolutePath().normalize().equals(candidate))) {
                places.add(candidate);
            }
        }
        return places;
    }

    /** The folder of the running jar, or the classes folder itself; null when unknown. */
    private static Path codeLocation() {
        try {
            CodeSource source = DefaultData.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return null;
            }
            Path path = Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
            return Files.isRegularFile(path) ? path.getParent() : path;
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }
}
