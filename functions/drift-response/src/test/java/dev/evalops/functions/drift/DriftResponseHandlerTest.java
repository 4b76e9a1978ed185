package dev.evalops.functions.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.evalops.artifacts.S3ArtifactStore;
import dev.evalops.core.Json;
import dev.evalops.safemode.GoldenRunsFixture;
import dev.evalops.testing.AwsEmulator;
import dev.evalops.testing.EmulatorLambda;
import dev.evalops.testing.EmulatorTestResource;
import dev.evalops.testing.HandlerCalls;
import dev.evalops.testing.RepoRoot;
import dev.evalops.testing.SettableClock;
import dev.evalops.turns.TurnRecord;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The drift-response handler through the Lambda mock event server, against the emulator: real SSM flag, real
 * CloudWatch alarms and metrics, real S3 artifacts and turn exports, a real (never-run) golden Lambda function.
 * Payloads come from {@code events/drift-response/}. The tests share one env and bucket, so each starts from the
 * initial safe-mode value and puts the alarms in ALARM.
 */
@QuarkusTest
@QuarkusTestResource(EmulatorTestResource.class)
class DriftResponseHandlerTest {
    static final String GOLDEN_FUNCTION = "evalops-test-golden-set-eval";
    static final String TIER0 = "evalops-prod-tier0-fn";
    static final String ACCURACY = "evalops-prod-intent-accuracy";
    static final List<String> ALARMS = List.of(TIER0, ACCURACY, "evalops-prod-p95-latency", "evalops-prod-cost-per-turn");

    private final AwsEmulator aws = AwsEmulator.get();

    @Inject
    DriftResponseHandler handler;

    @BeforeAll
    static void createGoldenFunctionAndTurns() {
        AwsEmulator aws = AwsEmulator.get();
        try {
            EmulatorLambda.createFunction(aws, GOLDEN_FUNCTION);
        } catch (ResourceConflictException alreadyThere) {
            // another test class of this JVM created it
        }
        writeTurns(aws, EmulatorTestResource.bucket(), Instant.now());
    }

