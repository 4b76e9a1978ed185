package dev.evalops.router;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The router's response schema (CONTRACTS §1) as a checker: every field present with its JSON type, the
 * enums ({@code action}, {@code tier}) and ranges ({@code confidence} in [0, 1], non-negative latency and
 * cost). {@code fallback_reason} must be present and may be null. Extra fields are allowed: the router grows.
 */
public final class RouterResponseSchema {
    public static final Set<String> ACTIONS = Set.of("route", "auto_reply", "escalate");
    public static final Set<Integer> TIERS = Set.of(0, 1, 2);
    private static final List<String> TEXT_FIELDS = List.of("intent", "team", "template", "provider", "model", "prompt_version");

    private RouterResponseSchema() {
    }

    /** What is wrong with one response body, one entry per field; empty when it conforms. */
    public static List<String> violations(JsonNode body) {
        List<String> out = new ArrayList<>();
        if (body == null || !body.isObject()) {
            out.add("body: expected a JSON object, got " + (body == null ? "nothing" : body.getNodeType().toString().toLowerCase()));
            return out;
        }
        for (String f : TEXT_FIELDS) {
            JsonNode v = body.get(f);
            if (missing(out, f, v)) {
                continue;
            }
            if (!v.isTextual() || v.asText().isBlank()) {
                out.add(f + ": expected a non-empty string, got " + v);
            }
        }
        JsonNode tier = body.get("tier");
        if (!missing(out, "tier", tier) && !(tier.isIntegralNumber() && TIERS.contains(tier.asInt()))) {
            out.add("tier: expected an integer 0, 1 or 2, got " + tier);
        }
        JsonNode action = body.get("action");
        if (!missing(out, "action", action) && !(action.isTextual() && ACTIONS.contains(action.asText()))) {
            out.add("action: expected one of auto_reply, escalate, route, got " + action);
        }
        JsonNode confidence = body.get("confidence");
        if (!missing(out, "confidence", confidence)
                && !(confidence.isNumber() && confidence.asDouble() >= 0 && confidence.asDouble() <= 1)) {
            out.add("confidence: expected a number in [0, 1], got " + confidence);
        }
        JsonNode latency = body.get("latency_ms");
        if (!missing(out, "latency_ms", latency) && !(latency.isIntegralNumber() && latency.asLong() >= 0)) {
            out.add("latency_ms: expected a non-negative integer, got " + latency);
        }
        JsonNode cost = body.get("cost_usd");
        if (!missing(out, "cost_usd", cost) && !(cost.isNumber() && cost.asDouble() >= 0)) {
            out.add("cost_usd: expected a non-negative number, got " + cost);
        }
        for (String f : List.of("cache_hit", "safe_mode")) {
            JsonNode v = body.get(f);
            if (!missing(out, f, v) && !v.isBoolean()) {
                out.add(f + ": expected true or false, got " + v);
            }
        }
        JsonNode fallback = body.get("fallback_reason");
        if (fallback == null) {
            out.add("fallback_reason: missing (expected a string or null)");
        } else if (!fallback.isNull() && !fallback.isTextual()) {
            out.add("fallback_reason: expected a string or null, got " + fallback);
        }
        return out;
    }

    private static boolean missing(List<String> out, String field, JsonNode v) {
        if (v == null || v.isNull()) {
            out.add(field + ": missing");
            return true;
        }
        return false;
    }
}
