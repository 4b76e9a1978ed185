package dev.evalops.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.evalops.artifacts.Inputs;
import dev.evalops.artifacts.LocalArtifactStore;
import dev.evalops.core.BadInputException;
import dev.evalops.core.Json;
import dev.evalops.core.Outcome;
import dev.evalops.flags.LocalFlagStore;
import dev.evalops.golden.GoldenConfig;
import dev.evalops.metrics.MetricDatum;
import dev.evalops.safemode.ExitGuard;
import dev.evalops.safemode.GoldenRuns;
import dev.evalops.safemode.GoldenRunsFixture;
import dev.evalops.safemode.RecordedAlarmStates;
import dev.evalops.safemode.SafeModeService;
import dev.evalops.testing.RepoRoot;
import dev.evalops.testing.SettableClock;
import dev.evalops.trigger.Trigger;
import dev.evalops.trigger.TriggerParser;
import dev.evalops.turns.TurnRecord;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The service on local stores (the "CloudWatch-only" setup and local runs): local flag file, local artifact folder,
 * recorded alarm states, the shared turn reader over a local export. The AWS edge is covered by the handler test.
 */
class DriftResponseTest {
    private static final Instant NOW = Instant.parse("2026-11-22T15:00:00Z");

    @TempDir
    Path root;
    private final SettableClock clock = new SettableClock(NOW);
    private final List<MetricDatum> published = new CopyOnWriteArrayList<>();
    private final List<String> harnessReasons = new CopyOnWriteArrayList<>();
    private LocalArtifactStore store;
    private Inputs inputs;
    private SafeModeService safeMode;
    private LabeledSampleEvaluator evaluator;
    private DriftResponse drift;

    @BeforeEach
    void setUp() throws IOException {
        store = new LocalArtifactStore(root, clock);
        inputs = new Inputs(() -> {
            throw new AssertionError("local test: no S3");
        }, root.toString());
        safeMode = new SafeModeService(new LocalFlagStore(root, "/evalops/test", clock), published::addAll, clock);
        Files.createDirectories(root.resolve("golden/v1"));
        Files.copy(RepoRoot.file("samples/golden/v1/policy.json"), root.resolve("golden/v1/policy.json"));
        GoldenConfig golden = new SmallRyeConfigBuilder().withMapping(GoldenConfig.class).build().getConfigMapping(GoldenConfig.class);
        evaluator = new LabeledSampleEvaluator(store, inputs, golden, "v1", clock);
        writeTurns();
        drift = service(problemTurns(inputs), (version, reason) -> {
            harnessReasons.add(reason);
            return new HarnessStart(true, "inline", "golden-set-eval " + version, reason, clock.instant(), null, "golden-x", "PASS",
                    root.resolve("eval_runs/golden/x").toString(), null);
        });
    }

    private DriftResponse service(ProblemTurns turns, GoldenHarness harness) {
        return new DriftResponse(safeMode, new ExitGuard(new RecordedAlarmStates(safeMode), new GoldenRuns(store)),
                new AlarmClassifier(List.of("*tier0*", "*intent-accuracy*"), List.of("*latency*"), true), turns, harness, "v1", evaluator,
                store, clock);
    }

    private static ProblemTurns problemTurns(Inputs inputs) {
        return new ProblemTurns(inputs, "turns", Duration.ofHours(24), 10, 0.6);
    }

    private void writeTurns() throws IOException {
        List<String> lines = new ArrayList<>();
        Instant ts = NOW.minus(Duration.ofHours(2));
        for (int i = 0; i < 4; i++) {
            lines.add(turn("t0-" + i, ts, "fraud.chargeback", 0, "escalate", 0.95, null));
            // The export always has an intent (the reader requires it): an errored turn falls back to "other".
            lines.add(turn("err-" + i, ts, "other", 1, "route", null, "timeout"));
        }
        lines.add("not a turn");
        for (int i = 0; i < 30; i++) {
            lines.add(turn("ok-" + i, ts, "order.status", 2, "auto_reply", 0.97, null));
            lines.add(turn("lc-" + i, ts, "other", 1, "route", 0.3, null));
        }
        Path file = root.resolve("turns/dt=2026-11-22/part-00000.jsonl");
        Files.createDirectories(file.getParent());
        Files.write(file, lines);
    }

