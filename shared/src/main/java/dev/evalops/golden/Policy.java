package dev.evalops.golden;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.core.BadInputException;
import dev.evalops.core.Json;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The auto-reply policy a golden set is judged against ({@code golden/<version>/policy.json}): which intents
 * may be answered automatically, and the minimum confidence for doing so.
 */
@RegisterForReflection
public record Policy(List<String> tier2EligibleIntents, double autoReplyMinConfidence) {

    public Policy {
        tier2EligibleIntents = List.copyOf(tier2EligibleIntents);
    }

    public boolean isTier2Eligible(String intent) {
        return intent != null && tier2EligibleIntents.contains(intent);
    }

    public Set<String> eligible() {
        return Set.copyOf(tier2EligibleIntents);
    }

    /** Parses and validates a policy document; errors name the location and the field. */
    public static Policy parse(String json, String location) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new BadInputException("policy " + location + ": not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException("policy " + location + ": expected a JSON object with tier2_eligible_intents and auto_reply_min_confidence");
        }
        JsonNode intents = root.get("tier2_eligible_intents");
        if (intents == null || !intents.isArray()) {
            throw new BadInputException("policy " + location + ": field 'tier2_eligible_intents' is " + describe(intents)
                    + ", expected an array of intent names");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < intents.size(); i++) {
            JsonNode n = intents.get(i);
            if (!n.isTextual() || n.asText().isBlank()) {
                throw new BadInputException("policy " + location + ": field 'tier2_eligible_intents[" + i + "]' is " + n + ", expected an intent name");
            }
            names.add(n.asText());
        }
        JsonNode min = root.get("auto_reply_min_confidence");
        if (min == null || !min.isNumber() || min.asDouble() < 0 || min.asDouble() > 1) {
            throw new BadInputException("policy " + location + ": field 'auto_reply_min_confidence' is " + describe(min)
                    + ", expected a number between 0 and 1");
        }
        return new Policy(names, min.asDouble());
    }

    private static String describe(JsonNode n) {
        return n == null ? "missing" : n.toString();
    }
}
