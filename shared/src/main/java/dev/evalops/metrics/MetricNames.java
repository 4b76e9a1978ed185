package dev.evalops.metrics;

/**
 * The CloudWatch names the functions publish and the stack alarms and graphs on: namespace {@code EvalOps},
 * every datum with {@code Env}, some also split by another dimension. Ratios are 0..1, latencies milliseconds,
 * costs US dollars, flags 0/1. A metric published under another name is invisible to the alarms.
 */
public final class MetricNames {
    public static final String NAMESPACE = "EvalOps";
    public static final String DIM_ENV = "Env";
    public static final String DIM_PROVIDER = "Provider";
    public static final String DIM_INTENT = "Intent";
    public static final String DIM_REASON = "Reason";

    // smoke-eval
    /** 1 when the run was 8/8 green, 0 when red. */
    public static final String SMOKE_PASSED = "SmokePassed";
    public static final String SMOKE_FAILED_CASES = "SmokeFailedCases";
    public static final String SMOKE_FLAKY_CASES = "SmokeFlakyCases";
    /** p95 router latency over the suite's calls, ms. */
    public static final String SMOKE_LATENCY_P95 = "SmokeLatencyP95";

    // golden-set-eval
    public static final String ACCURACY = "Accuracy";
    public static final String MACRO_F1 = "MacroF1";
    public static final String TIER0_FALSE_NEGATIVES = "Tier0FalseNegatives";
    public static final String TIER2_GATE_VIOLATIONS = "Tier2GateViolations";
    public static final String UNSCORED = "Unscored";

    // weekly-rollup
    /** ms; published overall (Env only) and per {@link #DIM_PROVIDER}. */
    public static final String LATENCY_P95 = "LatencyP95";
    public static final String COST_PER_TURN = "CostPerTurn";
    public static final String COST_PER_USER = "CostPerUser";
    public static final String ERROR_RATE = "ErrorRate";
    public static final String CACHE_HIT_RATE = "CacheHitRate";
    /** Published overall and per {@link #DIM_REASON} (the fallback reason). */
    public static final String FALLBACK_RATE = "FallbackRate";
    /** The week's share of turns per {@link #DIM_INTENT}: the dashboard's intent distribution. */
    public static final String INTENT_SHARE = "IntentShare";
    /** The chi-square statistic of this week's intent counts against last week's. */
    public static final String INTENT_MIX_DRIFT = "IntentMixDrift";
    /** 1 when the rollup flagged the intent mix as drifted (the test accounts for sample size), else 0. */
    public static final String INTENT_MIX_DRIFT_FLAG = "IntentMixDriftFlag";
    /** 1 when every rollup gate passed, else 0. */
    public static final String ROLLUP_GATES_PASSED = "RollupGatesPassed";
    /** The population stability index of this week's intent mix against last week's (the effect size beside the test). */
    public static final String INTENT_MIX_PSI = "IntentMixPsi";
    /** Deduplicated turns the week's rollup counted, and the unusable lines it quarantined. */
    public static final String ROLLUP_TURNS = "RollupTurns";
    public static final String ROLLUP_BAD_LINES = "RollupBadLines";

    // drift-response
    /** 1 while safe mode is on, 0 when off; published on every transition and status. */
    public static final String SAFE_MODE_ENABLED = "SafeModeEnabled";

    private MetricNames() {
    }
}
