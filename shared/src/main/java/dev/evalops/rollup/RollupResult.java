package dev.evalops.rollup;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.evalops.core.Outcome;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the handler returns and {@code ./evalops rollup} prints: the verdict, the failing gates, the anomalies and
 * the headline figures, with where the full report is. {@code outcome} GATES_FAILED = a gate failed (exit 1).
 */
@RegisterForReflection
public record RollupResult(Outcome outcome, String runId, String location, LocalDate from, LocalDate to, String isoWeek, String verdict,
        List<String> failingGates, List<RollupReport.Anomaly> anomalies, String previousRunId, long turns, long lines, long badLines,
        long duplicates, List<LocalDate> missingDays, Double p95LatencyMs, Double costPerTurnUsd, Double intentAccuracy, Double taskAccuracy,
        Double intentMixPsi, @JsonProperty("intent_mix_p_value") Double intentMixPValue) {

    static RollupResult of(RollupReport r, String location) {
        RollupReport.IntentMix mix = r.weekOverWeek().intentMix();
        return new RollupResult(RollupGates.PASS.equals(r.gates().verdict()) ? Outcome.PASS : Outcome.GATES_FAILED, r.runId(), location,
                r.range().from(), r.range().to(), r.range().isoWeek(), r.gates().verdict(), r.gates().failing(), r.weekOverWeek().anomalies(),
                r.weekOverWeek().previousRunId(), r.input().turns(), r.input().lines(), r.input().badLines(), r.input().duplicates(),
                r.input().missingDays(), r.latency().overall().p95Ms(), r.cost().perTurnUsd(), r.accuracy().intentAccuracy(),
                r.accuracy().taskAccuracy(), mix == null ? null : mix.psi(), mix == null ? null : mix.pValue());
    }
}
