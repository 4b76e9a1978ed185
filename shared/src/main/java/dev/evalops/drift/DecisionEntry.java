package dev.evalops.drift;

import java.time.Instant;
import java.util.List;

import dev.evalops.safemode.ExitAssessment;
import dev.evalops.safemode.SafeModeState;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One audit entry under {@code decision_log/}: who did what, why, on which alarm, with links to the evidence.
 *
 * @param result    what happened, e.g. {@code safe-mode-on}, {@code alarm-added}, {@code exit-refused}, {@code exited}
 * @param evidence  locations of evidence runs and documents (drift run, labeling batch, golden run, harness request)
 * @param missing   for a refusal or a forced exit: what the exit guard found missing
 */
@RegisterForReflection
public record DecisionEntry(String id, Instant at, String action, String result, String who, String why, AlarmView alarm,
        SafeModeState before, SafeModeState after, List<String> evidence, List<String> missing, boolean forced,
        ExitAssessment exitAssessment) {

    public DecisionEntry {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        missing = missing == null ? List.of() : List.copyOf(missing);
    }
}
