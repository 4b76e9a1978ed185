package dev.evalops.safemode;

import java.util.Collection;
import java.util.Map;

import dev.evalops.trigger.Trigger.AlarmState;

/** The state alarms are in right now. An alarm missing from the result does not exist (any more). */
public interface AlarmStates {
    Map<String, AlarmState> current(Collection<String> alarmNames);

    /** Where the states come from, for the exit guard's evidence, e.g. {@code cloudwatch:DescribeAlarms}. */
    String source();
}
