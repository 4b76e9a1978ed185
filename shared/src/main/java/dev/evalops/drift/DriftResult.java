package dev.evalops.drift;

import java.util.List;

import dev.evalops.core.Outcome;
import dev.evalops.safemode.ExitAssessment;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The handler's answer: what was done ({@code done}, one sentence per step), the safe-mode flag afterwards, and
 * links to the decision-log entry and the evidence. {@code outcome} PASS = done as asked; GATES_FAILED = an exit
 * refused; INTERNAL_ERROR = handled, but evidence could not be gathered (see {@code warnings}).
 */
@RegisterForReflection
public record DriftResult(Outcome outcome, String action, String result, List<String> done, SafeModeStatus safeMode,
        AlarmView alarm, String decisionLog, String driftRun, SampleSummary sample, HarnessStart harness,
        ExitAssessment exit, SampleEvaluation evaluation, List<String> warnings) {

    public DriftResult {
        done = List.copyOf(done);
        warnings = List.copyOf(warnings);
    }
}
