package dev.evalops.functions.smoke;

import static dev.evalops.functions.smoke.SmokeFixtures.event;
import static dev.evalops.functions.smoke.SmokeFixtures.gate;
import static dev.evalops.functions.smoke.SmokeFixtures.gateVersion;
import static dev.evalops.functions.smoke.SmokeFixtures.parameter;
import static dev.evalops.functions.smoke.SmokeFixtures.runPrefix;
import static dev.evalops.testing.HandlerCalls.assertRejected;
import static dev.evalops.testing.HandlerCalls.keys;
import static dev.evalops.testing.HandlerCalls.metric;
import static dev.evalops.testing.HandlerCalls.object;
import static dev.evalops.testing.HandlerCalls.read;
import static dev.evalops.testing.HandlerCalls.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.router.sample.SampleRouter;
import dev.evalops.testing.AwsEmulator;
import dev.evalops.testing.EmulatorTestResource;
import dev.evalops.testing.RepoRoot;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** The real handler, the events in events/smoke-eval/, moto, and a well-behaved sample router. */
@QuarkusTest
@QuarkusTestResource(EmulatorTestResource.class)
@QuarkusTestResource(value = SampleRouterResource.class, initArgs = @ResourceArg(name = "scenario", value = "green"), restrictToAnnotatedClass = true)
class SmokeEvalHandlerTest {
    @InjectSampleRouter
    SampleRouter router;

    @Test
    void aGreenNightIsEightOfEightAndOpensNothingItDidNotClose() {
        long gateBefore = gateVersion();
        int requestsBefore = router.requests();

        JsonNode r = result(event("schedule.json"));

        assertThat(r.path("outcome").asText()).isEqualTo("PASS");
        assertThat(r.path("status").asText()).isEqualTo("green");
        assertThat(r.path("passed").asInt()).isEqualTo(8);
        assertThat(r.path("suite_source").asText()).isEqualTo("classpath:smoke/suite.json");
        assertThat(r.path("gate").path("action").asText()).isEqualTo("UNCHANGED");
        assertThat(gateVersion()).as("the open gate was not rewritten").isEqualTo(gateBefore);
        assertThat(gate().path("state").asText()).isEqualTo("open");
        assertThat(router.requests() - requestsBefore).isEqualTo(10);

        String prefix = runPrefix(r);
        assertThat(keys(prefix)).containsExactly(prefix + "manifest.json", prefix + "results.json", prefix + "summary.md");
        JsonNode results = read(object(prefix + "results.json"));
        JsonNode tier = results.path("cases").get(1).path("attempts").get(0).path("checks").get(3);
        assertThat(tier.path("kind").asText()).isEqualTo("tier_equals");
        assertThat(tier.path("expected").asText()).isEqualTo("0");
        assertThat(tier.path("actual").asText()).isEqualTo("0");
        assertThat(object(prefix + "summary.md")).contains("GREEN", "| tier0-fraud-chargeback | pass | 1 |");
        assertThat(metric("SmokePassed")).isEqualTo(1);
        assertThat(metric("SmokeFailedCases")).isZero();
        assertThat(metric("SmokeLatencyP95")).isPositive();
    }

    @Test
    void aPersonsBlockSurvivesAGreenRunUntilAPersonOpensIt() {
        JsonNode blocked = result(event("gate-block.json"));
        assertThat(blocked.path("change").asText()).isEqualTo("BLOCKED");
        assertThat(result(event("gate-status.json")).path("outcome").asText()).isEqualTo("GATES_FAILED");

        JsonNode run = result(event("manual-run.json"));
        assertThat(run.path("status").asText()).isEqualTo("green");
        assertThat(run.path("gate").path("action").asText()).isEqualTo("UNCHANGED");
        assertThat(gate().path("state").asText()).isEqualTo("blocked");
        assertThat(gate().path("set_by").asText()).isEqualTo("alice");

        assertThat(result(event("gate-open.json")).path("gate").path("state").asText()).isEqualTo("open");
        assertThat(result(event("gate-status.json")).path("outcome").asText()).isEqualTo("PASS");
        assertThat(keys("decision_log/")).anyMatch(k -> k.contains("-gate-blocked-")).anyMatch(k -> k.contains("-gate-opened-"));
    }

