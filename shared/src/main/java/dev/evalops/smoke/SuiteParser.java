package dev.evalops.smoke;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.core.BadInputException;
import dev.evalops.core.Json;
import dev.evalops.router.RouterResponseSchema;

/**
 * Reads a suite and refuses anything it cannot run exactly as written: malformed JSON (with line and column),
 * unknown or misspelt fields, unknown assertion kinds, wrong parameter types, duplicate case ids, and a
 * {@code no_pii_echo} case whose ticket holds no PII (that assertion could never fail). Every message names the
 * source, the case and the field, e.g.
 * {@code smoke suite s3://b/smoke/suite.json: case 'fraud-escalates' (cases[1]), field assertions[2].kind: ...}.
 */
public final class SuiteParser {
    static final int MAX_SAMPLES = 20;
    private static final Pattern CASE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    /** Every assertion kind and the parameters it takes (besides {@code kind}). */
    private static final Map<String, List<String>> KINDS = kinds();

    public SmokeSuite parse(String json, String source) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new BadInputException("smoke suite " + source + ": not valid JSON"
                    + (loc == null ? "" : " at line " + loc.getLineNr() + " column " + loc.getColumnNr()) + ": " + e.getOriginalMessage(), e);
        }
        Where suite = new Where(source, null, -1);
        if (root == null || !root.isObject()) {
            throw suite.error("", "expected a JSON object {\"suite\": ..., \"cases\": [...]}");
        }
        onlyFields(suite, "", root, Set.of("suite", "description", "cases"));
        String name = text(suite, "suite", root.get("suite"));
        optionalText(suite, "description", root.get("description"));
        JsonNode cases = root.get("cases");
        if (cases == null || !cases.isArray() || cases.isEmpty()) {
            throw suite.error("cases", "expected a non-empty array of cases, got " + show(cases));
        }
        List<SmokeSuite.SmokeCase> parsed = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < cases.size(); i++) {
            SmokeSuite.SmokeCase c = parseCase(source, i, cases.get(i));
            if (!ids.add(c.id())) {
                throw new Where(source, c.id(), i).error("id", "duplicate case id (case ids name the failing cases in the release gate)");
            }
            parsed.add(c);
        }
        return new SmokeSuite(name, source, parsed);
    }

    private SmokeSuite.SmokeCase parseCase(String source, int index, JsonNode node) {
        Where anonymous = new Where(source, null, index);
        if (node == null || !node.isObject()) {
            throw anonymous.error("", "expected a case object, got " + show(node));
        }
        JsonNode idNode = node.get("id");
        String id = idNode != null && idNode.isTextual() ? idNode.asText() : null;
        if (id == null || !CASE_ID.matcher(id).matches()) {
            throw anonymous.error("id", "expected a case id matching " + CASE_ID.pattern() + ", got " + show(idNode));
        }
        Where where = new Where(source, id, index);
        onlyFields(where, "", node, Set.of("id", "description", "ticket", "samples", "assertions"));
        String description = optionalText(where, "description", node.get("description"));
        JsonNode ticket = node.get("ticket");
        if (ticket == null || !ticket.isObject()) {
            throw where.error("ticket", "expected {\"text\": ..., \"channel\": ...}, got " + show(ticket));
        }
        onlyFields(where, "ticket.", ticket, Set.of("text", "channel"));
        String text = text(where, "ticket.text", ticket.get("text"));
        String channel = text(where, "ticket.channel", ticket.get("channel"));
        int samples = 1;
        JsonNode samplesNode = node.get("samples");
        if (samplesNode != null) {
            if (!samplesNode.isIntegralNumber() || samplesNode.asInt() < 1 || samplesNode.asInt() > MAX_SAMPLES) {
                throw where.error("samples", "expected an integer from 1 to " + MAX_SAMPLES + ", got " + samplesNode);
            }
            samples = samplesNode.asInt();
        }
        JsonNode assertions = node.get("assertions");
        if (assertions == null || !assertions.isArray() || assertions.isEmpty()) {
            throw where.error("assertions", "expected a non-empty array of assertions, got " + show(assertions));
        }
        List<SmokeAssertion> parsed = new ArrayList<>();
        for (int a = 0; a < assertions.size(); a++) {
            SmokeAssertion assertion = parseAssertion(where, "assertions[" + a + "]", assertions.get(a));
            if (assertion instanceof SmokeAssertion.NoPiiEcho && TicketPii.spans(text).isEmpty()) {
                throw where.error("assertions[" + a + "].kind", "no_pii_echo needs a ticket.text with PII the sanitizer recognizes "
                        + "(an e-mail address, for one); this ticket has none, so the assertion could never fail");
            }
            parsed.add(assertion);
        }
        return new SmokeSuite.SmokeCase(id, description, text, channel, samples, parsed);
    }

    private static SmokeAssertion parseAssertion(Where where, String path, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw where.error(path, "expected an assertion object {\"kind\": ...}, got " + show(node));
        }
        JsonNode kindNode = node.get("kind");
        if (kindNode == null || !kindNode.isTextual()) {
            throw where.error(path + ".kind", "expected one of " + String.join(", ", KINDS.keySet()) + ", got " + show(kindNode));
        }
        String kind = kindNode.asText();
        List<String> takes = KINDS.get(kind);
        if (takes == null) {
            throw where.error(path + ".kind", "unknown assertion kind '" + kind + "' (known: " + String.join(", ", KINDS.keySet()) + ")");
        }
        // Unknown parameters first: a misspelt one would otherwise surface as "value missing".
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!f.equals("kind") && !takes.contains(f)) {
                throw where.error(path + "." + f, "unknown parameter for " + kind
                        + (takes.isEmpty() ? " (it takes none)" : " (it takes " + String.join(", ", takes) + ")"));
            }
        }
        Params p = new Params(where, path, node);
        SmokeAssertion a = switch (kind) {
            case "intent_equals" -> new SmokeAssertion.IntentEquals(p.text("value"));
            case "intent_one_of" -> new SmokeAssertion.IntentOneOf(p.texts("values"));
            case "tier_equals" -> new SmokeAssertion.TierEquals(p.tier("value"));
            case "team_equals" -> new SmokeAssertion.TeamEquals(p.text("value"));
            case "action_is" -> new SmokeAssertion.ActionIs(p.action("value"));
            case "action_is_not" -> new SmokeAssertion.ActionIsNot(p.action("value"));
            case "schema_valid" -> new SmokeAssertion.SchemaValid();
            case "latency_below" -> new SmokeAssertion.LatencyBelow(p.positiveLong("ms"), p.percentile("percentile", 95));
            case "cost_at_most" -> new SmokeAssertion.CostAtMost(p.nonNegative("usd"));
            case "no_pii_echo" -> new SmokeAssertion.NoPiiEcho();
            case "safe_mode_respected" -> new SmokeAssertion.SafeModeRespected();
            default -> throw new IllegalStateException("assertion kind " + kind + " is listed but not built");
        };
        return a;
    }

    private static Map<String, List<String>> kinds() {
        Map<String, List<String>> k = new LinkedHashMap<>();
        k.put("intent_equals", List.of("value"));
        k.put("intent_one_of", List.of("values"));
        k.put("tier_equals", List.of("value"));
        k.put("team_equals", List.of("value"));
        k.put("action_is", List.of("value"));
        k.put("action_is_not", List.of("value"));
        k.put("schema_valid", List.of());
        k.put("latency_below", List.of("ms", "percentile"));
        k.put("cost_at_most", List.of("usd"));
        k.put("no_pii_echo", List.of());
        k.put("safe_mode_respected", List.of());
        return java.util.Collections.unmodifiableMap(k);
    }

    private static void onlyFields(Where where, String prefix, JsonNode node, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw where.error(prefix + f, "unknown field (allowed here: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    private static String text(Where where, String field, JsonNode v) {
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw where.error(field, "expected a non-empty string, got " + show(v));
        }
        return v.asText();
    }

    private static String optionalText(Where where, String field, JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        return text(where, field, v);
    }

    private static String show(JsonNode v) {
        return v == null ? "nothing" : v.toString();
    }

    /** Where in the suite a problem is: the message prefix every error shares. */
    private record Where(String source, String caseId, int index) {
        BadInputException error(String field, String problem) {
            StringBuilder sb = new StringBuilder("smoke suite ").append(source).append(": ");
            if (index >= 0) {
                sb.append(caseId == null ? "case #" + (index + 1) : "case '" + caseId + "'").append(" (cases[").append(index).append("])");
                sb.append(field.isEmpty() ? "" : ", field " + field);
            } else {
                sb.append(field.isEmpty() ? "top level" : "field " + field);
            }
            return new BadInputException(sb.append(": ").append(problem).toString());
        }
    }

    /** Typed reads of an assertion's parameters, each failure naming the parameter's path. */
    private static final class Params {
        private final Where where;
        private final String path;
        private final JsonNode node;

        Params(Where where, String path, JsonNode node) {
            this.where = where;
            this.path = path;
            this.node = node;
        }

        String text(String field) {
            return SuiteParser.text(where, at(field), get(field));
        }

        List<String> texts(String field) {
            JsonNode v = get(field);
            if (v == null || !v.isArray() || v.isEmpty()) {
                throw where.error(at(field), "expected a non-empty array of strings, got " + show(v));
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                out.add(SuiteParser.text(where, at(field) + "[" + i + "]", v.get(i)));
            }
            return out;
        }

        int tier(String field) {
            JsonNode v = get(field);
            if (v == null || !v.isIntegralNumber() || !RouterResponseSchema.TIERS.contains(v.asInt())) {
                throw where.error(at(field), "expected a tier 0, 1 or 2, got " + show(v));
            }
            return v.asInt();
        }

        String action(String field) {
            JsonNode v = get(field);
            if (v == null || !v.isTextual() || !RouterResponseSchema.ACTIONS.contains(v.asText())) {
                throw where.error(at(field), "expected an action (auto_reply, escalate, route), got " + show(v));
            }
            return v.asText();
        }

        long positiveLong(String field) {
            JsonNode v = get(field);
            if (v == null || !v.isIntegralNumber() || v.asLong() <= 0) {
                throw where.error(at(field), "expected a positive integer, got " + show(v));
            }
            return v.asLong();
        }

        int percentile(String field, int defaultValue) {
            JsonNode v = get(field);
            if (v == null) {
                return defaultValue;
            }
            if (!v.isIntegralNumber() || v.asInt() < 1 || v.asInt() > 100) {
                throw where.error(at(field), "expected an integer percentile from 1 to 100, got " + v);
            }
            return v.asInt();
        }

        double nonNegative(String field) {
            JsonNode v = get(field);
            if (v == null || !v.isNumber() || v.asDouble() < 0) {
                throw where.error(at(field), "expected a non-negative number, got " + show(v));
            }
            return v.asDouble();
        }

        private JsonNode get(String field) {
            return node.get(field);
        }

        private String at(String field) {
            return path + "." + field;
        }
    }
}
