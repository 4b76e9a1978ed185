package dev.evalops.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import dev.evalops.core.BadInputException;
import dev.evalops.core.Json;
import dev.evalops.testing.RepoRoot;

/** Every payload in events/triggers/ through the one parser all handlers call first. */
class TriggerParserTest {

    static JsonNode fixture(String name) throws IOException {
        return Json.mapper().readTree(RepoRoot.file("events/triggers/" + name).toFile());
    }

    static Trigger parse(String name) throws IOException {
        return TriggerParser.parse(fixture(name));
    }

    @Test
    void schedule() throws IOException {
        Trigger.Scheduled t = (Trigger.Scheduled) parse("schedule.json");
        assertThat(t.time()).isEqualTo(Instant.parse("2026-11-22T02:00:00Z"));
        assertThat(t.rule()).isEqualTo("arn:aws:events:us-east-1:123456789012:rule/evalops-golden-nightly");
        assertThat(t.eventId()).isEqualTo("53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa");
    }

    @Test
    void alarmStateChangeViaEventBridge() throws IOException {
        Trigger.Alarm t = (Trigger.Alarm) parse("alarm-eventbridge.json");
        assertThat(t.via()).isEqualTo(Trigger.Via.EVENTBRIDGE);
        assertThat(t.alarmName()).isEqualTo("evalops-prod-tier0-fn");
        assertThat(t.alarmArn()).isEqualTo("arn:aws:cloudwatch:us-east-1:123456789012:alarm:evalops-prod-tier0-fn");
        assertThat(t.state()).isEqualTo(Trigger.AlarmState.ALARM);
        assertThat(t.previousState()).contains(Trigger.AlarmState.OK);
        assertThat(t.reason()).startsWith("Threshold Crossed: 1 out of the last 1 datapoints [1.0");
        assertThat(t.time()).isEqualTo(Instant.parse("2026-11-22T14:03:11Z"));
    }

    @Test
    void alarmActionInvokingLambdaDirectly() throws IOException {
        // CloudWatch writes this payload's times as 2026-11-22T14:05:42.490+0000 (no colon in the offset).
        Trigger.Alarm t = (Trigger.Alarm) parse("alarm-action.json");
        assertThat(t.via()).isEqualTo(Trigger.Via.ALARM_ACTION);
        assertThat(t.alarmName()).isEqualTo("evalops-prod-p95-latency");
        assertThat(t.alarmArn()).isEqualTo("arn:aws:cloudwatch:us-east-1:123456789012:alarm:evalops-prod-p95-latency");
        assertThat(t.state()).isEqualTo(Trigger.AlarmState.ALARM);
        assertThat(t.previousState()).contains(Trigger.AlarmState.INSUFFICIENT_DATA);
        assertThat(t.reason()).isEqualTo("Threshold Crossed: 3 out of the last 3 datapoints were greater than the threshold (5000.0).");
        assertThat(t.time()).isEqualTo(Instant.parse("2026-11-22T14:05:42.490Z"));
    }

    @Test
    void manual() throws IOException {
        Trigger.Manual t = (Trigger.Manual) parse("manual.json");
        assertThat(t.action()).isEqualTo("exit-safe-mode");
        assertThat(t.text("approvedBy")).contains("alice");
        assertThat(t.text("reason")).contains("golden v3 re-run is green (run golden-20261122-0200-7f3a)");
        assertThat(t.text("missing")).isEmpty();
        assertThat(t.flag("dryRun")).isTrue();
        assertThat(t.flag("missing")).isFalse();
        assertThat(t.payload()).isEqualTo(fixture("manual.json"));
    }

