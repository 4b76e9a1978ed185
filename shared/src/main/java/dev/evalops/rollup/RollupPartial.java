package dev.evalops.rollup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import com.carrotsearch.hppc.LongObjectHashMap;
import com.carrotsearch.hppc.cursors.LongObjectCursor;
import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;

import dev.evalops.turns.TurnRecord;

/**
 * The rollup's aggregates over some turns: one per scan worker thread (single-threaded, no locks), merged
 * into the run's total when every file is read (see {@link RollupScan}). Everything here merges exactly: counts, sums of cost in integer
 * nano-dollars (so the merge order never changes a digit), DDSketch latency sketches (bin counts add), per-user
 * totals (memory: distinct users), the top N by cost and a bottom-k review sample keyed by a seeded hash of the
 * turn id (a reservoir sample whose result does not depend on the order turns arrive in), both {@link Ranking}s.
 */
final class RollupPartial {
    static final double NANOS_PER_USD = 1e9;

    final int firstDay;
    final double relativeAccuracy;
    final int topN;
    final int sampleSize;

    long turns;
    long costNanos;
    long costKnown;
    long cacheKnown;
    long cacheHits;
    long fallbacks;
    long errors;
    long reviewed;
    long overridden;
    long taskKnown;
    long taskSucceeded;
    final long[] dayTurns;
    final long[] dayCacheKnown;
    final long[] dayCacheHits;
    final long[] dayErrors;
    final long[] dayFallbacks;
    final Map<String, long[]> intents = new HashMap<>();
    final Map<String, ProviderTotals> providers = new HashMap<>();
    final Map<String, long[]> fallbackReasons = new HashMap<>();
    final Map<String, long[]> errorClasses = new HashMap<>();
    /**
     * Per-user totals keyed by a 64-bit hash of the user id (HPPC primitive keys): the lookup compares longs in one
     * array instead of dereferencing a String per probe, which made a HashMap keyed by id a quarter of a scan at
     * 500k users. Two ids colliding (about n²/2^65) would share a row.
     */
    final LongObjectHashMap<UserTotals> users = new LongObjectHashMap<>();
    /** The most expensive turns, ranked by minus their cost in nano-dollars. */
    final Ranking expensive;
    /** The review sample: the turns with the smallest seeded hash keys. */
    final Ranking sample;

    RollupPartial(int firstDay, int days, double relativeAccuracy, int topN, int sampleSize) {
        this.firstDay = firstDay;
        this.relativeAccuracy = relativeAccuracy;
        this.topN = topN;
        this.sampleSize = sampleSize;
        expensive = new Ranking(topN);
        sample = new Ranking(sampleSize);
        dayTurns = new long[days];
        dayCacheKnown = new long[days];
        dayCacheHits = new long[days];
        dayErrors = new long[days];
        dayFallbacks = new long[days];
    }

    RollupPartial emptyCopy() {
        return new RollupPartial(firstDay, dayTurns.length, relativeAccuracy, topN, sampleSize);
    }

    /** One deduplicated, in-range turn; {@code userHash} is a 64-bit hash of its user id. */
    void add(TurnRecord t, int turnDay, long sampleKey, long userHash) {
        int d = turnDay - firstDay;
        turns++;
        dayTurns[d]++;
        intents.computeIfAbsent(t.intent(), k -> new long[1])[0]++;
        ProviderTotals p = providers.computeIfAbsent(t.provider(), k -> new ProviderTotals(relativeAccuracy));
        p.turns++;
        if (t.latencyMs() != null) {
            p.latency(t.latencyMs());
        }
        ModelTotals m = p.models.computeIfAbsent(t.model(), k -> new ModelTotals());
        m.turns++;
        if (t.tokensIn() != null) {
            m.tokensIn += t.tokensIn();
        }
        if (t.tokensOut() != null) {
            m.tokensOut += t.tokensOut();
        }
        UserTotals u = users.get(userHash);
        if (u == null) {
            u = new UserTotals(t.userId());
            users.put(userHash, u);
        }
        u.turns++;
        if (t.costUsd() != null) {
            long nanos = Math.round(t.costUsd() * NANOS_PER_USD);
            costNanos += nanos;
            costKnown++;
            m.costNanos += nanos;
            m.costKnown++;
            u.costNanos += nanos;
            expensive.offer(-nanos, t);
        }
        if (t.cacheHit() != null) {
            cacheKnown++;
            dayCacheKnown[d]++;
            if (t.cacheHit()) {
                cacheHits++;
                dayCacheHits[d]++;
            }
        }
        if (t.fallbackReason() != null) {
            fallbacks++;
            dayFallbacks[d]++;
            p.fallbacks++;
            fallbackReasons.computeIfAbsent(t.fallbackReason(), k -> new long[1])[0]++;
        }
        if (t.error() != null) {
            errors++;
            dayErrors[d]++;
            p.errors++;
            errorClasses.computeIfAbsent(t.error(), k -> new long[1])[0]++;
        }
        // Reviewed = an agent handled the turn (it was routed or escalated, not auto-replied) and could correct it.
        if ("route".equals(t.action()) || "escalate".equals(t.action())) {
            reviewed++;
            TurnRecord.AgentOverride o = t.agentOverride();
            if (o != null && o.intent() != null && !o.intent().equals(t.intent())) {
                overridden++;
            }
        }
        if (t.taskSuccess() != null) {
            taskKnown++;
            if (t.taskSuccess()) {
                taskSucceeded++;
            }
        }
        sample.offer(sampleKey, t);
    }

