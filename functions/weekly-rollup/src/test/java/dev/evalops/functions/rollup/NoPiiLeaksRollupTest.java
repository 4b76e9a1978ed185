package dev.evalops.functions.rollup;

import static dev.evalops.testing.HandlerCalls.event;
import static dev.evalops.testing.HandlerCalls.object;
import static dev.evalops.testing.HandlerCalls.read;
import static dev.evalops.testing.HandlerCalls.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.evalops.core.Json;
import dev.evalops.sanitize.PiiCorpus;
import dev.evalops.testing.AwsEmulator;
import dev.evalops.testing.EmulatorTestResource;
import dev.evalops.testing.FunctionLeaks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Issue 7's end-to-end proof for weekly-rollup: gzipped turn exports for the week of events/weekly-rollup/
 * manual-range.json whose string fields (user_id, tenant, provider, intent, fallback_reason, error, the agent's
 * override) carry the PII corpus (every format twice), plus malformed lines full of PII, so the tables, the review
 * sample and the quarantine would carry it. Afterwards no raw value is in any object written, the flags, the metrics
 * (dimensions included), the result or the log.
 */
@QuarkusTest
@TestProfile(FunctionLeaks.OwnApp.class)
@QuarkusTestResource(EmulatorTestResource.class)
class NoPiiLeaksRollupTest {
    static final List<PiiCorpus.Ticket> TICKETS = PiiCorpus.generate(3, 2 * PiiCorpus.FORMATS.size(), 1.0);
    static final String CARD = "4539 1488 0343 6467";
    static final String PHONE = "+44 20 7946 0958";
    static final String EMAIL = "broken.line@example.com";
    static final List<String> MALFORMED = List.of(
            "card " + CARD + " call " + PHONE + " " + EMAIL,
            "{\"turn_id\": \"t-bad-1\", \"ts\": \"2026-11-10T10:00:00Z\", \"user_id\": \"" + EMAIL + "\", \"latency_ms\": \"" + PHONE + "\"}",
            "{\"turn_id\": \"t-bad-2\", \"ts\": \"2026-11-11T10:00:00Z\", \"user_id\": \"u-1\", \"intent\": \"" + CARD + "\", \"provider\": ");
    /** For the identifier fields, which hold a bare value (see {@link PiiCorpus#standaloneValues}). */
    static final List<String> STANDALONE = PiiCorpus.standaloneValues(TICKETS);
    static final List<String> KEYS = List.of("turns/dt=2026-11-10/part-0.jsonl.gz", "turns/dt=2026-11-11/part-0.jsonl.gz");

    @Test
    void turnsFullOfPiiLeaveNoRawValueAnywhere() {
        assertThat(STANDALONE).as("identifier values of many kinds").hasSizeGreaterThan(50);
        long logMark = FunctionLeaks.logMark();
        var s3 = AwsEmulator.get().s3();
        String bucket = EmulatorTestResource.bucket();
        for (int f = 0; f < KEYS.size(); f++) {
            byte[] export = export(f);
            String key = KEYS.get(f);
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(export));
        }

        JsonNode r = result(event("weekly-rollup", "manual-range.json"));
        // Every line reached the rollup: the turns counted, the malformed lines counted and quarantined.
        assertThat(r.path("turns").asLong()).isEqualTo(TICKETS.size());
        assertThat(r.path("bad_lines").asLong()).isEqualTo(MALFORMED.size());
        String location = r.path("location").asText().substring(("s3://" + bucket + "/").length());
        String prefix = location.endsWith("/") ? location : location + "/";
        List<String> quarantine = object(prefix + "quarantine.jsonl").lines().toList();
        assertThat(quarantine).hasSize(MALFORMED.size()).allSatisfy(q -> assertThat(read(q).path("sample").asText()).contains("#"));
        assertThat(object(prefix + "review_sample.jsonl")).contains("[EMAIL#", "[PHONE#");
        assertThat(object(prefix + "tables/top_users_by_cost.csv")).contains("[");

        for (String key : KEYS) {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
        }
        List<String> raw = new ArrayList<>(PiiCorpus.rawValues(TICKETS));
        raw.addAll(List.of(CARD, PHONE, EMAIL));
        var scan = FunctionLeaks.scan(raw, logMark, List.of(r.toString())).assertNoLeaks();
        assertThat(scan.sources()).anyMatch(s -> s.endsWith(prefix + "review_sample.jsonl")).anyMatch(s -> s.endsWith(prefix + "quarantine.jsonl"));
    }

    /**
     * Half of the turns per file, PII in every string field (ticket texts in the free-text ones, {@link #STANDALONE}
     * values in the identifiers); the malformed lines in the first file.
     */
    static byte[] export(int file) {
        StringBuilder lines = new StringBuilder();
        for (int i = file; i < TICKETS.size(); i += KEYS.size()) {
            PiiCorpus.Ticket t = TICKETS.get(i);
            String pii = STANDALONE.get(i % STANDALONE.size());
            ObjectNode turn = Json.mapper().createObjectNode().put("turn_id", "t-" + i).put("ts", "2026-11-" + (10 + file) + "T12:00:00Z")
                    .put("user_id", pii).put("tenant", i % 3 == 0 ? pii : "acme").put("channel", "email")
                    .put("intent", i % 11 == 0 ? t.text() : "order.status").put("tier", 2).put("action", "route").put("confidence", 0.9)
                    .put("provider", i % 17 == 0 ? pii : "anthropic").put("model", "m-2026-10").put("latency_ms", 800 + i)
                    .put("tokens_in", 500).put("tokens_out", 100).put("cost_usd", 0.001 * (1 + i % 7)).put("cache_hit", false)
                    .put("fallback_reason", i % 2 == 0 ? t.text() : null).put("error", i % 5 == 0 ? "timeout: " + t.text() : null)
                    .put("task_success", true);
            if (i % 13 == 0) {
                turn.putObject("agent_override").put("intent", t.text()).put("team", pii);
            } else {
                turn.putNull("agent_override");
            }
            lines.append(turn).append('\n');
        }
        if (file == 0) {
            MALFORMED.forEach(m -> lines.append(m).append('\n'));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(lines.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
