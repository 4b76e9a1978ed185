package dev.evalops.rollup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import com.datadoghq.sketch.ddsketch.DDSketch;

import dev.evalops.rollup.RollupPartial.ModelTotals;
import dev.evalops.rollup.RollupPartial.ProviderTotals;
import dev.evalops.rollup.RollupReport.CountRow;
import dev.evalops.rollup.RollupReport.IntentRow;
import dev.evalops.rollup.RollupReport.LatencyRow;

/** Turns a scan's aggregates (and last week's report, if any) into the report's sections, rules and gates. */
final class RollupReportBuilder {
    /** The run compared against: its id and its {@code metrics.json}. */
    record Previous(String runId, RollupReport report) {
    }

    private RollupReportBuilder() {
    }

    static RollupReport build(String runId, RollupRequest request, Instant now, String turnsRoot, RollupScan.Result scan,
            Optional<Previous> previous, RollupConfig config) {
        RollupPartial t = scan.totals;
        Optional<RollupReport> prev = previous.map(Previous::report);

        List<IntentRow> intents = intents(t, prev);
        RollupReport.Latency latency = latency(t, prev, config.latencyRelativeAccuracy());
        RollupReport.Cost cost = cost(t, prev, config.topN());
        RollupReport.Cache cache = new RollupReport.Cache(t.cacheKnown, t.cacheHits, rate(t.cacheHits, t.cacheKnown),
                prev.map(RollupReport::cache).map(RollupReport.Cache::hitRate).orElse(null));
        RollupReport.Fallbacks fallbacks = new RollupReport.Fallbacks(t.fallbacks, rate(t.fallbacks, t.turns),
                prev.map(RollupReport::fallbacks).map(RollupReport.Fallbacks::rate).orElse(null), countRows(t.fallbackReasons, t.fallbacks, t.turns));
        RollupReport.Errors errors = new RollupReport.Errors(t.errors, rate(t.errors, t.turns), countRows(t.errorClasses, t.errors, t.turns));
        RollupReport.Accuracy accuracy = new RollupReport.Accuracy(t.reviewed, t.overridden, rate(t.reviewed - t.overridden, t.reviewed),
                t.taskKnown, t.taskSucceeded, rate(t.taskSucceeded, t.taskKnown));

        RollupReport.WeekOverWeek wow = weekOverWeek(previous, t, intents, latency, cost, fallbacks, cache, config.wow());
        RollupReport.Gates gates = RollupGates.evaluate(accuracy.intentAccuracy(), latency.overall().p95Ms(), accuracy.taskAccuracy(),
                cost.perTurnUsd(), config.gates());

        return new RollupReport(RollupReport.SCHEMA_VERSION, runId, range(request), now, input(turnsRoot, request, scan),
                intents, latency, cost, cache, fallbacks, errors, days(request, scan), expensive(t),
                accuracy, new RollupReport.ReviewSample(t.sample.size(), runId, RollupArtifacts.REVIEW_SAMPLE), wow, gates);
    }

    static RollupReport.Range range(RollupRequest r) {
        return new RollupReport.Range(r.from(), r.to(), r.days(), r.isoWeekLabel().orElse(null));
    }

    private static RollupReport.Input input(String turnsRoot, RollupRequest request, RollupScan.Result scan) {
        List<FileStats> files = scan.files;
        long lines = sum(files, FileStats::lines);
        long bad = sum(files, FileStats::badLines);
        List<LocalDate> missing = new ArrayList<>();
        for (int i = 0; i < scan.totals.dayTurns.length; i++) {
            if (scan.totals.dayTurns[i] == 0) {
                missing.add(request.from().plusDays(i));
            }
        }
        return new RollupReport.Input(turnsRoot, files.size(), lines, sum(files, FileStats::validLines), bad, lines == 0 ? 0 : round((double) bad / lines),
                sum(files, FileStats::duplicates), sum(files, FileStats::outOfRange), sum(files, FileStats::lateTurns),
                sum(files, FileStats::beyondDedupWindow), scan.totals.turns, missing,
                files.stream().filter(f -> f.damaged() != null).map(f -> f.file() + ": " + f.damaged()).toList(), scan.badLinesByField);
    }

