package dev.evalops.golden;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.evalops.router.RouterOutcome;
import dev.evalops.router.RoutingDecision;

/**
 * Sweeps the auto-reply threshold over a 0.01 grid. The router's {@code action} is ignored on purpose: it was
 * decided with the current threshold, and the question is what another threshold would do with the same
 * predictions. One pass buckets the candidates by confidence; suffix sums give every grid point.
 */
public final class ThresholdSweep {
    static final int STEPS = 100;

    private ThresholdSweep() {
    }

    public static ThresholdRecommendation recommend(List<GoldenExample> examples, List<RouterOutcome> outcomes, Policy policy,
            double targetPrecision, int minAutoReplies) {
        int[] count = new int[STEPS + 1];
        int[] right = new int[STEPS + 1];
        int eligibleScored = 0;
        // The current threshold need not sit on the grid (0.855): it is counted exactly alongside.
        double current = policy.autoReplyMinConfidence();
        int currentN = 0;
        int currentK = 0;
        for (int i = 0; i < examples.size(); i++) {
            GoldenExample ex = examples.get(i);
            RouterOutcome o = outcomes.get(i);
            if (GoldenScorer.unscoredReason(o) != null) {
                continue;
            }
            if (policy.isTier2Eligible(ex.intent())) {
                eligibleScored++;
            }
            RoutingDecision d = ((RouterOutcome.Answered) o).decision();
            if (!policy.isTier2Eligible(d.intent()) || d.tier() != 2 || d.confidence() == null) {
                continue;
            }
            double c = Math.max(0, Math.min(1, d.confidence()));
            // The epsilon keeps 0.85 in the 0.85 bucket despite 0.85 * 100 = 84.99999999999999.
            int bucket = (int) Math.floor(c * STEPS + 1e-9);
            count[bucket]++;
            boolean ok = ex.intent().equals(d.intent());
            if (ok) {
                right[bucket]++;
            }
            if (c >= current) {
                currentN++;
                currentK += ok ? 1 : 0;
            }
        }
        List<ThresholdRecommendation.Point> sweep = new ArrayList<>(STEPS + 1);
        int n = 0;
        int k = 0;
        ThresholdRecommendation.Point[] byStep = new ThresholdRecommendation.Point[STEPS + 1];
        for (int s = STEPS; s >= 0; s--) {
            n += count[s];
            k += right[s];
            byStep[s] = point(s / (double) STEPS, n, k, eligibleScored);
        }
        int chosen = -1;
        for (int s = 0; s <= STEPS; s++) {
            sweep.add(byStep[s]);
            if (chosen < 0 && byStep[s].autoReplies() >= minAutoReplies && byStep[s].precision() >= targetPrecision) {
                chosen = s;
            }
        }
        // Grid points below the lowest automated confidence automate the same tickets: recommend the highest of
        // those equivalent thresholds, so the advice never says "0.00" where "0.78" is what it means.
        while (chosen >= 0 && chosen < STEPS && byStep[chosen + 1].autoReplies() == byStep[chosen].autoReplies()) {
            chosen++;
        }
        ThresholdRecommendation.Point recommended = chosen < 0 ? null : byStep[chosen];
        ThresholdRecommendation.Point atCurrent = point(current, currentN, currentK, eligibleScored);
        return new ThresholdRecommendation(targetPrecision, minAutoReplies, eligibleScored, current, atCurrent, recommended,
                advice(targetPrecision, minAutoReplies, atCurrent, recommended), sweep);
    }

    private static ThresholdRecommendation.Point point(double threshold, int n, int k, int eligible) {
        Proportion p = Proportion.of(k, n);
        return new ThresholdRecommendation.Point(threshold, n, k, p.value(), p.ci95Low(), eligible == 0 ? 0 : (double) n / eligible);
    }

    static String advice(double target, int minAuto, ThresholdRecommendation.Point current, ThresholdRecommendation.Point rec) {
        String now = String.format(Locale.ROOT, "current %.2f: precision %.3f (Wilson 95%% low %.3f) on %d auto-replies, coverage %.1f%%",
                current.threshold(), current.precision(), current.precisionWilsonLow(), current.autoReplies(), 100 * current.coverage());
        if (rec == null) {
            return String.format(Locale.ROOT, "no threshold reaches precision %.2f on at least %d auto-replies; keep auto-reply as restricted as now or tighter (%s)",
                    target, minAuto, now);
        }
        String verb = Math.abs(rec.threshold() - current.threshold()) < 1e-9 ? "keep" : rec.threshold() < current.threshold() ? "lower to" : "raise to";
        return String.format(Locale.ROOT, "%s %.2f: precision %.3f (Wilson 95%% low %.3f) on %d auto-replies, coverage %.1f%% of eligible tickets; %s",
                verb, rec.threshold(), rec.precision(), rec.precisionWilsonLow(), rec.autoReplies(), 100 * rec.coverage(), now);
    }
}
