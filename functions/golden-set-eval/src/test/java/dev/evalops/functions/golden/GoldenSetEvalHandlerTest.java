package dev.evalops.functions.golden;

import static dev.evalops.testing.HandlerCalls.assertRejected;
import static dev.evalops.testing.HandlerCalls.keys;
import static dev.evalops.testing.HandlerCalls.metric;
import static dev.evalops.testing.HandlerCalls.object;
import static dev.evalops.testing.HandlerCalls.read;
import static dev.evalops.testing.HandlerCalls.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.testing.AwsEmulator;
import dev.evalops.testing.EmulatorTestResource;
import dev.evalops.testing.HandlerCalls;
import dev.evalops.testing.RepoRoot;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The real handler through the Lambda mock event server, fed with events/golden-set-eval/, against moto (S3,
 * CloudWatch) and the sample router as the live router. The sample golden set is uploaded to the bucket as
 * {@code golden/v1/}, where the function reads it by default.
 */
@QuarkusTest
@QuarkusTestResource(EmulatorTestResource.class)
@QuarkusTestResource(value = SampleRouterResource.class, restrictToAnnotatedClass = true)
class GoldenSetEvalHandlerTest {
    static final List<String> ARTIFACTS = List.of("confusion_matrix.csv", "manifest.json", "metrics.json", "misroutes.jsonl", "per_intent.csv",
            "predictions.jsonl", "quarantine.jsonl", "summary.md", "threshold_recommendation.json", "tier0_report.csv", "tier2_violations.csv");

    @BeforeEach
    void uploadTheSampleGoldenSet() {
        for (String f : List.of("golden.jsonl", "policy.json", "recorded-predictions.jsonl")) {
            AwsEmulator.get().s3().putObject(b -> b.bucket(bucket()).key("golden/v1/" + f), RequestBody.fromFile(RepoRoot.file("samples/golden/v1/" + f)));
        }
    }

