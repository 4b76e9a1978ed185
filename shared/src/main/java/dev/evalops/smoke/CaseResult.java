package dev.evalops.smoke;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One case of one run, every attempt kept: {@code results.json} lists these. */
@RegisterForReflection
public record CaseResult(String id, String description, Status status, List<Attempt> attempts) {
    public CaseResult {
        attempts = List.copyOf(attempts);
    }

    @RegisterForReflection
    public enum Status {
        @JsonProperty("pass")
        PASS,
        /** Failed, then passed on a retry: counts as passed, reported so a wobbling router is noticed. */
        @JsonProperty("flaky")
        FLAKY,
        @JsonProperty("fail")
        FAIL
    }

    public boolean passed() {
        return status != Status.FAIL;
    }

    public Attempt last() {
        return attempts.get(attempts.size() - 1);
    }

    /** One try of the case: its calls (one per sample) and every assertion's verdict on them. */
    @RegisterForReflection
    public record Attempt(int attempt, boolean passed, String safeMode, List<Call> calls, List<Check> checks) {
        public Attempt {
            calls = List.copyOf(calls);
            checks = List.copyOf(checks);
        }
    }

    /**
     * One router call. {@code response} is the body as received (artifacts sanitize it), {@code failure} the
     * client's failure kind when there was no usable answer.
     */
    @RegisterForReflection
    public record Call(int sample, String failure, Integer httpStatus, String detail, long wallMs, int clientAttempts,
            JsonNode response) {
    }
}
