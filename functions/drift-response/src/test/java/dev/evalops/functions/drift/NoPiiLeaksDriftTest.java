package dev.evalops.functions.drift;

import static dev.evalops.testing.HandlerCalls.event;
import static dev.evalops.testing.HandlerCalls.object;
import static dev.evalops.testing.HandlerCalls.read;
import static dev.evalops.testing.HandlerCalls.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.evalops.core.Json;
import dev.evalops.sanitize.PiiCorpus;
import dev.evalops.testing.AwsEmulator;
import dev.evalops.testing.EmulatorLambda;
import dev.evalops.testing.EmulatorTestResource;
import dev.evalops.testing.FunctionLeaks;
import dev.evalops.testing.RepoRoot;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;

/**
 * The end-to-end leak proof for drift-response: an alarm whose state reason carries PII, turn exports with PII in
 * every string field and in malformed lines (so the labeling batch, the recorded predictions and the quarantine
 * would carry it), a person who exits by their e-mail with a phone number in the reason, and a labeled batch whose
 * texts are corpus tickets. Afterwards no raw value is in any object written, the safe-mode flag, the metrics, the
 * results or the log.
 */
@QuarkusTest
@TestProfile(FunctionLeaks.OwnApp.class)
@QuarkusTestResource(EmulatorTestResource.class)
class NoPiiLeaksDriftTest {
    static final List<PiiCorpus.Ticket> TICKETS = PiiCorpus.generate(5, 2 * PiiCorpus.FORMATS.size(), 1.0);
    static final String EMAIL = "night.shift@example.com";
    static final String PHONE = "+44 20 7946 0958";
    static final String CARD = "4539 1488 0343 6467";
    /** For the identifier fields, which hold a bare value (see {@link PiiCorpus#standaloneValues}). */
    static final List<String> STANDALONE = PiiCorpus.standaloneValues(TICKETS);

    @Test
    void piiInAlarmsTurnsPeopleAndLabelsLeavesNoRawValueAnywhere() throws IOException {
        AwsEmulator aws = AwsEmulator.get();
        String bucket = EmulatorTestResource.bucket();
        try {
            EmulatorLambda.createFunction(aws, DriftResponseHandlerTest.GOLDEN_FUNCTION);
        } catch (ResourceConflictException alreadyThere) {
            // the other test class of this JVM created it
        }
        long logMark = FunctionLeaks.logMark();
        Instant now = Instant.now();
        String turnsKey = "turns/dt=" + now.minus(Duration.ofHours(1)).atZone(ZoneOffset.UTC).toLocalDate() + "/part-0.jsonl.gz";
        aws.s3().putObject(b -> b.bucket(bucket).key(turnsKey), RequestBody.fromBytes(export(now.minus(Duration.ofHours(1)))));
        aws.s3().putObject(b -> b.bucket(bucket).key("golden/v1/policy.json"),
                RequestBody.fromBytes(Files.readAllBytes(RepoRoot.file("samples/golden/v1/policy.json"))));

        List<String> results = new ArrayList<>();
        ObjectNode alarm = (ObjectNode) read(event("drift-response", "alarm-eventbridge-tier0-fn.json"));
        ((ObjectNode) alarm.get("detail").get("state")).put("reason", "Threshold Crossed; paged " + EMAIL + " and " + PHONE);
        JsonNode on = result(alarm.toString());
        results.add(on.toString());
        assertThat(on.path("result").asText()).isEqualTo("safe-mode-on");
        String prefix = on.path("drift_run").asText().substring(("s3://" + bucket + "/").length());
        List<String> batch = object(prefix + "labeling-batch.jsonl").lines().toList();
        assertThat(batch).hasSize(20);
        assertThat(object(prefix + "quarantine.jsonl").lines()).hasSize(2);
        assertThat(object(prefix + "predictions.jsonl")).contains("#");

        // The labeler pastes each ticket's text (PII and all) and labels it; the batch is uploaded under labeling/.
        List<String> labeled = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            ObjectNode row = (ObjectNode) read(batch.get(i));
            row.put("text", TICKETS.get(i).text()).put("intent", "other").put("team", "support").put("template", "generic_ack").put("tier", 1);
            labeled.add(row.toString());
        }
        String labeledKey = "labeling/" + prefix.split("/")[3] + "/labeled.jsonl";
        aws.s3().putObject(b -> b.bucket(bucket).key(labeledKey), RequestBody.fromString(String.join("\n", labeled) + "\n"));
        JsonNode evaluated = result(Json.mapper().createObjectNode().put("action", "evaluate-labeled-sample")
                .put("batch", "s3://" + bucket + "/" + labeledKey).toString());
        results.add(evaluated.toString());
        assertThat(evaluated.path("evaluation").path("scored").asInt()).isEqualTo(20);

        JsonNode exit = result(Json.mapper().createObjectNode().put("action", "exit-safe-mode").put("by", EMAIL)
                .put("reason", "call me on " + PHONE + ", card " + CARD + " was in a reply").put("force", true).toString());
        results.add(exit.toString());
        assertThat(exit.path("result").asText()).isEqualTo("forced-exit");
        results.add(result(event("drift-response", "status.json")).toString());

        // The inputs are not the function's output: only what it wrote is scanned.
        aws.s3().deleteObject(b -> b.bucket(bucket).key(turnsKey));
        aws.s3().deleteObject(b -> b.bucket(bucket).key(labeledKey));
        List<String> raw = new ArrayList<>(PiiCorpus.rawValues(TICKETS));
        raw.addAll(List.of(EMAIL, PHONE, CARD));
        var scan = FunctionLeaks.scan(raw, logMark, results).assertNoLeaks();
        assertThat(scan.sources()).anyMatch(s -> s.endsWith(prefix + "labeling-batch.jsonl")).anyMatch(s -> s.contains("decision_log/"))
                .anyMatch(s -> s.endsWith("/safe-mode")).anyMatch(s -> s.contains("-labeled-") && s.endsWith("misroutes.jsonl"));
    }

    /** Problem turns (fallbacks) with PII in every string field, and two malformed lines full of it. */
    static byte[] export(Instant ts) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < TICKETS.size(); i++) {
            String text = TICKETS.get(i).text();
            String pii = STANDALONE.get(i % STANDALONE.size());
            ObjectNode turn = Json.mapper().createObjectNode().put("turn_id", "t-" + i).put("ts", ts.toString()).put("user_id", pii)
                    .put("tenant", pii).put("channel", "email").put("intent", i % 7 == 0 ? text : "order.status").put("tier", 1)
                    .put("action", "route").put("confidence", 0.8).put("provider", i % 5 == 0 ? pii : "anthropic").put("model", "m-2026-10")
                    .put("latency_ms", 900).put("tokens_in", 400).put("tokens_out", 90).put("cost_usd", 0.002).put("cache_hit", false)
                    .put("fallback_reason", "primary down: " + text).put("error", i % 3 == 0 ? "timeout: " + text : null).put("task_success", true);
            turn.putObject("agent_override").put("intent", text).put("team", pii);
            lines.append(turn).append('\n');
        }
        lines.append("card ").append(CARD).append(" call ").append(PHONE).append(' ').append(EMAIL).append('\n');
        lines.append("{\"turn_id\": \"t-bad\", \"ts\": \"").append(ts).append("\", \"user_id\": \"").append(EMAIL).append("\", \"tier\": \"")
                .append(PHONE).append("\"}\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(lines.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
