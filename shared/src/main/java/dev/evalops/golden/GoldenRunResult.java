package dev.evalops.golden;

import java.util.List;

import dev.evalops.core.Outcome;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the handler returns and the launcher prints: the verdict, the headline figures and where the run's
 * artifacts are. {@code outcome} is PASS only for verdict PASS; STOP, INVESTIGATE_POLICY and REGRESSION (and a
 * refused promotion) are GATES_FAILED.
 *
 * @param action   {@code run} or {@code promote-baseline}
 * @param location the run's folder ({@code s3://bucket/eval_runs/golden/<date>/<run_id>/} or a local path); null for a dry run
 * @param mode     {@code live} or {@code replay}
 */
@RegisterForReflection
public record GoldenRunResult(Outcome outcome, String action, Verdict verdict, List<String> verdictReasons, String runId, String location,
        String goldenVersion, String reason, String mode, boolean dryRun, Integer n, Integer scored, Integer unscored, Integer quarantined,
        Double accuracy, Double macroF1, Integer tier0FalseNegatives, Integer tier2GateViolations, String baselineRunId,
        Boolean dropSignificant, Double recommendedThreshold) {
}