    private static List<IntentRow> intents(RollupPartial t, Optional<RollupReport> prev) {
        Map<String, Long> before = prev.map(RollupReportBuilder::intentCounts).orElse(Map.of());
        long beforeTotal = before.values().stream().mapToLong(Long::longValue).sum();
        List<String> names = new ArrayList<>(t.intents.keySet());
        before.keySet().stream().filter(k -> !t.intents.containsKey(k)).forEach(names::add);
        return names.stream().map(name -> {
            long n = t.intents.containsKey(name) ? t.intents.get(name)[0] : 0;
            double share = t.turns == 0 ? 0 : round((double) n / t.turns);
            Long p = prev.isPresent() ? before.getOrDefault(name, 0L) : null;
            Double pShare = p == null || beforeTotal == 0 ? null : round((double) p / beforeTotal);
            return new IntentRow(name, n, share, p, pShare, pShare == null ? null : round(share - pShare));
        }).sorted(Comparator.comparingLong(IntentRow::turns).reversed().thenComparing(IntentRow::intent)).toList();
    }

    static Map<String, Long> intentCounts(RollupReport r) {
        return r.intents() == null ? Map.of()
                : r.intents().stream().collect(Collectors.toMap(IntentRow::intent, IntentRow::turns, Long::sum, LinkedHashMap::new));
    }

    private static RollupReport.Latency latency(RollupPartial t, Optional<RollupReport> prev, double accuracy) {
        Map<String, LatencyRow> before = prev.map(RollupReport::latency).map(l -> l.providers().stream()
                .collect(Collectors.toMap(LatencyRow::provider, Function.identity()))).orElse(Map.of());
        List<LatencyRow> providers = t.providers.entrySet().stream()
                .map(e -> latencyRow(e.getKey(), e.getValue().turns, e.getValue().latencyKnown, e.getValue().latency, e.getValue().minLatency,
                        e.getValue().maxLatency, before.get(e.getKey())))
                .sorted(Comparator.comparingLong(LatencyRow::turns).reversed().thenComparing(LatencyRow::provider))
                .toList();
        long min = t.providers.values().stream().mapToLong(p -> p.minLatency).min().orElse(Long.MAX_VALUE);
        long max = t.providers.values().stream().mapToLong(p -> p.maxLatency).max().orElse(Long.MIN_VALUE);
        long known = t.providers.values().stream().mapToLong(p -> p.latencyKnown).sum();
        LatencyRow overall = latencyRow("all", t.turns, known, t.overallLatency(), min, max,
                prev.map(RollupReport::latency).map(RollupReport.Latency::overall).orElse(null));
        return new RollupReport.Latency(accuracy, overall, providers);
    }

    private static LatencyRow latencyRow(String provider, long turns, long known, DDSketch sketch, long min, long max, LatencyRow before) {
        Double p95 = quantile(sketch, 0.95, min, max);
        Double prevP95 = before == null ? null : before.p95Ms();
        Double ratio = p95 == null || prevP95 == null || prevP95 <= 0 ? null : round(p95 / prevP95);
        return new LatencyRow(provider, turns, known, quantile(sketch, 0.50, min, max), p95, quantile(sketch, 0.99, min, max),
                known == 0 ? null : min, known == 0 ? null : max, prevP95, before == null ? null : before.latencyTurns(), ratio);
    }

    /**
     * DDSketch's estimate, clamped to the exact min and max (so a provider with one turn reports that turn's
     * latency, not the middle of its sketch bin), rounded to 0.1 ms.
     */
    static Double quantile(DDSketch sketch, double q, long min, long max) {
        if (sketch.isEmpty()) {
            return null;
        }
        double v = Math.max(min, Math.min(max, sketch.getValueAtQuantile(q)));
        return Math.round(v * 10) / 10.0;
    }

