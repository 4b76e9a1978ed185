package dev.evalops.golden;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.evalops.core.Json;

/**
 * Everything one golden run found, before it is written: the source of {@code metrics.json} and {@code summary.md}.
 *
 * @param baseline     null when there is no baseline to compare with ({@code baselineNote} says why)
 * @param replayProblems recording lines a replay skipped (file:line: reason)
 */
public record GoldenReport(String runId, Instant startedAt, String reason, String goldenVersion, String goldenLocation, String policyLocation,
        Policy policy, String mode, String predictionsLocation, int rows, List<QuarantinedRow> quarantined, List<String> replayProblems,
        GoldenMetrics metrics, VerdictDecision decision, BaselineComparison baseline, String baselineNote, ThresholdRecommendation threshold) {

    /**
     * {@code metrics.json}: the run's identity and verdict first ({@code verdict}, {@code run_id}, {@code reason},
     * {@code golden_version}), then every {@link GoldenMetrics} field, the gates, the baseline comparison and the
     * threshold headline (the full sweep is {@code threshold_recommendation.json}).
     */
    public ObjectNode metricsDocument() {
        ObjectNode doc = Json.mapper().createObjectNode();
        doc.put("verdict", decision.verdict().name());
        doc.set("verdict_reasons", Json.mapper().valueToTree(decision.reasons()));
        doc.put("run_id", runId);
        doc.put("reason", reason);
        doc.put("golden_version", goldenVersion);
        doc.put("started_at", startedAt.toString());
        doc.put("golden_location", goldenLocation);
        doc.put("policy_location", policyLocation);
        doc.set("policy", Json.mapper().valueToTree(policy));
        doc.put("mode", mode);
        doc.put("predictions_location", predictionsLocation);
        doc.put("rows", rows);
        doc.put("quarantined", quarantined.size());
        doc.put("replay_problems", replayProblems.size());
        doc.setAll((ObjectNode) Json.mapper().valueToTree(metrics));
        doc.set("gates", Json.mapper().valueToTree(decision.gates()));
        doc.set("baseline", baseline == null ? null : Json.mapper().valueToTree(baseline));
        doc.put("baseline_note", baselineNote);
        ObjectNode t = doc.putObject("threshold");
        t.put("target_precision", threshold.targetPrecision());
        t.put("current", threshold.currentThreshold());
        if (threshold.recommended() == null) {
            t.putNull("recommended");
        } else {
            t.put("recommended", threshold.recommended().threshold());
        }
        t.put("advice", threshold.advice());
        return doc;
    }
}
