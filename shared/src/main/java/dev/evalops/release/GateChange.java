package dev.evalops.release;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What one write attempt did to the release gate. {@code before} is empty (null) when the parameter did not
 * exist; {@code after} is the gate as it stands afterwards, changed or not.
 */
@RegisterForReflection
public record GateChange(Action action, ReleaseGate before, ReleaseGate after, long version, String parameter) {

    @RegisterForReflection
    public enum Action {
        /** Was open (or absent), now blocked. */
        BLOCKED,
        /** Was already blocked by the smoke eval: the block now names the latest red run. */
        BLOCK_RENEWED,
        /** Was blocked by the smoke eval, re-opened by a green run. */
        REOPENED,
        /** A person opened it. */
        OPENED,
        /** Nothing to do: a green run over an open gate, or a gate a person blocked. */
        UNCHANGED
    }

    public boolean changed() {
        return action != Action.UNCHANGED;
    }
}
