package dev.evalops.smoke;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code results.json}: the summary plus every case, attempt, call and check (expected vs actual). */
@RegisterForReflection
public record SmokeResults(SmokeRunResult summary, Instant startedAt, Instant finishedAt, int retries, List<CaseResult> cases) {
    public SmokeResults {
        cases = List.copyOf(cases);
    }
}
