package dev.evalops.rollup;

import java.util.ArrayList;
import java.util.List;

/**
 * The weekly gates (CONTRACTS §6, {@code evalops.rollup.gates.*}): intent accuracy, overall p95 latency, task
 * accuracy, cost per turn. A gate without data fails: a week with no reviewed turn has not shown 95% accuracy.
 */
final class RollupGates {
    static final String PASS = "PASS";
    static final String FAIL = "FAIL";

    private RollupGates() {
    }

    static RollupReport.Gates evaluate(Double intentAccuracy, Double p95LatencyMs, Double taskAccuracy, Double costPerTurnUsd,
            RollupConfig.Gates g) {
        List<RollupReport.GateResult> results = new ArrayList<>();
        results.add(atLeast("intent_accuracy", intentAccuracy, g.minIntentAccuracy(), "no reviewed (routed or escalated) turn"));
        results.add(new RollupReport.GateResult("p95_latency_ms", p95LatencyMs, g.maxP95LatencyMs(), "<",
                p95LatencyMs != null && p95LatencyMs < g.maxP95LatencyMs(), p95LatencyMs == null ? "no turn with a latency" : null));
        results.add(atLeast("task_accuracy", taskAccuracy, g.minTaskAccuracy(), "no turn with a known task_success"));
        results.add(new RollupReport.GateResult("cost_per_turn_usd", costPerTurnUsd, g.maxCostPerTurnUsd(), "<=",
                costPerTurnUsd != null && costPerTurnUsd <= g.maxCostPerTurnUsd(), costPerTurnUsd == null ? "no turn with a cost" : null));
        List<String> failing = results.stream().filter(r -> !r.passed()).map(RollupReport.GateResult::gate).toList();
        return new RollupReport.Gates(failing.isEmpty() ? PASS : FAIL, failing, results);
    }

    private static RollupReport.GateResult atLeast(String gate, Double value, double min, String noData) {
        return new RollupReport.GateResult(gate, value, min, ">=", value != null && value >= min, value == null ? noData : null);
    }
}
