package dev.evalops.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void wilsonIntervalsMatchPublishedValues() {
        // Newcombe (1998) / standard tables
        Proportion p = Proportion.of(3, 8);
        assertThat(p.ci95Low()).isCloseTo(0.1368, within(1e-4));
        assertThat(p.ci95High()).isCloseTo(0.6943, within(1e-4));
        assertThat(Proportion.of(0, 20).ci95Low()).isZero();
        assertThat(Proportion.of(0, 20).ci95High()).isCloseTo(0.1611, within(1e-4));
        assertThat(Proportion.of(20, 20).ci95Low()).isCloseTo(0.8389, within(1e-4));
        assertThat(Proportion.of(20, 20).ci95High()).isEqualTo(1.0);
        assertThat(Proportion.of(4, 4).ci95Low()).isCloseTo(0.5101, within(1e-4));
        assertThat(Proportion.of(0, 0)).isEqualTo(new Proportion(0, 0, 0, 0, 1));
        assertThatThrownBy(() -> Proportion.of(3, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mcnemarExactAndMidPOnKnownTables() {
        // b=1, c=5: P(X<=1 | n=6) = 7/64; exact = 14/64; mid-p = 14/64 - 6/64
        McNemar t = McNemar.test(1, 5);
        assertThat(t.pExact()).isCloseTo(14.0 / 64, within(1e-12));
        assertThat(t.pMidP()).isCloseTo(8.0 / 64, within(1e-12));
        // b=10, c=2: P(X<=2 | n=12) = 79/4096; exact = 158/4096; mid-p = (158 - 66)/4096
        McNemar u = McNemar.test(10, 2);
        assertThat(u.pExact()).isCloseTo(158.0 / 4096, within(1e-12));
        assertThat(u.pMidP()).isCloseTo(92.0 / 4096, within(1e-12));
        assertThat(u.p("exact")).isEqualTo(u.pExact());
        assertThat(u.p("mid-p")).isEqualTo(u.pMidP());
        // symmetric tables and no discordant pairs carry no evidence
        assertThat(McNemar.test(3, 3).pExact()).isCloseTo(1, within(1e-12));
        assertThat(McNemar.test(3, 3).pMidP()).isCloseTo(1, within(1e-12));
        assertThat(McNemar.test(0, 0).pExact()).isEqualTo(1);
        // b=25, c=10 (n=35): exact = 2 * sum_{i<=10} C(35,i) / 2^35 = 0.0166738..., mid-p = exact - C(35,10)/2^35
        McNemar v = McNemar.test(25, 10);
        assertThat(v.pExact()).isCloseTo(0.01667384780, within(1e-9));
        assertThat(v.pMidP()).isCloseTo(0.01667384780 - 183579396.0 / Math.pow(2, 35), within(1e-6));
        assertThatThrownBy(() -> u.p("chi2")).hasMessageContaining("exact or mid-p");
    }
}
