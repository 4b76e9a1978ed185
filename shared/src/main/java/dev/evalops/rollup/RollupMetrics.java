package dev.evalops.rollup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.evalops.metrics.MetricDatum;

/**
 * The CloudWatch datapoints of a rollup (namespace {@code EvalOps}, dimension {@code Env} added by the sink), for
 * dashboards and alarms: p95 latency overall and per provider ({@code Provider} dimension), cost per turn, error,
 * cache-hit and fallback rates (fractions), the intent-mix PSI and p-value, the gate verdict (1 pass, 0 fail),
 * turns and bad lines. A figure without data is not sent (CloudWatch would read a 0 as a real value).
 */
final class RollupMetrics {
    private RollupMetrics() {
    }

    static List<MetricDatum> of(RollupReport r, Instant at) {
        List<MetricDatum> out = new ArrayList<>();
        add(out, "RollupLatencyP95", r.latency().overall().p95Ms(), "Milliseconds", at);
        r.latency().providers().forEach(p -> {
            if (p.p95Ms() != null) {
                out.add(MetricDatum.of("RollupLatencyP95", p.p95Ms(), "Milliseconds", at).withDimension("Provider", p.provider()));
            }
        });
        add(out, "RollupCostPerTurn", r.cost().perTurnUsd(), "None", at);
        add(out, "RollupErrorRate", r.errors().rate(), "None", at);
        add(out, "RollupCacheHitRate", r.cache().hitRate(), "None", at);
        add(out, "RollupFallbackRate", r.fallbacks().rate(), "None", at);
        if (r.weekOverWeek().intentMix() != null) {
            add(out, "RollupIntentMixPsi", r.weekOverWeek().intentMix().psi(), "None", at);
            add(out, "RollupIntentMixPValue", r.weekOverWeek().intentMix().pValue(), "None", at);
        }
        add(out, "RollupGateVerdict", RollupGates.PASS.equals(r.gates().verdict()) ? 1.0 : 0.0, "None", at);
        add(out, "RollupTurns", (double) r.input().turns(), "Count", at);
        add(out, "RollupBadLines", (double) r.input().badLines(), "Count", at);
        return out;
    }

    private static void add(List<MetricDatum> out, String name, Double value, String unit, Instant at) {
        if (value != null) {
            out.add(MetricDatum.of(name, value, unit, at));
        }
    }
}
