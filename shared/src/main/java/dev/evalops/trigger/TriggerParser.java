package dev.evalops.trigger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.core.BadInputException;

/**
 * Recognizes the four trigger shapes and rejects anything else with what it got and what it expected.
 * Stateless; every function's handler calls {@link #parse(JsonNode)} first.
 */
public final class TriggerParser {
    static final String EXPECTED = "expected one of: EventBridge schedule {source: aws.events, detail-type: Scheduled Event}, "
            + "alarm state change via EventBridge {source: aws.cloudwatch, detail-type: CloudWatch Alarm State Change, detail: {...}}, "
            + "alarm action {source: aws.cloudwatch, alarmData: {...}}, manual {action: \"...\"}";

    /**
     * ISO-8601 with an offset written {@code Z}, {@code +00:00} or {@code +0000}: the alarm action payload that
     * CloudWatch sends to Lambda uses the last form ({@code 2026-11-22T14:03:11.490+0000}).
     */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private TriggerParser() {
    }

    public static Trigger parse(JsonNode event) {
        if (event == null || event.isNull() || event.isMissingNode()) {
            throw new BadInputException("empty trigger payload; " + EXPECTED);
        }
        if (!event.isObject()) {
            throw new BadInputException("trigger payload is a JSON " + event.getNodeType().toString().toLowerCase(Locale.ROOT) + ", not an object; " + EXPECTED);
        }
        String source = text(event, "source");
        String detailType = text(event, "detail-type");
        if ("aws.events".equals(source) && "Scheduled Event".equals(detailType)) {
            return new Trigger.Scheduled(instant(event, "time", "schedule"), firstResource(event), text(event, "id"));
        }
        if ("aws.cloudwatch".equals(source) && "CloudWatch Alarm State Change".equals(detailType)) {
            JsonNode detail = required(event, "detail", "detail", "alarm state change");
            return alarm(Trigger.Via.EVENTBRIDGE, detail, "detail", firstResource(event), instant(event, "time", "alarm state change"));
        }
        if ("aws.cloudwatch".equals(source) && event.has("alarmData")) {
            JsonNode data = required(event, "alarmData", "alarmData", "alarm action");
            return alarm(Trigger.Via.ALARM_ACTION, data, "alarmData", text(event, "alarmArn"), instant(event, "time", "alarm action"));
        }
        if (source == null && event.has("action")) {
            JsonNode action = event.get("action");
            if (!action.isTextual() || action.asText().isBlank()) {
                throw new BadInputException("manual trigger: field 'action' is " + action + ", expected a non-empty string");
            }
            return new Trigger.Manual(action.asText(), event);
        }
        throw new BadInputException("unrecognized trigger: got " + describe(event) + "; " + EXPECTED);
    }

    private static Trigger.Alarm alarm(Trigger.Via via, JsonNode data, String path, String arn, Instant time) {
        String what = via == Trigger.Via.EVENTBRIDGE ? "alarm state change" : "alarm action";
        String name = text(data, "alarmName");
        if (name == null || name.isBlank()) {
            throw new BadInputException(what + ": missing field '" + path + ".alarmName' (expected the alarm's name)");
        }
        JsonNode state = required(data, "state", path + ".state", what);
        Trigger.AlarmState value = state(state, path + ".state.value", what);
        Optional<Trigger.AlarmState> previous = Optional.ofNullable(data.get("previousState"))
                .filter(JsonNode::isObject)
                .map(p -> state(p, path + ".previousState.value", what));
        String reason = Optional.ofNullable(text(state, "reason")).orElse("");
        return new Trigger.Alarm(via, name, arn, value, previous, reason, time);
    }

    private static Trigger.AlarmState state(JsonNode state, String path, String what) {
        String v = text(state, "value");
        if (v == null) {
            throw new BadInputException(what + ": missing field '" + path + "' (expected ALARM, OK or INSUFFICIENT_DATA)");
        }
        try {
            return Trigger.AlarmState.valueOf(v);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(what + ": field '" + path + "' is '" + v + "', expected ALARM, OK or INSUFFICIENT_DATA");
        }
    }

    private static JsonNode required(JsonNode node, String field, String path, String what) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new BadInputException(what + ": missing field '" + path + "' (expected an object)");
        }
        if (!v.isObject()) {
            throw new BadInputException(what + ": field '" + path + "' is a JSON " + v.getNodeType().toString().toLowerCase(Locale.ROOT)
                    + ", expected an object");
        }
        return v;
    }

    private static Instant instant(JsonNode node, String field, String what) {
        String v = text(node, field);
        if (v == null) {
            throw new BadInputException(what + ": missing field '" + field + "' (expected an ISO-8601 instant)");
        }
        try {
            return TIMESTAMP.parse(v, OffsetDateTime::from).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadInputException(what + ": field '" + field + "' is '" + v + "', expected an ISO-8601 instant such as 2026-11-22T02:00:00Z");
        }
    }

    private static String firstResource(JsonNode event) {
        JsonNode r = event.get("resources");
        return r != null && r.isArray() && !r.isEmpty() ? r.get(0).asText() : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String describe(JsonNode event) {
        List<String> keys = new ArrayList<>();
        event.fieldNames().forEachRemaining(keys::add);
        StringBuilder sb = new StringBuilder("an object with fields ").append(keys);
        if (event.has("source")) {
            sb.append(", source=").append(event.get("source"));
        }
        if (event.has("detail-type")) {
            sb.append(", detail-type=").append(event.get("detail-type"));
        }
        return sb.toString();
    }
}
