package dev.evalops.rollup;

import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code evalops.rollup.*}: the weekly rollup's inputs, limits, week-over-week rules and gates. Every key has
 * an environment override ({@code evalops.rollup.gates.max-p95-latency-ms} =
 * {@code EVALOPS_ROLLUP_GATES_MAX_P95_LATENCY_MS}); README "Weekly rollup" lists them.
 */
@ConfigMapping(prefix = "evalops.rollup")
public interface RollupConfig {

    /** Root of the turn export: a key under the data root ({@code turns}), {@code s3://bucket/turns} or a folder. */
    @WithDefault("turns")
    String turnsRoot();

    /** Files read at once; default: the number of cores. */
    OptionalInt threads();

    /**
     * Partitions after a day that may still hold its turns (late files). They are read too, and turn ids of a
     * day are remembered only until its last such partition is done, which bounds the dedup memory.
     */
    @WithDefault("1")
    int lateArrivalDays();

    /** The run fails (bad input) when more than this share of the lines read is unusable. */
    @WithDefault("0.05")
    double maxBadLineShare();

    /** Bad lines kept per file in the quarantine sample, and in total. */
    @WithDefault("20")
    int quarantinePerFile();

    @WithDefault("200")
    int quarantineTotal();

    /** Turns in the uniformly random weekly review sample. */
    @WithDefault("50")
    int reviewSampleSize();

    /** Rows of the "most expensive requests" and "top users by cost" tables. */
    @WithDefault("10")
    int topN();

    /** DDSketch relative accuracy of every latency percentile: the reported value is within this share of the exact one. */
    @WithDefault("0.005")
    double latencyRelativeAccuracy();

    Gates gates();

    Wow wow();

    /** CONTRACTS §6 defaults. A gate with no data (no reviewed turn, no latency) fails: the bar was not shown to be met. */
    interface Gates {
        @WithDefault("0.95")
        double minIntentAccuracy();

        /** Overall p95 must be strictly below this. */
        @WithDefault("5000")
        double maxP95LatencyMs();

        @WithDefault("0.80")
        double minTaskAccuracy();

        @WithDefault("0.01")
        double maxCostPerTurnUsd();
    }

    /** Week-over-week anomaly rules (the Monday checklist). */
    interface Wow {
        /** Intent mix: chi-square p-value below this AND PSI at least {@link #intentMixMinPsi()}. */
        @WithDefault("0.01")
        double intentMixAlpha();

        /** The effect-size floor: at large volumes chi-square calls tiny shifts significant. */
        @WithDefault("0.05")
        double intentMixMinPsi();

        /** p95 latency (overall and per provider) at least this multiple of last week's. */
        @WithDefault("1.25")
        double latencySpikeRatio();

        /** Cost per turn at least this multiple of last week's. */
        @WithDefault("1.20")
        double costIncreaseRatio();

        /** Fallback rate at least this multiple of last week's ... */
        @WithDefault("1.5")
        double fallbackSpikeRatio();

        /** ... and at least this many points (as a fraction) higher. */
        @WithDefault("0.01")
        double fallbackSpikeMinDelta();

        /** Cache-hit rate at least this many points (as a fraction) lower than last week's. */
        @WithDefault("0.05")
        double cacheHitDropPoints();

        /** Providers with fewer turns (this week or last) are not compared: their p95 is noise. */
        @WithDefault("100")
        long minProviderTurns();
    }
}
