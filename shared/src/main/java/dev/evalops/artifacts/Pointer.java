package dev.evalops.artifacts;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A named reference to a completed run, e.g. {@code eval_runs/golden/latest.json} or
 * {@code baseline.json}. Moved only after the run's manifest exists.
 */
@RegisterForReflection
public record Pointer(String kind, String date, String runId, String prefix, Instant updatedAt, String updatedBy) {
    public RunRef run() {
        return RunRef.parsePrefix(prefix);
    }
}
