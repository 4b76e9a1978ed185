package dev.evalops.rollup;

import java.time.LocalDate;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One input file's counts. {@code validLines} = {@code turns + duplicates + outOfRange}: lines that parsed,
 * whether or not they were counted; {@code turns} are the ones every aggregate is over.
 */
@RegisterForReflection
public record FileStats(String file, LocalDate partition, long lines, long validLines, long badLines, long duplicates,
        long outOfRange, long lateTurns, long beyondDedupWindow, long turns, String damaged) {
}
