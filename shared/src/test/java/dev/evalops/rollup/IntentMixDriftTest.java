package dev.evalops.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.Test;

class IntentMixDriftTest {

    @Test
    void aKnownTwoByTwoTable() {
        // Expected counts 40/60 in both weeks: chi-square = 2 * (10^2/40 + 10^2/60) = 8.333, df 1, p = erfc(sqrt(8.333/2)).
        RollupReport.IntentMix mix = IntentMixDrift.compare(Map.of("a", 30L, "b", 70L), Map.of("a", 50L, "b", 50L), 0.01, 0.05);
        assertThat(mix.chiSquare()).isCloseTo(8.333333, within(1e-6));
        assertThat(mix.degreesOfFreedom()).isEqualTo(1);
        assertThat(mix.pValue()).isCloseTo(0.0038924171, within(1e-9));
        // PSI on counts smoothed by 0.5: shares (30.5/101, 70.5/101) vs (1/2, 1/2).
        assertThat(mix.psi()).isCloseTo(0.1659180250, within(1e-9));
        assertThat(mix.drifted()).isTrue();
    }

    @Test
    void aBigPsiOnTenTurnsIsNoise() {
        // PSI 0.134 would pass a fixed 0.1 cut-off; chi-square says a 6/4 vs 4/6 split is chance (p = 0.37).
        RollupReport.IntentMix mix = IntentMixDrift.compare(Map.of("a", 6L, "b", 4L), Map.of("a", 4L, "b", 6L), 0.01, 0.05);
        assertThat(mix.psi()).isCloseTo(0.1337181019, within(1e-9));
        assertThat(mix.pValue()).isCloseTo(0.3710933695, within(1e-9));
        assertThat(mix.drifted()).isFalse();
    }

    @Test
    void aTinyShiftAtTenMillionTurnsIsSignificantButNotAnAnomaly() {
        RollupReport.IntentMix mix = IntentMixDrift.compare(Map.of("a", 5_050_000L, "b", 4_950_000L), Map.of("a", 4_950_000L, "b", 5_050_000L),
                0.01, 0.05);
        assertThat(mix.chiSquare()).isCloseTo(2000.0, within(1e-6));
        assertThat(mix.pValue()).isLessThan(1e-100);
        assertThat(mix.psi()).isLessThan(0.001);
        assertThat(mix.drifted()).isFalse();
    }

    @Test
    void intentsSeenInOnlyOneWeekAndSingleIntentWeeks() {
        RollupReport.IntentMix mix = IntentMixDrift.compare(Map.of("a", 100L, "c", 40L), Map.of("a", 100L, "b", 40L), 0.01, 0.05);
        assertThat(mix.degreesOfFreedom()).isEqualTo(2);
        assertThat(Double.isFinite(mix.psi())).isTrue();
        assertThat(mix.drifted()).isTrue();
        RollupReport.IntentMix one = IntentMixDrift.compare(Map.of("a", 100L), Map.of("a", 7L), 0.01, 0.05);
        assertThat(one).isEqualTo(new RollupReport.IntentMix(0, 0, 1, 0, 0.01, 0.05, false));
    }
}
