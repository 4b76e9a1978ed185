package dev.evalops.router;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The router's answer (CONTRACTS §1). Boxed types: a missing field is {@code null}, not a silent zero,
 * so schema checks and metrics can tell "absent" from "0".
 */
@RegisterForReflection
public record RoutingDecision(String intent, String team, String template, Integer tier, String action, Double confidence,
        String provider, String model, String promptVersion, Long latencyMs, Double costUsd, Boolean cacheHit,
        String fallbackReason, Boolean safeMode) {
}
