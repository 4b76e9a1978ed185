package dev.evalops.golden;

import static dev.evalops.golden.Fixtures.CASE_EXAMPLES;
import static dev.evalops.golden.Fixtures.CASE_OUTCOMES;
import static dev.evalops.golden.Fixtures.POLICY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.evalops.golden.GoldenMetrics.LabelScore;
import dev.evalops.router.RouterOutcome;

/** Every metric of {@link Fixtures#CASE_EXAMPLES}, computed by hand (see the comments). */
class GoldenScorerTest {
    static final double EPS = 1e-12;
    final GoldenMetrics m = GoldenScorer.score(CASE_EXAMPLES, CASE_OUTCOMES, POLICY);

    @Test
    void countsScoredAndUnscored() {
        assertThat(m.n()).isEqualTo(10);
        assertThat(m.scored()).isEqualTo(8);
        assertThat(m.unscored()).isEqualTo(2);
        assertThat(m.unscoredExamples()).extracting(GoldenMetrics.UnscoredExample::id, GoldenMetrics.UnscoredExample::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("e6", "TIMEOUT"), org.assertj.core.groups.Tuple.tuple("e10", "INVALID_RESPONSE"));
        assertThat(m.unscoredExamples().get(1).detail()).isEqualTo("answer has no intent");
    }

    @Test
    void accuracyIsOverScoredExamplesWithAWilsonInterval() {
        // right: e1, e3, e7 of 8 scored. Wilson 3/8: 0.1368..0.6943 (standard tables).
        assertThat(m.correct()).isEqualTo(3);
        assertThat(m.accuracy()).isCloseTo(0.375, within(EPS));
        assertThat(m.accuracyCi95().low()).isCloseTo(0.136844, within(1e-6));
        assertThat(m.accuracyCi95().high()).isCloseTo(0.694258, within(1e-6));
    }

    @Test
    void perIntentScoresFollowScikitLearnWithZeroDivisionZero() {
        // A: gold e1 e2 e8, predicted e1 e9 -> tp 1, fp 1, fn 2
        assertScore(m.perIntent().get("A"), 0.5, 1.0 / 3, 0.4, 3);
        // B: gold e3 e4 e9 (e6 unscored), predicted e2 e3 e5 -> tp 1, fp 2, fn 2
        assertScore(m.perIntent().get("B"), 1.0 / 3, 1.0 / 3, 1.0 / 3, 3);
        // C: only predicted (e4): precision 0/1, recall undefined -> 0
        assertScore(m.perIntent().get("C"), 0, 0, 0, 0);
        // D: never predicted: precision undefined -> 0
        assertScore(m.perIntent().get("D"), 0, 0, 0, 1);
        // E: gold e7, predicted e7 e8
        assertScore(m.perIntent().get("E"), 0.5, 1, 2.0 / 3, 1);
        assertThat(m.perIntent()).containsOnlyKeys("A", "B", "C", "D", "E");
    }

    @Test
    void macroF1AveragesOverTheUnionOfGoldAndPredictedLabels() {
        // (0.4 + 1/3 + 0 + 0 + 2/3) / 5
        assertThat(m.macroF1()).isCloseTo(0.28, within(EPS));
    }

    @Test
    void teamAndTemplateAccuracy() {
        // team right: e1, e3, e4 (C is routed to B's team), e7
        assertThat(m.teamAccuracy()).isCloseTo(0.5, within(EPS));
        assertThat(m.perTeam().get("tb").support()).isEqualTo(3);
        assertThat(m.perTeam().get("tb").precision()).isCloseTo(2.0 / 4, within(EPS)); // predicted tb: e2 e3 e4 e5
        // template right: e3, e7 (e1's template is missing)
        assertThat(m.templateAccuracy()).isCloseTo(0.25, within(EPS));
        assertThat(m.perTemplate()).containsKey(GoldenScorer.MISSING);
        assertThat(m.teamAccuracyCi95().low()).isLessThan(0.5);
    }

    @Test
    void tier0MissesAndOverEscalations() {
        assertThat(m.tier0().gold()).isEqualTo(2);
        assertThat(m.tier0().caught()).isEqualTo(1);
        assertThat(m.tier0().falseNegatives()).isEqualTo(1);
        assertThat(m.tier0().falseNegativeIds()).containsExactly("e5");
        assertThat(m.tier0().falsePositives()).isEqualTo(1);
        assertThat(m.tier0().falsePositiveIds()).containsExactly("e8");
    }