    @Test
    void alarmWithoutPreviousStateAndOffsetTimesInOtherForms() {
        JsonNode event = Json.mapper().createObjectNode()
                .put("source", "aws.cloudwatch").put("alarmArn", "arn:x").put("time", "2026-11-22T16:05:42+02:00")
                .set("alarmData", Json.mapper().createObjectNode().put("alarmName", "a")
                        .set("state", Json.mapper().createObjectNode().put("value", "OK")));
        Trigger.Alarm t = (Trigger.Alarm) TriggerParser.parse(event);
        assertThat(t.time()).isEqualTo(Instant.parse("2026-11-22T14:05:42Z"));
        assertThat(t.previousState()).isEqualTo(Optional.empty());
        assertThat(t.reason()).isEmpty();
        assertThat(t.state()).isEqualTo(Trigger.AlarmState.OK);
    }

    @Test
    void unknownSourceSaysWhatItGotAndWhatItExpected() {
        assertThatThrownBy(() -> parse("malformed-unknown-source.json"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("unrecognized trigger: got an object with fields "
                        + "[version, id, detail-type, source, account, time, region, resources, detail], "
                        + "source=\"aws.ec2\", detail-type=\"EC2 Instance State-change Notification\"; expected one of: ")
                .hasMessageContaining("EventBridge schedule {source: aws.events, detail-type: Scheduled Event}")
                .hasMessageContaining("alarm action {source: aws.cloudwatch, alarmData: {...}}")
                .hasMessageContaining("manual {action: \"...\"}");
    }

    @Test
    void alarmMissingState() {
        assertThatThrownBy(() -> parse("malformed-alarm-missing-state.json"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("alarm action: missing field 'alarmData.state' (expected an object)");
    }

    @Test
    void notAnObject() {
        assertThatThrownBy(() -> parse("malformed-not-object.json"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("trigger payload is a JSON array, not an object; expected one of: EventBridge schedule");
        assertThatThrownBy(() -> TriggerParser.parse(NullNode.getInstance()))
                .isInstanceOf(BadInputException.class).hasMessageStartingWith("empty trigger payload; expected one of:");
        assertThatThrownBy(() -> TriggerParser.parse(null)).isInstanceOf(BadInputException.class);
    }

    @Test
    void alarmWithAnUnknownStateValue() {
        assertThatThrownBy(() -> parse("malformed-alarm-bad-state-value.json"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("alarm state change: field 'detail.state.value' is 'FIRING', expected ALARM, OK or INSUFFICIENT_DATA");
    }

    @Test
    void scheduleWithAnUnparseableTime() {
        assertThatThrownBy(() -> parse("malformed-schedule-bad-time.json"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("schedule: field 'time' is 'yesterday at 2am', expected an ISO-8601 instant such as 2026-11-22T02:00:00Z");
    }

    @Test
    void manualWithANonStringAction() {
        assertThatThrownBy(() -> parse("malformed-manual-action-not-string.json"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("manual trigger: field 'action' is {\"name\":\"run\"}, expected a non-empty string");
    }

    @Test
    void emptyObject() {
        assertThatThrownBy(() -> parse("malformed-empty-object.json"))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("unrecognized trigger: got an object with fields []; expected one of:");
    }

    @Test
    void alarmDetailThatIsNotAnObject() {
        JsonNode event = Json.mapper().createObjectNode()
                .put("source", "aws.cloudwatch").put("detail-type", "CloudWatch Alarm State Change")
                .put("time", "2026-11-22T14:03:11Z").put("detail", "ALARM");
        assertThatThrownBy(() -> TriggerParser.parse(event))
                .isInstanceOf(BadInputException.class)
                .hasMessage("alarm state change: field 'detail' is a JSON string, expected an object");
    }

    /** Any malformed fixture someone adds later is covered too: refused with what was expected. */
    @ParameterizedTest
    @MethodSource("malformedFixtures")
    void everyMalformedFixtureIsRefusedWithWhatWasExpected(String name) {
        assertThatThrownBy(() -> parse(name)).isInstanceOf(BadInputException.class).hasMessageContaining("expected");
    }

    static Stream<String> malformedFixtures() throws IOException {
        Path dir = RepoRoot.file("events/triggers");
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("malformed-")).sorted().toList().stream();
        }
    }
}
