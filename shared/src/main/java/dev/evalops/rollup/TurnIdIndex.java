package dev.evalops.rollup;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.carrotsearch.hppc.LongHashSet;

/**
 * "Seen this turn id before?" across every file of a run, without keeping the ids: each id is remembered as a
 * 64-bit hash (MurmurHash3) in a primitive open-addressing set per turn day (the day of its {@code ts}): 8 bytes
 * per turn, 11 to 21 with the table's free slots. A day's set is dropped as soon as every partition that may hold that day's turns (its own and
 * {@code lateDays} after it) has been read, so memory follows the turns of the days in flight, about
 * {@code lateDays + 1} days of them, not the week.
 * <p>
 * Trade-offs, chosen on purpose: two different ids collide with probability about n²/2^65 (n = turns of a
 * day; 10M turns: 3·10^-6 for the whole day), which would count one real turn as a duplicate; and a copy
 * arriving more than {@code lateDays} partitions after its day is not compared at all ({@link Seen#BEYOND_WINDOW},
 * counted and reported) because its day's set is gone. Whether a given copy is compared depends only on its
 * partition and day, and a late copy is compared only once the earlier partitions are read (so the on-time copy
 * is always the one counted): never on thread timing, so the counts are deterministic.
 * <p>
 * Thread-safe: sets are striped by hash bits, each stripe under its own lock, so workers rarely wait.
 */
final class TurnIdIndex {
    enum Seen { FIRST, DUPLICATE, BEYOND_WINDOW }

    private static final int STRIPES = 32;

    private final int lateDays;
    private final Map<Integer, Stripe[]> days = new ConcurrentHashMap<>();
    /** Partitions (epoch days) still being read, with the number of their files not yet done. */
    private final TreeMap<Integer, Integer> pendingPartitions = new TreeMap<>();

    /** @param filesPerPartition epoch day of each partition to be read, with its number of files */
    TurnIdIndex(int lateDays, Map<Integer, Integer> filesPerPartition) {
        this.lateDays = lateDays;
        filesPerPartition.forEach((day, files) -> {
            if (files > 0) {
                pendingPartitions.put(day, files);
            }
        });
    }

    /**
     * @param turnDay      epoch day of the turn's {@code ts}
     * @param partitionDay epoch day of the partition the copy was read from
     */
    Seen firstSeen(int turnDay, int partitionDay, long idHash) {
        if (partitionDay - turnDay > lateDays) {
            return Seen.BEYOND_WINDOW;
        }
        if (turnDay < partitionDay) {
            awaitPartitions(turnDay, partitionDay);
        }
        // Never races with the drop in fileDone: this copy's partition is still pending, so its day is kept.
        Stripe[] stripes = days.computeIfAbsent(turnDay, d -> newStripes());
        Stripe stripe = stripes[(int) (idHash >>> 59)];
        synchronized (stripe) {
            return stripe.ids.add(idHash) ? Seen.FIRST : Seen.DUPLICATE;
        }
    }

    /**
     * A late copy waits until every partition from its turn's day up to its own is read, so the copy from the
     * earliest partition is the one counted, whichever thread gets there first. Cannot deadlock: files are
     * handed out in partition order, so the earlier partitions are already being read by threads that only
     * ever wait for partitions earlier still.
     */
    private synchronized void awaitPartitions(int turnDay, int partitionDay) {
        try {
            while (!pendingPartitions.subMap(turnDay, true, partitionDay, false).isEmpty()) {
                wait();
            }
        } catch (InterruptedException e) {
            // The scan is being abandoned (another file failed): stop this file too.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rollup scan interrupted", e);
        }
    }

    /** One file of a partition is done; drops the day sets no later partition can ask about. */
    synchronized void fileDone(int partitionDay) {
        Integer left = pendingPartitions.get(partitionDay);
        if (left == null) {
            throw new IllegalStateException("no pending file in partition " + partitionDay);
        }
        if (left > 1) {
            pendingPartitions.put(partitionDay, left - 1);
            return;
        }
        pendingPartitions.remove(partitionDay);
        notifyAll();
        int lowestPending = pendingPartitions.isEmpty() ? Integer.MAX_VALUE : pendingPartitions.firstKey();
        // Turns of day d are compared only in partitions d - inf .. d + lateDays: once every partition below
        // d + lateDays + 1 is done, nobody asks about d again.
        days.keySet().removeIf(d -> (long) d + lateDays < lowestPending);
    }

    /** Day sets currently held (for tests of the memory bound). */
    synchronized int daysHeld() {
        return days.size();
    }

    private static Stripe[] newStripes() {
        Stripe[] s = new Stripe[STRIPES];
        for (int i = 0; i < STRIPES; i++) {
            s[i] = new Stripe();
        }
        return s;
    }

    private static final class Stripe {
        final LongHashSet ids = new LongHashSet();
    }
}
