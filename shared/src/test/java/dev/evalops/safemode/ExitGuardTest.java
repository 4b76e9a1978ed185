package dev.evalops.safemode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.evalops.artifacts.LocalArtifactStore;
import dev.evalops.safemode.SafeModeState.AlarmEntry;
import dev.evalops.testing.AwsEmulator;
import dev.evalops.testing.SettableClock;
import dev.evalops.trigger.Trigger.AlarmState;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/** The exit guard over real alarms in the emulator's CloudWatch and golden runs in a local artifact store. */
class ExitGuardTest {
    private static final Instant SINCE = Instant.parse("2026-11-22T14:03:12Z");

    private final CloudWatchClient cloudWatch = AwsEmulator.get().cloudWatch();
    private final SettableClock clock = new SettableClock(SINCE.minus(Duration.ofHours(3)));
    private LocalArtifactStore store;
    private ExitGuard guard;
    private String tier0;
    private String accuracy;

    @BeforeEach
    void setUp(@TempDir Path dir) {
        store = new LocalArtifactStore(dir, clock);
        guard = new ExitGuard(new CloudWatchAlarmStates(cloudWatch), new GoldenRuns(store));
        String suffix = Long.toHexString(System.nanoTime());
        tier0 = alarm("evalops-test-tier0-fn-" + suffix, StateValue.ALARM);
        accuracy = alarm("evalops-test-intent-accuracy-" + suffix, StateValue.ALARM);
    }

    @Test
    void refusesWhileAnAlarmIsStillInAlarmAndSaysWhich() {
        setState(tier0, StateValue.OK);
        passingGoldenRunAfterSince();
        ExitAssessment a = guard.assess(episode(tier0, accuracy), true);
        assertThat(a.ready()).isFalse();
        assertThat(a.missing()).singleElement().asString().contains(accuracy).contains("is ALARM now").contains("must be OK");
        assertThat(a.alarms()).extracting(ExitAssessment.AlarmCheck::name, ExitAssessment.AlarmCheck::stateNow)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(tier0, AlarmState.OK),
                        org.assertj.core.groups.Tuple.tuple(accuracy, AlarmState.ALARM));
        assertThat(a.alarmSource()).isEqualTo("cloudwatch:DescribeAlarms");
    }

    @Test
    void insufficientDataIsNotOk() {
        setState(tier0, StateValue.INSUFFICIENT_DATA);
        passingGoldenRunAfterSince();
        assertThat(guard.assess(episode(tier0), true).missing()).singleElement().asString().contains("is INSUFFICIENT_DATA now");
    }

    @Test
    void aDeletedAlarmCannotBeOkAndNeedsForce() {
        cloudWatch.deleteAlarms(b -> b.alarmNames(tier0));
        passingGoldenRunAfterSince();
        assertThat(guard.assess(episode(tier0), true).missing()).singleElement().asString()
                .contains(tier0).contains("does not exist any more").contains("force");
    }

    @Test
    void needsAGoldenRunCompletedSinceSafeModeBegan() {
        setState(tier0, StateValue.OK);
        // Same day, but completed before the episode began: says nothing about it.
        GoldenRunsFixture.completed(store, clock, "golden-20261122-1100-aaaa", "PASS");
        ExitAssessment a = guard.assess(episode(tier0), true);
        assertThat(a.missing()).singleElement().asString().contains("no golden-set run completed since safe mode began at " + SINCE);
        assertThat(a.goldenRun()).isNull();
    }

    @Test
    void theNewestGoldenRunSinceMustPass() {
        setState(tier0, StateValue.OK);
        clock.set(SINCE.plus(Duration.ofMinutes(20)));
        GoldenRunsFixture.completed(store, clock, "golden-20261122-1423-bbbb", "PASS");
        clock.set(SINCE.plus(Duration.ofMinutes(50)));
        GoldenRunsFixture.completed(store, clock, "golden-20261122-1453-cccc", "STOP");
        ExitAssessment a = guard.assess(episode(tier0), true);
        assertThat(a.missing()).singleElement().asString().contains("golden-20261122-1453-cccc").contains("verdict STOP").contains("must be PASS");
        assertThat(a.goldenRun().runId()).isEqualTo("golden-20261122-1453-cccc");
    }

    @Test
    void aGoldenRunOnALaterDayCounts() {
        setState(tier0, StateValue.OK);
        clock.set(SINCE.plus(Duration.ofDays(1)));
        GoldenRunsFixture.completed(store, clock, "golden-20261123-1403-dddd", "PASS");
        ExitAssessment a = guard.assess(episode(tier0), true);
        assertThat(a.ready()).isTrue();
        assertThat(a.goldenRun().runId()).isEqualTo("golden-20261123-1403-dddd");
        assertThat(a.goldenRun().location()).contains("eval_runs/golden/2026-11-23/golden-20261123-1403-dddd");
    }

    @Test
    void needsTheQaAttestation() {
        setState(tier0, StateValue.OK);
        passingGoldenRunAfterSince();
        ExitAssessment a = guard.assess(episode(tier0), false);
        assertThat(a.missing()).singleElement().asString().contains("manual QA not attested").contains("qaClean");
    }

    @Test
    void readyWhenEveryAlarmIsOkTheGoldenRunPassedAndQaIsClean() {
        setState(tier0, StateValue.OK);
        setState(accuracy, StateValue.OK);
        passingGoldenRunAfterSince();
        ExitAssessment a = guard.assess(episode(tier0, accuracy), true);
        assertThat(a.ready()).isTrue();
        assertThat(a.missing()).isEmpty();
        assertThat(a.goldenRun().passed()).isTrue();
    }

    @Test
    void aManualEpisodeHasNoAlarmsToCheck() {
        passingGoldenRunAfterSince();
        assertThat(guard.assess(episode(), true).ready()).isTrue();
    }

    @Test
    void listsEveryMissingPieceAtOnce() {
        assertThat(guard.assess(episode(tier0, accuracy), false).missing()).hasSize(4);
    }

    @Test
    void thereIsNothingToAssessWhileOff() {
        assertThatThrownBy(() -> guard.assess(SafeModeState.absent(), true)).isInstanceOf(IllegalArgumentException.class);
    }

    private void passingGoldenRunAfterSince() {
        clock.set(SINCE.plus(Duration.ofMinutes(30)));
        GoldenRunsFixture.completed(store, clock, "golden-20261122-1433-eeee", "PASS");
    }

    private static SafeModeState episode(String... alarms) {
        List<AlarmEntry> entries = java.util.Arrays.stream(alarms)
                .map(a -> new AlarmEntry(a, AlarmState.ALARM, SINCE, SINCE, "Threshold Crossed")).toList();
        return new SafeModeState(true, "test", "alarm:x", alarms.length == 0 ? null : alarms[0], SINCE, entries, null, null);
    }

    private String alarm(String name, StateValue state) {
        cloudWatch.putMetricAlarm(b -> b.alarmName(name).namespace("EvalOps").metricName("Tier0FalseNegatives")
                .statistic(Statistic.SUM).period(300).evaluationPeriods(1).threshold(1.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD));
        setState(name, state);
        return name;
    }

    private void setState(String name, StateValue state) {
        cloudWatch.setAlarmState(b -> b.alarmName(name).stateValue(state).stateReason("test"));
    }
}
