package dev.evalops.release;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.evalops.catalogue.Parameters;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The value of {@code /evalops/<env>/release-gate} (CONTRACTS §5): deploy pipelines ship only while
 * {@code state} is {@code open}. {@code set_by} says who moved it last: {@link #SMOKE_EVAL} for the
 * smoke eval, a person's name otherwise; the smoke eval only ever re-opens a gate it closed itself.
 */
@RegisterForReflection
public record ReleaseGate(State state, String reason, String runId, String setBy, List<String> failedCases, Instant at) {
    public static final String FLAG = Parameters.RELEASE_GATE;
    public static final String SMOKE_EVAL = "smoke-eval";

    public ReleaseGate {
        // The initial value written by init.py/CDK has no failed_cases.
        failedCases = failedCases == null ? List.of() : List.copyOf(failedCases);
    }

    @RegisterForReflection
    public enum State {
        @JsonProperty("open")
        OPEN,
        @JsonProperty("blocked")
        BLOCKED
    }

    public boolean blocked() {
        return state == State.BLOCKED;
    }

    /** Blocked by the smoke eval (so a later green run may re-open it). */
    public boolean blockedBySmokeEval() {
        return blocked() && SMOKE_EVAL.equals(setBy);
    }
}
