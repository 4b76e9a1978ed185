package dev.evalops.artifacts;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Written last: a run without {@code manifest.json} is incomplete by definition. Lists every artifact
 * with its size and sha256 so a reader can verify what it downloaded.
 */
@RegisterForReflection
public record Manifest(String runId, String kind, String date, Instant completedAt, String location,
        List<Entry> artifacts) {

    public static final String FILE_NAME = "manifest.json";

    @RegisterForReflection
    public record Entry(String name, long size, String sha256, String contentType) {
    }
}
