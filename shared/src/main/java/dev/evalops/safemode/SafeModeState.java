package dev.evalops.safemode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.evalops.trigger.Trigger.AlarmState;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The value of {@code /evalops/<env>/safe-mode} (CONTRACTS §5, extended). The router reads only
 * {@code enabled}; the rest is the audit trail of the current episode.
 *
 * @param alarm       the alarm that turned safe mode on (null when a person did)
 * @param since       when the current episode began; null while off
 * @param alarms      every customer-harm alarm seen during the episode: the exit guard needs each one OK
 * @param evidenceRun the drift run ({@code eval_runs/drift/...}) that holds the episode's problem-ticket sample;
 *                    claimed by the first alarm of the episode so concurrent alarms do not sample and start the
 *                    golden harness ten times
 * @param lastExit    how the previous episode ended
 */
@RegisterForReflection
public record SafeModeState(boolean enabled, String reason, String setBy, String alarm, Instant since,
        List<AlarmEntry> alarms, String evidenceRun, ExitRecord lastExit) {

    public SafeModeState {
        alarms = alarms == null ? List.of() : List.copyOf(alarms);
    }

    /** The parameter does not exist yet (a fresh environment without init): off. */
    public static SafeModeState absent() {
        return new SafeModeState(false, "parameter not created yet", null, null, null, List.of(), null, null);
    }

    public Optional<AlarmEntry> alarmNamed(String name) {
        return alarms.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public List<String> alarmNames() {
        return alarms.stream().map(AlarmEntry::name).toList();
    }

    /** A copy with {@code entry} replacing the alarm of the same name, or appended. */
    SafeModeState withAlarm(AlarmEntry entry) {
        List<AlarmEntry> next = new ArrayList<>(alarms.stream().map(a -> a.name().equals(entry.name()) ? entry : a).toList());
        if (alarmNamed(entry.name()).isEmpty()) {
            next.add(entry);
        }
        return new SafeModeState(enabled, reason, setBy, alarm, since, next, evidenceRun, lastExit);
    }

    SafeModeState withEvidenceRun(String run) {
        return new SafeModeState(enabled, reason, setBy, alarm, since, alarms, run, lastExit);
    }

    /** One alarm of the episode, as last notified. */
    @RegisterForReflection
    public record AlarmEntry(String name, AlarmState state, Instant firstSeen, Instant lastSeen, String reason) {
    }

    /**
     * @param episodeSince when the episode that ended had begun
     * @param missing      what the exit guard found missing (non-empty only for a forced exit)
     * @param goldenRun    the PASS golden run the exit relied on, if any
     */
    @RegisterForReflection
    public record ExitRecord(Instant at, String by, String reason, boolean forced, boolean qaClean, Instant episodeSince,
            List<String> alarms, String goldenRun, List<String> missing) {
        public ExitRecord {
            alarms = alarms == null ? List.of() : List.copyOf(alarms);
            missing = missing == null ? List.of() : List.copyOf(missing);
        }
    }
}
