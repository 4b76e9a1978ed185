package dev.evalops.flags;

import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.core.Json;
import dev.evalops.sanitize.Sanitizer;

/** What every {@link FlagStore} writes for a value. */
final class FlagValues {
    private FlagValues() {
    }

    /** The value as JSON, sanitized: a flag's reason and set_by are free text from alarms and people (an alarm reason may quote a ticket). */
    static JsonNode sanitizedTree(Object value) {
        return Sanitizer.forRun().clean(Json.mapper().valueToTree(value));
    }
}
