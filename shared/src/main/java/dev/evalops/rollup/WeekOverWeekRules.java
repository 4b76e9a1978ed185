package dev.evalops.rollup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import dev.evalops.rollup.RollupReport.Anomaly;

/**
 * The Monday checklist's week-over-week questions as rules ({@code evalops.rollup.wow.*}): unusual intent mix,
 * latency spikes (overall and per provider), cost increase, fallback spike, cache-hit drop. Each anomaly carries
 * this week's figure, last week's and the threshold that fired. A figure missing in either week is not compared.
 */
final class WeekOverWeekRules {
    /** Figures are rounded to 6 decimals: a rate exactly at its threshold must not miss it by a rounding error. */
    private static final double EPS = 1e-9;

    private WeekOverWeekRules() {
    }

    static List<Anomaly> anomalies(RollupReport.IntentMix mix, List<RollupReport.IntentRow> intents, RollupReport.Latency latency,
            RollupReport.Cost cost, RollupReport.Fallbacks fallbacks, RollupReport.Cache cache, RollupConfig.Wow w) {
        List<Anomaly> out = new ArrayList<>();
        if (mix.drifted()) {
            String movers = intents.stream().filter(r -> r.changePoints() != null)
                    .sorted(Comparator.comparingDouble((RollupReport.IntentRow r) -> -Math.abs(r.changePoints())).thenComparing(RollupReport.IntentRow::intent))
                    .limit(3)
                    .map(r -> String.format(Locale.ROOT, "%s %+.1f pts", r.intent(), 100 * r.changePoints()))
                    .reduce((a, b) -> a + ", " + b).orElse("");
            out.add(new Anomaly("intent_mix", "all intents", mix.psi(), null, w.intentMixMinPsi(), String.format(Locale.ROOT,
                    "intent mix changed: chi-square %.1f (df %d), p = %.3g < %.3g, PSI %.3f >= %.3f; largest moves: %s", mix.chiSquare(),
                    mix.degreesOfFreedom(), mix.pValue(), w.intentMixAlpha(), mix.psi(), w.intentMixMinPsi(), movers)));
        }
        latencySpike(latency.overall(), "all providers", w, out);
        latency.providers().forEach(row -> latencySpike(row, row.provider(), w, out));
        if (cost.perTurnUsd() != null && cost.previousPerTurnUsd() != null && cost.previousPerTurnUsd() > 0
                && cost.perTurnUsd() >= cost.previousPerTurnUsd() * w.costIncreaseRatio() - EPS) {
            out.add(new Anomaly("cost_increase", "cost per turn", cost.perTurnUsd(), cost.previousPerTurnUsd(), w.costIncreaseRatio(),
                    String.format(Locale.ROOT, "cost per turn $%.5f is %.2fx last week's $%.5f (threshold %.2fx)", cost.perTurnUsd(),
                            cost.perTurnUsd() / cost.previousPerTurnUsd(), cost.previousPerTurnUsd(), w.costIncreaseRatio())));
        }
        if (fallbacks.rate() != null && fallbacks.previousRate() != null && fallbacks.rate() >= fallbacks.previousRate() * w.fallbackSpikeRatio() - EPS
                && fallbacks.rate() - fallbacks.previousRate() >= w.fallbackSpikeMinDelta() - EPS) {
            out.add(new Anomaly("fallback_spike", "fallback rate", fallbacks.rate(), fallbacks.previousRate(), w.fallbackSpikeRatio(),
                    String.format(Locale.ROOT, "fallback rate %.2f%% vs %.2f%% last week (threshold %.2fx and +%.1f pts)", 100 * fallbacks.rate(),
                            100 * fallbacks.previousRate(), w.fallbackSpikeRatio(), 100 * w.fallbackSpikeMinDelta())));
        }
        if (cache.hitRate() != null && cache.previousHitRate() != null && cache.previousHitRate() - cache.hitRate() >= w.cacheHitDropPoints() - EPS) {
            out.add(new Anomaly("cache_hit_drop", "cache-hit rate", cache.hitRate(), cache.previousHitRate(), w.cacheHitDropPoints(),
                    String.format(Locale.ROOT, "cache-hit rate %.1f%% vs %.1f%% last week: down %.1f pts (threshold %.1f pts)", 100 * cache.hitRate(),
                            100 * cache.previousHitRate(), 100 * (cache.previousHitRate() - cache.hitRate()), 100 * w.cacheHitDropPoints())));
        }
        return out;
    }

    private static void latencySpike(RollupReport.LatencyRow row, String subject, RollupConfig.Wow w, List<Anomaly> out) {
        // A provider with a handful of turns has a p95 that jumps by chance: both weeks need enough of them.
        if (row.p95Ratio() == null || row.latencyTurns() < w.minProviderTurns() || row.previousLatencyTurns() == null
                || row.previousLatencyTurns() < w.minProviderTurns() || row.p95Ratio() < w.latencySpikeRatio() - EPS) {
            return;
        }
        out.add(new Anomaly("latency_spike", subject, row.p95Ms(), row.previousP95Ms(), w.latencySpikeRatio(), String.format(Locale.ROOT,
                "p95 latency %.0f ms is %.2fx last week's %.0f ms (threshold %.2fx)", row.p95Ms(), row.p95Ratio(), row.previousP95Ms(),
                w.latencySpikeRatio())));
    }
}
