package dev.evalops.drift;

import java.util.function.Consumer;

import dev.evalops.turns.TurnRecord;

/**
 * Streams one turn export file ({@code .jsonl} or {@code .jsonl.gz}): parsed turns to {@code turns}, lines that
 * are not a turn to {@code badLines} with file and line, never dropped silently.
 */
@FunctionalInterface
public interface TurnFileReader {
    void read(String location, Consumer<TurnRecord> turns, Consumer<BadTurnLine> badLines);
}
