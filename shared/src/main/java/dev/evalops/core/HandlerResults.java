package dev.evalops.core;

import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.sanitize.Sanitizer;

/**
 * What every handler returns: its result record as JSON, sanitized. The result leaves the process unfiltered (the
 * Lambda response, the launcher's stdout) and carries free text from the trigger (a run's reason, who acted).
 */
public final class HandlerResults {
    private HandlerResults() {
    }

    public static JsonNode toJson(Object result) {
        return Sanitizer.forProcess().clean(Json.mapper().valueToTree(result));
    }
}
