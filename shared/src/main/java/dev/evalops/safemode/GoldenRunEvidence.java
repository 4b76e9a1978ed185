package dev.evalops.safemode;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A completed golden-set run as evidence: where it is, when it completed, its verdict (metrics.json). */
@RegisterForReflection
public record GoldenRunEvidence(String runId, String location, Instant completedAt, String verdict) {
    public static final String PASS = "PASS";

    public boolean passed() {
        return PASS.equals(verdict);
    }
}
