package dev.evalops.golden;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.core.BadInputException;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One golden run as asked for. Every field is optional (null = the configured default); build one with
 * {@link #defaults()} and the withers, which stay source-compatible when fields are added.
 *
 * @param goldenVersion folder under {@code evalops.golden.root} ({@code v3} → {@code golden/v3/golden.jsonl})
 * @param golden        an explicit golden file instead (path, key or s3://); its folder's {@code policy.json} is the policy
 * @param policy        an explicit policy file
 * @param predictions   recorded predictions to replay instead of calling the router
 * @param baseline      the run to compare with instead of the {@code baseline} pointer
 * @param dryRun        score and return the result, but write no artifact, publish no metric, move no pointer
 * @param reason        free text recorded in metrics.json and summary.md, e.g. {@code alarm:EvalOps-prod-golden-f1-drop}
 */
@RegisterForReflection
public record GoldenRunRequest(String goldenVersion, String golden, String policy, String predictions, String baseline, boolean dryRun,
        String reason) {

    /** The manual payload's fields ({@code {"action":"run", ...}}); anything else is refused, so a typo is not ignored. */
    static final Set<String> PAYLOAD_FIELDS = new TreeSet<>(List.of("action", "goldenVersion", "golden", "policy", "predictions", "baseline",
            "dryRun", "reason"));

    public static GoldenRunRequest defaults() {
        return new GoldenRunRequest(null, null, null, null, null, false, null);
    }

    public GoldenRunRequest withGoldenVersion(String value) {
        return new GoldenRunRequest(value, golden, policy, predictions, baseline, dryRun, reason);
    }

    public GoldenRunRequest withPredictions(String value) {
        return new GoldenRunRequest(goldenVersion, golden, policy, value, baseline, dryRun, reason);
    }

    public GoldenRunRequest withBaseline(String value) {
        return new GoldenRunRequest(goldenVersion, golden, policy, predictions, value, dryRun, reason);
    }

    public GoldenRunRequest withDryRun(boolean value) {
        return new GoldenRunRequest(goldenVersion, golden, policy, predictions, baseline, value, reason);
    }

    public GoldenRunRequest withReason(String value) {
        return new GoldenRunRequest(goldenVersion, golden, policy, predictions, baseline, dryRun, value);
    }

    /** The manual {@code run} payload; every field is checked for its type, unknown fields are refused. */
    public static GoldenRunRequest fromPayload(JsonNode payload) {
        requireKnownFields(payload, PAYLOAD_FIELDS, "run");
        return new GoldenRunRequest(text(payload, "goldenVersion"), text(payload, "golden"), text(payload, "policy"),
                text(payload, "predictions"), text(payload, "baseline"), flag(payload, "dryRun"), text(payload, "reason"));
    }

    /** Refuses a manual payload with a field the action does not know, so a typo is not silently ignored. */
    static void requireKnownFields(JsonNode payload, Set<String> known, String action) {
        List<String> unknown = new ArrayList<>();
        payload.fieldNames().forEachRemaining(f -> {
            if (!known.contains(f)) {
                unknown.add(f);
            }
        });
        if (!unknown.isEmpty()) {
            throw new BadInputException("golden-set-eval " + action + ": unknown field(s) " + unknown + " (known: " + known + ")");
        }
    }

    /** A boolean field; absent or null is false. */
    static boolean flag(JsonNode payload, String field) {
        JsonNode v = payload.get(field);
        if (v != null && !v.isNull() && !v.isBoolean()) {
            throw new BadInputException("golden-set-eval: field '" + field + "' is " + v + ", expected true or false");
        }
        return v != null && v.asBoolean();
    }

    static String text(JsonNode payload, String field) {
        JsonNode v = payload.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new BadInputException("golden-set-eval: field '" + field + "' is " + v + ", expected a non-empty string");
        }
        return v.asText();
    }
}
