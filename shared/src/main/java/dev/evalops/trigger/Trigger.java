package dev.evalops.trigger;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** What invoked a function: the four payload kinds of CONTRACTS §4. */
public sealed interface Trigger {

    /** EventBridge schedule rule ({@code detail-type: Scheduled Event}). */
    record Scheduled(Instant time, String rule, String eventId) implements Trigger {
    }

    /** A CloudWatch alarm, via EventBridge or as the alarm's own Lambda action. */
    record Alarm(Via via, String alarmName, String alarmArn, AlarmState state, Optional<AlarmState> previousState,
            String reason, Instant time) implements Trigger {
    }

    /** A person or a pipeline: {@code {"action": "...", ...}}. The whole payload is kept for the function. */
    record Manual(String action, JsonNode payload) implements Trigger {
        /** A text field of the payload, if present and not blank. */
        public Optional<String> text(String field) {
            JsonNode v = payload.get(field);
            return v == null || v.isNull() || v.asText().isBlank() ? Optional.empty() : Optional.of(v.asText());
        }

        public boolean flag(String field) {
            JsonNode v = payload.get(field);
            return v != null && v.asBoolean(false);
        }
    }

    enum Via {
        EVENTBRIDGE, ALARM_ACTION
    }

    enum AlarmState {
        OK, ALARM, INSUFFICIENT_DATA
    }
}
