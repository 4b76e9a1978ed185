package dev.evalops.drift;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The stratified problem-ticket sample of one window and the counts behind it ({@code sample-summary.json}).
 *
 * @param population   problem turns per kind in the window (a turn of several kinds counts in each)
 * @param sampled      turns in the batch per kind
 * @param scanned      turns read
 * @param outsideWindow turns whose {@code ts} lies outside the window (late files, partition edges)
 * @param undated      turns without a {@code ts}: cannot be placed in the window, left out
 * @param duplicates   problem turns whose {@code turn_id} was already seen, counted once
 */
@RegisterForReflection
public record ProblemSample(Instant from, Instant to, int targetSize, long seed, List<LabelingRow> rows,
        Map<String, Long> population, Map<String, Integer> sampled, long scanned, long problemTurns, long outsideWindow,
        long undated, long duplicates) {

    public ProblemSample {
        rows = List.copyOf(rows);
        population = Map.copyOf(population);
        sampled = Map.copyOf(sampled);
    }
}
