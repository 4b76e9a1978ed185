package dev.evalops.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.evalops.rollup.TurnIdIndex.Seen;

class TurnIdIndexTest {

    @Test
    void aDaysIdsAreForgottenOnceEveryPartitionThatMayHoldThemIsDone() {
        // Partitions 100, 101, 102 with one file each; turns may arrive one partition late.
        TurnIdIndex index = new TurnIdIndex(1, Map.of(100, 1, 101, 1, 102, 1));
        assertThat(index.firstSeen(100, 100, 42)).isEqualTo(Seen.FIRST);
        assertThat(index.firstSeen(100, 100, 42)).isEqualTo(Seen.DUPLICATE);
        assertThat(index.firstSeen(101, 101, 42)).isEqualTo(Seen.FIRST);        // same hash, other day: a different turn
        assertThat(index.daysHeld()).isEqualTo(2);

        index.fileDone(100);
        assertThat(index.daysHeld()).isEqualTo(2); // day 100 can still arrive in partition 101
        // Late copies are decided once their day's own partition is read (see the test below).
        assertThat(index.firstSeen(100, 101, 42)).isEqualTo(Seen.DUPLICATE);   // re-delivered a day late
        assertThat(index.firstSeen(100, 102, 42)).isEqualTo(Seen.BEYOND_WINDOW); // two days late: not compared
        index.fileDone(101);
        assertThat(index.daysHeld()).isEqualTo(1); // day 100 released, 101 still expected in 102
        index.fileDone(102);
        assertThat(index.daysHeld()).isZero();
    }

    @Test
    void aLateCopyReadFirstStillLosesToTheOnTimeCopy() throws Exception {
        TurnIdIndex index = new TurnIdIndex(1, Map.of(100, 1, 101, 1));
        CompletableFuture<Seen> late = CompletableFuture.supplyAsync(() -> index.firstSeen(100, 101, 7));
        Thread.sleep(200); // give the late reader every chance to get there first
        assertThat(late).isNotDone();
        assertThat(index.firstSeen(100, 100, 7)).isEqualTo(Seen.FIRST);
        index.fileDone(100);
        assertThat(late.get(10, TimeUnit.SECONDS)).isEqualTo(Seen.DUPLICATE);
    }

    @Test
    void partitionsFinishingOutOfOrderReleaseNothingEarly() {
        TurnIdIndex index = new TurnIdIndex(0, Map.of(100, 2, 101, 1));
        index.firstSeen(100, 100, 1);
        index.firstSeen(101, 101, 2);
        index.fileDone(101);
        assertThat(index.daysHeld()).isEqualTo(2); // partition 100 still has a file pending
        assertThat(index.firstSeen(100, 100, 1)).isEqualTo(Seen.DUPLICATE);
        index.fileDone(100);
        index.fileDone(100);
        assertThat(index.daysHeld()).isZero();
    }
}
