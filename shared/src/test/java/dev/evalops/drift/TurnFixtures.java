package dev.evalops.drift;

import java.time.Instant;

import dev.evalops.turns.TurnRecord;

/** Turn records for the sampler tests: a healthy turn and one of each problem kind. */
final class TurnFixtures {
    static final Instant T = Instant.parse("2026-11-22T12:00:00Z");

    private TurnFixtures() {
    }

    static TurnRecord healthy(String id, Instant ts) {
        return new TurnRecord(id, ts, "u-1", "acme", "email", "order.status", 2, "auto_reply", 0.95, "anthropic", "m-2026-10",
                800L, 100L, 50L, 0.002, false, null, null, null, true);
    }

    static TurnRecord of(ProblemKind kind, String id, Instant ts) {
        TurnRecord h = healthy(id, ts);
        return switch (kind) {
            case TIER0 -> new TurnRecord(id, ts, h.userId(), h.tenant(), h.channel(), "fraud.chargeback", 0, "escalate", 0.9, h.provider(),
                    h.model(), h.latencyMs(), h.tokensIn(), h.tokensOut(), h.costUsd(), h.cacheHit(), null, null, null, null);
            case ERROR -> new TurnRecord(id, ts, h.userId(), h.tenant(), h.channel(), "other", 1, "route", null, h.provider(), h.model(),
                    h.latencyMs(), h.tokensIn(), h.tokensOut(), h.costUsd(), h.cacheHit(), null, "provider_5xx", null, null);
            case FALLBACK -> new TurnRecord(id, ts, h.userId(), h.tenant(), h.channel(), "other", 1, "route", 0.7, "openai", h.model(),
                    h.latencyMs(), h.tokensIn(), h.tokensOut(), h.costUsd(), h.cacheHit(), "primary_timeout", null, null, null);
            case AGENT_OVERRIDE -> new TurnRecord(id, ts, h.userId(), h.tenant(), h.channel(), "order.cancel", 1, "route", 0.88, h.provider(),
                    h.model(), h.latencyMs(), h.tokensIn(), h.tokensOut(), h.costUsd(), h.cacheHit(), null, null,
                    new TurnRecord.AgentOverride("order.return", "orders"), false);
            case LOW_CONFIDENCE -> new TurnRecord(id, ts, h.userId(), h.tenant(), h.channel(), "product.question", 1, "route", 0.31,
                    h.provider(), h.model(), h.latencyMs(), h.tokensIn(), h.tokensOut(), h.costUsd(), h.cacheHit(), null, null, null, null);
        };
    }
}