    @BeforeEach
    void initialStateAndAlarmsInAlarm() {
        String name = parameter();
        aws.ssm().deleteParameter(b -> b.name(name));
        aws.ssm().putParameter(b -> b.name(name).type(ParameterType.STRING).value(AwsEmulator.SAFE_MODE_INITIAL));
        for (String alarm : ALARMS) {
            aws.cloudWatch().putMetricAlarm(b -> b.alarmName(alarm).namespace("EvalOps").metricName("M-" + alarm)
                    .statistic(Statistic.MAXIMUM).period(300).evaluationPeriods(1).threshold(1.0)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD));
            setAlarm(alarm, StateValue.ALARM);
        }
    }

    // ---- alarms -------------------------------------------------------------------------------------------------

    @Test
    void aHarmAlarmViaEventBridgeTurnsSafeModeOnAndGathersTheEvidence() {
        Instant before = Instant.now();
        JsonNode r = post("alarm-eventbridge-tier0-fn.json");
        assertThat(r.get("outcome").asText()).isEqualTo("PASS");
        assertThat(r.get("result").asText()).isEqualTo("safe-mode-on");
        assertThat(r.at("/alarm/via").asText()).isEqualTo("EVENTBRIDGE");
        assertThat(r.at("/alarm/customer_harm_possible").asBoolean()).isTrue();
        JsonNode flag = flag();
        assertThat(flag.get("enabled").asBoolean()).isTrue();
        assertThat(flag.get("alarm").asText()).isEqualTo(TIER0);
        assertThat(flag.get("set_by").asText()).isEqualTo("alarm:" + TIER0);
        assertThat(flag.get("alarms")).hasSize(1);
        assertThat(flag.at("/alarms/0/first_seen").asText()).isEqualTo("2026-11-22T14:03:11Z");
        assertThat(Instant.parse(flag.get("since").asText())).isAfterOrEqualTo(before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));

        // The drift run: alarm, labeling batch, summary, harness start, manifest last.
        String run = r.get("drift_run").asText();
        String prefix = flag.get("evidence_run").asText();
        assertThat(prefix).matches("eval_runs/drift/\\d{4}-\\d{2}-\\d{2}/drift-[0-9]{8}-[0-9]{4}-[0-9a-f]{4}/");
        assertThat(run).isEqualTo("s3://" + EmulatorTestResource.bucket() + "/" + prefix);
        JsonNode manifest = object(prefix + "manifest.json");
        assertThat(manifest.get("artifacts").findValuesAsText("name")).containsExactlyInAnyOrder("alarm.json", "labeling-batch.jsonl",
                "predictions.jsonl", "quarantine.jsonl", "sample-summary.json", "harness.json");
        List<JsonNode> batch = lines(prefix + "labeling-batch.jsonl");
        assertThat(batch).hasSize(20);
        assertThat(batch).allSatisfy(row -> {
            assertThat(row.get("text").asText()).isEmpty();
            assertThat(row.get("intent").isNull()).isTrue();
            assertThat(row.get("tier").isNull()).isTrue();
            assertThat(row.at("/sample/problem_kinds")).isNotEmpty();
        });
        assertThat(batch).filteredOn(row -> row.at("/sample/problem_kinds").toString().contains("tier0")).hasSize(3);
        assertThat(batch.toString()).as("sanitized").doesNotContain("ops-lead@example.com").contains("[EMAIL#");
        JsonNode summary = object(prefix + "sample-summary.json");
        assertThat(summary.at("/population/tier0").asLong()).isEqualTo(3);
        assertThat(summary.at("/population/low_confidence").asLong()).isEqualTo(60);
        assertThat(summary.get("bad_lines").asLong()).isEqualTo(1);
        assertThat(summary.get("outside_window").asLong()).isEqualTo(1);
        assertThat(lines(prefix + "quarantine.jsonl")).singleElement().satisfies(q -> assertThat(q.get("line").asLong()).isEqualTo(4));
        JsonNode harness = object(prefix + "harness.json");
        assertThat(harness.get("started").asBoolean()).isTrue();
        assertThat(harness.get("mode").asText()).isEqualTo("lambda-async");
        assertThat(harness.get("target").asText()).isEqualTo(GOLDEN_FUNCTION);
        assertThat(harness.get("reason").asText()).contains(TIER0).contains("ALARM");
        assertThat(r.at("/harness/request_id").asText()).isNotBlank();

        JsonNode entry = decision(r);
        assertThat(entry.get("action").asText()).isEqualTo("alarm");
        assertThat(entry.get("result").asText()).isEqualTo("safe-mode-on");
        assertThat(entry.get("who").asText()).isEqualTo("cloudwatch:" + TIER0);
        assertThat(entry.at("/alarm/name").asText()).isEqualTo(TIER0);
        assertThat(entry.at("/before/enabled").asBoolean()).isFalse();
        assertThat(entry.at("/after/enabled").asBoolean()).isTrue();
        assertThat(entry.get("evidence").toString()).contains(run).contains("labeling-batch.jsonl").contains("lambda:" + GOLDEN_FUNCTION);
        assertThat(r.get("done").toString()).contains("safe mode turned ON").contains("sampled 20 problem turns").contains("golden-set run requested");
        assertThat(safeModeEnabledSince(before, Statistic.MAXIMUM)).isEqualTo(1.0);
    }

    @Test
    void aHarmAlarmAsAlarmActionJoinsTheEpisodeWithoutRewritingSinceOrGatheringTwice() {
        post("alarm-eventbridge-tier0-fn.json");
        JsonNode on = flag();
        JsonNode r = post("alarm-action-intent-accuracy.json");
        assertThat(r.get("outcome").asText()).isEqualTo("PASS");
        assertThat(r.get("result").asText()).isEqualTo("alarm-added");
        assertThat(r.at("/alarm/via").asText()).isEqualTo("ALARM_ACTION");
        assertThat(r.at("/alarm/arn").asText()).endsWith(":alarm:" + ACCURACY);
        JsonNode flag = flag();
        assertThat(flag.get("since")).isEqualTo(on.get("since"));
        assertThat(flag.get("alarms").findValuesAsText("name")).containsExactly(TIER0, ACCURACY);
        assertThat(r.get("harness").isNull()).as("the episode's evidence is already being gathered").isTrue();
        assertThat(r.get("drift_run").asText()).isEqualTo(on.get("evidence_run").asText());
        assertThat(decision(r).get("result").asText()).isEqualTo("alarm-added");
    }

    @Test
    void aReAlarmIsIdempotent() {
        post("alarm-eventbridge-tier0-fn.json");
        JsonNode first = flag();
        JsonNode r = post("alarm-eventbridge-tier0-fn.json");
        assertThat(r.get("outcome").asText()).isEqualTo("PASS");
        assertThat(r.get("result").asText()).isEqualTo("alarm-refreshed");
        JsonNode again = flag();
        assertThat(again.get("since")).isEqualTo(first.get("since"));
        assertThat(again.get("alarms")).hasSize(1);
        assertThat(again.get("evidence_run")).isEqualTo(first.get("evidence_run"));
        assertThat(r.get("harness").isNull()).isTrue();
    }

    @Test
    void noHarmAlarmsOfBothShapesLeaveSafeModeOffButGatherEvidence() {
        for (String event : List.of("alarm-action-p95-latency.json", "alarm-eventbridge-cost-per-turn.json")) {
            JsonNode r = post(event);
            assertThat(r.get("outcome").asText()).as(event).isEqualTo("PASS");
            assertThat(r.get("result").asText()).isEqualTo("recorded-no-harm");
            assertThat(r.at("/alarm/customer_harm_possible").asBoolean()).isFalse();
            assertThat(r.at("/alarm/rule").asText()).contains("no-harm-alarms");
            assertThat(r.at("/safe_mode/state/enabled").asBoolean()).isFalse();
            assertThat(r.at("/harness/started").asBoolean()).isTrue();
            assertThat(r.get("drift_run").asText()).contains("/eval_runs/drift/");
            assertThat(decision(r).get("result").asText()).isEqualTo("recorded-no-harm");
        }
        assertThat(flag().get("enabled").asBoolean()).isFalse();
        assertThat(aws.ssm().getParameter(b -> b.name(parameter())).parameter().version()).as("never written").isEqualTo(1L);
    }

    @Test
    void okAndInsufficientDataAreRecordedAndNeverExit() {
        post("alarm-eventbridge-tier0-fn.json");
        post("alarm-action-intent-accuracy.json");
        JsonNode ok = post("ok-eventbridge-tier0-fn.json");
        assertThat(ok.get("outcome").asText()).isEqualTo("PASS");
        assertThat(ok.get("action").asText()).isEqualTo("alarm-ok");
        assertThat(ok.get("result").asText()).isEqualTo("recorded");
        assertThat(ok.get("done").toString()).contains("safe mode stays ON");
        JsonNode insufficient = post("insufficient-data-action-intent-accuracy.json");
        assertThat(insufficient.get("action").asText()).isEqualTo("alarm-insufficient-data");
        JsonNode flag = flag();
        assertThat(flag.get("enabled").asBoolean()).isTrue();
        assertThat(flag.at("/alarms/0/state").asText()).isEqualTo("OK");
        assertThat(flag.at("/alarms/0/last_seen").asText()).isEqualTo("2026-11-22T16:20:11Z");
        assertThat(flag.at("/alarms/1/state").asText()).isEqualTo("INSUFFICIENT_DATA");
        assertThat(decision(ok).get("action").asText()).isEqualTo("alarm-ok");
    }

    @Test
    void tenConcurrentAlarmsMakeOneTransitionAndTenRecordedAlarms() throws Exception {
        // The mock event server runs one invocation at a time, so the ten go to the handler bean from ten threads.
        JsonNode template = HandlerCalls.read(read("alarm-eventbridge-tier0-fn.json"));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<JsonNode>> results = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ObjectNode event = template.deepCopy();
            ((ObjectNode) event.get("detail")).put("alarmName", TIER0 + "-" + i);
            results.add(pool.submit(() -> {
                start.await();
                return handler.handleRequest(event, null);
            }));
        }
        start.countDown();
        List<JsonNode> responses = new ArrayList<>();
        for (Future<JsonNode> f : results) {
            responses.add(f.get());
        }
        pool.shutdown();
        assertThat(responses).allSatisfy(r -> assertThat(r.get("outcome").asText()).isEqualTo("PASS"));
        assertThat(responses).filteredOn(r -> r.get("result").asText().equals("safe-mode-on")).hasSize(1);
        assertThat(responses).filteredOn(r -> r.get("result").asText().equals("alarm-added")).hasSize(9);
        assertThat(responses).filteredOn(r -> !r.get("harness").isNull()).as("one sample, one golden run").hasSize(1);
        JsonNode flag = flag();
        assertThat(flag.get("enabled").asBoolean()).isTrue();
        assertThat(flag.get("alarms").findValuesAsText("name")).hasSize(10).doesNotHaveDuplicates();
    }

    // ---- manual -------------------------------------------------------------------------------------------------

    @Test
    void exitIsRefusedWithReasonsUntilTheEvidenceIsThereThenAccepted() {
        post("alarm-eventbridge-tier0-fn.json");
        SettableClock goldenClock = new SettableClock(Instant.now().minus(Duration.ofHours(2)));
        S3ArtifactStore store = new S3ArtifactStore(aws.s3(), EmulatorTestResource.bucket(), goldenClock);
        // A PASS that completed before the episode began proves nothing about it.
        GoldenRunsFixture.completed(store, goldenClock, "golden-old-pass-" + suffix(), "PASS");

        JsonNode refused = post("exit-safe-mode.json");
        assertThat(refused.get("outcome").asText()).isEqualTo("GATES_FAILED");
        assertThat(refused.get("result").asText()).isEqualTo("exit-refused");
        assertThat(refused.at("/exit/missing").toString()).contains("alarm " + TIER0 + " is ALARM now").contains("no golden-set run completed since");
        assertThat(flag().get("enabled").asBoolean()).isTrue();
        JsonNode refusal = decision(refused);
        assertThat(refusal.get("result").asText()).isEqualTo("exit-refused");
        assertThat(refusal.get("who").asText()).isEqualTo("alice");
        assertThat(refusal.get("missing")).hasSize(2);

        setAlarm(TIER0, StateValue.OK);
        post("ok-eventbridge-tier0-fn.json");
        JsonNode noQa = post("exit-safe-mode-without-qa.json");
        assertThat(noQa.get("outcome").asText()).isEqualTo("GATES_FAILED");
        assertThat(noQa.at("/exit/missing").toString()).contains("manual QA not attested").contains("no golden-set run").doesNotContain("is ALARM now");

        goldenClock.set(Instant.now());
        GoldenRunsFixture.completed(store, goldenClock, "golden-stop-" + suffix(), "STOP");
        JsonNode stop = post("exit-safe-mode.json");
        assertThat(stop.at("/exit/missing").toString()).contains("verdict STOP");

        goldenClock.advance(Duration.ofSeconds(5));
        String pass = "golden-pass-" + suffix();
        GoldenRunsFixture.completed(store, goldenClock, pass, "PASS");
        JsonNode dry = post("exit-safe-mode-dry-run.json");
        assertThat(dry.get("outcome").asText()).isEqualTo("PASS");
        assertThat(dry.get("result").asText()).isEqualTo("dry-run");
        assertThat(dry.get("decision_log").isNull()).isTrue();
        assertThat(flag().get("enabled").asBoolean()).isTrue();

        Instant exitAt = Instant.now();
        JsonNode exited = post("exit-safe-mode.json");
        assertThat(exited.get("outcome").asText()).isEqualTo("PASS");
        assertThat(exited.get("result").asText()).isEqualTo("exited");
        assertThat(exited.at("/exit/golden_run/run_id").asText()).isEqualTo(pass);
        JsonNode flag = flag();
        assertThat(flag.get("enabled").asBoolean()).isFalse();
        assertThat(flag.at("/last_exit/by").asText()).isEqualTo("alice");
        assertThat(flag.at("/last_exit/forced").asBoolean()).isFalse();
        assertThat(flag.at("/last_exit/qa_clean").asBoolean()).isTrue();
        assertThat(flag.at("/last_exit/golden_run").asText()).contains(pass);
        JsonNode entry = decision(exited);
        assertThat(entry.get("result").asText()).isEqualTo("exited");
        assertThat(entry.get("forced").asBoolean()).isFalse();
        assertThat(entry.get("evidence").toString()).contains(pass).contains(TIER0 + "=OK");
        assertThat(safeModeEnabledSince(exitAt, Statistic.MINIMUM)).as("0 published on exit").isEqualTo(0.0);
    }

    @Test
    void aForcedExitIsRecordedAsForcedWithWhatWasMissing() {
        post("alarm-eventbridge-tier0-fn.json");
        JsonNode r = post("exit-safe-mode-forced.json");
        assertThat(r.get("outcome").asText()).isEqualTo("PASS");
        assertThat(r.get("result").asText()).isEqualTo("forced-exit");
        JsonNode flag = flag();
        assertThat(flag.get("enabled").asBoolean()).isFalse();
        assertThat(flag.at("/last_exit/forced").asBoolean()).isTrue();
        assertThat(flag.at("/last_exit/by").asText()).isEqualTo("bob");
        assertThat(flag.at("/last_exit/missing").toString()).contains("is ALARM now").contains("manual QA not attested");
        JsonNode entry = decision(r);
        assertThat(entry.get("forced").asBoolean()).isTrue();
        assertThat(entry.get("result").asText()).isEqualTo("forced-exit");
        assertThat(entry.get("missing")).hasSize(3);
        assertThat(entry.get("why").asText()).contains("INC-2210");
    }

    @Test
    void statusAndManualEnter() {
        JsonNode off = post("status.json");
        assertThat(off.get("result").asText()).isEqualTo("off");
        JsonNode enter = post("enter-safe-mode.json");
        assertThat(enter.get("result").asText()).isEqualTo("safe-mode-on");
        assertThat(decision(enter).get("who").asText()).as("sanitized in the log").startsWith("[EMAIL#");
        JsonNode on = post("status.json");
        assertThat(on.get("result").asText()).isEqualTo("on");
        assertThat(on.at("/exit/missing").toString()).contains("no golden-set run").contains("manual QA not attested");
        assertThat(post("enter-safe-mode.json").get("result").asText()).isEqualTo("already-on");
    }

    /** Every malformed-*.json of events/drift-response, with what its error must say. */
    static final Map<String, String> MALFORMED = Map.of(
            "malformed-alarm-without-name.json", "missing field 'detail.alarmName'",
            "malformed-alarm-action-lowercase-state.json", "field 'alarmData.state.value' is 'alarm', expected ALARM, OK or INSUFFICIENT_DATA",
            "malformed-alarm-bad-time.json", "field 'time' is 'yesterday', expected an ISO-8601 instant",
            "malformed-exit-without-reason.json", "exit-safe-mode: field 'reason' is required",
            "malformed-enter-without-by.json", "enter-safe-mode: field 'by' is required",
            "malformed-unknown-action.json", "unknown action 'disable-safe-mode', expected one of",
            "malformed-schedule.json", "expected a CloudWatch alarm");

    @Test
    void malformedPayloadsAreRejectedWithAClearErrorAndNothingChanges() throws IOException {
        long version = aws.ssm().getParameter(b -> b.name(parameter())).parameter().version();
        List<String> decisions = HandlerCalls.keys("decision_log/");
        List<String> runs = HandlerCalls.keys("eval_runs/");
        try (Stream<Path> files = Files.list(RepoRoot.file("events/drift-response"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("malformed-")))
                    .as("every malformed fixture has its expected error here").containsExactlyInAnyOrderElementsOf(MALFORMED.keySet());
        }
        MALFORMED.forEach((file, message) -> HandlerCalls.assertRejected(read(file), message));
        assertThat(aws.ssm().getParameter(b -> b.name(parameter())).parameter().version()).isEqualTo(version);
        assertThat(HandlerCalls.keys("decision_log/")).isEqualTo(decisions);
        assertThat(HandlerCalls.keys("eval_runs/")).isEqualTo(runs);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static JsonNode post(String eventFile) {
        return HandlerCalls.result(read(eventFile));
    }

    private static String read(String eventFile) {
        return HandlerCalls.event("drift-response", eventFile);
    }

    private static String parameter() {
        return "/evalops/" + EmulatorTestResource.env() + "/safe-mode";
    }

    private JsonNode flag() {
        try {
            return Json.mapper().readTree(aws.ssm().getParameter(b -> b.name(parameter())).parameter().value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void setAlarm(String alarm, StateValue state) {
        aws.cloudWatch().setAlarmState(b -> b.alarmName(alarm).stateValue(state).stateReason("test"));
    }

    private JsonNode decision(JsonNode response) {
        String location = response.get("decision_log").asText();
        return object(location.substring(("s3://" + EmulatorTestResource.bucket() + "/").length()));
    }

    private static JsonNode object(String key) {
        return HandlerCalls.read(HandlerCalls.object(key));
    }

    private static List<JsonNode> lines(String key) {
        return HandlerCalls.object(key).lines().map(HandlerCalls::read).toList();
    }

    /** {@code SafeModeEnabled} published since {@code from}, aggregated with {@code stat} (moto keeps every datapoint). */
    private double safeModeEnabledSince(Instant from, Statistic stat) {
        List<Datapoint> points = aws.cloudWatch().getMetricStatistics(b -> b.namespace("EvalOps").metricName("SafeModeEnabled")
                .dimensions(d -> d.name("Env").value(EmulatorTestResource.env()))
                .startTime(from.minusSeconds(1)).endTime(Instant.now().plusSeconds(60)).period(3600).statistics(stat)).datapoints();
        assertThat(points).as("SafeModeEnabled published").isNotEmpty();
        return stat == Statistic.MAXIMUM ? points.stream().mapToDouble(Datapoint::maximum).max().orElseThrow()
                : points.stream().mapToDouble(Datapoint::minimum).min().orElseThrow();
    }

    private static String suffix() {
        return Long.toHexString(System.nanoTime());
    }

    /**
     * One gzipped export file in the partition of "an hour ago": 3 Tier 0, 2 errors, 10 fallbacks, 10 overrides,
     * 60 low-confidence and 100 healthy turns, one bad line (line 4) and one turn from two days ago.
     */
    static void writeTurns(AwsEmulator aws, String bucket, Instant now) {
        Instant ts = now.minus(Duration.ofHours(1));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // Every Tier 0 turn is sampled: the first carries an e-mail address the artifacts must not.
            String line = turn("t0-" + i, ts, "fraud.chargeback", 0, "escalate", 0.93, null, null, null);
            lines.add(i == 0 ? line.replace("\"acme\"", "\"ops-lead@example.com\"") : line);
        }
        lines.add("{\"turn_id\": \"broken\", \"ts\": ");
        for (int i = 0; i < 2; i++) {
            lines.add(turn("err-" + i, ts, "other", 1, "route", null, null, "provider_5xx", null));
        }
        for (int i = 0; i < 10; i++) {
            lines.add(turn("fb-" + i, ts, "other", 1, "route", 0.7, "primary_timeout", null, null));
            lines.add(turn("ov-" + i, ts, "order.cancel", 1, "route", 0.9, null, null, new TurnRecord.AgentOverride("order.return", "orders")));
        }
        for (int i = 0; i < 60; i++) {
            lines.add(turn("lc-" + i, ts, "product.question", 1, "route", 0.3, null, null, null));
        }
        for (int i = 0; i < 100; i++) {
            lines.add(turn("ok-" + i, ts, "order.status", 2, "auto_reply", 0.95, null, null, null));
        }
        lines.add(turn("old-err", now.minus(Duration.ofDays(2)), "other", 1, "route", null, null, "timeout", null));
        String key = "turns/dt=" + ts.atZone(ZoneOffset.UTC).toLocalDate() + "/part-00000.jsonl.gz";
        aws.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(gzip(String.join("\n", lines) + "\n")));
    }

    private static String turn(String id, Instant ts, String intent, Integer tier, String action, Double confidence, String fallback,
            String error, TurnRecord.AgentOverride override) {
        try {
            return Json.mapper().writeValueAsString(new TurnRecord(id, ts, "u-1", "acme", "livechat", intent, tier, action, confidence,
                    "anthropic", "m-2026-10", 900L, 500L, 80L, 0.003, false, fallback, error, override, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
