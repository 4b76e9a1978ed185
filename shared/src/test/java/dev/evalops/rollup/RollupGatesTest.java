package dev.evalops.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class RollupGatesTest {
    final RollupConfig.Gates defaults = RollupTestConfig.defaults().gates();

    @Test
    void passesAtTheBoundariesOfTheContractDefaults() {
        RollupReport.Gates g = RollupGates.evaluate(0.95, 4999.9, 0.80, 0.01, defaults);
        assertThat(g.verdict()).isEqualTo("PASS");
        assertThat(g.failing()).isEmpty();
        assertThat(g.results()).extracting(RollupReport.GateResult::gate, RollupReport.GateResult::comparison, RollupReport.GateResult::threshold)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("intent_accuracy", ">=", 0.95),
                        org.assertj.core.groups.Tuple.tuple("p95_latency_ms", "<", 5000.0),
                        org.assertj.core.groups.Tuple.tuple("task_accuracy", ">=", 0.80),
                        org.assertj.core.groups.Tuple.tuple("cost_per_turn_usd", "<=", 0.01));
    }

    @Test
    void failsJustPastEachBoundary() {
        assertThat(RollupGates.evaluate(0.9499, 100.0, 0.9, 0.001, defaults).failing()).containsExactly("intent_accuracy");
        assertThat(RollupGates.evaluate(0.99, 5000.0, 0.9, 0.001, defaults).failing()).containsExactly("p95_latency_ms");
        assertThat(RollupGates.evaluate(0.99, 100.0, 0.7999, 0.001, defaults).failing()).containsExactly("task_accuracy");
        assertThat(RollupGates.evaluate(0.99, 100.0, 0.9, 0.01001, defaults).failing()).containsExactly("cost_per_turn_usd");
    }

    @Test
    void aGateWithoutDataFailsAndSaysWhy() {
        RollupReport.Gates g = RollupGates.evaluate(null, null, null, null, defaults);
        assertThat(g.verdict()).isEqualTo("FAIL");
        assertThat(g.failing()).hasSize(4);
        assertThat(g.results().get(0).note()).isEqualTo("no reviewed (routed or escalated) turn");
    }

    @Test
    void thresholdsComeFromConfig() {
        RollupConfig.Gates strict = RollupTestConfig.with(Map.of("evalops.rollup.gates.max-p95-latency-ms", "2000",
                "evalops.rollup.gates.max-cost-per-turn-usd", "0.002")).gates();
        assertThat(RollupGates.evaluate(0.99, 2500.0, 0.9, 0.003, strict).failing()).containsExactly("p95_latency_ms", "cost_per_turn_usd");
    }
}