    @Test
    void tier2GateViolationsAndUnsafeAutomations() {
        assertThat(m.tier2().autoReplies()).isEqualTo(4);
        assertThat(m.tier2().gateViolationIds()).containsExactly("e2", "e4");
        assertThat(m.tier2().gateViolations()).isEqualTo(2);
        assertThat(m.tier2().unsafeAutomationIds()).containsExactly("e4", "e9");
        assertThat(GoldenScorer.gateViolationReasons(((RouterOutcome.Answered) CASE_OUTCOMES.get(1)).decision(), POLICY))
                .containsExactly("intent_not_eligible", "safe_mode_on");
        assertThat(GoldenScorer.gateViolationReasons(
                ((RouterOutcome.Answered) Fixtures.answer("x", "A", "ta", 1, "auto_reply", 0.5, 1L, 0.0, false)).decision(), POLICY))
                .containsExactly("tier_not_2", "confidence_below_min");
    }

    @Test
    void latencyAndCostFromTheResponses() {
        // 8 reported latencies 100..900 (no 600): p50 = 4th = 400, p95 = 7th = 800 (DDSketch, 1% relative accuracy)
        assertThat(m.latencyMs().reported()).isEqualTo(8);
        assertThat(m.latencyMs().p50()).isCloseTo(400, withinPercentage(1));
        assertThat(m.latencyMs().p95()).isCloseTo(800, withinPercentage(1));
        // (7 x 0.002 + 0.004) / 8
        assertThat(m.costPerExampleUsd()).isCloseTo(0.00225, within(EPS));
        assertThat(m.costTotalUsd()).isCloseTo(0.018, within(EPS));
    }

    @Test
    void anEmptyBatchScoresNothingWithoutDividingByZero() {
        GoldenMetrics empty = GoldenScorer.score(List.of(), List.of(), POLICY);
        assertThat(empty.accuracy()).isZero();
        assertThat(empty.macroF1()).isZero();
        assertThat(empty.latencyMs().p95()).isNull();
        assertThat(empty.costPerExampleUsd()).isNull();
    }

    @Test
    void refusesOutcomesThatDoNotPairUp() {
        assertThatThrownBy(() -> GoldenScorer.score(CASE_EXAMPLES, CASE_OUTCOMES.subList(0, 9), POLICY))
                .hasMessageContaining("10 examples but 9 outcomes");
        assertThatThrownBy(() -> GoldenScorer.score(CASE_EXAMPLES.subList(0, 2), List.of(CASE_OUTCOMES.get(1), CASE_OUTCOMES.get(0)), POLICY))
                .hasMessageContaining("outcome 0 is for e2, expected e1");
    }

    @Test
    void metricsJsonUsesTheDocumentedFieldNames() {
        var tree = dev.evalops.core.Json.mapper().valueToTree(m);
        assertThat(tree.has("macro_f1")).isTrue();
        assertThat(tree.at("/per_intent/A/support").asInt()).isEqualTo(3);
        assertThat(tree.at("/tier0/false_negatives").asInt()).isEqualTo(1);
        assertThat(tree.at("/tier0/false_negative_ids/0").asText()).isEqualTo("e5");
        assertThat(tree.at("/tier2/gate_violations").asInt()).isEqualTo(2);
        assertThat(tree.at("/tier2/unsafe_automations").asInt()).isEqualTo(2);
        assertThat(tree.at("/latency_ms/p95").isNumber()).isTrue();
        assertThat(tree.has("cost_per_example_usd")).isTrue();
        assertThat(tree.has("team_accuracy")).isTrue();
        assertThat(tree.has("template_accuracy")).isTrue();
        assertThat(tree.at("/accuracy_ci95/low").isNumber()).isTrue();
    }

    private static void assertScore(LabelScore s, double precision, double recall, double f1, int support) {
        assertThat(s.precision()).as("precision").isCloseTo(precision, within(EPS));
        assertThat(s.recall()).as("recall").isCloseTo(recall, within(EPS));
        assertThat(s.f1()).as("f1").isCloseTo(f1, within(EPS));
        assertThat(s.support()).as("support").isEqualTo(support);
    }
}
