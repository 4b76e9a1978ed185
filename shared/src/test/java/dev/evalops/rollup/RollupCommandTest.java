package dev.evalops.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.evalops.core.BadInputException;
import dev.evalops.launcher.Invocation;
import dev.evalops.trigger.TriggerParser;

class RollupCommandTest {

    @Test
    void weekOrRangeBecomesTheManualPayloadAndTheLocationsBecomeConfig() {
        Invocation.Handler week = (Invocation.Handler) new RollupCommand().prepare(List.of("--turns", "s3://acme/turns", "--week", "2026-W47",
                "--previous", "rollup-20261116-0200-ab12", "--out", "s3://acme-mw-analytics-prod"));
        assertThat(week.event().toString()).isEqualTo("{\"action\":\"run\",\"week\":\"2026-W47\",\"previous\":\"rollup-20261116-0200-ab12\"}");
        assertThat(week.config()).containsEntry("evalops.rollup.turns-root", "s3://acme/turns")
                .containsEntry("evalops.artifacts.s3-export", "true").containsEntry("evalops.artifacts.bucket", "acme-mw-analytics-prod");
        // The payload is one the handler accepts.
        assertThat(RollupRequest.from(TriggerParser.parse(week.event())).from()).hasToString("2026-11-16");

        Invocation.Handler range = (Invocation.Handler) new RollupCommand().prepare(List.of("--from", "2026-11-16", "--to", "2026-11-22",
                "--out", "/tmp/out"));
        assertThat(range.event().toString()).isEqualTo("{\"action\":\"run\",\"from\":\"2026-11-16\",\"to\":\"2026-11-22\"}");
        assertThat(range.config()).doesNotContainKey("evalops.rollup.turns-root").containsEntry("evalops.artifacts.local-root", "/tmp/out");
    }

    @Test
    void badUsageIsBadInput() {
        assertThatThrownBy(() -> new RollupCommand().prepare(List.of("--week", "2026-W47", "--from", "2026-11-16", "--out", "x")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("either --week or --from/--to");
        assertThatThrownBy(() -> new RollupCommand().prepare(List.of("--from", "2026-11-16", "--out", "x")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--to is required");
        assertThatThrownBy(() -> new RollupCommand().prepare(List.of("--week", "2026-W47")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("--out is required");
    }
}