    private static String turn(String id, Instant ts, String intent, Integer tier, String action, Double confidence, String error) {
        try {
            return Json.mapper().writeValueAsString(new TurnRecord(id, ts, "u-1", "acme", "email", intent, tier, action, confidence, "anthropic",
                    "m-2026-10", 800L, 300L, 50L, 0.002, false, null, error, null, null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Trigger event(String name) throws IOException {
        return TriggerParser.parse(Json.mapper().readTree(Files.readString(RepoRoot.file("events/drift-response/" + name))));
    }

    private JsonNode decision(DriftResult r) throws IOException {
        return Json.mapper().readTree(Files.readString(Path.of(r.decisionLog())));
    }

    @Test
    void aHarmAlarmTurnsSafeModeOnSamplesStartsTheHarnessAndLogsTheDecision() throws IOException {
        DriftResult r = drift.handle(event("alarm-eventbridge-tier0-fn.json"));
        assertThat(r.outcome()).isEqualTo(Outcome.PASS);
        assertThat(r.result()).isEqualTo("safe-mode-on");
        assertThat(safeMode.current().value().enabled()).isTrue();
        assertThat(r.sample().size()).isEqualTo(10);
        // Round robin, Tier 0 first: 4 rounds of three kinds, cut at 10.
        assertThat(r.sample().sampled()).containsEntry("tier0", 4).containsEntry("error", 3).containsEntry("low_confidence", 3);
        assertThat(r.sample().badLines()).isEqualTo(1);
        Path run = Path.of(r.driftRun());
        assertThat(run).startsWith(root.resolve("eval_runs/drift/2026-11-22"));
        assertThat(Files.readAllLines(run.resolve("labeling-batch.jsonl"))).hasSize(10)
                .allSatisfy(l -> assertThat(l).contains("\"drift_run\":\"eval_runs/drift/2026-11-22/" + run.getFileName() + "/\""));
        assertThat(Files.readAllLines(run.resolve("predictions.jsonl"))).hasSize(10);
        assertThat(Files.readString(run.resolve("quarantine.jsonl"))).contains("\"line\":9");
        assertThat(harnessReasons).singleElement().asString().contains("evalops-prod-tier0-fn").contains(run.getFileName().toString());
        JsonNode entry = decision(r);
        assertThat(entry.get("result").asText()).isEqualTo("safe-mode-on");
        assertThat(entry.get("evidence").toString()).contains(run.toString()).contains(root.resolve("eval_runs/golden/x").toString());
        assertThat(Path.of(r.decisionLog())).startsWith(root.resolve("decision_log/2026-11-22"));
        assertThat(published).extracting(MetricDatum::value).containsExactly(1.0);
    }

    @Test
    void whenTheTurnExportCannotBeReadTheAlarmIsStillHandledAndTheRunSaysWhy() {
        Inputs unreachable = new Inputs(() -> {
            throw new IllegalStateException("S3 is unreachable");
        }, "s3://evalops-missing");
        DriftResult r = service(problemTurns(unreachable), (v, reason) -> new HarnessStart(true, "inline", v, reason, NOW, null, "g", "PASS",
                null, null)).handle(alarm("evalops-prod-tier0-fn"));
        assertThat(r.outcome()).isEqualTo(Outcome.INTERNAL_ERROR);
        assertThat(r.result()).isEqualTo("safe-mode-on");
        assertThat(safeMode.current().value().enabled()).isTrue();
        assertThat(r.warnings()).singleElement().asString().contains("could not sample problem turns").contains("S3 is unreachable");
        assertThat(r.sample().status()).isEqualTo("failed");
        assertThat(Path.of(r.driftRun()).resolve("sample-summary.json")).content().contains("S3 is unreachable");
        assertThat(Path.of(r.driftRun()).resolve("labeling-batch.jsonl")).doesNotExist();
        assertThat(Path.of(r.decisionLog())).exists();
    }

    @Test
    void whenTheHarnessCannotStartTheAlarmIsStillHandled() throws IOException {
        DriftResult r = service(problemTurns(inputs), (v, reason) -> {
            throw new IllegalStateException("golden function throttled");
        }).handle(alarm("evalops-prod-tier0-fn"));
        assertThat(r.outcome()).isEqualTo(Outcome.INTERNAL_ERROR);
        assertThat(r.harness().started()).isFalse();
        assertThat(r.warnings()).singleElement().asString().contains("golden function throttled");
        assertThat(Path.of(r.driftRun()).resolve("harness.json")).content().contains("golden function throttled");
        assertThat(r.sample().size()).isEqualTo(10);
        assertThat(decision(r).get("after").get("enabled").asBoolean()).isTrue();
    }

    @Test
    void theWayBackOnLocalStoresUsesTheRecordedAlarmStates() throws IOException {
        drift.handle(event("alarm-eventbridge-tier0-fn.json"));
        clock.advance(Duration.ofMinutes(30));
        GoldenRunsFixture.completed(store, clock, "golden-20261122-1530-aaaa", "PASS");
        DriftResult refused = drift.handle(event("exit-safe-mode.json"));
        assertThat(refused.outcome()).isEqualTo(Outcome.GATES_FAILED);
        assertThat(refused.exit().missing()).singleElement().asString().contains("evalops-prod-tier0-fn is ALARM now")
                .contains("recorded notifications in /evalops/test/safe-mode");
        drift.handle(event("ok-eventbridge-tier0-fn.json"));
        DriftResult exited = drift.handle(event("exit-safe-mode.json"));
        assertThat(exited.outcome()).isEqualTo(Outcome.PASS);
        assertThat(exited.result()).isEqualTo("exited");
        assertThat(safeMode.current().value().enabled()).isFalse();
        assertThat(safeMode.current().value().lastExit().goldenRun()).contains("golden-20261122-1530-aaaa");
        assertThat(drift.handle(event("exit-safe-mode.json")).result()).isEqualTo("already-off");
    }

    @Test
    void aLabeledBatchIsEvaluatedThroughTheService() throws IOException {
        DriftResult alarm = drift.handle(event("alarm-eventbridge-tier0-fn.json"));
        List<String> labeled = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(alarm.driftRun()).resolve("labeling-batch.jsonl"))) {
            ObjectNode row = (ObjectNode) Json.mapper().readTree(line);
            boolean tier0 = row.get("id").asText().startsWith("t0-");
            row.put("text", "ticket " + row.get("id").asText());
            row.put("intent", tier0 ? "fraud.chargeback" : "other").put("team", tier0 ? "risk" : "support")
                    .put("template", tier0 ? "escalate_fraud" : "generic_ack").put("tier", tier0 ? 0 : 1);
            labeled.add(row.toString());
        }
        Path file = root.resolve("labeled.jsonl");
        Files.write(file, labeled);
        ObjectNode payload = Json.mapper().createObjectNode().put("action", "evaluate-labeled-sample").put("batch", file.toString());
        DriftResult r = drift.handle(TriggerParser.parse(payload));
        assertThat(r.action()).isEqualTo("evaluate-labeled-sample");
        assertThat(r.evaluation().rows()).isEqualTo(10);
        assertThat(r.evaluation().tier0FalseNegatives()).isZero();
        assertThat(r.evaluation().unscored()).isZero();
        assertThat(r.evaluation().accuracy()).isEqualTo(1.0);
        assertThat(Path.of(r.evaluation().location()).getParent()).isEqualTo(Path.of(alarm.driftRun()).getParent());
        assertThat(Path.of(r.evaluation().location()).getFileName().toString()).startsWith(Path.of(alarm.driftRun()).getFileName() + "-labeled-");
        assertThat(r.done()).anySatisfy(d -> assertThat(d).contains("metrics stored in"));
    }

    @Test
    void manualPayloadsAreCheckedBeforeAnythingIsWritten() throws IOException {
        assertThatThrownBy(() -> drift.handle(event("malformed-schedule.json"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("expected a CloudWatch alarm");
        assertThatThrownBy(() -> drift.handle(event("malformed-unknown-action.json"))).hasMessageContaining("unknown action 'disable-safe-mode'");
        assertThatThrownBy(() -> drift.handle(event("malformed-exit-without-reason.json"))).hasMessageContaining("field 'reason' is required");
        assertThatThrownBy(() -> drift.handle(event("malformed-enter-without-by.json"))).hasMessageContaining("field 'by' is required");
        assertThatThrownBy(() -> drift.handle(TriggerParser.parse(Json.mapper().readTree("{\"action\":\"evaluate-labeled-sample\"}"))))
                .hasMessageContaining("field 'batch' is required");
        assertThat(safeMode.current().version()).isZero();
        assertThat(store.listDocuments("decision_log/")).isEmpty();
    }

    @Test
    void approvedByIsAcceptedForByAndADryRunWritesNothing() throws IOException {
        drift.handle(event("enter-safe-mode.json"));
        int entries = store.listDocuments("decision_log/").size();
        long version = safeMode.current().version();
        DriftResult dry = drift.handle(event("../triggers/manual.json"));
        assertThat(dry.result()).isEqualTo("dry-run");
        assertThat(dry.exit().missing()).anySatisfy(m -> assertThat(m).contains("no golden-set run"));
        assertThat(store.listDocuments("decision_log/")).hasSize(entries);
        assertThat(safeMode.current().version()).isEqualTo(version);
    }

    private static Trigger.Alarm alarm(String name) {
        return new Trigger.Alarm(Trigger.Via.ALARM_ACTION, name, "arn:aws:cloudwatch:us-east-1:1:alarm:" + name, Trigger.AlarmState.ALARM,
                java.util.Optional.of(Trigger.AlarmState.OK), "Threshold Crossed", NOW.minusSeconds(5));
    }
}
