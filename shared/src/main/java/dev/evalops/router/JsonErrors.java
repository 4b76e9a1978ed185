package dev.evalops.router;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * Where a router body or a recorded line failed to parse, without Jackson's message: that message quotes
 * the input, which may carry ticket text or PII.
 */
final class JsonErrors {
    private JsonErrors() {
    }

    static String position(JsonProcessingException e) {
        return e.getLocation() == null ? "unknown position" : "line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr();
    }

    static String field(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return m.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
                    .reduce((a, b) -> a + "." + b).orElse("?");
        }
        return "?";
    }
}
