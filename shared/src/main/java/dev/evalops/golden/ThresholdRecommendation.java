package dev.evalops.golden;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code threshold_recommendation.json}: the auto-reply confidence threshold the golden set supports.
 *
 * @param recommended    the lowest swept threshold whose precision meets the target on at least
 *                       {@code minAutoReplies} automated examples; null when none does
 * @param eligibleScored scored examples whose gold intent is Tier-2 eligible (the denominator of coverage)
 */
@RegisterForReflection
public record ThresholdRecommendation(double targetPrecision, int minAutoReplies, int eligibleScored, double currentThreshold,
        Point atCurrent, Point recommended, String advice, List<Point> sweep) {

    /**
     * Auto-replying every scored example whose predicted intent is Tier-2 eligible, predicted tier 2 and
     * confidence at least {@code threshold}.
     *
     * @param precision         share of those with the right intent
     * @param precisionWilsonLow lower end of its 95% Wilson interval
     * @param coverage          automated / {@code eligibleScored}
     */
    @RegisterForReflection
    public record Point(double threshold, int autoReplies, int correct, double precision, double precisionWilsonLow, double coverage) {
    }
}
