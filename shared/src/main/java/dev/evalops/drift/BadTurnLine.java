package dev.evalops.drift;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A line of a turn export that is not a usable turn: quarantined in the drift run as {@code quarantine.jsonl}. */
@RegisterForReflection
public record BadTurnLine(String file, long line, String error) {
}
