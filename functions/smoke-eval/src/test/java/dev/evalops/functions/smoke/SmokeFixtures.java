package dev.evalops.functions.smoke;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.core.Json;
import dev.evalops.testing.AwsEmulator;
import dev.evalops.testing.EmulatorTestResource;
import dev.evalops.testing.RepoRoot;
import io.restassured.response.Response;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/** What the handler tests share: posting events to the Lambda mock event server, and reading back S3/SSM/CloudWatch. */
final class SmokeFixtures {
    private SmokeFixtures() {
    }

    static String event(String name) {
        try {
            return Files.readString(RepoRoot.file("events/smoke-eval/" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Response invoke(String eventJson) {
        return given().contentType("application/json").accept("application/json").body(eventJson).when().post();
    }

    /** A normal return (red included): HTTP 200 with the result. */
    static JsonNode result(String eventJson) {
        return read(invoke(eventJson).then().statusCode(200).extract().asString());
    }

    static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String parameter(String flag) {
        return "/evalops/" + EmulatorTestResource.env() + "/" + flag;
    }

    static JsonNode gate() {
        return read(AwsEmulator.get().ssm().getParameter(b -> b.name(parameter("release-gate"))).parameter().value());
    }

    static long gateVersion() {
        return AwsEmulator.get().ssm().getParameter(b -> b.name(parameter("release-gate"))).parameter().version();
    }

    static List<String> keys(String prefix) {
        return AwsEmulator.get().s3().listObjectsV2Paginator(b -> b.bucket(EmulatorTestResource.bucket()).prefix(prefix)).contents()
                .stream().map(o -> o.key()).sorted().toList();
    }

    static String object(String key) {
        return AwsEmulator.get().s3().getObjectAsBytes(b -> b.bucket(EmulatorTestResource.bucket()).key(key)).asUtf8String();
    }

    static String runPrefix(JsonNode result) {
        String runId = result.path("run_id").asText();
        return keys("eval_runs/smoke/").stream().filter(k -> k.contains("/" + runId + "/")).findFirst()
                .map(k -> k.substring(0, k.indexOf(runId) + runId.length() + 1)).orElseThrow(() -> new AssertionError("no artifacts for " + runId));
    }

    /** The latest datapoint's maximum of an EvalOps metric in this test's environment. */
    static double metric(String name) {
        var now = java.time.Instant.now();
        var stats = AwsEmulator.get().cloudWatch().getMetricStatistics(b -> b.namespace("EvalOps").metricName(name)
                .dimensions(Dimension.builder().name("Env").value(EmulatorTestResource.env()).build())
                .startTime(now.minusSeconds(3600)).endTime(now.plusSeconds(60)).period(60).statistics(Statistic.MAXIMUM, Statistic.SAMPLE_COUNT));
        return stats.datapoints().stream().max(java.util.Comparator.comparing(d -> d.timestamp()))
                .orElseThrow(() -> new AssertionError("no datapoint for " + name)).maximum();
    }
}
