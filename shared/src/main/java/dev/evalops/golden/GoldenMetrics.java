package dev.evalops.golden;

import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What {@link GoldenScorer} computes for one labeled batch; serialized as the body of {@code metrics.json}
 * (snake_case: {@code n}, {@code scored}, {@code accuracy}, {@code macro_f1}, {@code per_intent}, {@code tier0},
 * {@code tier2}, ...). Rates are over scored examples; unscored ones are counted and listed, never guessed.
 *
 * @param latencyMs router-reported {@code latency_ms}; p50/p95 are DDSketch estimates (1% relative accuracy)
 */
@RegisterForReflection
public record GoldenMetrics(
        int n,
        int scored,
        int unscored,
        double accuracy,
        Interval accuracyCi95,
        long correct,
        double macroF1,
        Map<String, LabelScore> perIntent,
        double teamAccuracy,
        Interval teamAccuracyCi95,
        double teamMacroF1,
        Map<String, LabelScore> perTeam,
        double templateAccuracy,
        Interval templateAccuracyCi95,
        double templateMacroF1,
        Map<String, LabelScore> perTemplate,
        Tier0Summary tier0,
        Tier2Summary tier2,
        LatencySummary latencyMs,
        Double costPerExampleUsd,
        double costTotalUsd,
        List<UnscoredExample> unscoredExamples) {

    /** A two-sided 95% interval. */
    @RegisterForReflection
    public record Interval(double low, double high) {
        static Interval of(Proportion p) {
            return new Interval(p.ci95Low(), p.ci95High());
        }
    }

    /** scikit-learn's per-label scores with {@code zero_division=0}. */
    @RegisterForReflection
    public record LabelScore(double precision, double recall, double f1, int support) {
    }

    /**
     * Tier 0 (high-risk) routing: a false negative is a gold Tier 0 ticket the router did not treat as Tier 0
     * (STOP); a false positive an over-escalation (a cost, reported).
     */
    @RegisterForReflection
    public record Tier0Summary(int gold, int caught, int falseNegatives, List<String> falseNegativeIds, int falsePositives,
            List<String> falsePositiveIds, int unscored) {
    }

    /**
     * Automated replies: a gate violation is an {@code auto_reply} the router's own output forbids (CONTRACTS §2);
     * an unsafe automation an {@code auto_reply} on a ticket whose gold intent is not Tier-2 eligible.
     */
    @RegisterForReflection
    public record Tier2Summary(int autoReplies, int gateViolations, List<String> gateViolationIds, int unsafeAutomations,
            List<String> unsafeAutomationIds) {
    }

    @RegisterForReflection
    public record LatencySummary(Double p50, Double p95, int reported) {
    }

    /** An example without a usable answer: the router failed, or answered without intent/tier. */
    @RegisterForReflection
    public record UnscoredExample(String id, String kind, String detail) {
    }
}
