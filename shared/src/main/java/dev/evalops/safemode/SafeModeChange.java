package dev.evalops.safemode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What one safe-mode operation did, decided on the version it was written on.
 *
 * @param claimedEvidence this alarm claimed the episode's evidence run, so it gathers the sample and starts the harness
 */
@RegisterForReflection
public record SafeModeChange(Transition transition, SafeModeState before, SafeModeState after, long version,
        boolean claimedEvidence) {

    public enum Transition {
        /** Off to on. */
        TURNED_ON,
        /** Already on; a new alarm joined the episode ({@code since} unchanged). */
        ALARM_ADDED,
        /** Already on and the alarm was already recorded: its state and last_seen refreshed. */
        ALARM_REFRESHED,
        /** An OK / INSUFFICIENT_DATA notification recorded on the alarm's entry; safe mode untouched. */
        ALARM_STATE_RECORDED,
        /** A manual enter while already on. */
        ALREADY_ON,
        /** On to off, through the exit guard or forced. */
        TURNED_OFF,
        /** An exit while already off. */
        ALREADY_OFF,
        /** The episode changed between the exit assessment and the write (an alarm joined): nothing written. */
        CHANGED_WHILE_ASSESSING,
        /** Nothing to record (e.g. an OK for an alarm the episode does not hold). */
        UNCHANGED
    }

    public boolean wrote() {
        return switch (transition) {
            case TURNED_ON, ALARM_ADDED, ALARM_REFRESHED, ALARM_STATE_RECORDED, TURNED_OFF -> true;
            default -> false;
        };
    }
}
