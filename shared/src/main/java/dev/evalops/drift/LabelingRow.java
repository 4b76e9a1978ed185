package dev.evalops.drift;

import java.time.Instant;
import java.util.List;

import dev.evalops.turns.TurnRecord;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One row of a labeling batch: the golden-set JSONL shape (CONTRACTS §2) with the gold labels empty
 * ({@code intent}, {@code team}, {@code template}, {@code tier} null) for the labeler to fill in.
 * <p>
 * Turn exports carry no ticket text (CONTRACTS §3), so {@code id} is the turn id, by which the labeler opens
 * the ticket in the support tool, and {@code text} is empty. What the router did is in {@code sample.predicted}:
 * that is what a labeled batch is scored on (evaluate-labeled-sample).
 */
@RegisterForReflection
public record LabelingRow(String id, String text, String channel, String intent, String team, String template, Integer tier,
        Sample sample) {

    public static LabelingRow unlabeled(TurnRecord t, List<ProblemKind> kinds) {
        Predicted predicted = new Predicted(t.intent(), t.tier(), t.action(), t.confidence(), t.provider(), t.model(),
                t.fallbackReason(), t.error(), t.agentOverride());
        return new LabelingRow(t.turnId(), "", t.channel(), null, null, null, null,
                new Sample(kinds.stream().map(ProblemKind::label).toList(), t.ts(), t.tenant(), predicted));
    }

    /** Why the turn was picked and what production did with it. */
    @RegisterForReflection
    public record Sample(List<String> problemKinds, Instant ts, String tenant, Predicted predicted) {
    }

    /** The router's routing decision as recorded in the turn (turn exports have no team or template). */
    @RegisterForReflection
    public record Predicted(String intent, Integer tier, String action, Double confidence, String provider, String model,
            String fallbackReason, String error, TurnRecord.AgentOverride agentOverride) {
    }
}
