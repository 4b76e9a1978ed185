package dev.evalops.safemode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.evalops.flags.LocalFlagStore;
import dev.evalops.metrics.MetricDatum;
import dev.evalops.metrics.MetricsSink;
import dev.evalops.safemode.SafeModeChange.Transition;
import dev.evalops.safemode.SafeModeState.ExitRecord;
import dev.evalops.testing.SettableClock;
import dev.evalops.trigger.Trigger.AlarmState;

/** The switch's decisions on the local flag store (same optimistic-concurrency contract as SSM). */
class SafeModeServiceTest {
    private static final Instant T0 = Instant.parse("2026-11-22T14:03:11Z");

    private final SettableClock clock = new SettableClock(T0.plusSeconds(1));
    private final List<MetricDatum> published = new ArrayList<>();
    private SafeModeService safeMode;

    @BeforeEach
    void setUp(@TempDir Path dir) {
        MetricsSink sink = published::addAll;
        safeMode = new SafeModeService(new LocalFlagStore(dir, "/evalops/test", clock), sink, clock);
    }

    @Test
    void aMissingParameterReadsAsOff() {
        assertThat(safeMode.current().value().enabled()).isFalse();
        assertThat(safeMode.current().version()).isZero();
    }

    @Test
    void theFirstAlarmTurnsSafeModeOnAndClaimsTheEvidenceRun() {
        SafeModeChange c = safeMode.raise("tier0-fn", T0, "Threshold Crossed", "eval_runs/drift/2026-11-22/drift-1/");
        assertThat(c.transition()).isEqualTo(Transition.TURNED_ON);
        assertThat(c.claimedEvidence()).isTrue();
        assertThat(c.before().enabled()).isFalse();
        SafeModeState on = safeMode.current().value();
        assertThat(on.enabled()).isTrue();
        assertThat(on.since()).isEqualTo(clock.instant());
        assertThat(on.setBy()).isEqualTo("alarm:tier0-fn");
        assertThat(on.alarm()).isEqualTo("tier0-fn");
        assertThat(on.reason()).contains("tier0-fn").contains("Threshold Crossed");
        assertThat(on.evidenceRun()).isEqualTo("eval_runs/drift/2026-11-22/drift-1/");
        assertThat(on.alarms()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("tier0-fn");
            assertThat(a.state()).isEqualTo(AlarmState.ALARM);
            assertThat(a.firstSeen()).isEqualTo(T0);
            assertThat(a.lastSeen()).isEqualTo(T0);
        });
    }

    @Test
    void aReAlarmRefreshesItsEntryAndKeepsSince() {
        safeMode.raise("tier0-fn", T0, "r", "run-1");
        Instant since = safeMode.current().value().since();
        clock.advance(Duration.ofMinutes(10));
        SafeModeChange again = safeMode.raise("tier0-fn", T0.plus(Duration.ofMinutes(10)), "r2", "run-2");
        assertThat(again.transition()).isEqualTo(Transition.ALARM_REFRESHED);
        assertThat(again.claimedEvidence()).isFalse();
        SafeModeState s = safeMode.current().value();
        assertThat(s.since()).isEqualTo(since);
        assertThat(s.evidenceRun()).isEqualTo("run-1");
        assertThat(s.alarms()).singleElement().satisfies(a -> {
            assertThat(a.firstSeen()).isEqualTo(T0);
            assertThat(a.lastSeen()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
            assertThat(a.reason()).isEqualTo("r2");
        });
    }

    @Test
    void aSecondAlarmJoinsTheEpisodeWithoutRewritingSince() {
        safeMode.raise("tier0-fn", T0, "r", "run-1");
        Instant since = safeMode.current().value().since();
        clock.advance(Duration.ofMinutes(3));
        SafeModeChange c = safeMode.raise("intent-accuracy", T0.plus(Duration.ofMinutes(3)), "r", "run-2");
        assertThat(c.transition()).isEqualTo(Transition.ALARM_ADDED);
        assertThat(safeMode.current().value().since()).isEqualTo(since);
        assertThat(safeMode.current().value().alarmNames()).containsExactly("tier0-fn", "intent-accuracy");
        assertThat(safeMode.current().value().alarm()).isEqualTo("tier0-fn");
    }

    @Test
    void anOlderDuplicateNotificationDoesNotMoveLastSeenBack() {
        safeMode.raise("tier0-fn", T0.plusSeconds(60), "r", "run-1");
        safeMode.raise("tier0-fn", T0, "r", "run-2");
        assertThat(safeMode.current().value().alarms().get(0).lastSeen()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void anOkIsRecordedButNeverTurnsSafeModeOff() {
        safeMode.raise("tier0-fn", T0, "r", "run-1");
        SafeModeChange ok = safeMode.recordAlarmState("tier0-fn", AlarmState.OK, T0.plusSeconds(300), "back to normal");
        assertThat(ok.transition()).isEqualTo(Transition.ALARM_STATE_RECORDED);
        SafeModeState s = safeMode.current().value();
        assertThat(s.enabled()).isTrue();
        assertThat(s.alarms().get(0).state()).isEqualTo(AlarmState.OK);
        assertThat(s.alarms().get(0).lastSeen()).isEqualTo(T0.plusSeconds(300));
    }

    @Test
    void anOkForAnAlarmOutsideTheEpisodeChangesNothing() {
        long before = safeMode.raise("tier0-fn", T0, "r", "run-1").version();
        SafeModeChange ok = safeMode.recordAlarmState("p95-latency", AlarmState.OK, T0, "fine");
        assertThat(ok.transition()).isEqualTo(Transition.UNCHANGED);
        assertThat(ok.wrote()).isFalse();
        assertThat(safeMode.current().version()).isEqualTo(before);
    }

    @Test
    void aManualEnterStartsAnEpisodeWithoutAlarmsAndTheNextAlarmClaimsTheEvidence() {
        assertThat(safeMode.enter("alice", "customer reports").transition()).isEqualTo(Transition.TURNED_ON);
        assertThat(safeMode.enter("bob", "again").transition()).isEqualTo(Transition.ALREADY_ON);
        SafeModeState s = safeMode.current().value();
        assertThat(s.setBy()).isEqualTo("alice");
        assertThat(s.alarms()).isEmpty();
        SafeModeChange c = safeMode.raise("tier0-fn", T0, "r", "run-9");
        assertThat(c.transition()).isEqualTo(Transition.ALARM_ADDED);
        assertThat(c.claimedEvidence()).isTrue();
        assertThat(safeMode.current().value().evidenceRun()).isEqualTo("run-9");
    }

    @Test
    void exitTurnsOffTheAssessedEpisodeAndKeepsTheExitRecord() {
        safeMode.raise("tier0-fn", T0, "r", "run-1");
        SafeModeState assessed = safeMode.current().value();
        ExitRecord exit = new ExitRecord(T0.plusSeconds(3600), "alice", "golden green", false, true, assessed.since(),
                assessed.alarmNames(), "s3://b/eval_runs/golden/x", List.of());
        SafeModeChange c = safeMode.exit(assessed, exit);
        assertThat(c.transition()).isEqualTo(Transition.TURNED_OFF);
        SafeModeState off = safeMode.current().value();
        assertThat(off.enabled()).isFalse();
        assertThat(off.since()).isNull();
        assertThat(off.alarms()).isEmpty();
        assertThat(off.lastExit()).isEqualTo(exit);
        assertThat(safeMode.exit(assessed, exit).transition()).isEqualTo(Transition.ALREADY_OFF);
    }

    @Test
    void exitIsNotWrittenWhenAnAlarmJoinedAfterTheAssessment() {
        safeMode.raise("tier0-fn", T0, "r", "run-1");
        SafeModeState assessed = safeMode.current().value();
        safeMode.raise("intent-accuracy", T0, "r", "run-2");
        SafeModeChange c = safeMode.exit(assessed, new ExitRecord(T0, "alice", "x", false, true, assessed.since(),
                assessed.alarmNames(), null, List.of()));
        assertThat(c.transition()).isEqualTo(Transition.CHANGED_WHILE_ASSESSING);
        assertThat(safeMode.current().value().enabled()).isTrue();
    }

    @Test
    void publishesSafeModeEnabledZeroOrOne() {
        safeMode.publish(safeMode.current().value());
        safeMode.raise("tier0-fn", T0, "r", "run-1");
        safeMode.publish(safeMode.current().value());
        assertThat(published).extracting(MetricDatum::name).containsOnly("SafeModeEnabled");
        assertThat(published).extracting(MetricDatum::value).containsExactly(0.0, 1.0);
    }

    @Test
    void aMetricsOutageIsAWarningNotAFailure() {
        SafeModeService broken = new SafeModeService(new LocalFlagStore(Path.of("target/unused"), "/evalops/test", clock), data -> {
            throw new IllegalStateException("CloudWatch down");
        }, clock);
        assertThat(broken.publish(SafeModeState.absent())).hasValueSatisfying(w -> assertThat(w).contains("SafeModeEnabled").contains("CloudWatch down"));
    }

    @Test
    void readsTheInitialValueThatInitWrites() throws Exception {
        SafeModeState initial = dev.evalops.core.Json.mapper().readValue(dev.evalops.testing.AwsEmulator.SAFE_MODE_INITIAL, SafeModeState.class);
        assertThat(initial.enabled()).isFalse();
        assertThat(initial.setBy()).isEqualTo("init");
        assertThat(initial.alarms()).isEmpty();
        assertThat(initial.since()).isNull();
    }
}
