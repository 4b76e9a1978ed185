package dev.evalops.turns;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What {@link TurnReader} found in one file. {@code damaged} is set when the file could not be read to its
 * end (not gzip, truncated, vanished): the lines before the damage are kept and counted.
 */
@RegisterForReflection
public record TurnFileSummary(String file, long lines, long turns, long badLines, String damaged) {
}
