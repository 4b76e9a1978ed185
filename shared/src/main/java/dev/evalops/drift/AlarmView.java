package dev.evalops.drift;

import java.time.Instant;

import dev.evalops.trigger.Trigger;
import dev.evalops.trigger.Trigger.AlarmState;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The alarm as received and classified ({@code alarm.json}, decision log, response). */
@RegisterForReflection
public record AlarmView(String name, AlarmState state, AlarmState previousState, Trigger.Via via, String arn, String reason,
        Instant time, boolean customerHarmPossible, String rule) {

    static AlarmView of(Trigger.Alarm alarm, AlarmClassifier.AlarmClass cls) {
        return new AlarmView(alarm.alarmName(), alarm.state(), alarm.previousState().orElse(null), alarm.via(), alarm.alarmArn(),
                alarm.reason(), alarm.time(), cls.customerHarmPossible(), cls.rule());
    }
}
