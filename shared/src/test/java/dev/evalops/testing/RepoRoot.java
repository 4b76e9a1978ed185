package dev.evalops.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The repository root, for tests that need {@code localstack/moto.sh} or the fixtures under {@code events/}.
 * Surefire passes {@code evalops-launcher.repo-root}; a run from an IDE or a module folder walks up from the cwd.
 */
public final class RepoRoot {
    private RepoRoot() {
    }

    public static Path find() {
        List<Path> starts = new ArrayList<>();
        String configured = System.getProperty("evalops-launcher.repo-root");
        if (configured != null && !configured.isBlank()) {
            starts.add(Path.of(configured));
        }
        starts.add(Path.of("").toAbsolutePath());
        for (Path start : starts) {
            for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("localstack/moto.sh"))) {
                    return dir;
                }
            }
        }
        throw new IllegalStateException("cannot find the repository root (a folder with localstack/moto.sh) from "
                + starts + "; set -Devalops-launcher.repo-root=<repo>");
    }

    /** A file under the repository root, which must exist. */
    public static Path file(String relative) {
        Path file = find().resolve(relative);
        if (!Files.exists(file)) {
            throw new IllegalStateException("missing fixture " + file);
        }
        return file;
    }
}
