package dev.evalops.smoke;

import dev.evalops.core.Outcome;
import dev.evalops.release.GateChange;
import dev.evalops.release.ReleaseGate;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The answer to {@code gate-status}, {@code gate-open} and {@code gate-block}. For a status the outcome is
 * {@link Outcome#PASS} only when the gate is open, so {@code ./evalops gate status} exits non-zero when releases
 * must wait (an absent parameter counts as blocked: fail closed).
 *
 * @param gate   the gate as it stands now; null if the parameter does not exist
 * @param change what the action did; null for a status
 */
@RegisterForReflection
public record GateResponse(Outcome outcome, String action, String parameter, ReleaseGate gate, GateChange.Action change)
        implements SmokeResponse {
}
