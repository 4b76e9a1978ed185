package dev.evalops.rollup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.evalops.metrics.MetricDatum;
import dev.evalops.metrics.MetricNames;

/**
 * The CloudWatch datapoints of a rollup, under the names the stack's alarms and dashboard use ({@link MetricNames};
 * namespace {@code EvalOps}, dimension {@code Env} added by the sink): p95 latency overall and per {@code Provider},
 * cost per turn and per user, error and cache-hit rates, the fallback rate overall and per {@code Reason}, the
 * intent shares per {@code Intent}, the intent-mix chi-square statistic, drift flag and PSI, the gates (1 pass,
 * 0 fail), turns and bad lines. Rates are fractions. A figure without data is not sent (CloudWatch would read a 0
 * as a real value).
 */
final class RollupMetrics {
    private RollupMetrics() {
    }

    static List<MetricDatum> of(RollupReport r, Instant at) {
        List<MetricDatum> out = new ArrayList<>();
        add(out, MetricNames.LATENCY_P95, r.latency().overall().p95Ms(), "Milliseconds", at);
        r.latency().providers().forEach(p -> add(out, MetricNames.LATENCY_P95, p.p95Ms(), "Milliseconds", at, MetricNames.DIM_PROVIDER, p.provider()));
        add(out, MetricNames.COST_PER_TURN, r.cost().perTurnUsd(), "None", at);
        add(out, MetricNames.COST_PER_USER, r.cost().perUser().meanUsd(), "None", at);
        add(out, MetricNames.ERROR_RATE, r.errors().rate(), "None", at);
        add(out, MetricNames.CACHE_HIT_RATE, r.cache().hitRate(), "None", at);
        add(out, MetricNames.FALLBACK_RATE, r.fallbacks().rate(), "None", at);
        r.fallbacks().reasons().forEach(c -> add(out, MetricNames.FALLBACK_RATE, c.shareOfTurns(), "None", at, MetricNames.DIM_REASON, c.name()));
        r.intents().forEach(i -> add(out, MetricNames.INTENT_SHARE, i.share(), "None", at, MetricNames.DIM_INTENT, i.intent()));
        RollupReport.IntentMix mix = r.weekOverWeek().intentMix();
        if (mix != null) {
            add(out, MetricNames.INTENT_MIX_DRIFT, mix.chiSquare(), "None", at);
            add(out, MetricNames.INTENT_MIX_DRIFT_FLAG, mix.drifted() ? 1.0 : 0.0, "None", at);
            add(out, MetricNames.INTENT_MIX_PSI, mix.psi(), "None", at);
        }
        add(out, MetricNames.ROLLUP_GATES_PASSED, RollupGates.PASS.equals(r.gates().verdict()) ? 1.0 : 0.0, "None", at);
        add(out, MetricNames.ROLLUP_TURNS, (double) r.input().turns(), "Count", at);
        add(out, MetricNames.ROLLUP_BAD_LINES, (double) r.input().badLines(), "Count", at);
        return out;
    }

    private static void add(List<MetricDatum> out, String name, Double value, String unit, Instant at) {
        if (value != null) {
            out.add(MetricDatum.of(name, value, unit, at));
        }
    }

    private static void add(List<MetricDatum> out, String name, Double value, String unit, Instant at, String dimension, String dimensionValue) {
        if (value != null) {
            out.add(MetricDatum.of(name, value, unit, at).withDimension(dimension, dimensionValue));
        }
    }
}
