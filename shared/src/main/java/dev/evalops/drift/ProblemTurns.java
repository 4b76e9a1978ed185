package dev.evalops.drift;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.evalops.artifacts.Inputs;
import dev.evalops.sanitize.Sanitizer;
import dev.evalops.turns.BadTurnLine;
import dev.evalops.turns.TurnExport;
import dev.evalops.turns.TurnFileSummary;
import dev.evalops.turns.TurnReader;

/**
 * The problem-ticket sample of the last N hours: every {@code dt=} partition the window touches, each file
 * streamed once through the shared {@link TurnReader} into the {@link ProblemSampler}. Each sample gets its own
 * sanitizer (bad-line samples carry run-scoped placeholders, like the run's artifacts).
 */
public final class ProblemTurns {
    /** Bad lines kept for the quarantine file (all are counted); also the reader's samples per file. */
    static final int MAX_QUARANTINED = 1000;

    private final Inputs inputs;
    private final TurnExport export;
    private final Duration lookback;
    private final int sampleSize;
    private final double lowConfidence;

    /** @param turnsPrefix the export root: a key under the data root ({@code turns}), a folder or {@code s3://...} */
    public ProblemTurns(Inputs inputs, String turnsPrefix, Duration lookback, int sampleSize, double lowConfidence) {
        if (sampleSize < ProblemSampler.MIN_SIZE || sampleSize > ProblemSampler.MAX_SIZE) {
            // At startup, not at the first alarm.
            throw new IllegalArgumentException("evalops.drift.sample-size must be between " + ProblemSampler.MIN_SIZE + " and "
                    + ProblemSampler.MAX_SIZE + ", got " + sampleSize);
        }
        if (lookback.isNegative() || lookback.isZero()) {
            throw new IllegalArgumentException("evalops.drift.lookback-hours must be positive, got " + lookback.toHours());
        }
        this.inputs = inputs;
        this.export = new TurnExport(inputs, turnsPrefix);
        this.lookback = lookback;
        this.sampleSize = sampleSize;
        this.lowConfidence = lowConfidence;
    }

    public Sampled sample(Instant now, long seed) {
        Instant from = now.minus(lookback);
        ProblemSampler sampler = new ProblemSampler(sampleSize, lowConfidence, from, now, seed);
        TurnReader reader = new TurnReader(inputs, Sanitizer.forRun(), MAX_QUARANTINED);
        List<String> files = new ArrayList<>();
        List<String> damaged = new ArrayList<>();
        List<BadTurnLine> quarantined = new ArrayList<>();
        long bad = 0;
        for (TurnExport.TurnFile file : export.files(from.atZone(ZoneOffset.UTC).toLocalDate(), now.atZone(ZoneOffset.UTC).toLocalDate())) {
            files.add(file.location());
            TurnFileSummary read = reader.read(file.location(), sampler, line -> {
                if (quarantined.size() < MAX_QUARANTINED) {
                    quarantined.add(line);
                }
            });
            bad += read.badLines();
            if (read.damaged() != null) {
                damaged.add(file.location() + ": " + read.damaged());
            }
        }
        return new Sampled(sampler.result(), files, bad, quarantined, damaged);
    }

    /** The sample, the files it read, the lines it could not use and the files it could not read to the end. */
    public record Sampled(ProblemSample sample, List<String> files, long badLines, List<BadTurnLine> quarantined, List<String> damaged) {
        public Sampled {
            files = List.copyOf(files);
            quarantined = List.copyOf(quarantined);
            damaged = List.copyOf(damaged);
        }
    }
}
