package dev.evalops.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class VerdictDecisionTest {
    static final GoldenGates GATES = GoldenGates.defaults();

    static GoldenMetrics metrics(double accuracy, int tier0Fn, int violations, Double p95, Double cost, int unscored) {
        int n = 100;
        GoldenMetrics.Interval ci = new GoldenMetrics.Interval(accuracy - 0.05, Math.min(1, accuracy + 0.05));
        List<String> fnIds = java.util.stream.IntStream.range(0, tier0Fn).mapToObj(i -> "g-" + i).toList();
        List<String> vIds = java.util.stream.IntStream.range(0, violations).mapToObj(i -> "v-" + i).toList();
        return new GoldenMetrics(n, n - unscored, unscored, accuracy, ci, Math.round(accuracy * (n - unscored)), 0.9, Map.of(),
                accuracy, ci, 0.9, Map.of(), accuracy, ci, 0.9, Map.of(),
                new GoldenMetrics.Tier0Summary(10, 10 - tier0Fn, tier0Fn, fnIds, 0, List.of(), 0),
                new GoldenMetrics.Tier2Summary(20, violations, vIds, 0, List.of()),
                new GoldenMetrics.LatencySummary(p95 == null ? null : p95 / 2, p95, p95 == null ? 0 : n), cost, cost == null ? 0 : cost * n,
                List.of());
    }

    static BaselineComparison comparison(long lost, long gained) {
        McNemar t = McNemar.test(lost, gained);
        return new BaselineComparison("golden-20261115-0200-aaaa", "v1", true, List.of(),
                new BaselineComparison.Paired(100, 80, 20 - (int) (lost + gained), t), "mid-p", 0.05,
                gained < lost && t.pMidP() < 0.05, List.of(), List.of(), null);
    }

    @Test
    void passWhenEveryGateHoldsAndNoSignificantDrop() {
        VerdictDecision d = VerdictDecision.decide(metrics(0.97, 0, 0, 1200.0, 0.004, 1), comparison(3, 1), GATES);
        assertThat(d.verdict()).isEqualTo(Verdict.PASS);
        assertThat(d.reasons()).isEmpty();
        assertThat(d.gates()).extracting(VerdictDecision.GateCheck::gate).containsExactly("tier0_false_negatives", "tier2_gate_violations",
                "accuracy", "latency_p95_ms", "cost_per_example_usd", "unscored_share");
        assertThat(d.gates()).allMatch(VerdictDecision.GateCheck::passed);
    }

    @Test
    void anyTier0FalseNegativeIsStopWhateverElseHappens() {
        VerdictDecision d = VerdictDecision.decide(metrics(0.50, 1, 3, 9000.0, 0.5, 40), comparison(20, 0), GATES);
        assertThat(d.verdict()).isEqualTo(Verdict.STOP);
        assertThat(d.reasons().get(0)).isEqualTo("1 Tier 0 false negative(s): g-0");
        // every other failure is still listed
        assertThat(d.reasons()).hasSize(7);
    }

    @Test
    void aTier2GateViolationIsInvestigatePolicy() {
        VerdictDecision d = VerdictDecision.decide(metrics(0.99, 0, 2, 1000.0, 0.001, 0), null, GATES);
        assertThat(d.verdict()).isEqualTo(Verdict.INVESTIGATE_POLICY);
        assertThat(d.reasons()).containsExactly("2 Tier 2 gate violation(s): v-0, v-1");
    }

    @Test
    void aSignificantDropIsRegressionButANonSignificantOneIsNot() {
        VerdictDecision drop = VerdictDecision.decide(metrics(0.96, 0, 0, 1000.0, 0.001, 0), comparison(12, 1), GATES);
        assertThat(drop.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(drop.reasons().get(0)).startsWith("significant accuracy drop vs baseline golden-20261115-0200-aaaa (McNemar mid-p p = 0.00");
        VerdictDecision noise = VerdictDecision.decide(metrics(0.96, 0, 0, 1000.0, 0.001, 0), comparison(4, 1), GATES);
        assertThat(noise.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void missedQualityGatesAreRegression() {
        assertThat(VerdictDecision.decide(metrics(0.94, 0, 0, 1000.0, 0.001, 0), null, GATES).reasons())
                .containsExactly("gate accuracy missed: 0.9400, needs >= 0.9500");
        assertThat(VerdictDecision.decide(metrics(0.99, 0, 0, 5000.0, 0.001, 0), null, GATES).reasons())
                .containsExactly("gate latency_p95_ms missed: 5000, needs < 5000");
        assertThat(VerdictDecision.decide(metrics(0.99, 0, 0, 1000.0, 0.0101, 0), null, GATES).reasons())
                .containsExactly("gate cost_per_example_usd missed: 0.01010, needs <= 0.01000");
        VerdictDecision unscored = VerdictDecision.decide(metrics(0.99, 0, 0, 1000.0, 0.001, 6), null, GATES);
        assertThat(unscored.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(unscored.reasons()).containsExactly("gate unscored_share missed: 0.06000, needs <= 0.05000");
    }

    @Test
    void unmeasuredLatencyAndCostPassAndGatesAreConfigurable() {
        VerdictDecision d = VerdictDecision.decide(metrics(0.99, 0, 0, null, null, 0), null, GATES);
        assertThat(d.verdict()).isEqualTo(Verdict.PASS);
        assertThat(d.gates().get(3).actual()).isNull();
        GoldenGates lenient = new GoldenGates(0.5, 2, 1, 10_000, 1, 0.5);
        assertThat(VerdictDecision.decide(metrics(0.6, 2, 1, 9000.0, 0.5, 40), null, lenient).verdict()).isEqualTo(Verdict.PASS);
        assertThat(VerdictDecision.decide(metrics(0.6, 3, 1, 9000.0, 0.5, 40), null, lenient).verdict()).isEqualTo(Verdict.STOP);
    }
}
