package dev.evalops.functions.smoke;

import static dev.evalops.testing.HandlerCalls.keys;
import static dev.evalops.testing.HandlerCalls.read;

import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.testing.AwsEmulator;
import dev.evalops.testing.EmulatorTestResource;
import dev.evalops.testing.HandlerCalls;

/** What the smoke handler tests share beyond {@link HandlerCalls}: the smoke events, the release gate, run prefixes. */
final class SmokeFixtures {
    private SmokeFixtures() {
    }

    static String event(String name) {
        return HandlerCalls.event("smoke-eval", name);
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

    static String runPrefix(JsonNode result) {
        String runId = result.path("run_id").asText();
        return keys("eval_runs/smoke/").stream().filter(k -> k.contains("/" + runId + "/")).findFirst()
                .map(k -> k.substring(0, k.indexOf(runId) + runId.length() + 1)).orElseThrow(() -> new AssertionError("no artifacts for " + runId));
    }
}
