package dev.evalops.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.core.Json;
import dev.evalops.testing.AwsEmulator;
import dev.evalops.testing.EmulatorLambda;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** The real SDK against moto's Lambda API: an Event invoke of an existing function, and of a missing one. */
class LambdaGoldenHarnessTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T14:03:12Z"), ZoneOffset.UTC);
    private static LambdaClient lambda;
    private static String function;

    @BeforeAll
    static void createGoldenFunction() {
        AwsEmulator aws = AwsEmulator.get();
        function = "golden-set-eval-" + Long.toHexString(System.nanoTime());
        EmulatorLambda.createFunction(aws, function);
        lambda = EmulatorLambda.client(aws);
    }

    @AfterAll
    static void close() {
        lambda.close();
    }

    @Test
    void startsTheGoldenRunAsynchronouslyWithTheAlarmAsReason() {
        HarnessStart start = new LambdaGoldenHarness(lambda, function, CLOCK).start("v1", "drift alarm evalops-prod-tier0-fn ALARM");
        assertThat(start.started()).isTrue();
        assertThat(start.mode()).isEqualTo("lambda-async");
        assertThat(start.target()).isEqualTo(function);
        assertThat(start.requestId()).isNotBlank();
        assertThat(start.requestedAt()).isEqualTo(CLOCK.instant());
        assertThat(start.error()).isNull();
    }

    @Test
    void aMissingFunctionIsAClearError() {
        LambdaGoldenHarness harness = new LambdaGoldenHarness(lambda, "no-such-golden-function", CLOCK);
        assertThatThrownBy(() -> harness.start("v1", "r"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no-such-golden-function")
                .hasMessageContaining("Invoke (Event)");
    }

    @Test
    void thePayloadIsTheGoldenFunctionsManualRunTrigger() throws Exception {
        JsonNode payload = Json.mapper().readTree(LambdaGoldenHarness.payload("v3", "drift alarm x \"quoted\""));
        assertThat(payload.get("action").asText()).isEqualTo("run");
        assertThat(payload.get("goldenVersion").asText()).isEqualTo("v3");
        assertThat(payload.get("reason").asText()).isEqualTo("drift alarm x \"quoted\"");
        assertThat(payload.size()).isEqualTo(3);
    }
}