    @Test
    void theScheduleRunsTheLiveRouterAndWritesTheFullArtifactSetToS3() throws Exception {
        JsonNode r = result(event("schedule.json"));
        assertThat(r.path("outcome").asText()).isEqualTo("GATES_FAILED");
        assertThat(r.path("verdict").asText()).isEqualTo("STOP");
        assertThat(r.path("mode").asText()).isEqualTo("live");
        assertThat(r.path("reason").asText()).isEqualTo("schedule:evalops-prod-golden-weekly");
        assertThat(r.path("n").asInt()).isEqualTo(446);
        // the one escalation SampleRouterResource makes the router miss, nothing else
        assertThat(r.path("tier0_false_negatives").asInt()).isEqualTo(1);
        assertThat(r.path("verdict_reasons").get(0).asText()).isEqualTo("1 Tier 0 false negative(s): " + SampleRouterResource.MISSED_TIER0);
        assertThat(r.path("accuracy").asDouble()).isEqualTo(429.0 / 446);

        String prefix = prefix(r);
        assertThat(r.path("location").asText()).isEqualTo("s3://" + bucket() + "/" + prefix);
        assertThat(keys(prefix)).containsExactlyElementsOf(ARTIFACTS.stream().map(a -> prefix + a).toList());
        // the manifest lists every other artifact with the sha256 of the stored bytes
        JsonNode manifest = read(object(prefix + "manifest.json"));
        assertThat(manifest.path("artifacts").size()).isEqualTo(ARTIFACTS.size() - 1);
        for (JsonNode entry : manifest.path("artifacts")) {
            byte[] bytes = AwsEmulator.get().s3().getObjectAsBytes(b -> b.bucket(bucket()).key(prefix + entry.path("name").asText())).asByteArray();
            assertThat(entry.path("size").asLong()).isEqualTo(bytes.length);
            assertThat(entry.path("sha256").asText()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }
        JsonNode metrics = read(object(prefix + "metrics.json"));
        assertThat(metrics.path("verdict").asText()).isEqualTo("STOP");
        assertThat(metrics.path("run_id").asText()).isEqualTo(r.path("run_id").asText());
        assertThat(metrics.path("golden_version").asText()).isEqualTo("v1");
        assertThat(metrics.path("golden_location").asText()).isEqualTo("s3://" + bucket() + "/golden/v1/golden.jsonl");
        // raw customer contact details never reach S3
        assertThat(object(prefix + "misroutes.jsonl")).contains("[EMAIL#").doesNotContain("@example.com");
        assertThat(read(object("eval_runs/golden/latest.json")).path("run_id").asText()).isEqualTo(r.path("run_id").asText());
        assertThat(metric("Tier0FalseNegatives")).isEqualTo(1);
        assertThat(metric("Tier2GateViolations")).isZero();
        assertThat(metric("Accuracy")).isCloseTo(429.0 / 446, within(1e-12));
    }

    @Test
    void aManualReplayReadsTheRecordingFromS3() {
        JsonNode r = result(event("manual-replay.json"));
        assertThat(r.path("mode").asText()).isEqualTo("replay");
        assertThat(r.path("outcome").asText()).isEqualTo("PASS");
        assertThat(r.path("verdict").asText()).isEqualTo("PASS");
        assertThat(r.path("accuracy").asDouble()).isEqualTo(429.0 / 446);
        assertThat(r.path("tier0_false_negatives").asInt()).isZero();
        assertThat(r.path("recommended_threshold").asDouble()).isEqualTo(0.90);
        assertThat(r.path("reason").asText()).isEqualTo("replay: re-score the recorded predictions of router p-41");
        JsonNode metrics = read(object(prefix(r) + "metrics.json"));
        assertThat(metrics.path("predictions_location").asText()).isEqualTo("s3://" + bucket() + "/golden/v1/recorded-predictions.jsonl");
        assertThat(metrics.path("replay_problems").asInt()).isZero();
    }

    @Test
    void theBaselineMovesOnlyOnAnExplicitPromotionAndLaterRunsCompareWithIt() {
        JsonNode first = result(event("manual-run.json"));
        assertThat(first.path("reason").asText()).isEqualTo("manual: pre-release check for prompt p-42");
        String runId = first.path("run_id").asText();
        String promote = event("promote-baseline.json").replace("golden-20261122-0200-7f3a", runId);

        // a STOP run is not promoted without force
        JsonNode refused = result(promote);
        assertThat(refused.path("outcome").asText()).isEqualTo("GATES_FAILED");
        assertThat(refused.path("verdict_reasons").get(0).asText()).contains("verdict STOP");
        JsonNode forced = result(promote.replace("\"by\"", "\"force\": true, \"by\""));
        assertThat(forced.path("outcome").asText()).isEqualTo("PASS");
        JsonNode pointer = read(object("eval_runs/golden/baseline.json"));
        assertThat(pointer.path("run_id").asText()).isEqualTo(runId);
        assertThat(pointer.path("updated_by").asText()).isEqualTo("promote-baseline by jane.oncall (forced, verdict STOP)");

        // the replay of the same router pairs every example and finds no change
        JsonNode second = result(event("manual-replay.json"));
        assertThat(second.path("baseline_run_id").asText()).isEqualTo(runId);
        assertThat(second.path("drop_significant").asBoolean()).isFalse();
        JsonNode b = read(object(prefix(second) + "metrics.json")).path("baseline");
        assertThat(b.at("/paired/pairs").asInt()).isEqualTo(446);
        assertThat(b.at("/paired/mcnemar/baseline_only_correct").asInt()).isZero();
        assertThat(b.at("/paired/mcnemar/p_exact").asDouble()).isEqualTo(1.0);
        // a run never moves the baseline by itself
        assertThat(read(object("eval_runs/golden/baseline.json")).path("run_id").asText()).isEqualTo(runId);
    }

    @Test
    void aDryRunWritesNothing() {
        int before = keys("eval_runs/golden/").size();
        JsonNode r = result(event("manual-dry-run.json"));
        assertThat(r.path("dry_run").asBoolean()).isTrue();
        assertThat(r.path("location").isNull()).isTrue();
        assertThat(r.path("n").asInt()).isEqualTo(446);
        assertThat(keys("eval_runs/golden/")).hasSize(before);
    }

    @Test
    void malformedEventsAndAlarmsAreInvocationErrorsNamingTheProblem() throws IOException {
        Map<String, String> expected = Map.of(
                "malformed-unknown-field.json", "unknown field(s) [goldenVersoin]",
                "malformed-dry-run-not-boolean.json", "field 'dryRun' is \"yes\", expected true or false",
                "malformed-unknown-action.json", "unknown action 'rerun'",
                "malformed-version-path.json", "goldenVersion '../v1' must match",
                "malformed-missing-version.json", "input not found: s3://" + bucket() + "/golden/v9/policy.json",
                "malformed-promote-without-run-id.json", "field 'runId' is required");
        try (Stream<Path> files = Files.list(RepoRoot.file("events/golden-set-eval"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("malformed-")))
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
        }
        int before = keys("eval_runs/golden/").size();
        expected.forEach((file, message) -> assertRejected(event(file), message));
        assertRejected(Files.readString(RepoRoot.file("events/triggers/alarm-eventbridge.json")), "not an alarm target");
        assertThat(keys("eval_runs/golden/")).as("nothing written").hasSize(before);
    }

    static String bucket() {
        return EmulatorTestResource.bucket();
    }

    static String event(String name) {
        return HandlerCalls.event("golden-set-eval", name);
    }

    /** eval_runs/golden/<date>/<run_id>/ of a result. */
    static String prefix(JsonNode result) {
        String location = result.path("location").asText();
        return location.substring(("s3://" + bucket() + "/").length()) + (location.endsWith("/") ? "" : "/");
    }
}
