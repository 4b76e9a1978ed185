package dev.evalops.smoke;

import static dev.evalops.smoke.ScriptedRouter.answered;
import static dev.evalops.smoke.ScriptedRouter.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.artifacts.Inputs;
import dev.evalops.artifacts.LocalArtifactStore;
import dev.evalops.artifacts.RunRef;
import dev.evalops.core.BadInputException;
import dev.evalops.core.Json;
import dev.evalops.core.Outcome;
import dev.evalops.flags.LocalFlagStore;
import dev.evalops.metrics.MetricDatum;
import dev.evalops.metrics.MetricsSink;
import dev.evalops.release.GateChange;
import dev.evalops.release.ReleaseGate;
import dev.evalops.release.ReleaseGates;
import dev.evalops.router.RouterOutcome;
import dev.evalops.router.RouterRequest;
import dev.evalops.testing.RepoRoot;
import dev.evalops.trigger.Trigger;
import dev.evalops.trigger.TriggerParser;

class SmokeEvalTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path root;
    LocalFlagStore flags;
    LocalArtifactStore store;
    ReleaseGates gates;
    final List<MetricDatum> published = new ArrayList<>();
    final MetricsSink metrics = published::addAll;

    @BeforeEach
    void setUp() throws Exception {
        flags = new LocalFlagStore(root, "/evalops/test", CLOCK);
        store = new LocalArtifactStore(root, CLOCK);
        gates = new ReleaseGates(flags, store, CLOCK);
        flags.compareAndSet("safe-mode", Json.mapper().readTree("{\"enabled\":false,\"reason\":\"initial\",\"set_by\":\"init\"}"), 0);
    }

    private SmokeEval eval(ScriptedRouter router, int retries) {
        SmokeConfig config = new SmokeConfig() {
            public String suiteKey() {
                return "smoke/suite.json";
            }

            public int retries() {
                return retries;
            }
        };
        Inputs inputs = new Inputs(() -> {
            throw new AssertionError("no S3 in a local run");
        }, root.toString());
        return new SmokeEval(new SuiteLoader(inputs, config), () -> router, flags, gates, store, metrics, config, CLOCK);
    }

    private static ScriptedRouter routerWith(Map<String, Function<RouterRequest, RouterOutcome>> faults) {
        return new ScriptedRouter(r -> faults.getOrDefault(r.ticketId(), ScriptedRouter::perfect).apply(r));
    }

    private JsonNode results(SmokeRunResult r) throws Exception {
        RunRef run = new RunRef("smoke", LocalDate.of(2026, 11, 22), r.runId());
        return Json.mapper().readTree(store.readArtifact(run, "results.json").orElseThrow());
    }

    private double metric(String name) {
        return published.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow().value();
    }

    @Test
    void aGreenNightPassesEightOfEightAndOpensNothingItDidNotClose() throws Exception {
        ScriptedRouter router = routerWith(Map.of());
        long gateVersion = flags.read(ReleaseGate.FLAG, ReleaseGate.class).map(f -> f.version()).orElse(0L);

        SmokeRunResult r = (SmokeRunResult) eval(router, 1).handle(TriggerParser.parse(Json.mapper().readTree(
                Files.readString(RepoRoot.file("events/smoke-eval/schedule.json")))));

        assertThat(r.outcome()).isEqualTo(Outcome.PASS);
        assertThat(r.status()).isEqualTo("green");
        assertThat(r.passed()).isEqualTo(8);
        assertThat(r.reason()).isEqualTo("8/8 passed");
        assertThat(router.requests).hasSize(10).allMatch(q -> q.runId().equals(r.runId()) && q.kind().equals("smoke"));
        assertThat(r.gate().action()).isEqualTo(GateChange.Action.UNCHANGED);
        assertThat(flags.read(ReleaseGate.FLAG, ReleaseGate.class).map(f -> f.version()).orElse(0L)).isEqualTo(gateVersion);
        assertThat(metric("SmokePassed")).isEqualTo(1);
        assertThat(metric("SmokeFailedCases")).isZero();
        assertThat(metric("SmokeFlakyCases")).isZero();
        assertThat(metric("SmokeLatencyP95")).isEqualTo(150);

        JsonNode results = results(r);
        assertThat(results.path("cases")).hasSize(8);
        JsonNode fraud = results.path("cases").get(1);
        assertThat(fraud.path("id").asText()).isEqualTo("tier0-fraud-chargeback");
        assertThat(fraud.path("status").asText()).isEqualTo("pass");
        JsonNode tier = fraud.path("attempts").get(0).path("checks").get(3);
        assertThat(tier.path("kind").asText()).isEqualTo("tier_equals");
        assertThat(tier.path("expected").asText()).isEqualTo("0");
        assertThat(tier.path("actual").asText()).isEqualTo("0");
        var manifest = store.manifest(new RunRef("smoke", LocalDate.of(2026, 11, 22), r.runId())).orElseThrow();
        assertThat(manifest.artifacts()).extracting(e -> e.name()).containsExactly("results.json", "summary.md");
    }

    @Test
    void aRedNightBlocksTheGateNamingTheFailingCases() throws Exception {
        ScriptedRouter router = routerWith(Map.of(
                "tier0-fraud-chargeback", r -> answered(r.ticketId(), body("billing.double_charge", "billing", 1, "route", 0.9, false), 100),
                "latency-and-cost", r -> answered(r.ticketId(), body("billing.invoice_request", "billing", 2, "auto_reply", 0.9, false), 5600),
                "pii-not-echoed", r -> answered(r.ticketId(), body("other", "support", 1, "route", 0.6, false)
                        .put("fallback_reason", "could not parse jane.doe@example.com"), 100)));

        SmokeRunResult r = eval(router, 1).run(Optional.empty(), false);

        assertThat(r.outcome()).isEqualTo(Outcome.GATES_FAILED);
        assertThat(r.status()).isEqualTo("red");
        assertThat(r.failedCases()).containsExactly("tier0-fraud-chargeback", "latency-and-cost", "pii-not-echoed");
        assertThat(r.reason()).startsWith("3 of 8 cases failed: tier0-fraud-chargeback (intent_equals: expected fraud.chargeback, got billing.double_charge)")
                .contains("latency-and-cost (latency_below: expected p95 < 5000 ms, got p95 = 5600 ms")
                .contains("pii-not-echoed (no_pii_echo: expected no response field carries the ticket's 2 PII value(s) or any other PII, got fallback_reason echoes the ticket's PII)")
                .doesNotContain("jane.doe");
        ReleaseGate gate = flags.read(ReleaseGate.FLAG, ReleaseGate.class).orElseThrow().value();
        assertThat(gate.state()).isEqualTo(ReleaseGate.State.BLOCKED);
        assertThat(gate.setBy()).isEqualTo("smoke-eval");
        assertThat(gate.runId()).isEqualTo(r.runId());
        assertThat(gate.failedCases()).containsExactly("tier0-fraud-chargeback", "latency-and-cost", "pii-not-echoed");
        assertThat(r.gate().action()).isEqualTo(GateChange.Action.BLOCKED);
        // Each failing case ran twice (retry once); the 3-sample case six times.
        assertThat(router.requests).hasSize(10 + 1 + 3 + 1);
        assertThat(metric("SmokePassed")).isZero();
        assertThat(metric("SmokeFailedCases")).isEqualTo(3);

        JsonNode results = results(r);
        String text = results.toString();
        assertThat(text).doesNotContain("jane.doe@example.com").contains("[EMAIL#");
        JsonNode fraudTier = results.path("cases").get(1).path("attempts").get(1).path("checks").get(3);
        assertThat(fraudTier.path("passed").asBoolean()).isFalse();
        assertThat(fraudTier.path("expected").asText()).isEqualTo("0");
        assertThat(fraudTier.path("actual").asText()).isEqualTo("1");
        String summary = store.readArtifact(new RunRef("smoke", LocalDate.of(2026, 11, 22), r.runId()), "summary.md").orElseThrow();
        assertThat(summary).contains("# Smoke run " + r.runId() + ": RED", "| tier0-fraud-chargeback | fail | 2 | intent_equals |",
                "release gate: blocked (blocked, set by smoke-eval)");
    }

    @Test
    void aCaseThatPassesOnItsRetryIsFlakyAndTheNightStaysGreen() {
        AtomicInteger calls = new AtomicInteger();
        ScriptedRouter router = routerWith(Map.of("schema-holds", r -> calls.incrementAndGet() == 1
                ? new RouterOutcome.Failed(r.ticketId(), RouterOutcome.FailureKind.SERVER_ERROR, "HTTP 503 after 3 attempts", 503, 900, 3)
                : ScriptedRouter.perfect(r)));
        SmokeRunResult r = eval(router, 1).run(Optional.empty(), false);
        assertThat(r.status()).isEqualTo("green");
        assertThat(r.flakyCases()).containsExactly("schema-holds");
        assertThat(r.reason()).isEqualTo("8/8 passed, 1 flaky");
        assertThat(metric("SmokeFlakyCases")).isEqualTo(1);
    }

    @Test
    void withoutRetriesTheSameWobbleIsRed() {
        AtomicInteger calls = new AtomicInteger();
        ScriptedRouter router = routerWith(Map.of("schema-holds", r -> calls.incrementAndGet() == 1
                ? new RouterOutcome.Failed(r.ticketId(), RouterOutcome.FailureKind.SERVER_ERROR, "HTTP 503 after 3 attempts", 503, 900, 3)
                : ScriptedRouter.perfect(r)));
        SmokeRunResult r = eval(router, 0).run(Optional.empty(), false);
        assertThat(r.failedCases()).containsExactly("schema-holds");
        assertThat(r.reason()).isEqualTo("router failing with 5xx (1 of 8 cases got no answer): HTTP 503 after 3 attempts");
    }

    @Test
    void theRouterDownIsRedWithThatReasonNotACrash() {
        ScriptedRouter router = new ScriptedRouter(r -> new RouterOutcome.Failed(r.ticketId(), RouterOutcome.FailureKind.UNREACHABLE,
                "connection refused: http://127.0.0.1:9/route", null, 3, 1));
        SmokeRunResult r = eval(router, 1).run(Optional.empty(), false);
        assertThat(r.outcome()).isEqualTo(Outcome.GATES_FAILED);
        assertThat(r.failed()).isEqualTo(8);
        assertThat(r.reason()).isEqualTo("router unreachable (8 of 8 cases got no answer): connection refused: http://127.0.0.1:9/route");
        assertThat(r.latencyP95Ms()).isNull();
        assertThat(flags.read(ReleaseGate.FLAG, ReleaseGate.class).orElseThrow().value().reason())
                .isEqualTo("smoke run " + r.runId() + " red: " + r.reason());
        assertThat(published).extracting(MetricDatum::name).doesNotContain("SmokeLatencyP95");
    }

    @Test
    void aPersonsBlockSurvivesAGreenRun() {
        gates.block("alice", "release freeze");
        SmokeRunResult r = eval(routerWith(Map.of()), 1).run(Optional.empty(), false);
        assertThat(r.status()).isEqualTo("green");
        assertThat(r.gate().action()).isEqualTo(GateChange.Action.UNCHANGED);
        assertThat(gates.status().orElseThrow().setBy()).isEqualTo("alice");
        assertThat(gates.status().orElseThrow().state()).isEqualTo(ReleaseGate.State.BLOCKED);
    }

    @Test
    void aGreenRunReopensTheBlockOfAnEarlierRedRun() {
        ScriptedRouter broken = routerWith(Map.of("tier0-legal-threat",
                r -> answered(r.ticketId(), body("other", "support", 1, "auto_reply", 0.9, false), 100)));
        SmokeRunResult red = eval(broken, 1).run(Optional.empty(), false);
        assertThat(gates.status().orElseThrow().runId()).isEqualTo(red.runId());
        SmokeRunResult green = eval(routerWith(Map.of()), 1).run(Optional.empty(), false);
        assertThat(green.gate().action()).isEqualTo(GateChange.Action.REOPENED);
        assertThat(gates.status().orElseThrow().state()).isEqualTo(ReleaseGate.State.OPEN);
    }

    @Test
    void safeModeOnIsReadFromTheFlagAndAnAutoReplyUnderItFails() throws Exception {
        flags.update("safe-mode", JsonNode.class, v -> Optional.of(Json.mapper().createObjectNode().put("enabled", true).put("set_by", "drift-response")));
        ScriptedRouter router = routerWith(Map.of("safe-mode-respected",
                r -> answered(r.ticketId(), body("order.status", "orders", 2, "auto_reply", 0.95, true), 100)));
        SmokeRunResult r = eval(router, 1).run(Optional.empty(), false);
        assertThat(r.failedCases()).containsExactly("safe-mode-respected");
        assertThat(r.reason()).contains("safe_mode=true and action != auto_reply (flag on: /evalops/test/safe-mode v2)", "got safe_mode=true, action=auto_reply");
    }

    @Test
    void aMalformedSuiteIsRejectedBeforeAnyCallAndLeavesNothing() throws Exception {
        ScriptedRouter router = routerWith(Map.of());
        Files.createDirectories(root.resolve("smoke"));
        Files.copy(RepoRoot.file("samples/smoke/malformed-unknown-kind.json"), root.resolve("smoke/suite.json"));
        assertThatThrownBy(() -> eval(router, 1).run(Optional.empty(), false))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("smoke suite " + root.resolve("smoke/suite.json"))
                .hasMessageContaining("case 'tier0-fraud-chargeback' (cases[1]), field assertions[1].kind: unknown assertion kind 'tier_is'");
        assertThat(router.requests).isEmpty();
        assertThat(store.completedRuns("smoke", LocalDate.of(2026, 11, 1))).isEmpty();
        assertThat(published).isEmpty();
        assertThat(gates.status()).isEmpty();
    }

    @Test
    void theOverrideInTheDataRootReplacesTheBundledSuiteAndATriggerCanNameAnother() throws Exception {
        Files.createDirectories(root.resolve("smoke"));
        Files.copy(RepoRoot.file("samples/smoke/suite-override-example.json"), root.resolve("smoke/suite.json"));
        ScriptedRouter router = new ScriptedRouter(r -> answered(r.ticketId(), body("account.takeover", "security", 0, "escalate", 0.9, false), 100));
        SmokeRunResult r = eval(router, 0).run(Optional.empty(), false);
        assertThat(r.suite()).isEqualTo("nightly-smoke-eu");
        assertThat(r.failedCases()).containsExactly("shipping-delay-routes");

        SmokeRunResult named = eval(routerWith(Map.of()), 0).run(Optional.of(RepoRoot.file("shared/src/main/resources/smoke/suite.json").toString()), true);
        assertThat(named.suite()).isEqualTo("nightly-smoke");
    }

    @Test
    void aDryRunReportsButLeavesTheGateAndMetricsAlone() throws Exception {
        ScriptedRouter broken = new ScriptedRouter(r -> new RouterOutcome.Failed(r.ticketId(), RouterOutcome.FailureKind.TIMEOUT, "no answer in 10 s", null, 10000, 3));
        SmokeRunResult r = (SmokeRunResult) eval(broken, 0).handle(TriggerParser.parse(Json.mapper().readTree("{\"action\":\"run\",\"dryRun\":true}")));
        assertThat(r.status()).isEqualTo("red");
        assertThat(r.dryRun()).isTrue();
        assertThat(r.gate()).isNull();
        assertThat(gates.status()).isEmpty();
        assertThat(published).isEmpty();
        assertThat(results(r).path("summary").path("dry_run").asBoolean()).isTrue();
    }

    @Test
    void gateActionsAndBadManualPayloads() throws Exception {
        SmokeEval eval = eval(routerWith(Map.of()), 1);
        GateResponse status = (GateResponse) eval.handle(parse("{\"action\":\"gate-status\"}"));
        assertThat(status.outcome()).as("an absent gate counts as blocked").isEqualTo(Outcome.GATES_FAILED);
        GateResponse blocked = (GateResponse) eval.handle(parse("{\"action\":\"gate-block\",\"by\":\"alice\",\"reason\":\"freeze\"}"));
        assertThat(blocked.change()).isEqualTo(GateChange.Action.BLOCKED);
        assertThat(((GateResponse) eval.handle(parse("{\"action\":\"gate-status\"}"))).outcome()).isEqualTo(Outcome.GATES_FAILED);
        GateResponse opened = (GateResponse) eval.handle(parse("{\"action\":\"gate-open\",\"by\":\"bob\",\"reason\":\"done\"}"));
        assertThat(opened.gate().state()).isEqualTo(ReleaseGate.State.OPEN);
        assertThat(((GateResponse) eval.handle(parse("{\"action\":\"gate-status\"}"))).outcome()).isEqualTo(Outcome.PASS);

        assertThatThrownBy(() -> eval.handle(parse("{\"action\":\"rerun\"}"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("unknown action 'rerun' for smoke-eval (known: run, gate-status, gate-open, gate-block)");
        assertThatThrownBy(() -> eval.handle(parse("{\"action\":\"run\",\"suit\":\"x\"}"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("unknown field 'suit' (allowed: dryRun, suite)");
        assertThatThrownBy(() -> eval.handle(parse("{\"action\":\"run\",\"dryRun\":\"yes\"}"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("field 'dryRun' is \"yes\", expected true or false");
        assertThatThrownBy(() -> eval.handle(TriggerParser.parse(Json.mapper().readTree(Files.readString(RepoRoot.file("events/triggers/alarm-action.json"))))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("not by alarms");
    }

    private static Trigger parse(String json) throws Exception {
        return TriggerParser.parse(Json.mapper().readTree(json));
    }
}
