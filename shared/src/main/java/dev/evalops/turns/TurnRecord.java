package dev.evalops.turns;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One production turn from the sanitized export (CONTRACTS §3). Nullable boxed fields: exports are messy
 * and "unknown" must stay distinguishable from false/0.
 */
@RegisterForReflection
public record TurnRecord(String turnId, Instant ts, String userId, String tenant, String channel, String intent,
        Integer tier, String action, Double confidence, String provider, String model, Long latencyMs, Long tokensIn,
        Long tokensOut, Double costUsd, Boolean cacheHit, String fallbackReason, String error, AgentOverride agentOverride,
        Boolean taskSuccess) {

    /** Set when an agent corrected the route. */
    @RegisterForReflection
    public record AgentOverride(String intent, String team) {
    }
}
