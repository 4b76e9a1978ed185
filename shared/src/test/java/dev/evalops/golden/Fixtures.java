package dev.evalops.golden;

import java.util.List;

import dev.evalops.router.RouterOutcome;
import dev.evalops.router.RoutingDecision;

/** Small builders for hand-computed scoring cases. */
final class Fixtures {
    /** Intents A and E... : A is the only Tier-2 eligible one. */
    static final Policy POLICY = new Policy(List.of("A"), 0.85);

    private Fixtures() {
    }

    static GoldenExample example(String id, String intent, String team, int tier) {
        return new GoldenExample(id, "ticket " + id, "email", intent, team, "t_" + intent, tier);
    }

    static RouterOutcome answer(String id, String intent, String team, Integer tier, String action, Double confidence, Long latencyMs,
            Double cost, Boolean safeMode) {
        return answer(id, intent, team, intent == null ? null : "t_" + intent, tier, action, confidence, latencyMs, cost, safeMode);
    }

    static RouterOutcome answer(String id, String intent, String team, String template, Integer tier, String action, Double confidence,
            Long latencyMs, Double cost, Boolean safeMode) {
        RoutingDecision d = new RoutingDecision(intent, team, template, tier, action, confidence, "anthropic", "m-2026-10", "p-41", latencyMs,
                cost, false, null, safeMode);
        return new RouterOutcome.Answered(id, d, null, latencyMs == null ? 0 : latencyMs, 1);
    }

    static RouterOutcome failed(String id, RouterOutcome.FailureKind kind) {
        return new RouterOutcome.Failed(id, kind, "no answer within PT10S", null, 10_000, 3);
    }

    /**
     * The hand-computed case of {@link GoldenScorerTest}: intents A..E (C only ever predicted, D never predicted),
     * one router failure and one answer without an intent.
     */
    static final List<GoldenExample> CASE_EXAMPLES = List.of(
            example("e1", "A", "ta", 2),
            example("e2", "A", "ta", 2),
            example("e3", "B", "tb", 1),
            example("e4", "B", "tb", 1),
            example("e5", "D", "td", 0),
            example("e6", "B", "tb", 1),
            example("e7", "E", "te", 0),
            example("e8", "A", "ta", 2),
            example("e9", "B", "tb", 1),
            example("e10", "A", "ta", 2));

    static final List<RouterOutcome> CASE_OUTCOMES = List.of(
            // right, automated within policy; its template is missing
            answer("e1", "A", "ta", null, 2, "auto_reply", 0.90, 100L, 0.002, false),
            // wrong, and automated although B is not eligible and safe mode is on
            answer("e2", "B", "tb", 2, "auto_reply", 0.95, 200L, 0.002, true),
            answer("e3", "B", "tb", 1, "route", 0.80, 300L, 0.002, false),
            // C: predicted only; same team as B; automated on a non-eligible gold intent
            answer("e4", "C", "tb", 2, "auto_reply", 0.90, 400L, 0.002, false),
            // Tier 0 false negative
            answer("e5", "B", "tb", 1, "route", 0.70, 500L, 0.002, false),
            failed("e6", RouterOutcome.FailureKind.TIMEOUT),
            answer("e7", "E", "te", 0, "escalate", 0.93, 700L, 0.002, false),
            // Tier 0 false positive
            answer("e8", "E", "te", 0, "escalate", 0.91, 800L, 0.002, false),
            // an eligible prediction automated within policy, but the gold intent is not eligible: unsafe automation
            answer("e9", "A", "ta", 2, "auto_reply", 0.92, 900L, 0.004, false),
            answer("e10", null, null, null, null, null, null, null, null, null));
}
