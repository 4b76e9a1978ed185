package dev.evalops.drift;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code sample-summary.json}: what the labeling batch holds and how it was drawn. {@code error} is set (and the
 * counts are empty) when the turn exports could not be listed or read; {@code damagedFiles} names files that
 * ended early (truncated or corrupt gzip), whose lines before the damage were used.
 *
 * @param underfilled fewer than {@link ProblemSampler#MIN_SIZE} problem turns in the window: a thin batch
 */
@RegisterForReflection
public record SampleSummary(String status, String labelingBatch, Instant from, Instant to, Integer targetSize, Integer size,
        Boolean underfilled, Long seed, Map<String, Long> population, Map<String, Integer> sampled, Long scanned,
        Long problemTurns, Long outsideWindow, Long undated, Long duplicates, List<String> files, Long badLines, List<String> damagedFiles,
        String error) {

    static SampleSummary of(ProblemTurns.Sampled s, String labelingBatch) {
        ProblemSample p = s.sample();
        return new SampleSummary("sampled", labelingBatch, p.from(), p.to(), p.targetSize(), p.rows().size(),
                p.rows().size() < ProblemSampler.MIN_SIZE, p.seed(), p.population(), p.sampled(), p.scanned(), p.problemTurns(),
                p.outsideWindow(), p.undated(), p.duplicates(), s.files(), s.badLines(), s.damaged(), null);
    }

    static SampleSummary failed(String error) {
        return new SampleSummary("failed", null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, error);
    }
}
