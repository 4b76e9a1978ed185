package dev.evalops.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.evalops.rollup.RollupReport.Anomaly;
import dev.evalops.rollup.RollupReport.LatencyRow;

class WeekOverWeekRulesTest {
    final RollupConfig.Wow w = RollupTestConfig.defaults().wow();
    static final RollupReport.IntentMix STABLE = new RollupReport.IntentMix(1, 13, 0.5, 0.001, 0.01, 0.05, false);

    @Test
    void quietWeekHasNoAnomaly() {
        assertThat(anomalies(STABLE, latency(1000, 1000, 500, 500), cost(0.004, 0.004), fallbacks(0.03, 0.03), cache(0.35, 0.35))).isEmpty();
    }

    @Test
    void eachRuleFiresAtItsThresholdWithTheFigures() {
        List<Anomaly> all = anomalies(new RollupReport.IntentMix(300, 13, 1e-50, 0.08, 0.01, 0.05, true), latency(1250, 1000, 500, 500),
                cost(0.0048, 0.004), fallbacks(0.045, 0.03), cache(0.30, 0.35));
        assertThat(all).extracting(Anomaly::rule).containsExactly("intent_mix", "latency_spike", "cost_increase", "fallback_spike", "cache_hit_drop");
        Anomaly latency = all.get(1);
        assertThat(latency.subject()).isEqualTo("all providers");
        assertThat(latency.value()).isEqualTo(1250.0);
        assertThat(latency.previous()).isEqualTo(1000.0);
        assertThat(latency.threshold()).isEqualTo(1.25);
        assertThat(latency.message()).isEqualTo("p95 latency 1250 ms is 1.25x last week's 1000 ms (threshold 1.25x)");
        assertThat(all.get(0).message()).contains("PSI 0.080 >= 0.050").contains("order.status +5.0 pts");
        assertThat(all.get(2).message()).isEqualTo("cost per turn $0.00480 is 1.20x last week's $0.00400 (threshold 1.20x)");
        assertThat(all.get(3).message()).isEqualTo("fallback rate 4.50% vs 3.00% last week (threshold 1.50x and +1.0 pts)");
        assertThat(all.get(4).message()).isEqualTo("cache-hit rate 30.0% vs 35.0% last week: down 5.0 pts (threshold 5.0 pts)");
    }

    @Test
    void justBelowEachThresholdNothingFires() {
        assertThat(anomalies(STABLE, latency(1249, 1000, 500, 500), cost(0.00479, 0.004), fallbacks(0.0449, 0.03), cache(0.3001, 0.35))).isEmpty();
    }

    @Test
    void aFallbackSpikeNeedsTheAbsoluteRiseToo() {
        // 0.2% -> 0.4% doubles the rate but is 0.2 points: noise at this level.
        assertThat(anomalies(STABLE, latency(1000, 1000, 500, 500), cost(0.004, 0.004), fallbacks(0.004, 0.002), cache(0.35, 0.35))).isEmpty();
    }

    @Test
    void aProviderSpikeCountsOnlyWithEnoughTurnsInBothWeeks() {
        LatencyRow overall = row("all", 1000, 1000, 1000, 1000L);
        LatencyRow busy = row("openai", 600, 2000, 1000, 600L);
        LatencyRow sparse = row("google", 50, 4000, 1000, 600L);
        LatencyRow newish = row("mistral", 600, 4000, 1000, 20L);
        List<Anomaly> all = WeekOverWeekRules.anomalies(STABLE, List.of(), new RollupReport.Latency(0.005, overall, List.of(busy, sparse, newish)),
                cost(0.004, 0.004), fallbacks(0.03, 0.03), cache(0.35, 0.35), w);
        assertThat(all).extracting(Anomaly::subject).containsExactly("openai");
    }

    private List<Anomaly> anomalies(RollupReport.IntentMix mix, RollupReport.Latency latency, RollupReport.Cost cost, RollupReport.Fallbacks f,
            RollupReport.Cache c) {
        List<RollupReport.IntentRow> intents = List.of(new RollupReport.IntentRow("order.status", 270, 0.27, 220L, 0.22, 0.05),
                new RollupReport.IntentRow("other", 100, 0.10, 100L, 0.10, 0.0));
        return WeekOverWeekRules.anomalies(mix, intents, latency, cost, f, c, w);
    }

    private static RollupReport.Latency latency(double p95, double prevP95, long turns, long prevTurns) {
        return new RollupReport.Latency(0.005, row("all", turns, p95, prevP95, prevTurns), List.of());
    }

    private static LatencyRow row(String provider, long turns, double p95, double prevP95, Long prevTurns) {
        return new LatencyRow(provider, turns, turns, p95 / 2, p95, p95 * 2, 1L, 100_000L, prevP95, prevTurns, Math.round(p95 / prevP95 * 1e6) / 1e6);
    }

    private static RollupReport.Cost cost(double perTurn, double prev) {
        return new RollupReport.Cost(1, 100, perTurn, prev, new RollupReport.UserCost(1, 1.0, 1.0, 1.0, 1.0), List.of(), List.of());
    }

    private static RollupReport.Fallbacks fallbacks(double rate, double prev) {
        return new RollupReport.Fallbacks(10, rate, prev, List.of());
    }

    private static RollupReport.Cache cache(double rate, double prev) {
        return new RollupReport.Cache(100, 35, rate, prev);
    }
}
