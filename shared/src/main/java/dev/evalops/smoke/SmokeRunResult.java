package dev.evalops.smoke;

import java.util.List;

import dev.evalops.core.Outcome;
import dev.evalops.release.GateChange;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The summary a run returns (and {@code ./evalops smoke} prints). Red is a normal result with outcome
 * {@link Outcome#GATES_FAILED}: an asynchronous EventBridge invocation would retry a thrown error and re-run
 * the suite twice.
 *
 * @param gate null on a dry run (the gate is not touched)
 */
@RegisterForReflection
public record SmokeRunResult(Outcome outcome, String status, String runId, String suite, String suiteSource, boolean dryRun,
        int cases, int passed, int failed, int flaky, List<String> failedCases, List<String> flakyCases, String reason,
        Long latencyP95Ms, GateChange gate, String artifacts) implements SmokeResponse {
    public static final String GREEN = "green";
    public static final String RED = "red";

    public SmokeRunResult {
        failedCases = List.copyOf(failedCases);
        flakyCases = List.copyOf(flakyCases);
    }
}
