package dev.evalops.golden;

import java.util.ArrayList;
import java.util.List;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;

import dev.evalops.router.RouterOutcome;
import dev.evalops.router.RoutingDecision;

/**
 * Scores router outcomes against labels: accuracy, macro F1 and per-label scores for intent, team and
 * template, Tier 0 misses and over-escalations, Tier 2 gate violations and unsafe automations, latency and
 * cost. Pure: no I/O, usable on the golden set or on any labeled batch in the golden shape.
 */
public final class GoldenScorer {
    /** Relative accuracy of the latency percentiles. */
    static final double LATENCY_RELATIVE_ACCURACY = 0.01;
    static final String AUTO_REPLY = "auto_reply";
    /** The team/template label used when a scored answer lacks one (it can never equal a gold label). */
    static final String MISSING = "(missing)";

    private GoldenScorer() {
    }

    /**
     * @param outcomes one per example, in the examples' order (what {@code RouterClient.routeAll} returns)
     * @throws IllegalArgumentException if the lists do not pair up by id
     */
    public static GoldenMetrics score(List<GoldenExample> examples, List<RouterOutcome> outcomes, Policy policy) {
        if (examples.size() != outcomes.size()) {
            throw new IllegalArgumentException(examples.size() + " examples but " + outcomes.size() + " outcomes");
        }
        LabelTally intents = new LabelTally();
        LabelTally teams = new LabelTally();
        LabelTally templates = new LabelTally();
        DDSketch latency = DDSketches.unboundedDense(LATENCY_RELATIVE_ACCURACY);
        int latencyReported = 0;
        double cost = 0;
        int costReported = 0;
        List<GoldenMetrics.UnscoredExample> unscored = new ArrayList<>();
        int gold0 = 0;
        int caught0 = 0;
        int unscored0 = 0;
        List<String> fn0 = new ArrayList<>();
        List<String> fp0 = new ArrayList<>();
        int autoReplies = 0;
        List<String> violations = new ArrayList<>();
        List<String> unsafe = new ArrayList<>();

        for (int i = 0; i < examples.size(); i++) {
            GoldenExample ex = examples.get(i);
            RouterOutcome outcome = outcomes.get(i);
            if (!ex.id().equals(outcome.ticketId())) {
                throw new IllegalArgumentException("outcome " + i + " is for " + outcome.ticketId() + ", expected " + ex.id());
            }
            if (ex.tier() == 0) {
                gold0++;
            }
            RoutingDecision d = outcome instanceof RouterOutcome.Answered a ? a.decision() : null;
            if (d != null) {
                if (d.latencyMs() != null && d.latencyMs() >= 0) {
                    latency.accept(d.latencyMs());
                    latencyReported++;
                }
                if (d.costUsd() != null && d.costUsd() >= 0) {
                    cost += d.costUsd();
                    costReported++;
                }
                // Gates are checked on every answer, scorable or not: an auto_reply without an intent is still one.
                if (AUTO_REPLY.equals(d.action())) {
                    autoReplies++;
                    if (!gateViolationReasons(d, policy).isEmpty()) {
                        violations.add(ex.id());
                    }
                    if (!policy.isTier2Eligible(ex.intent())) {
                        unsafe.add(ex.id());
                    }
                }
            }
            String why = unscoredReason(outcome);
            if (why != null) {
                unscored.add(new GoldenMetrics.UnscoredExample(ex.id(), unscoredKind(outcome), why));
                if (ex.tier() == 0) {
                    unscored0++;
                }
                continue;
            }
            intents.add(intents.code(ex.intent()), intents.code(d.intent()));
            teams.add(teams.code(ex.team()), teams.code(d.team() == null ? MISSING : d.team()));
            templates.add(templates.code(ex.template()), templates.code(d.template() == null ? MISSING : d.template()));
            int tier = d.tier();
            if (ex.tier() == 0 && tier != 0) {
                fn0.add(ex.id());
            } else if (ex.tier() == 0) {
                caught0++;
            } else if (tier == 0) {
                fp0.add(ex.id());
            }
        }

        int scored = (int) intents.total();
        Proportion accuracy = Proportion.of(intents.correct(), scored);
        Proportion team = Proportion.of(teams.correct(), scored);
        Proportion template = Proportion.of(templates.correct(), scored);
        GoldenMetrics.LatencySummary lat = latencyReported == 0
                ? new GoldenMetrics.LatencySummary(null, null, 0)
                : new GoldenMetrics.LatencySummary(latency.getValueAtQuantile(0.5), latency.getValueAtQuantile(0.95), latencyReported);
        return new GoldenMetrics(examples.size(), scored, unscored.size(),
                accuracy.value(), GoldenMetrics.Interval.of(accuracy), accuracy.successes(), intents.macroF1(), intents.scores(),
                team.value(), GoldenMetrics.Interval.of(team), teams.macroF1(), teams.scores(),
                template.value(), GoldenMetrics.Interval.of(template), templates.macroF1(), templates.scores(),
                new GoldenMetrics.Tier0Summary(gold0, caught0, fn0.size(), fn0, fp0.size(), fp0, unscored0),
                new GoldenMetrics.Tier2Summary(autoReplies, violations.size(), violations, unsafe.size(), unsafe),
                lat, costReported == 0 ? null : cost / costReported, cost, unscored);
    }

    /**
     * Why an {@code auto_reply} breaks the policy by the router's own output (empty = it does not): predicted
     * intent not eligible, predicted tier not 2, confidence missing or below the minimum, safe mode on.
     */
    public static List<String> gateViolationReasons(RoutingDecision d, Policy policy) {
        List<String> reasons = new ArrayList<>(2);
        if (!AUTO_REPLY.equals(d.action())) {
            return reasons;
        }
        if (!policy.isTier2Eligible(d.intent())) {
            reasons.add("intent_not_eligible");
        }
        if (d.tier() == null || d.tier() != 2) {
            reasons.add("tier_not_2");
        }
        if (d.confidence() == null || d.confidence() < policy.autoReplyMinConfidence()) {
            reasons.add("confidence_below_min");
        }
        if (Boolean.TRUE.equals(d.safeMode())) {
            reasons.add("safe_mode_on");
        }
        return reasons;
    }

    /** Null when the outcome can be scored; otherwise what is missing. */
    public static String unscoredReason(RouterOutcome outcome) {
        return switch (outcome) {
            case RouterOutcome.Failed f -> f.kind() + (f.httpStatus() == null ? "" : " (HTTP " + f.httpStatus() + ")")
                    + (f.detail() == null || f.detail().isBlank() ? "" : ": " + f.detail());
            case RouterOutcome.Answered a when a.decision() == null -> "answer has no routing decision";
            case RouterOutcome.Answered a when a.decision().intent() == null || a.decision().intent().isBlank() -> "answer has no intent";
            case RouterOutcome.Answered a when a.decision().tier() == null -> "answer has no tier";
            case RouterOutcome.Answered a -> null;
        };
    }

    /** Whether the router got the intent right; false for an unscored outcome. */
    public static boolean intentCorrect(GoldenExample example, RouterOutcome outcome) {
        return unscoredReason(outcome) == null && example.intent().equals(((RouterOutcome.Answered) outcome).decision().intent());
    }

    private static String unscoredKind(RouterOutcome outcome) {
        return outcome instanceof RouterOutcome.Failed f ? f.kind().name() : RouterOutcome.FailureKind.INVALID_RESPONSE.name();
    }
}
