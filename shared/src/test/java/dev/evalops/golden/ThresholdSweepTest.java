package dev.evalops.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.evalops.router.RouterOutcome;

class ThresholdSweepTest {
    /** Confidence of each automatable prediction (intent A, tier 2) and whether the gold intent is A. */
    static final double[] CONF = { 0.99, 0.97, 0.95, 0.93, 0.90, 0.88, 0.85, 0.80, 0.70, 0.60 };
    static final boolean[] RIGHT = { true, true, true, true, false, true, true, false, true, false };

    final List<GoldenExample> examples = new ArrayList<>();
    final List<RouterOutcome> outcomes = new ArrayList<>();

    ThresholdSweepTest() {
        for (int i = 0; i < CONF.length; i++) {
            String id = "x" + i;
            examples.add(Fixtures.example(id, RIGHT[i] ? "A" : "B", "t", RIGHT[i] ? 2 : 1));
            // action "route" everywhere: the sweep must not depend on what the current threshold decided
            outcomes.add(Fixtures.answer(id, "A", "t", 2, "route", CONF[i], 10L, 0.0, false));
        }
        // eligible by gold label, but not a candidate (predicted B): counts for coverage only
        examples.add(Fixtures.example("y", "A", "t", 2));
        outcomes.add(Fixtures.answer("y", "B", "t", 1, "route", 0.99, 10L, 0.0, false));
        // a candidate by intent but predicted tier 1: never automated
        examples.add(Fixtures.example("z", "B", "t", 1));
        outcomes.add(Fixtures.answer("z", "A", "t", 1, "route", 0.99, 10L, 0.0, false));
        // unscored: ignored
        examples.add(Fixtures.example("u", "A", "t", 2));
        outcomes.add(Fixtures.failed("u", RouterOutcome.FailureKind.SERVER_ERROR));
    }

    @Test
    void recommendsTheLowestThresholdMeetingTheTarget() {
        ThresholdRecommendation r = ThresholdSweep.recommend(examples, outcomes, Fixtures.POLICY, 0.8, 3);
        // <=0.60: 7/10; <=0.70: 7/9; <=0.80: 6/8; from 0.81: 6/7 = 0.857 >= 0.8, and 0.81..0.85 automate the same
        // seven tickets: 0.85 is recommended
        assertThat(r.eligibleScored()).isEqualTo(8);
        assertThat(r.recommended().threshold()).isCloseTo(0.85, within(1e-9));
        assertThat(r.recommended().autoReplies()).isEqualTo(7);
        assertThat(r.recommended().correct()).isEqualTo(6);
        assertThat(r.recommended().precision()).isCloseTo(6.0 / 7, within(1e-12));
        assertThat(r.recommended().precisionWilsonLow()).isCloseTo(0.486872, within(1e-6));
        assertThat(r.recommended().coverage()).isCloseTo(7.0 / 8, within(1e-12));
        assertThat(r.sweep()).hasSize(101);
        assertThat(r.sweep().get(60).autoReplies()).isEqualTo(10);
        assertThat(r.sweep().get(61).autoReplies()).isEqualTo(9);
        assertThat(r.sweep().get(85).autoReplies()).isEqualTo(7);
        assertThat(r.sweep().get(100).autoReplies()).isZero();
        assertThat(r.advice()).startsWith("keep 0.85");
        ThresholdRecommendation lower = ThresholdSweep.recommend(examples, outcomes, Fixtures.POLICY, 0.7, 3);
        // precision 0.7 is met at 0.00 already; every grid point up to 0.60 automates all ten
        assertThat(lower.recommended().threshold()).isCloseTo(0.60, within(1e-9));
        assertThat(lower.recommended().autoReplies()).isEqualTo(10);
        assertThat(lower.advice()).startsWith("lower to 0.60");
    }

    @Test
    void theCurrentThresholdIsCountedExactlyOffTheGrid() {
        ThresholdRecommendation r = ThresholdSweep.recommend(examples, outcomes, new Policy(List.of("A"), 0.855), 0.8, 3);
        // 0.855 excludes the 0.85 prediction: 5/6
        assertThat(r.atCurrent().autoReplies()).isEqualTo(6);
        assertThat(r.atCurrent().correct()).isEqualTo(5);
        ThresholdRecommendation exactlyOnGrid = ThresholdSweep.recommend(examples, outcomes, Fixtures.POLICY, 0.8, 3);
        assertThat(exactlyOnGrid.atCurrent().autoReplies()).isEqualTo(7);
    }

    @Test
    void aHighTargetNeedsAHighThresholdAndEnoughSupport() {
        // precision 1.0 from 0.91 (4 automated, the same four up to 0.93)
        ThresholdRecommendation r = ThresholdSweep.recommend(examples, outcomes, Fixtures.POLICY, 0.98, 3);
        assertThat(r.recommended().threshold()).isCloseTo(0.93, within(1e-9));
        assertThat(r.recommended().autoReplies()).isEqualTo(4);
        assertThat(r.recommended().precisionWilsonLow()).isCloseTo(0.5101, within(1e-4));
        assertThat(r.advice()).startsWith("raise to 0.93");
        // at least 5 automated examples: no threshold qualifies
        ThresholdRecommendation none = ThresholdSweep.recommend(examples, outcomes, Fixtures.POLICY, 0.98, 5);
        assertThat(none.recommended()).isNull();
        assertThat(none.advice()).startsWith("no threshold reaches precision 0.98 on at least 5 auto-replies");
    }
}
