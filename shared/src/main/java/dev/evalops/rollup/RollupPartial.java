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
 * The rollup's aggregates over some turns: one per file while it is read (single-threaded, no locks), merged
 * into the run's total when the file is done. Everything here merges exactly: counts, sums of cost in integer
 * nano-dollars (so the merge order never changes a digit), DDSketch latency sketches (bin counts add), per-user
 * totals (memory: distinct users), a top-N heap and a bottom-k review sample keyed by a seeded hash of the
 * turn id (a reservoir sample whose result does not depend on the order turns arrive in).
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
    /** Cheapest of the current top N on top. */
    final PriorityQueue<Costly> expensive = new PriorityQueue<>(Costly.ORDER);
    /** Largest key of the current sample on top. */
    final PriorityQueue<Sampled> sample = new PriorityQueue<>(Sampled.ORDER.reversed());

    RollupPartial(int firstDay, int days, double relativeAccuracy, int topN, int sampleSize) {
        this.firstDay = firstDay;
        this.relativeAccuracy = relativeAccuracy;
        this.topN = topN;
        this.sampleSize = sampleSize;
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
            offerExpensive(nanos, t);
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
        offerSample(sampleKey, t);
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
        o.expensive.forEach(c -> offerExpensive(c.costNanos(), c.turn()));
        o.sample.forEach(x -> offerSample(x.key(), x.turn()));
    }

    /** The top N, most expensive first; ties broken by turn id so every run agrees. */
    List<Costly> expensiveFirst() {
        List<Costly> all = new ArrayList<>(expensive);
        all.sort(Costly.ORDER.reversed());
        return all;
    }

    /** The sample in key order (a random order, stable for a run id). */
    List<TurnRecord> sampleTurns() {
        List<Sampled> all = new ArrayList<>(sample);
        all.sort(Sampled.ORDER);
        return all.stream().map(Sampled::turn).toList();
    }

    /** Every provider's sketch merged: the overall distribution, without a second sketch update per turn. */
    DDSketch overallLatency() {
        DDSketch all = DDSketches.unboundedDense(relativeAccuracy);
        providers.values().forEach(p -> all.mergeWith(p.latency));
        return all;
    }

    // Both offers compare with the heap's top before allocating: almost every turn is rejected right there.
    private void offerExpensive(long nanos, TurnRecord t) {
        if (topN <= 0) {
            return;
        }
        if (expensive.size() < topN) {
            expensive.add(new Costly(nanos, t));
            return;
        }
        Costly cheapest = expensive.peek();
        if (nanos > cheapest.costNanos() || nanos == cheapest.costNanos() && t.turnId().compareTo(cheapest.turn().turnId()) < 0) {
            expensive.poll();
            expensive.add(new Costly(nanos, t));
        }
    }

    private void offerSample(long key, TurnRecord t) {
        if (sampleSize <= 0) {
            return;
        }
        if (sample.size() < sampleSize) {
            sample.add(new Sampled(key, t));
            return;
        }
        Sampled last = sample.peek();
        if (key < last.key() || key == last.key() && t.turnId().compareTo(last.turn().turnId()) < 0) {
            sample.poll();
            sample.add(new Sampled(key, t));
        }
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

    record Costly(long costNanos, TurnRecord turn) {
        static final Comparator<Costly> ORDER = Comparator.comparingLong(Costly::costNanos)
                .thenComparing(c -> c.turn().turnId(), Comparator.reverseOrder());
    }

    record Sampled(long key, TurnRecord turn) {
        static final Comparator<Sampled> ORDER = Comparator.comparingLong(Sampled::key).thenComparing(s -> s.turn().turnId());
    }
}
