package dev.evalops.drift;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import dev.evalops.turns.TurnRecord;

/**
 * Why a production turn is a problem ticket worth labeling. In round-robin order: the riskiest first, so a
 * batch cut short still has them.
 */
public enum ProblemKind {
    /** Predicted Tier 0 (escalated): labels tell whether it really was, and misses among the others hurt most. */
    TIER0,
    /** The router answered with an error class ({@code provider_5xx}, {@code timeout}, ...). */
    ERROR,
    /** The router fell back (another provider, a default route). */
    FALLBACK,
    /** An agent corrected the route. */
    AGENT_OVERRIDE,
    /** Confidence below {@code evalops.drift.low-confidence-threshold}. */
    LOW_CONFIDENCE;

    /** The name used in artifacts: {@code tier0}, {@code agent_override}, ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Set<ProblemKind> of(TurnRecord t, double lowConfidenceThreshold) {
        Set<ProblemKind> kinds = EnumSet.noneOf(ProblemKind.class);
        if (t.tier() != null && t.tier() == 0) {
            kinds.add(TIER0);
        }
        if (t.error() != null && !t.error().isBlank()) {
            kinds.add(ERROR);
        }
        if (t.fallbackReason() != null && !t.fallbackReason().isBlank()) {
            kinds.add(FALLBACK);
        }
        if (t.agentOverride() != null) {
            kinds.add(AGENT_OVERRIDE);
        }
        if (t.confidence() != null && t.confidence() < lowConfidenceThreshold) {
            kinds.add(LOW_CONFIDENCE);
        }
        return kinds;
    }
}
