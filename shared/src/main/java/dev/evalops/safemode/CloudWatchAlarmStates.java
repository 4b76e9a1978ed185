package dev.evalops.safemode;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.evalops.trigger.Trigger.AlarmState;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * Asks CloudWatch ({@code DescribeAlarms}) rather than trusting the notifications we received: an OK
 * notification can be lost, and an alarm can flap back to ALARM after it.
 */
public final class CloudWatchAlarmStates implements AlarmStates {
    /** DescribeAlarms accepts at most 100 names per call. */
    static final int MAX_NAMES = 100;

    private final CloudWatchClient cloudWatch;

    public CloudWatchAlarmStates(CloudWatchClient cloudWatch) {
        this.cloudWatch = cloudWatch;
    }

    @Override
    public Map<String, AlarmState> current(Collection<String> alarmNames) {
        List<String> names = List.copyOf(alarmNames);
        Map<String, AlarmState> states = new LinkedHashMap<>();
        for (int from = 0; from < names.size(); from += MAX_NAMES) {
            List<String> chunk = names.subList(from, Math.min(names.size(), from + MAX_NAMES));
            try {
                // Composite alarms are listed only when asked for; an alarm of either type may have put safe mode on.
                for (DescribeAlarmsResponse page : cloudWatch.describeAlarmsPaginator(b -> b.alarmNames(chunk)
                        .alarmTypesWithStrings("MetricAlarm", "CompositeAlarm"))) {
                    for (MetricAlarm a : page.metricAlarms()) {
                        states.put(a.alarmName(), toState(a.stateValue()));
                    }
                    for (CompositeAlarm a : page.compositeAlarms()) {
                        states.put(a.alarmName(), toState(a.stateValue()));
                    }
                }
            } catch (SdkException e) {
                throw new IllegalStateException("CloudWatch DescribeAlarms failed for " + chunk + ": " + e.getMessage(), e);
            }
        }
        return states;
    }

    @Override
    public String source() {
        return "cloudwatch:DescribeAlarms";
    }

    private static AlarmState toState(StateValue value) {
        return switch (value) {
            case OK -> AlarmState.OK;
            case ALARM -> AlarmState.ALARM;
            default -> AlarmState.INSUFFICIENT_DATA;
        };
    }
}
