package dev.evalops.artifacts;

import java.time.Instant;

import dev.evalops.sanitize.Sanitizer;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A named reference to a completed run, e.g. {@code eval_runs/golden/latest.json} or
 * {@code baseline.json}. Moved only after the run's manifest exists. {@code updatedBy} is sanitized: it is free text
 * (a run's reason, a person) written outside the run's sanitizing {@link RunWriter}.
 */
@RegisterForReflection
public record Pointer(String kind, String date, String runId, String prefix, Instant updatedAt, String updatedBy) {
    public Pointer {
        updatedBy = Sanitizer.forProcess().clean(updatedBy);
    }

    public RunRef run() {
        return RunRef.parsePrefix(prefix);
    }
}
