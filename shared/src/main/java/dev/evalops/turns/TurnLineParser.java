package dev.evalops.turns;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;

/**
 * Parses and validates one JSONL line of a turn export (CONTRACTS §3) with Jackson's streaming parser straight
 * from UTF-8 bytes: no tree, no databind, one pass. Required fields: {@code turn_id, ts, user_id, intent,
 * provider, model}; every other field may be missing or null ("unknown") but, when present, must have its
 * type and range. Stateless apart from the factory, so one instance serves every thread (each with its own pool).
 */
final class TurnLineParser {
    /** Why a line is unusable; thrown without a stack trace because bad lines are data, not bugs. */
    static final class Invalid extends Exception {
        final String field;

        Invalid(String field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }
    }

    private final JsonFactory factory = JsonFactory.builder()
            // A turn line is small; a line nesting deeper than this is garbage, not a turn.
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
            // cost_usd and confidence on every line: the JDK's double parsing was 6% of a scan.
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    /** @param pool the calling thread's pool of repeated values (intent, provider, ...), see {@link ValuePool} */
    TurnRecord parse(byte[] buf, int off, int len, ValuePool pool) throws Invalid {
        try (JsonParser p = factory.createParser(buf, off, len)) {
            return parse(p, pool);
        } catch (JsonProcessingException e) {
            throw new Invalid(null, "not valid JSON (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        } catch (IOException e) {
            // Parsing a byte array does no I/O: anything else here is a parser failure on this line.
            throw new Invalid(null, "not valid JSON (" + e.getMessage() + ")");
        }
    }

    private static TurnRecord parse(JsonParser p, ValuePool pool) throws IOException, Invalid {
        JsonToken first = p.nextToken();
        if (first == null) {
            throw new Invalid(null, "empty line");
        }
        if (first != JsonToken.START_OBJECT) {
            throw new Invalid(null, "not a JSON object (" + kind(first) + ")");
        }
        String turnId = null, userId = null, tenant = null, channel = null, intent = null, action = null, provider = null,
                model = null, fallbackReason = null, error = null;
        Instant ts = null;
        Integer tier = null;
        Double confidence = null, costUsd = null;
        Long latencyMs = null, tokensIn = null, tokensOut = null;
        Boolean cacheHit = null, taskSuccess = null;
        TurnRecord.AgentOverride override = null;
        // Required fields are tracked as "seen", so a missing field and an explicit null get different reasons.
        int seen = 0;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            switch (name) {
                case "turn_id" -> { turnId = string(p, t, name); seen |= 1; }
                case "ts" -> { ts = instant(p, t); seen |= 2; }
                case "user_id" -> { userId = string(p, t, name); seen |= 4; }
                case "intent" -> { intent = pooled(p, t, name, pool); seen |= 8; }
                case "provider" -> { provider = pooled(p, t, name, pool); seen |= 16; }
                case "model" -> { model = pooled(p, t, name, pool); seen |= 32; }
                case "tenant" -> tenant = pooled(p, t, name, pool);
                case "channel" -> channel = pooled(p, t, name, pool);
                case "tier" -> tier = tier(p, t);
                case "action" -> action = action(p, t, pool);
                case "confidence" -> confidence = fraction(p, t, name);
                case "latency_ms" -> latencyMs = count(p, t, name);
                case "tokens_in" -> tokensIn = count(p, t, name);
                case "tokens_out" -> tokensOut = count(p, t, name);
                case "cost_usd" -> costUsd = amount(p, t, name);
                case "cache_hit" -> cacheHit = bool(t, name);
                case "fallback_reason" -> fallbackReason = pooled(p, t, name, pool);
                case "error" -> error = pooled(p, t, name, pool);
                case "agent_override" -> override = override(p, t, pool);
                case "task_success" -> taskSuccess = bool(t, name);
                default -> p.skipChildren();
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw new Invalid(null, "not valid JSON (object not closed)");
        }
        if (p.nextToken() != null) {
            throw new Invalid(null, "trailing content after the JSON object");
        }
        required(turnId, seen, 1, "turn_id");
        required(ts, seen, 2, "ts");
        required(userId, seen, 4, "user_id");
        required(intent, seen, 8, "intent");
        required(provider, seen, 16, "provider");
        required(model, seen, 32, "model");
        return new TurnRecord(turnId, ts, userId, tenant, channel, intent, tier, action, confidence, provider, model, latencyMs,
                tokensIn, tokensOut, costUsd, cacheHit, fallbackReason, error, override, taskSuccess);
    }

    private static void required(Object value, int seen, int bit, String field) throws Invalid {
        if ((seen & bit) == 0) {
            throw new Invalid(field, "missing required field");
        }
        if (value == null) {
            throw new Invalid(field, "required field is null");
        }
        if (value instanceof String s && s.isBlank()) {
            throw new Invalid(field, "required field is empty");
        }
    }

    private static String string(JsonParser p, JsonToken t, String field) throws IOException, Invalid {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw wrongType(field, "a string", t);
    }

    /** A string field with few distinct values: one String per distinct value, not one per line. */
    private static String pooled(JsonParser p, JsonToken t, String field, ValuePool pool) throws IOException, Invalid {
        if (t == JsonToken.VALUE_STRING) {
            return pool.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        }
        return string(p, t, field);
    }

    private static Long count(JsonParser p, JsonToken t, String field) throws IOException, Invalid {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw wrongType(field, "an integer", t);
        }
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new Invalid(field, "out of range: " + p.getText());
        }
        long v = p.getLongValue();
        if (v < 0) {
            throw new Invalid(field, "negative: " + v);
        }
        return v;
    }

    private static Double amount(JsonParser p, JsonToken t, String field) throws IOException, Invalid {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw wrongType(field, "a number", t);
        }
        double v = p.getDoubleValue();
        if (!Double.isFinite(v) || v < 0) {
            throw new Invalid(field, "not a non-negative amount: " + p.getText());
        }
        return v;
    }

    private static Double fraction(JsonParser p, JsonToken t, String field) throws IOException, Invalid {
        Double v = amount(p, t, field);
        if (v != null && v > 1) {
            throw new Invalid(field, "not between 0 and 1: " + p.getText());
        }
        return v;
    }

    private static Boolean bool(JsonToken t, String field) throws Invalid {
        return switch (t) {
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw wrongType(field, "true, false or null", t);
        };
    }

    private static Integer tier(JsonParser p, JsonToken t) throws IOException, Invalid {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw wrongType("tier", "0, 1 or 2", t);
        }
        long v = p.getLongValue();
        if (v < 0 || v > 2) {
            throw new Invalid("tier", "not 0, 1 or 2: " + p.getText());
        }
        return (int) v;
    }

    private static String action(JsonParser p, JsonToken t, ValuePool pool) throws IOException, Invalid {
        String v = pooled(p, t, "action", pool);
        if (v != null && !v.equals("route") && !v.equals("auto_reply") && !v.equals("escalate")) {
            throw new Invalid("action", "not route, auto_reply or escalate: " + v);
        }
        return v;
    }

    private static TurnRecord.AgentOverride override(JsonParser p, JsonToken t, ValuePool pool) throws IOException, Invalid {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_OBJECT) {
            throw wrongType("agent_override", "an object or null", t);
        }
        String intent = null, team = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "intent" -> intent = pooled(p, v, "agent_override.intent", pool);
                case "team" -> team = pooled(p, v, "agent_override.team", pool);
                default -> p.skipChildren();
            }
        }
        return new TurnRecord.AgentOverride(intent, team);
    }

    private static Instant instant(JsonParser p, JsonToken t) throws IOException, Invalid {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw wrongType("ts", "an ISO-8601 instant string", t);
        }
        Instant fast = canonicalInstant(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        if (fast != null) {
            return fast;
        }
        String s = p.getText();
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            throw new Invalid("ts", "not an ISO-8601 instant: " + s);
        }
    }

    /**
     * The export's own form {@code 2026-11-22T14:03:11Z}, decoded by hand: java.time's formatter costs about a
     * microsecond per call, as much as parsing the rest of the line. Anything else returns null and goes through
     * the formatter (fractions, offsets) or is rejected by it.
     */
    static Instant canonicalInstant(char[] c, int off, int len) {
        if (len != 20 || c[off + 4] != '-' || c[off + 7] != '-' || c[off + 10] != 'T' || c[off + 13] != ':' || c[off + 16] != ':'
                || c[off + 19] != 'Z') {
            return null;
        }
        int year = digits(c, off, 4), month = digits(c, off + 5, 2), day = digits(c, off + 8, 2);
        int hour = digits(c, off + 11, 2), minute = digits(c, off + 14, 2), second = digits(c, off + 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3600L + minute * 60L + second);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(char[] s, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            char c = s[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static Invalid wrongType(String field, String expected, JsonToken got) {
        return new Invalid(field, "expected " + expected + ", got " + kind(got));
    }

    private static String kind(JsonToken t) {
        return switch (t) {
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            default -> t.toString();
        };
    }
}
