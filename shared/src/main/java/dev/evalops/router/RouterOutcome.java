package dev.evalops.router;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every call ends in one of these; a failure is data (counted, listed as "unscored"), never an
 * exception that kills the run.
 */
public sealed interface RouterOutcome {
    String ticketId();

    /** Wall time of the whole call including retries, as measured by the client. */
    long wallMillis();

    int attempts();

    /** HTTP 200 with a JSON body. {@code raw} is the body as received (for schema checks). */
    record Answered(String ticketId, RoutingDecision decision, JsonNode raw, long wallMillis, int attempts)
            implements RouterOutcome {
    }

    record Failed(String ticketId, FailureKind kind, String detail, Integer httpStatus, long wallMillis, int attempts)
            implements RouterOutcome {
    }

    enum FailureKind {
        /** No answer within the request timeout (after retries). */
        TIMEOUT,
        /** Connection refused/reset, DNS: the router is unreachable. */
        UNREACHABLE,
        /** 429 after retries. */
        THROTTLED,
        /** 5xx after retries. */
        SERVER_ERROR,
        /** 4xx other than 429: our request or credentials are wrong; not retried. */
        CLIENT_ERROR,
        /** 200 but not a JSON object. */
        INVALID_RESPONSE,
        /** Recorded predictions (replay) had no entry for this id. */
        NOT_RECORDED
    }
}