    @Test
    void aMalformedSuiteIsRejectedBeforeAnyRouterCall() throws IOException {
        String bucket = EmulatorTestResource.bucket();
        int requestsBefore = router.requests();
        int runsBefore = keys("eval_runs/smoke/").size();
        var s3 = AwsEmulator.get().s3();
        Path malformed = RepoRoot.file("samples/smoke/malformed-unknown-kind.json");

        // Named by the trigger...
        s3.putObject(b -> b.bucket(bucket).key("smoke/suite-canary.json"), RequestBody.fromFile(malformed));
        String named = event("manual-run-s3-suite.json").replace("evalops-mw-analytics-dev", bucket);
        assertRejected(named, "smoke suite s3://" + bucket + "/smoke/suite-canary.json: case 'tier0-fraud-chargeback' (cases[1]), "
                + "field assertions[1].kind: unknown assertion kind 'tier_is'");

        // ...or the nightly override.
        s3.putObject(b -> b.bucket(bucket).key("smoke/suite.json"), RequestBody.fromFile(malformed));
        try {
            assertRejected(event("schedule.json"), "smoke suite s3://" + bucket + "/smoke/suite.json: case 'tier0-fraud-chargeback'");
        } finally {
            s3.deleteObject(b -> b.bucket(bucket).key("smoke/suite.json"));
        }
        assertThat(router.requests()).as("no router call").isEqualTo(requestsBefore);
        assertThat(keys("eval_runs/smoke/")).as("nothing written").hasSize(runsBefore);
    }

    @Test
    void safeModeOnIsReadFromTheFlagAndRespected() {
        var ssm = AwsEmulator.get().ssm();
        String name = parameter("safe-mode");
        String before = ssm.getParameter(b -> b.name(name)).parameter().value();
        ssm.putParameter(b -> b.name(name).type(ParameterType.STRING).overwrite(true)
                .value("{\"enabled\":true,\"reason\":\"drift alarm\",\"set_by\":\"drift-response\",\"alarms\":[],\"since\":null}"));
        try {
            JsonNode r = result(event("manual-run.json"));
            assertThat(r.path("status").asText()).isEqualTo("green");
            JsonNode check = read(object(runPrefix(r) + "results.json")).path("cases").get(7).path("attempts").get(0).path("checks").get(1);
            assertThat(check.path("kind").asText()).isEqualTo("safe_mode_respected");
            assertThat(check.path("expected").asText()).startsWith("safe_mode=true and action != auto_reply (flag on: " + name);
            assertThat(check.path("actual").asText()).isEqualTo("safe_mode=true, action=route");
        } finally {
            ssm.putParameter(b -> b.name(name).type(ParameterType.STRING).overwrite(true).value(before));
        }
    }

    @Test
    void aDryRunReportsWithoutTouchingTheGate() {
        long gateBefore = gateVersion();
        JsonNode r = result(event("manual-dry-run.json"));
        assertThat(r.path("dry_run").asBoolean()).isTrue();
        assertThat(r.path("gate").isNull()).isTrue();
        assertThat(keys(runPrefix(r))).hasSize(3);
        assertThat(gateVersion()).isEqualTo(gateBefore);
    }

    @Test
    void malformedEventsAreInvocationErrorsNamingTheField() throws IOException {
        Map<String, String> expected = Map.of(
                "malformed-unknown-action.json", "unknown action 'rerun' for smoke-eval",
                "malformed-suite-not-string.json", "field 'suite' is 42, expected a location",
                "malformed-dry-run-not-boolean.json", "field 'dryRun' is \"yes\", expected true or false",
                "malformed-run-unknown-field.json", "unknown field 'suit' (allowed: dryRun, suite)",
                "malformed-gate-block-without-reason.json", "field 'reason' is required",
                "malformed-gate-open-as-smoke-eval.json", "'by' must name a person",
                "malformed-alarm-not-a-smoke-trigger.json", "not by alarms");
        try (Stream<Path> files = Files.list(RepoRoot.file("events/smoke-eval"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("malformed-")))
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
        }
        long gateBefore = gateVersion();
        expected.forEach((file, message) -> assertRejected(event(file), message));
        assertThat(gateVersion()).isEqualTo(gateBefore);
    }
}
