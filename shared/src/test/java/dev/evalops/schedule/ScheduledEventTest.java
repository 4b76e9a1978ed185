package dev.evalops.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.core.Json;
import dev.evalops.testing.RepoRoot;
import dev.evalops.trigger.Trigger;
import dev.evalops.trigger.TriggerParser;

class ScheduledEventTest {
    private static final ScheduledRun RUN = new ScheduledRun("rollup-weekly", Cron.parse("0 2 ? * SUN *"), "Sunday");

    @Test
    void isTheScheduledEventEveryHandlerParses() {
        JsonNode event = ScheduledEvent.render(RUN, "staging", Instant.parse("2026-11-22T02:00:00.731Z"));
        Trigger.Scheduled t = (Trigger.Scheduled) TriggerParser.parse(event);
        assertThat(t.time()).isEqualTo(Instant.parse("2026-11-22T02:00:00Z"));
        assertThat(t.rule()).isEqualTo("arn:aws:events:local:000000000000:rule/evalops-staging-rollup-weekly");
        assertThat(t.eventId()).hasSize(36);
    }

    @Test
    void hasTheFieldsOfTheEventBridgeFixture() throws IOException {
        JsonNode fixture = Json.mapper().readTree(RepoRoot.file("events/triggers/schedule.json").toFile());
        JsonNode event = ScheduledEvent.render(RUN, "dev", Instant.parse("2026-11-22T02:00:00Z"));
        assertThat(names(event)).containsExactlyInAnyOrderElementsOf(names(fixture));
        assertThat(event.get("time").asText()).isEqualTo(fixture.get("time").asText());
        assertThat(event.get("detail").isObject()).isTrue();
        assertThat(event.get("detail").isEmpty()).isTrue();
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