    private static RollupReport.Cost cost(RollupPartial t, Optional<RollupReport> prev, int topN) {
        List<RollupPartial.UserTotals> all = new ArrayList<>(t.users.size());
        for (com.carrotsearch.hppc.cursors.ObjectCursor<RollupPartial.UserTotals> c : t.users.values()) {
            all.add(c.value);
        }
        double[] perUser = all.stream().mapToDouble(u -> u.costNanos / RollupPartial.NANOS_PER_USD).sorted().toArray();
        Percentile percentile = new Percentile();
        RollupReport.UserCost users = new RollupReport.UserCost(perUser.length,
                perUser.length == 0 ? null : usd(Arrays.stream(perUser).average().orElse(0)),
                perUser.length == 0 ? null : usd(percentile.evaluate(perUser, 50)),
                perUser.length == 0 ? null : usd(percentile.evaluate(perUser, 95)),
                perUser.length == 0 ? null : usd(perUser[perUser.length - 1]));
        List<RollupReport.UserRow> topUsers = all.stream()
                .sorted(Comparator.comparingLong((RollupPartial.UserTotals u) -> -u.costNanos).thenComparing(u -> u.userId))
                .limit(topN)
                .map(u -> new RollupReport.UserRow(u.userId, u.turns, usd(u.costNanos)))
                .toList();
        List<RollupReport.ModelRow> models = new ArrayList<>();
        for (Map.Entry<String, ProviderTotals> p : t.providers.entrySet()) {
            for (Map.Entry<String, ModelTotals> m : p.getValue().models.entrySet()) {
                ModelTotals v = m.getValue();
                models.add(new RollupReport.ModelRow(p.getKey(), m.getKey(), v.turns, v.costKnown, usd(v.costNanos),
                        v.costKnown == 0 ? null : usd(v.costNanos / (double) v.costKnown / RollupPartial.NANOS_PER_USD),
                        v.tokensIn, v.tokensOut, t.costNanos == 0 ? null : round((double) v.costNanos / t.costNanos)));
            }
        }
        models.sort(Comparator.comparingDouble(RollupReport.ModelRow::costUsd).reversed().thenComparing(RollupReport.ModelRow::provider)
                .thenComparing(RollupReport.ModelRow::model));
        Double perTurn = t.costKnown == 0 ? null : usd(t.costNanos / (double) t.costKnown / RollupPartial.NANOS_PER_USD);
        return new RollupReport.Cost(usd(t.costNanos), t.costKnown, perTurn,
                prev.map(RollupReport::cost).map(RollupReport.Cost::perTurnUsd).orElse(null), users, topUsers, models);
    }

    private static List<CountRow> countRows(Map<String, long[]> counts, long ofKind, long turns) {
        return counts.entrySet().stream()
                .map(e -> new CountRow(e.getKey(), e.getValue()[0], round((double) e.getValue()[0] / ofKind), round((double) e.getValue()[0] / turns)))
                .sorted(Comparator.comparingLong(CountRow::turns).reversed().thenComparing(CountRow::name))
                .toList();
    }

    private static List<RollupReport.DayRow> days(RollupRequest request, RollupScan.Result scan) {
        RollupPartial t = scan.totals;
        Map<LocalDate, Long> filesPerDay = scan.files.stream().collect(Collectors.groupingBy(FileStats::partition, Collectors.counting()));
        List<RollupReport.DayRow> rows = new ArrayList<>();
        for (int i = 0; i < t.dayTurns.length; i++) {
            LocalDate day = request.from().plusDays(i);
            int files = filesPerDay.getOrDefault(day, 0L).intValue();
            rows.add(new RollupReport.DayRow(day, t.dayTurns[i] == 0 ? "missing" : "ok", files, t.dayTurns[i], rate(t.dayCacheHits[i], t.dayCacheKnown[i]),
                    rate(t.dayErrors[i], t.dayTurns[i]), rate(t.dayFallbacks[i], t.dayTurns[i])));
        }
        return rows;
    }

    private static List<RollupReport.ExpensiveTurn> expensive(RollupPartial t) {
        return t.expensiveFirst().stream()
                .map(c -> new RollupReport.ExpensiveTurn(c.turn().turnId(), c.turn().ts(), c.turn().provider(), c.turn().model(),
                        c.turn().tokensIn(), c.turn().tokensOut(), usd(-c.key())))
                .toList();
    }

    private static RollupReport.WeekOverWeek weekOverWeek(Optional<Previous> previous, RollupPartial t, List<IntentRow> intents,
            RollupReport.Latency latency, RollupReport.Cost cost, RollupReport.Fallbacks fallbacks, RollupReport.Cache cache, RollupConfig.Wow w) {
        if (previous.isEmpty()) {
            return new RollupReport.WeekOverWeek(null, null, "no previous rollup to compare with", null, List.of());
        }
        Map<String, Long> now = new LinkedHashMap<>();
        t.intents.forEach((k, v) -> now.put(k, v[0]));
        RollupReport.IntentMix mix = IntentMixDrift.compare(now, intentCounts(previous.get().report()), w.intentMixAlpha(), w.intentMixMinPsi());
        return new RollupReport.WeekOverWeek(previous.get().runId(), previous.get().report().range(), null, mix,
                WeekOverWeekRules.anomalies(mix, intents, latency, cost, fallbacks, cache, w));
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole);
    }

    private static double usd(long nanos) {
        return usd(nanos / RollupPartial.NANOS_PER_USD);
    }

    /** Dollars to a millionth of a cent: a per-turn cost is a few tenths of a cent. */
    private static double usd(double dollars) {
        return Math.round(dollars * 1e8) / 1e8;
    }

    /** Rates and shares to six decimals: enough for a 10M-turn week, stable in the JSON. */
    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private static long sum(List<FileStats> files, java.util.function.ToLongFunction<FileStats> f) {
        return files.stream().mapToLong(f).sum();
    }
}
