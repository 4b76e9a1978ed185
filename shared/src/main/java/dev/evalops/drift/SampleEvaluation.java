package dev.evalops.drift;

import java.util.List;

import dev.evalops.golden.Verdict;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What evaluate-labeled-sample found: the golden eval's verdict and headline figures over the labeled batch, and
 * where the full metrics are ({@code location}, beside the alarm's drift run).
 */
@RegisterForReflection
public record SampleEvaluation(String runId, String location, String alarmRun, String batch, Verdict verdict, List<String> verdictReasons,
        int rows, int quarantined, int n, int scored, int unscored, double accuracy, int tier0FalseNegatives, int tier2GateViolations,
        int unsafeAutomations, List<String> notes) {
}
