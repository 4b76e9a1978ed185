package dev.evalops.safemode;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.evalops.catalogue.Parameters;
import dev.evalops.flags.Flag;
import dev.evalops.flags.FlagStore;
import dev.evalops.metrics.MetricDatum;
import dev.evalops.metrics.MetricNames;
import dev.evalops.metrics.MetricsSink;
import dev.evalops.safemode.SafeModeChange.Transition;
import dev.evalops.safemode.SafeModeState.AlarmEntry;
import dev.evalops.safemode.SafeModeState.ExitRecord;
import dev.evalops.trigger.Trigger.AlarmState;

/**
 * The safe-mode switch ({@code /evalops/<env>/safe-mode}, route-only while on). Every change is a
 * read-decide-write through {@link FlagStore#update}, so concurrent alarms never lose each other's entries
 * and exactly one of them turns safe mode on. Publishes {@code SafeModeEnabled} (0/1) after each operation.
 */
@ApplicationScoped
public class SafeModeService {
    public static final String FLAG = Parameters.SAFE_MODE;
    public static final String METRIC = MetricNames.SAFE_MODE_ENABLED;
    private static final Logger LOG = Logger.getLogger(SafeModeService.class);

    private final FlagStore flags;
    private final MetricsSink metrics;
    private final Clock clock;

    public SafeModeService(FlagStore flags, MetricsSink metrics, Clock clock) {
        this.flags = flags;
        this.metrics = metrics;
        this.clock = clock;
    }

    public String parameterName() {
        return flags.parameterName(FLAG);
    }

    public Flag<SafeModeState> current() {
        return flags.read(FLAG, SafeModeState.class).orElseGet(() -> new Flag<>(FLAG, SafeModeState.absent(), 0, null));
    }

    /**
     * A customer-harm alarm in ALARM: turns safe mode on if it is off, and records the alarm in the episode
     * either way without touching {@code since}.
     *
     * @param claimRun the drift run this alarm would gather evidence into; it becomes the episode's evidence run
     *                 if the episode has none yet
     */
    public SafeModeChange raise(String alarmName, Instant seenAt, String reason, String claimRun) {
        return change(current -> {
            if (!current.enabled()) {
                Instant now = clock.instant();
                SafeModeState on = new SafeModeState(true, "alarm " + alarmName + ": " + reason, "alarm:" + alarmName, alarmName, now,
                        List.of(new AlarmEntry(alarmName, AlarmState.ALARM, seenAt, seenAt, reason)), claimRun, current.lastExit());
                return Optional.of(new Decision(Transition.TURNED_ON, on, true));
            }
            Optional<AlarmEntry> known = current.alarmNamed(alarmName);
            AlarmEntry entry = known
                    .map(a -> new AlarmEntry(alarmName, AlarmState.ALARM, a.firstSeen(), latest(a.lastSeen(), seenAt), reason))
                    .orElse(new AlarmEntry(alarmName, AlarmState.ALARM, seenAt, seenAt, reason));
            boolean claim = current.evidenceRun() == null;
            SafeModeState next = current.withAlarm(entry);
            if (claim) {
                next = next.withEvidenceRun(claimRun);
            }
            return Optional.of(new Decision(known.isPresent() ? Transition.ALARM_REFRESHED : Transition.ALARM_ADDED, next, claim));
        });
    }

    /** An OK or INSUFFICIENT_DATA notification: recorded on the alarm's entry; safe mode never goes off by itself. */
    public SafeModeChange recordAlarmState(String alarmName, AlarmState state, Instant seenAt, String reason) {
        return change(current -> current.alarmNamed(alarmName)
                .filter(a -> current.enabled())
                .map(a -> new Decision(Transition.ALARM_STATE_RECORDED,
                        current.withAlarm(new AlarmEntry(alarmName, state, a.firstSeen(), latest(a.lastSeen(), seenAt), reason)), false)));
    }

    /** A person turns safe mode on; an episode already running is left as it is. */
    public SafeModeChange enter(String by, String reason) {
        return change(current -> {
            if (current.enabled()) {
                return Optional.of(new Decision(Transition.ALREADY_ON, null, false));
            }
            return Optional.of(new Decision(Transition.TURNED_ON,
                    new SafeModeState(true, reason, by, null, clock.instant(), List.of(), null, current.lastExit()), false));
        });
    }

    /**
     * Turns safe mode off, but only if the episode is still the one that was assessed (same {@code since},
     * same alarms): an alarm that joined in between must be assessed too.
     */
    public SafeModeChange exit(SafeModeState assessed, ExitRecord exit) {
        return change(current -> {
            if (!current.enabled()) {
                return Optional.of(new Decision(Transition.ALREADY_OFF, null, false));
            }
            if (!Objects.equals(current.since(), assessed.since()) || !current.alarmNames().equals(assessed.alarmNames())) {
                return Optional.of(new Decision(Transition.CHANGED_WHILE_ASSESSING, null, false));
            }
            return Optional.of(new Decision(Transition.TURNED_OFF,
                    new SafeModeState(false, exit.reason(), exit.by(), null, null, List.of(), null, exit), false));
        });
    }

    /**
     * Publishes {@code SafeModeEnabled}. A metrics outage must not undo or fail a safe-mode change that is already
     * in place, so a failure is returned as a warning instead of thrown.
     */
    public Optional<String> publish(SafeModeState state) {
        try {
            metrics.publish(List.of(MetricDatum.of(METRIC, state.enabled() ? 1 : 0, "None", clock.instant())));
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.warnf("could not publish %s: %s", METRIC, e.getMessage());
            return Optional.of("metric " + METRIC + " not published: " + e.getMessage());
        }
    }

    /** Decision = the transition and the value to write (null = write nothing). */
    private record Decision(Transition transition, SafeModeState next, boolean claimedEvidence) {
    }

    private SafeModeChange change(Function<SafeModeState, Optional<Decision>> decide) {
        FlagStore.Decided<SafeModeState, Decision> d = flags.decide(FLAG, SafeModeState.class,
                value -> decide.apply(value.orElseGet(SafeModeState::absent)).orElse(new Decision(Transition.UNCHANGED, null, false)),
                decision -> Optional.ofNullable(decision.next()));
        SafeModeState before = d.before().orElseGet(SafeModeState::absent);
        SafeModeState after = d.after().value() == null ? before : d.after().value();
        return new SafeModeChange(d.decision().transition(), before, after, d.after().version(), d.decision().claimedEvidence());
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
