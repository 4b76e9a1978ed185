package dev.evalops.safemode;

import java.util.List;

import dev.evalops.trigger.Trigger.AlarmState;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The exit guard's findings: {@code ready} when nothing is {@code missing}. The alarm checks and the golden
 * run are the evidence the decision log links to.
 */
@RegisterForReflection
public record ExitAssessment(boolean ready, List<String> missing, List<AlarmCheck> alarms, String alarmSource,
        GoldenRunEvidence goldenRun, boolean qaClean) {

    public ExitAssessment {
        missing = List.copyOf(missing);
        alarms = List.copyOf(alarms);
    }

    /** @param stateNow null when the alarm does not exist any more */
    @RegisterForReflection
    public record AlarmCheck(String name, AlarmState stateNow, boolean ok) {
    }
}
