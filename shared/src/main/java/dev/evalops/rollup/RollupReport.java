package dev.evalops.rollup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code metrics.json}: the whole weekly report with stable snake_case field names (next week's run reads this
 * week's for its week-over-week comparison, dashboards read it too: rename nothing, only add). Rates and shares
 * are fractions (0.042 = 4.2%), money is USD, latency milliseconds. A figure without data is null, never 0.
 */
@RegisterForReflection
public record RollupReport(int schemaVersion, String runId, Range range, Instant generatedAt, Input input, List<IntentRow> intents,
        Latency latency, Cost cost, Cache cache, Fallbacks fallbacks, Errors errors, List<DayRow> days, List<ExpensiveTurn> topExpensive,
        Accuracy accuracy, ReviewSample reviewSample, WeekOverWeek weekOverWeek, Gates gates) {

    public static final int SCHEMA_VERSION = 1;

    @RegisterForReflection
    public record Range(LocalDate from, LocalDate to, int days, String isoWeek) {
    }

    /**
     * What was read. {@code lines = valid_lines + bad_lines}; {@code valid_lines = turns + duplicates + out_of_range};
     * {@code turns} (deduplicated, in range) is what every other section counts.
     */
    @RegisterForReflection
    public record Input(String turnsRoot, int files, long lines, long validLines, long badLines, double badLineShare, long duplicates,
            long outOfRange, long lateTurns, long beyondDedupWindow, long turns, List<LocalDate> missingDays, List<String> damagedFiles,
            Map<String, Long> badLinesByField) {
    }

    /** Intent distribution with week-over-week change ({@code change_points}: share now minus share then). */
    @RegisterForReflection
    public record IntentRow(String intent, long turns, double share, Long previousTurns, Double previousShare, Double changePoints) {
    }

    /** Percentiles from DDSketch: each within {@code relative_accuracy} of the exact value (and clamped to min/max). */
    @RegisterForReflection
    public record Latency(double relativeAccuracy, LatencyRow overall, List<LatencyRow> providers) {
    }

    @RegisterForReflection
    public record LatencyRow(String provider, long turns, long latencyTurns, Double p50Ms, Double p95Ms, Double p99Ms, Long minMs,
            Long maxMs, Double previousP95Ms, Long previousLatencyTurns, Double p95Ratio) {
    }

    /** {@code per_turn_usd} = total over the turns whose cost is known. */
    @RegisterForReflection
    public record Cost(double totalUsd, long turnsWithCost, Double perTurnUsd, Double previousPerTurnUsd, UserCost perUser,
            List<UserRow> topUsers, List<ModelRow> byProviderModel) {
    }

    @RegisterForReflection
    public record UserCost(long users, Double meanUsd, Double p50Usd, Double p95Usd, Double maxUsd) {
    }

    @RegisterForReflection
    public record UserRow(String userId, long turns, double costUsd) {
    }

    @RegisterForReflection
    public record ModelRow(String provider, String model, long turns, long turnsWithCost, double costUsd, Double costPerTurnUsd,
            long tokensIn, long tokensOut, Double shareOfCost) {
    }

    @RegisterForReflection
    public record Cache(long turnsKnown, long hits, Double hitRate, Double previousHitRate) {
    }

    @RegisterForReflection
    public record Fallbacks(long turns, Double rate, Double previousRate, List<CountRow> reasons) {
    }

    @RegisterForReflection
    public record Errors(long turns, Double rate, List<CountRow> classes) {
    }

    /** A reason or class: its turns, its share of its kind (fallbacks, errors) and of all turns. */
    @RegisterForReflection
    public record CountRow(String name, long turns, double share, double shareOfTurns) {
    }

    /**
     * One day of the range. {@code status} {@code missing}: no turn dated that day was found (its partition is absent
     * or empty); its rates are null, so a missing day never reads as a day of zero traffic or zero errors.
     */
    @RegisterForReflection
    public record DayRow(LocalDate date, String status, int files, long turns, Double cacheHitRate, Double errorRate, Double fallbackRate) {
    }

    @RegisterForReflection
    public record ExpensiveTurn(String turnId, Instant ts, String provider, String model, Long tokensIn, Long tokensOut, double costUsd) {
    }

    /**
     * {@code intent_accuracy}: share of reviewed turns (routed or escalated, so an agent saw them) whose intent no
     * agent overrode; {@code task_accuracy}: share of turns with a known {@code task_success} that succeeded.
     */
    @RegisterForReflection
    public record Accuracy(long reviewedTurns, long overriddenTurns, Double intentAccuracy, long taskKnown, long taskSucceeded,
            Double taskAccuracy) {
    }

    @RegisterForReflection
    public record ReviewSample(int size, String seed, String artifact) {
    }

    /** {@code previous_run_id} null = nothing to compare with (first run); {@code note} says why. */
    @RegisterForReflection
    public record WeekOverWeek(String previousRunId, Range previousRange, String note, IntentMix intentMix, List<Anomaly> anomalies) {
    }

    @RegisterForReflection
    public record IntentMix(double chiSquare, int degreesOfFreedom, double pValue, double psi, double alpha, double minPsi, boolean drifted) {
    }

    /** One Monday-checklist flag: the rule, what it is about, the figure, last week's, and the threshold that fired. */
    @RegisterForReflection
    public record Anomaly(String rule, String subject, double value, Double previous, double threshold, String message) {
    }

    @RegisterForReflection
    public record Gates(String verdict, List<String> failing, List<GateResult> results) {
    }

    /** {@code value} null = no data, which fails the gate. */
    @RegisterForReflection
    public record GateResult(String gate, Double value, double threshold, String comparison, boolean passed, String note) {
    }
}
