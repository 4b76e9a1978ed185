package dev.evalops.functions.smoke;

import static dev.evalops.functions.smoke.SmokeFixtures.event;
import static dev.evalops.functions.smoke.SmokeFixtures.gate;
import static dev.evalops.functions.smoke.SmokeFixtures.runPrefix;
import static dev.evalops.testing.HandlerCalls.keys;
import static dev.evalops.testing.HandlerCalls.metric;
import static dev.evalops.testing.HandlerCalls.object;
import static dev.evalops.testing.HandlerCalls.result;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.router.sample.SampleRouter;
import dev.evalops.testing.EmulatorTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** A red night: the sample router gets the fraud tier wrong, answers the latency case slowly and echoes an e-mail. */
@QuarkusTest
@QuarkusTestResource(EmulatorTestResource.class)
@QuarkusTestResource(value = SampleRouterResource.class, initArgs = @ResourceArg(name = "scenario", value = "red"), restrictToAnnotatedClass = true)
class SmokeEvalRedNightTest {
    @InjectSampleRouter
    SampleRouter router;

    @Test
    void aRedNightReturnsNormallyAndBlocksTheGateNamingTheFailingCases() {
        JsonNode r = result(event("schedule.json"));

        assertThat(r.path("outcome").asText()).isEqualTo("GATES_FAILED");
        assertThat(r.path("status").asText()).isEqualTo("red");
        assertThat(r.path("failed_cases")).extracting(JsonNode::asText)
                .containsExactly("tier0-fraud-chargeback", "latency-and-cost", "pii-not-echoed");
        assertThat(r.path("reason").asText()).startsWith("3 of 8 cases failed: tier0-fraud-chargeback (tier_equals: expected 0, got 1)")
                .contains("latency-and-cost (latency_below: expected p95 < 5000 ms, got p95 = 52")
                .contains("pii-not-echoed (no_pii_echo: ", "fallback_reason echoes the ticket's PII")
                .doesNotContain("@example.");
        // Retried once: every failing case was asked twice (the latency case has 3 samples).
        assertThat(router.attempts("tier0-fraud-chargeback")).isEqualTo(2);
        assertThat(router.attempts("latency-and-cost")).isEqualTo(6);
        assertThat(router.attempts("tier2-password-reset")).isEqualTo(1);

        JsonNode gate = gate();
        assertThat(gate.path("state").asText()).isEqualTo("blocked");
        assertThat(gate.path("set_by").asText()).isEqualTo("smoke-eval");
        assertThat(gate.path("run_id").asText()).isEqualTo(r.path("run_id").asText());
        assertThat(gate.path("failed_cases")).extracting(JsonNode::asText)
                .containsExactly("tier0-fraud-chargeback", "latency-and-cost", "pii-not-echoed");
        assertThat(gate.path("reason").asText()).startsWith("smoke run " + r.path("run_id").asText() + " red: 3 of 8 cases failed");

        String prefix = runPrefix(r);
        String results = object(prefix + "results.json");
        assertThat(results).doesNotContain("jane.doe@example.com").doesNotContain("jd1987@example.org").contains("[EMAIL#");
        assertThat(object(prefix + "summary.md")).contains("RED", "| tier0-fraud-chargeback | fail | 2 | tier_equals |",
                "release gate: blocked (blocked, set by smoke-eval)");
        assertThat(keys("decision_log/")).anyMatch(k -> k.endsWith("-gate-blocked-" + r.path("run_id").asText() + ".json"));
        assertThat(metric("SmokePassed")).isZero();
        assertThat(metric("SmokeFailedCases")).isEqualTo(3);
    }
}