    void merge(RollupPartial o) {
        turns += o.turns;
        costNanos += o.costNanos;
        costKnown += o.costKnown;
        cacheKnown += o.cacheKnown;
        cacheHits += o.cacheHits;
        fallbacks += o.fallbacks;
        errors += o.errors;
        reviewed += o.reviewed;
        overridden += o.overridden;
        taskKnown += o.taskKnown;
        taskSucceeded += o.taskSucceeded;
        for (int i = 0; i < dayTurns.length; i++) {
            dayTurns[i] += o.dayTurns[i];
            dayCacheKnown[i] += o.dayCacheKnown[i];
            dayCacheHits[i] += o.dayCacheHits[i];
            dayErrors[i] += o.dayErrors[i];
            dayFallbacks[i] += o.dayFallbacks[i];
        }
        mergeCounts(intents, o.intents);
        mergeCounts(fallbackReasons, o.fallbackReasons);
        mergeCounts(errorClasses, o.errorClasses);
        o.providers.forEach((name, theirs) -> providers.merge(name, theirs, (mine, t) -> {
            mine.merge(t);
            return mine;
        }));
        for (LongObjectCursor<UserTotals> c : o.users) {
            UserTotals mine = users.get(c.key);
            if (mine == null) {
                users.put(c.key, c.value);
            } else {
                mine.turns += c.value.turns;
                mine.costNanos += c.value.costNanos;
            }
        }
        expensive.merge(o.expensive);
        sample.merge(o.sample);
    }

    /** The top N, most expensive first; ties broken by turn id so every run agrees. */
    List<Ranked> expensiveFirst() {
        return expensive.best();
    }

    /** The sample in key order (a random order, stable for a run id). */
    List<TurnRecord> sampleTurns() {
        return sample.best().stream().map(Ranked::turn).toList();
    }

    /** Every provider's sketch merged: the overall distribution, without a second sketch update per turn. */
    DDSketch overallLatency() {
        DDSketch all = DDSketches.unboundedDense(relativeAccuracy);
        providers.values().forEach(p -> all.mergeWith(p.latency));
        return all;
    }

    private static void mergeCounts(Map<String, long[]> into, Map<String, long[]> from) {
        from.forEach((k, v) -> into.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
    }

    static final class ProviderTotals {
        long turns;
        long latencyKnown;
        long minLatency = Long.MAX_VALUE;
        long maxLatency = Long.MIN_VALUE;
        long fallbacks;
        long errors;
        final DDSketch latency;
        final Map<String, ModelTotals> models = new HashMap<>();

        ProviderTotals(double relativeAccuracy) {
            latency = DDSketches.unboundedDense(relativeAccuracy);
        }

        void latency(long ms) {
            latency.accept(ms);
            latencyKnown++;
            minLatency = Math.min(minLatency, ms);
            maxLatency = Math.max(maxLatency, ms);
        }

        void merge(ProviderTotals o) {
            turns += o.turns;
            latencyKnown += o.latencyKnown;
            minLatency = Math.min(minLatency, o.minLatency);
            maxLatency = Math.max(maxLatency, o.maxLatency);
            fallbacks += o.fallbacks;
            errors += o.errors;
            latency.mergeWith(o.latency);
            o.models.forEach((name, theirs) -> models.merge(name, theirs, (mine, t) -> {
                mine.turns += t.turns;
                mine.costNanos += t.costNanos;
                mine.costKnown += t.costKnown;
                mine.tokensIn += t.tokensIn;
                mine.tokensOut += t.tokensOut;
                return mine;
            }));
        }
    }

    static final class ModelTotals {
        long turns;
        long costNanos;
        long costKnown;
        long tokensIn;
        long tokensOut;
    }

    static final class UserTotals {
        final String userId;
        long turns;
        long costNanos;

        UserTotals(String userId) {
            this.userId = userId;
        }
    }

    record Ranked(long key, TurnRecord turn) {
        static final Comparator<Ranked> ORDER = Comparator.comparingLong(Ranked::key).thenComparing(r -> r.turn().turnId());
    }

    /**
     * The k turns with the smallest (key, turn id): mergeable, and independent of the order turns arrive in. An
     * offer is compared with the worst kept one before anything is allocated: almost every turn stops there.
     */
    static final class Ranking {
        private final int k;
        /** The worst kept turn on top. */
        private final PriorityQueue<Ranked> heap = new PriorityQueue<>(Ranked.ORDER.reversed());

        Ranking(int k) {
            this.k = k;
        }

        void offer(long key, TurnRecord t) {
            if (k <= 0) {
                return;
            }
            if (heap.size() < k) {
                heap.add(new Ranked(key, t));
                return;
            }
            Ranked worst = heap.peek();
            if (key < worst.key() || key == worst.key() && t.turnId().compareTo(worst.turn().turnId()) < 0) {
                heap.poll();
                heap.add(new Ranked(key, t));
            }
        }

        void merge(Ranking other) {
            other.heap.forEach(r -> offer(r.key(), r.turn()));
        }

        int size() {
            return heap.size();
        }

        /** Best (smallest key) first. */
        List<Ranked> best() {
            List<Ranked> all = new ArrayList<>(heap);
            all.sort(Ranked.ORDER);
            return all;
        }
    }
}
