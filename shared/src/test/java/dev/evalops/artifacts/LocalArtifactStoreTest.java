package dev.evalops.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalArtifactStoreTest extends ArtifactStoreContractTest {
    @TempDir
    Path root;
    LocalArtifactStore store;

    @BeforeEach
    void setUp() {
        store = new LocalArtifactStore(root, CLOCK);
    }

    @Override
    ArtifactStore store() {
        return store;
    }

    @Override
    List<String> rawKeys(String prefix) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(k -> k.startsWith(prefix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    byte[] rawBytes(String key) {
        try {
            return Files.readAllBytes(root.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    void rawPut(String key, byte[] bytes) {
        try {
            Files.createDirectories(root.resolve(key).getParent());
            Files.write(root.resolve(key), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anAbortedRunLeavesNoStagingFolderBehind() throws IOException {
        RunRef run = new RunRef("golden", DAY, "golden-staging");
        try (RunWriter w = store.begin(run)) {
            w.writeJson("a.json", Map.of("n", 1));
            assertThat(Files.exists(root.resolve(run.prefix()))).as("not visible under its final name before commit").isFalse();
        }
        try (Stream<Path> left = Files.list(root.resolve("eval_runs/golden/" + DAY))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void staleStagingFilesOfAKilledProcessAreNotPublished() {
        RunRef run = new RunRef("golden", DAY, "golden-killed");
        rawPut("eval_runs/golden/" + DAY + "/.golden-killed.partial/stale.json", "{}".getBytes(StandardCharsets.UTF_8));
        try (RunWriter w = store.begin(run)) {
            w.writeJson("fresh.json", Map.of("n", 1));
            w.commit();
        }
        assertThat(rawKeys(run.prefix())).containsExactly(run.prefix() + "fresh.json", run.prefix() + "manifest.json");
    }
}
