package dev.evalops.drift;

import java.time.Instant;
import java.util.List;

import dev.evalops.golden.GoldenMetrics;
import dev.evalops.golden.Policy;
import dev.evalops.golden.QuarantinedRow;
import dev.evalops.golden.Verdict;
import dev.evalops.golden.VerdictDecision;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code metrics.json} of a labeled-sample evaluation: top-level {@code verdict}, {@code run_id}, {@code reason} like a
 * golden run's, the same {@link GoldenMetrics} under {@code metrics}, and what the batch was scored against.
 */
@RegisterForReflection
public record LabeledSampleReport(String runId, Instant evaluatedAt, String reason, Verdict verdict, List<String> verdictReasons,
        List<VerdictDecision.GateCheck> gates, String alarmRun, String batch, String predictions, String policyLocation, Policy policy,
        int rows, List<QuarantinedRow> quarantined, List<String> replayProblems, List<String> notes, GoldenMetrics metrics) {
}
