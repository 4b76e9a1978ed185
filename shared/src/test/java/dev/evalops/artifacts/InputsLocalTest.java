package dev.evalops.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.evalops.core.BadInputException;

/** {@link Inputs} on a local data folder: the same behaviour as on S3, and no S3 client is ever built. */
class InputsLocalTest {
    @TempDir
    Path root;
    Inputs inputs;

    @BeforeEach
    void setUp() {
        inputs = new Inputs(() -> {
            throw new AssertionError("a local input must not build an S3 client");
        }, root.toString() + "/");
    }

    static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    @Test
    void readsAndListsFilesByPathAndByRelativeKey() throws IOException {
        write(root.resolve("golden/v3/golden.jsonl"), "{\"id\":\"g-1\"}\n{\"id\":\"g-2\"}\n".getBytes(StandardCharsets.UTF_8));
        write(root.resolve("golden/v3/policy.json"), "{}".getBytes(StandardCharsets.UTF_8));
        write(root.resolve("golden/v30/other.jsonl"), "x".getBytes(StandardCharsets.UTF_8));

        assertThat(inputs.resolve("golden/v3/policy.json")).isEqualTo(root + "/golden/v3/policy.json");
        assertThat(inputs.readText("golden/v3/policy.json")).isEqualTo("{}");
        try (BufferedReader r = inputs.openText(root.resolve("golden/v3/golden.jsonl").toString())) {
            assertThat(r.lines().toList()).containsExactly("{\"id\":\"g-1\"}", "{\"id\":\"g-2\"}");
        }
        assertThat(inputs.readText(root.resolve("golden/v3/policy.json").toUri().toString())).isEqualTo("{}");
        assertThat(inputs.list("golden/v3")).containsExactly(
                new InputObject(root + "/golden/v3/golden.jsonl", 26),
                new InputObject(root + "/golden/v3/policy.json", 2));
        assertThat(inputs.list("golden/none")).isEmpty();
        assertThat(inputs.exists("golden/v3/policy.json")).isTrue();
        assertThat(inputs.exists("golden/v3/nope.json")).isFalse();
    }

    @Test
    void gzipFilesStreamLineByLineAndTruncationNamesTheFile() throws IOException {
        write(root.resolve("turns/dt=2026-11-22/part-0000.jsonl.gz"), InputsS3Test.gzipLines(100_000));
        try (BufferedReader r = inputs.openText("turns/dt=2026-11-22/part-0000.jsonl.gz")) {
            assertThat(r.readLine()).isEqualTo("{\"turn_id\":\"t-0\",\"latency_ms\":0}");
            assertThat(1 + r.lines().count()).isEqualTo(100_000);
        }
        byte[] gz = InputsS3Test.gzipLines(50_000);
        write(root.resolve("turns/cut.jsonl.gz"), Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> {
            try (BufferedReader r = inputs.openText("turns/cut.jsonl.gz")) {
                r.lines().count();
            }
        }).isInstanceOf(UncheckedIOException.class).hasMessageContaining(root + "/turns/cut.jsonl.gz");
    }

    @Test
    void aMissingFileIsBadInputNamingThePath() {
        assertThatThrownBy(() -> inputs.open("golden/v9/golden.jsonl"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("input not found: " + root + "/golden/v9/golden.jsonl");
        assertThatThrownBy(() -> inputs.resolve(" ")).isInstanceOf(BadInputException.class).hasMessage("an input location is required");
    }
}
