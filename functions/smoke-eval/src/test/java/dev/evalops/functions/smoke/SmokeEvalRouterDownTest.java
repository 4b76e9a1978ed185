package dev.evalops.functions.smoke;

import static dev.evalops.functions.smoke.SmokeFixtures.event;
import static dev.evalops.functions.smoke.SmokeFixtures.gate;
import static dev.evalops.testing.HandlerCalls.result;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.testing.EmulatorTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Nothing listens at the router URL: red with that reason, not a crash. */
@QuarkusTest
@QuarkusTestResource(EmulatorTestResource.class)
@QuarkusTestResource(value = SampleRouterResource.class, initArgs = @ResourceArg(name = "scenario", value = "down"), restrictToAnnotatedClass = true)
class SmokeEvalRouterDownTest {

    @Test
    void theRouterDownIsARedNightWithTheReason() {
        JsonNode r = result(event("manual-run.json"));
        assertThat(r.path("outcome").asText()).isEqualTo("GATES_FAILED");
        assertThat(r.path("failed").asInt()).isEqualTo(8);
        assertThat(r.path("reason").asText()).startsWith("router unreachable (8 of 8 cases got no answer): ");
        assertThat(r.path("latency_p95_ms").isNull()).isTrue();
        assertThat(gate().path("state").asText()).isEqualTo("blocked");
        assertThat(gate().path("reason").asText()).contains("router unreachable");
    }
}
