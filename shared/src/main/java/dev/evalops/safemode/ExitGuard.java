package dev.evalops.safemode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.evalops.safemode.ExitAssessment.AlarmCheck;
import dev.evalops.trigger.Trigger.AlarmState;

/**
 * The way back from safe mode, from the runbook: every alarm that put it on is OK now, the newest golden run
 * since the episode began passed, and a person attests that manual QA is clean. Read-only.
 */
public final class ExitGuard {
    private final AlarmStates alarmStates;
    private final GoldenRuns goldenRuns;

    public ExitGuard(AlarmStates alarmStates, GoldenRuns goldenRuns) {
        this.alarmStates = alarmStates;
        this.goldenRuns = goldenRuns;
    }

    /** @param state an episode in progress ({@code enabled}, with {@code since}) */
    public ExitAssessment assess(SafeModeState state, boolean qaClean) {
        if (!state.enabled() || state.since() == null) {
            throw new IllegalArgumentException("safe mode is off: there is no episode to assess");
        }
        List<String> missing = new ArrayList<>();
        List<AlarmCheck> checks = new ArrayList<>();
        Map<String, AlarmState> now = state.alarms().isEmpty() ? Map.of() : alarmStates.current(state.alarmNames());
        for (String name : state.alarmNames()) {
            AlarmState s = now.get(name);
            checks.add(new AlarmCheck(name, s, s == AlarmState.OK));
            if (s == null) {
                missing.add("alarm " + name + " does not exist any more (" + alarmStates.source() + "), so it cannot be OK: exit with force");
            } else if (s != AlarmState.OK) {
                missing.add("alarm " + name + " is " + s + " now (" + alarmStates.source() + "), must be OK");
            }
        }
        Optional<GoldenRunEvidence> golden = goldenRuns.newestSince(state.since());
        if (golden.isEmpty()) {
            missing.add("no golden-set run completed since safe mode began at " + state.since() + ", need one with verdict PASS");
        } else if (!golden.get().passed()) {
            missing.add("the newest golden-set run since " + state.since() + " (" + golden.get().runId() + ") has verdict "
                    + golden.get().verdict() + ", must be PASS");
        }
        if (!qaClean) {
            missing.add("manual QA not attested: send qaClean: true with by and reason once QA of recent replies is clean");
        }
        return new ExitAssessment(missing.isEmpty(), missing, checks, alarmStates.source(), golden.orElse(null), qaClean);
    }
}
