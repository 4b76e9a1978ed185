package dev.evalops.catalogue;

import java.util.List;

import dev.evalops.catalogue.AlarmSpec.Comparison;
import dev.evalops.catalogue.AlarmSpec.Statistic;
import dev.evalops.metrics.MetricNames;

/** The EvalOps alarms (thresholds from CONTRACTS §6); the stack creates one CloudWatch alarm per entry. */
public final class AlarmCatalogue {
    public static final AlarmSpec SMOKE_RED = new AlarmSpec("smoke-red", MetricNames.SMOKE_PASSED,
            Statistic.MINIMUM, Comparison.LESS_THAN, 1, "Smoke suite not 8/8: releases are blocked", true, true);
    public static final AlarmSpec TIER0_FALSE_NEGATIVES = new AlarmSpec("tier0-false-negatives", MetricNames.TIER0_FALSE_NEGATIVES,
            Statistic.MAXIMUM, Comparison.GREATER_THAN, 0, "A Tier 0 ticket was not escalated in the golden run: STOP", true, true);
    public static final AlarmSpec TIER2_GATE_VIOLATIONS = new AlarmSpec("tier2-gate-violations", MetricNames.TIER2_GATE_VIOLATIONS,
            Statistic.MAXIMUM, Comparison.GREATER_THAN, 0, "The router auto-replied against its own policy in the golden run", true, true);
    public static final AlarmSpec MACRO_F1_DROP = new AlarmSpec("macro-f1-drop", MetricNames.MACRO_F1,
            Statistic.MINIMUM, Comparison.LESS_THAN, 0.90, "Golden-set macro F1 fell below 0.90", true, true);
    public static final AlarmSpec LATENCY_P95 = new AlarmSpec("latency-p95", MetricNames.LATENCY_P95,
            Statistic.MAXIMUM, Comparison.GREATER_THAN_OR_EQUAL, 5000, "Weekly p95 latency is 5 s or more", false, true);
    public static final AlarmSpec COST_PER_TURN = new AlarmSpec("cost-per-turn", MetricNames.COST_PER_TURN,
            Statistic.MAXIMUM, Comparison.GREATER_THAN, 0.01, "Weekly cost per turn is above $0.01", false, true);
    public static final AlarmSpec INTENT_MIX_DRIFT = new AlarmSpec("intent-mix-drift", MetricNames.INTENT_MIX_DRIFT_FLAG,
            Statistic.MAXIMUM, Comparison.GREATER_THAN_OR_EQUAL, 1, "The weekly rollup flagged the intent mix as drifted", true, true);
    /** People only: drift-response turned it on, it must not be woken by it. */
    public static final AlarmSpec SAFE_MODE_ON = new AlarmSpec("safe-mode-on", MetricNames.SAFE_MODE_ENABLED,
            Statistic.MAXIMUM, Comparison.GREATER_THAN_OR_EQUAL, 1, "Safe mode is on: the router is route-only", false, false);

    public static final List<AlarmSpec> ALL = List.of(SMOKE_RED, TIER0_FALSE_NEGATIVES, TIER2_GATE_VIOLATIONS, MACRO_F1_DROP,
            LATENCY_P95, COST_PER_TURN, INTENT_MIX_DRIFT, SAFE_MODE_ON);

    private AlarmCatalogue() {
    }
}
