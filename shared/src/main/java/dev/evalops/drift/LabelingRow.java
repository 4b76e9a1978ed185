package dev.evalops.drift;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.evalops.core.Json;
import dev.evalops.router.RoutingDecision;
import dev.evalops.turns.TurnRecord;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One row of a labeling batch: the golden-set JSONL shape (CONTRACTS §2) with the gold labels empty
 * ({@code intent}, {@code team}, {@code template}, {@code tier} null) for the labeler to fill in.
 * <p>
 * Turn exports carry no ticket text (CONTRACTS §3), so {@code id} is the turn id, by which the labeler opens
 * the ticket in the support tool, and {@code text} is empty until the labeler pastes the (sanitized) ticket text:
 * a labeled row is then a complete golden-set candidate. {@code sample} says why the turn was picked, what the
 * router did, and which drift run it came from (evaluate-labeled-sample scores against that run's recording).
 */
@RegisterForReflection
public record LabelingRow(String id, String text, String channel, String intent, String team, String template, Integer tier,
        Sample sample) {

    public static LabelingRow unlabeled(TurnRecord t, List<ProblemKind> kinds) {
        Predicted predicted = new Predicted(t.intent(), t.tier(), t.action(), t.confidence(), t.provider(), t.model(), t.latencyMs(),
                t.costUsd(), t.cacheHit(), t.fallbackReason(), t.error(), t.agentOverride());
        return new LabelingRow(t.turnId(), "", t.channel(), null, null, null, null,
                new Sample(kinds.stream().map(ProblemKind::label).toList(), t.ts(), t.tenant(), null, predicted));
    }

    LabelingRow withDriftRun(String runPrefix) {
        return new LabelingRow(id, text, channel, intent, team, template, tier,
                new Sample(sample.problemKinds(), sample.ts(), sample.tenant(), runPrefix, sample.predicted()));
    }

    /** This row's line of the run's {@code predictions.jsonl}: the recorded-predictions shape of CONTRACTS §1. */
    ObjectNode recordedPrediction() {
        ObjectNode line = Json.mapper().createObjectNode().put("id", id);
        line.setAll((ObjectNode) Json.mapper().valueToTree(sample.predicted().decision()));
        return line;
    }

    /** Why the turn was picked, what production did with it, and the drift run ({@code eval_runs/drift/...}) it belongs to. */
    @RegisterForReflection
    public record Sample(List<String> problemKinds, Instant ts, String tenant, String driftRun, Predicted predicted) {
    }

    /** The router's routing decision as recorded in the turn (turn exports have no team, template or prompt version). */
    @RegisterForReflection
    public record Predicted(String intent, Integer tier, String action, Double confidence, String provider, String model, Long latencyMs,
            Double costUsd, Boolean cacheHit, String fallbackReason, String error, TurnRecord.AgentOverride agentOverride) {

        /** As the router's answer, for the run's recorded predictions (replayed by evaluate-labeled-sample). */
        RoutingDecision decision() {
            return new RoutingDecision(intent, null, null, tier, action, confidence, provider, model, null, latencyMs, costUsd, cacheHit,
                    fallbackReason, null);
        }
    }
}
