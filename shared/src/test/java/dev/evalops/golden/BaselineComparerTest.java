package dev.evalops.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.evalops.core.Json;
import dev.evalops.router.RouterOutcome;

class BaselineComparerTest {

    /** 40 examples, intents A (20) and B (20); {@code wrong} ids get B where A is gold (or A where B is gold). */
    static List<GoldenExample> examples() {
        List<GoldenExample> out = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            out.add(Fixtures.example("x" + i, i < 20 ? "A" : "B", "t", i < 20 ? 2 : 1));
        }
        return out;
    }

    static List<RouterOutcome> outcomes(List<GoldenExample> examples, java.util.Set<Integer> wrong, java.util.Set<Integer> unscored) {
        List<RouterOutcome> out = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            GoldenExample e = examples.get(i);
            if (unscored.contains(i)) {
                out.add(Fixtures.failed(e.id(), RouterOutcome.FailureKind.SERVER_ERROR));
                continue;
            }
            String intent = wrong.contains(i) ? (e.intent().equals("A") ? "B" : "A") : e.intent();
            out.add(Fixtures.answer(e.id(), intent, "t", e.tier(), "route", 0.9, 100L + i, 0.001, false));
        }
        return out;
    }

    static BaselineRun baseline(List<GoldenExample> examples, List<RouterOutcome> outcomes, String version, boolean withPredictions) {
        GoldenMetrics m = GoldenScorer.score(examples, outcomes, Fixtures.POLICY);
        ObjectNode doc = Json.mapper().createObjectNode();
        doc.put("golden_version", version);
        doc.setAll((ObjectNode) Json.mapper().valueToTree(m));
        return new BaselineRun("golden-20261115-0200-aaaa", doc, withPredictions ? PredictionRecord.of(examples, outcomes) : null);
    }

    @Test
    void pairsExamplesByIdAndTestsTheDiscordantOnes() {
        List<GoldenExample> ex = examples();
        // baseline: wrong on 0, 1 (A) and 20 (B); now: wrong on 0..9 (A) and 21 (B), 30 unscored
        BaselineRun before = baseline(ex, outcomes(ex, java.util.Set.of(0, 1, 20), java.util.Set.of()), "v1", true);
        List<RouterOutcome> nowOutcomes = outcomes(ex, java.util.Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 21), java.util.Set.of(30));
        GoldenMetrics now = GoldenScorer.score(ex, nowOutcomes, Fixtures.POLICY);
        BaselineComparison c = BaselineComparer.compare("v1", now, PredictionRecord.of(ex, nowOutcomes), before, "mid-p", 0.05, 5);

        // 39 pairs (30 unscored now); lost = 2..9 and 21 = 9; gained = 20 = 1; both wrong = 0, 1
        assertThat(c.paired().pairs()).isEqualTo(39);
        assertThat(c.paired().mcnemar().baselineOnlyCorrect()).isEqualTo(9);
        assertThat(c.paired().mcnemar().currentOnlyCorrect()).isEqualTo(1);
        assertThat(c.paired().bothWrong()).isEqualTo(2);
        assertThat(c.paired().bothCorrect()).isEqualTo(27);
        // P(X<=1 | n=10) = 11/1024; mid-p = 22/1024 - 10/1024
        assertThat(c.paired().mcnemar().pMidP()).isCloseTo(12.0 / 1024, within(1e-12));
        assertThat(c.dropSignificant()).isTrue();
        assertThat(c.p()).isEqualTo(c.paired().mcnemar().pMidP());
        assertThat(c.sameGoldenVersion()).isTrue();

        BaselineComparison.MetricDelta acc = c.deltas().get(0);
        assertThat(acc.metric()).isEqualTo("accuracy");
        assertThat(acc.baseline()).isCloseTo(37.0 / 40, within(1e-12));
        assertThat(acc.current()).isCloseTo(28.0 / 39, within(1e-12));
        assertThat(acc.delta()).isCloseTo(28.0 / 39 - 37.0 / 40, within(1e-12));
        assertThat(c.deltas()).extracting(BaselineComparison.MetricDelta::metric).containsExactlyElementsOf(BaselineComparer.METRICS);
        assertThat(c.deltas().stream().filter(d -> d.metric().equals("unscored")).findFirst().orElseThrow().delta()).isEqualTo(1.0);

        // recall of A: 18/20 -> 10/20; of B: 19/20 -> 18/19
        assertThat(c.perIntentRecall()).extracting(BaselineComparison.RecallChange::intent).containsExactly("A", "B");
        assertThat(c.perIntentRecall().get(0).delta()).isCloseTo(10.0 / 20 - 18.0 / 20, within(1e-12));
        // confusion A->B: 2 -> 10; B->A: 1 -> 1 (unchanged, not listed)
        assertThat(c.confusionShifts()).containsExactly(new BaselineComparison.ConfusionShift("A", "B", 2, 10, 8));
        assertThat(c.note()).isNull();
    }

    @Test
    void aDropThatIsNotSignificantIsSaidToBeNotARegression() {
        List<GoldenExample> ex = examples();
        BaselineRun before = baseline(ex, outcomes(ex, java.util.Set.of(), java.util.Set.of()), "v1", true);
        List<RouterOutcome> nowOutcomes = outcomes(ex, java.util.Set.of(3, 25), java.util.Set.of());
        BaselineComparison c = BaselineComparer.compare("v1", GoldenScorer.score(ex, nowOutcomes, Fixtures.POLICY), PredictionRecord.of(ex, nowOutcomes),
                before, "exact", 0.05, 5);
        assertThat(c.paired().mcnemar().pExact()).isCloseTo(0.5, within(1e-12)); // b=2, c=0: 2 * 1/4
        assertThat(c.dropSignificant()).isFalse();
        assertThat(c.note()).contains("2 lost, 0 gained").contains("not significant (McNemar exact p = 0.500 >= 0.05): not a regression");
        assertThat(c.confusionShifts()).containsExactly(new BaselineComparison.ConfusionShift("A", "B", 0, 1, 1),
                new BaselineComparison.ConfusionShift("B", "A", 0, 1, 1));
    }

    @Test
    void aBaselineWithoutPredictionsOrOfAnotherVersionIsComparedAsFarAsPossible() {
        List<GoldenExample> ex = examples();
        List<RouterOutcome> o = outcomes(ex, java.util.Set.of(1), java.util.Set.of());
        BaselineComparison c = BaselineComparer.compare("v2", GoldenScorer.score(ex, o, Fixtures.POLICY), PredictionRecord.of(ex, o),
                baseline(ex, o, "v1", false), "mid-p", 0.05, 5);
        assertThat(c.paired()).isNull();
        assertThat(c.dropSignificant()).isFalse();
        assertThat(c.p()).isEqualTo(1);
        assertThat(c.sameGoldenVersion()).isFalse();
        assertThat(c.note()).contains("baseline ran golden version v1, this run v2").contains("no predictions.jsonl");
        assertThat(c.deltas().get(0).delta()).isZero();
    }
}
