package dev.evalops.safemode;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.evalops.flags.Flag;
import dev.evalops.flags.SsmFlagStore;
import dev.evalops.safemode.SafeModeChange.Transition;
import dev.evalops.testing.AwsEmulator;

/**
 * Ten alarms at once against the emulator's SSM, each through its own service and store (as ten Lambda
 * instances would): one off-to-on transition, ten recorded alarms, one claimed evidence run.
 */
class SafeModeRaceTest {
    @Test
    void tenConcurrentAlarmsMakeOneTransitionAndTenRecordedAlarms() throws Exception {
        AwsEmulator aws = AwsEmulator.get();
        String env = aws.newEnv("race");
        int alarms = 10;
        ExecutorService pool = Executors.newFixedThreadPool(alarms);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<SafeModeChange>> results = new ArrayList<>();
        for (int i = 0; i < alarms; i++) {
            String alarm = "evalops-race-tier0-" + i;
            SafeModeService instance = new SafeModeService(new SsmFlagStore(aws.ssm(), "/evalops/" + env), data -> {
            }, Clock.systemUTC());
            results.add(pool.submit(() -> {
                start.await();
                return instance.raise(alarm, Instant.now(), "Threshold Crossed", "eval_runs/drift/2026-11-22/drift-" + alarm + "/");
            }));
        }
        start.countDown();
        List<SafeModeChange> changes = new ArrayList<>();
        for (Future<SafeModeChange> f : results) {
            changes.add(f.get());
        }
        pool.shutdown();

        assertThat(changes).filteredOn(c -> c.transition() == Transition.TURNED_ON).hasSize(1);
        assertThat(changes).filteredOn(c -> c.transition() == Transition.ALARM_ADDED).hasSize(alarms - 1);
        assertThat(changes).filteredOn(SafeModeChange::claimedEvidence).hasSize(1);

        SafeModeService reader = new SafeModeService(new SsmFlagStore(aws.ssm(), "/evalops/" + env), data -> {
        }, Clock.systemUTC());
        SafeModeState end = reader.current().value();
        assertThat(end.enabled()).isTrue();
        assertThat(end.alarmNames()).hasSize(alarms).doesNotHaveDuplicates();
        SafeModeChange first = changes.stream().filter(c -> c.transition() == Transition.TURNED_ON).findFirst().orElseThrow();
        assertThat(end.since()).as("since is the first transition's, never rewritten").isEqualTo(first.after().since());
        assertThat(end.evidenceRun()).isEqualTo(first.after().evidenceRun());
        List<Flag<SafeModeState>> history = new SsmFlagStore(aws.ssm(), "/evalops/" + env).history(SafeModeService.FLAG, SafeModeState.class);
        assertThat(history.stream().filter(f -> f.value().enabled()).map(f -> f.value().alarms().size()))
                .as("each accepted version adds exactly one alarm").containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        String raw = aws.ssm().getParameter(b -> b.name("/evalops/" + env + "/safe-mode")).parameter().value();
        assertThat(raw).as("what the router reads directly").contains("\"enabled\":true");
    }
}
