package dev.evalops.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

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
    void anEmptyPatternIsAConfigurationError() {
        assertThatThrownBy(() -> new AlarmClassifier(List.of(" "), List.of(), true)).hasMessageContaining("empty alarm-name pattern");
    }
}
