package dev.evalops.drift;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The problem-ticket sample of the last N hours: lists the window's turn files, streams them through the sampler. */
public final class ProblemTurns {
    /** Bad lines kept for the quarantine file; all are counted. */
    static final int MAX_QUARANTINED = 1000;

    private final TurnWindow window;
    private final TurnFileReader reader;
    private final Duration lookback;
    private final int sampleSize;
    private final double lowConfidence;

    public ProblemTurns(TurnWindow window, TurnFileReader reader, Duration lookback, int sampleSize, double lowConfidence) {
        this.window = window;
        this.reader = reader;
        this.lookback = lookback;
        this.sampleSize = sampleSize;
        this.lowConfidence = lowConfidence;
    }

    public Sampled sample(Instant now, long seed) {
        Instant from = now.minus(lookback);
        ProblemSampler sampler = new ProblemSampler(sampleSize, lowConfidence, from, now, seed);
        List<String> files = window.files(from, now);
        List<BadTurnLine> quarantined = new ArrayList<>();
        long[] bad = new long[1];
        for (String file : files) {
            reader.read(file, sampler, line -> {
                bad[0]++;
                if (quarantined.size() < MAX_QUARANTINED) {
                    quarantined.add(line);
                }
            });
        }
        return new Sampled(sampler.result(), files, bad[0], quarantined);
    }

    /** The sample, the files it read and the lines it could not use. */
    public record Sampled(ProblemSample sample, List<String> files, long badLines, List<BadTurnLine> quarantined) {
        public Sampled {
            files = List.copyOf(files);
            quarantined = List.copyOf(quarantined);
        }
    }
}
