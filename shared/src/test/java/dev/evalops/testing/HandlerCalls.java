package dev.evalops.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.core.Json;
import io.restassured.response.Response;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * What every function's handler test does: post an event to the Lambda mock event server of the
 * {@code @QuarkusTest} app, and read back what the function left in the emulator (its bucket, its {@code Env}'s
 * metrics, see {@link EmulatorTestResource}).
 */
public final class HandlerCalls {
    private HandlerCalls() {
    }

    /** {@code events/<function>/<name>} as text. */
    public static String event(String function, String name) {
        try {
            return Files.readString(RepoRoot.file("events/" + function + "/" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Response invoke(String eventJson) {
        return given().contentType("application/json").accept("application/json").body(eventJson).when().post();
    }

    /** A normal return (a failed gate included): HTTP 200 with the handler's result. */
    public static JsonNode result(String eventJson) {
        return read(invoke(eventJson).then().statusCode(200).extract().asString());
    }

    /** Bad input: an invocation error of type BadInputException whose message contains {@code message}. */
    public static void assertRejected(String eventJson, String message) {
        Response response = invoke(eventJson);
        assertThat(response.statusCode()).as(eventJson).isEqualTo(500);
        JsonNode error = read(response.asString());
        assertThat(error.path("errorType").asText()).isEqualTo("dev.evalops.core.BadInputException");
        assertThat(error.path("errorMessage").asText()).contains(message);
    }

    public static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keys under a prefix of the test's bucket, sorted. */
    public static List<String> keys(String prefix) {
        return AwsEmulator.get().s3().listObjectsV2Paginator(b -> b.bucket(EmulatorTestResource.bucket()).prefix(prefix)).contents()
                .stream().map(o -> o.key()).sorted().toList();
    }

    /** An object of the test's bucket as UTF-8 text. */
    public static String object(String key) {
        try {
            return AwsEmulator.get().s3().getObjectAsBytes(b -> b.bucket(EmulatorTestResource.bucket()).key(key)).asUtf8String();
        } catch (NoSuchKeyException e) {
            throw new AssertionError("no object s3://" + EmulatorTestResource.bucket() + "/" + key, e);
        }
    }

    /** The latest datapoint's maximum of an EvalOps metric in this test's environment. */
    public static double metric(String name) {
        Instant now = Instant.now();
        var stats = AwsEmulator.get().cloudWatch().getMetricStatistics(b -> b.namespace("EvalOps").metricName(name)
                .dimensions(Dimension.builder().name("Env").value(EmulatorTestResource.env()).build())
                .startTime(now.minusSeconds(3600)).endTime(now.plusSeconds(60)).period(60).statistics(Statistic.MAXIMUM, Statistic.SAMPLE_COUNT));
        return stats.datapoints().stream().max(Comparator.comparing(d -> d.timestamp()))
                .orElseThrow(() -> new AssertionError("no datapoint for " + name)).maximum();
    }
}
