package dev.evalops.safemode;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.evalops.trigger.Trigger.AlarmState;

/**
 * For local runs without CloudWatch: the state each alarm was in at its last notification, as recorded in
 * the safe-mode flag. Weaker than asking CloudWatch (a lost OK keeps an alarm in ALARM here), which errs on
 * the side of staying in safe mode.
 */
public final class RecordedAlarmStates implements AlarmStates {
    private final SafeModeService safeMode;

    public RecordedAlarmStates(SafeModeService safeMode) {
        this.safeMode = safeMode;
    }

    @Override
    public Map<String, AlarmState> current(Collection<String> alarmNames) {
        SafeModeState state = safeMode.current().value();
        Map<String, AlarmState> states = new LinkedHashMap<>();
        for (String name : alarmNames) {
            state.alarmNamed(name).ifPresent(a -> states.put(name, a.state()));
        }
        return states;
    }

    @Override
    public String source() {
        return "recorded notifications in " + safeMode.parameterName();
    }
}
