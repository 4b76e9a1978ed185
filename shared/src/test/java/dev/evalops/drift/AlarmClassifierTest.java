package dev.evalops.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.evalops.catalogue.AlarmCatalogue;
import dev.evalops.catalogue.AlarmSpec;
import io.smallrye.config.SmallRyeConfigBuilder;

class AlarmClassifierTest {
    private final AlarmClassifier classifier = new AlarmClassifier(List.of("*tier0*", "evalops-?-accuracy"),
            List.of("*latency*", "*tier0-latency*"), true);

    @Test
    void harmPatternsTurnSafeModeOn() {
        AlarmClassifier.AlarmClass c = classifier.classify("evalops-prod-tier0-fn");
        assertThat(c.customerHarmPossible()).isTrue();
        assertThat(c.rule()).isEqualTo("evalops.drift.harm-alarms: *tier0*");
    }

    @Test
    void noHarmPatternsDoNot() {
        AlarmClassifier.AlarmClass c = classifier.classify("evalops-prod-p95-latency");
        assertThat(c.customerHarmPossible()).isFalse();
        assertThat(c.rule()).contains("no-harm-alarms: *latency*");
    }

    @Test
    void harmWinsWhenBothMatch() {
        assertThat(classifier.classify("evalops-tier0-latency").customerHarmPossible()).isTrue();
    }

    @Test
    void unmatchedAlarmsFollowTheSetting() {
        assertThat(classifier.classify("something-else").customerHarmPossible()).isTrue();
        assertThat(classifier.classify("something-else").rule()).contains("no pattern matched");
        assertThat(new AlarmClassifier(List.of(), List.of(), false).classify("something-else").customerHarmPossible()).isFalse();
    }

    @Test
    void globsMatchTheWholeNameAndQuoteEverythingElse() {
        assertThat(classifier.classify("evalops-x-accuracy").customerHarmPossible()).isTrue();
        assertThat(new AlarmClassifier(List.of("a.b"), List.of(), false).classify("aXb").customerHarmPossible()).isFalse();
        assertThat(new AlarmClassifier(List.of("tier0"), List.of(), false).classify("prod-tier0").customerHarmPossible()).isFalse();
    }

    @Test
    void theDefaultsAgreeWithTheAlarmCatalogue() {
        DriftConfig defaults = new SmallRyeConfigBuilder().withMapping(DriftConfig.class).build().getConfigMapping(DriftConfig.class);
        AlarmClassifier byDefault = AlarmClassifier.from(defaults);
        for (AlarmSpec alarm : AlarmCatalogue.ALL) {
            AlarmClassifier.AlarmClass c = byDefault.classify(alarm.alarmName("prod"));
            assertThat(c.customerHarmPossible()).as(alarm.id()).isEqualTo(alarm.customerHarm());
            assertThat(c.rule()).as(alarm.id() + " is matched by a pattern, not by the fallback").doesNotContain("no pattern matched");
        }
        assertThat(defaults.lookbackHours()).isEqualTo(24);
        assertThat(defaults.sampleSize()).isBetween(ProblemSampler.MIN_SIZE, ProblemSampler.MAX_SIZE);
        assertThat(defaults.harness()).isEmpty();
        assertThat(defaults.alarmStates()).isEmpty();
    }

    @Test
    void anEmptyPatternIsAConfigurationError() {
        assertThatThrownBy(() -> new AlarmClassifier(List.of(" "), List.of(), true)).hasMessageContaining("empty alarm-name pattern");
    }
}
