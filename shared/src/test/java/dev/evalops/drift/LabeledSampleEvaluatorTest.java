package dev.evalops.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.evalops.artifacts.Inputs;
import dev.evalops.artifacts.LocalArtifactStore;
import dev.evalops.artifacts.RunRef;
import dev.evalops.artifacts.RunWriter;
import dev.evalops.core.BadInputException;
import dev.evalops.core.Json;
import dev.evalops.golden.GoldenConfig;
import dev.evalops.golden.Verdict;
import dev.evalops.testing.RepoRoot;
import dev.evalops.testing.SettableClock;
import dev.evalops.turns.TurnRecord;
import io.smallrye.config.SmallRyeConfigBuilder;

/** A labeling batch written by the drift run, labeled by hand, scored with the golden eval's machinery. */
class LabeledSampleEvaluatorTest {
    private static final Instant NOW = Instant.parse("2026-11-22T15:30:00Z");
    private static final RunRef ALARM_RUN = new RunRef("drift", LocalDate.parse("2026-11-22"), "drift-20261122-1403-ab12");

    @TempDir
    Path root;
    private LocalArtifactStore store;
    private LabeledSampleEvaluator evaluator;
    private List<LabelingRow> batch;

    @BeforeEach
    void setUp() throws IOException {
        SettableClock clock = new SettableClock(NOW);
        store = new LocalArtifactStore(root, clock);
        Files.createDirectories(root.resolve("golden/v1"));
        Files.copy(RepoRoot.file("samples/golden/v1/policy.json"), root.resolve("golden/v1/policy.json"));
        Inputs inputs = new Inputs(() -> {
            throw new AssertionError("local test: no S3");
        }, root.toString());
        GoldenConfig golden = new SmallRyeConfigBuilder().withMapping(GoldenConfig.class).build().getConfigMapping(GoldenConfig.class);
        evaluator = new LabeledSampleEvaluator(store, inputs, golden, "v1", clock);

        // What the alarm's drift run holds: the batch and production's answers (predictions.jsonl).
        batch = List.of(
                row("t-1", ProblemKind.TIER0, "fraud.chargeback", 0, "escalate", 0.93),
                row("t-2", ProblemKind.LOW_CONFIDENCE, "order.status", 2, "auto_reply", 0.91),
                row("t-3", ProblemKind.AGENT_OVERRIDE, "order.cancel", 1, "route", 0.88),
                row("t-4", ProblemKind.FALLBACK, "other", 1, "route", 0.40));
        try (RunWriter w = store.begin(ALARM_RUN)) {
            w.writeJsonLines("labeling-batch.jsonl", batch);
            w.writeJsonLines(LabeledSampleEvaluator.PREDICTIONS, batch.stream().map(LabelingRow::recordedPrediction).toList());
            w.commit();
        }
    }

    private static LabelingRow row(String id, ProblemKind kind, String intent, int tier, String action, double confidence) {
        TurnRecord t = new TurnRecord(id, NOW.minusSeconds(3600), "u-1", "acme", "email", intent, tier, action, confidence, "anthropic",
                "m-2026-10", 700L, 300L, 60L, 0.002, false, null, null, null, null);
        return LabelingRow.unlabeled(t, List.of(kind)).withDriftRun(ALARM_RUN.prefix());
    }

    /** The labeler's work: gold labels and the ticket text filled in; {@code null} labels leave a row unlabeled. */
    private Path labeled(Map<String, Object[]> labels) throws IOException {
        List<String> lines = new ArrayList<>();
        for (LabelingRow r : batch) {
            ObjectNode node = Json.mapper().valueToTree(r);
            Object[] l = labels.get(r.id());
            if (l != null) {
                node.put("text", "ticket text of " + r.id() + ", reply to ana@example.com");
                node.put("intent", (String) l[0]).put("team", (String) l[1]).put("template", (String) l[2]).put("tier", (Integer) l[3]);
            }
            lines.add(node.toString());
        }
        Path file = root.resolve("labeled.jsonl");
        Files.write(file, lines);
        return file;
    }

    private static final Map<String, Object[]> ALL_RIGHT = Map.of(
            "t-1", new Object[] { "fraud.chargeback", "risk", "escalate_fraud", 0 },
            "t-2", new Object[] { "order.status", "orders", "order_status_update", 2 },
            "t-3", new Object[] { "order.cancel", "orders", "cancel_order_confirm", 1 },
            "t-4", new Object[] { "other", "support", "generic_ack", 1 });

    @Test
    void scoresTheLabeledBatchAgainstWhatProductionAnsweredAndStoresItBesideTheAlarmsRun() throws IOException {
        SampleEvaluation e = evaluator.evaluate(labeled(ALL_RIGHT).toString(), Optional.empty());
        assertThat(e.alarmRun()).isEqualTo(ALARM_RUN.prefix());
        assertThat(e.runId()).isEqualTo("drift-20261122-1403-ab12-labeled-20261122153000");
        assertThat(e.location()).isEqualTo(root.resolve("eval_runs/drift/2026-11-22/" + e.runId()).toString());
        assertThat(e.rows()).isEqualTo(4);
        assertThat(e.scored()).isEqualTo(4);
        assertThat(e.accuracy()).isEqualTo(1.0);
        assertThat(e.tier0FalseNegatives()).isZero();
        assertThat(e.verdict()).isEqualTo(Verdict.PASS);

        JsonNode metrics = Json.mapper().readTree(Files.readString(Path.of(e.location(), "metrics.json")));
        assertThat(metrics.get("verdict").asText()).isEqualTo("PASS");
        assertThat(metrics.get("run_id").asText()).isEqualTo(e.runId());
        assertThat(metrics.get("alarm_run").asText()).isEqualTo(ALARM_RUN.prefix());
        assertThat(metrics.at("/metrics/n").asInt()).isEqualTo(4);
        assertThat(metrics.at("/metrics/tier0/gold").asInt()).isEqualTo(1);
        assertThat(metrics.get("notes").toString()).contains("no team or template");
        try (Stream<Path> files = Files.list(Path.of(e.location()))) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("manifest.json", "metrics.json", "predictions.jsonl",
                    "tier0_report.csv", "tier2_violations.csv", "confusion_matrix.csv", "per_intent.csv", "misroutes.jsonl", "quarantine.jsonl");
        }
        assertThat(Files.readString(Path.of(e.location(), "misroutes.jsonl")) + Files.readString(Path.of(e.location(), "metrics.json")))
                .as("sanitized").doesNotContain("ana@example.com");
    }

    @Test
    void aTier0TicketTheRouterDidNotEscalateIsAStop() throws IOException {
        Map<String, Object[]> labels = new java.util.HashMap<>(ALL_RIGHT);
        labels.put("t-4", new Object[] { "legal.threat", "legal", "escalate_legal", 0 });
        SampleEvaluation e = evaluator.evaluate(labeled(labels).toString(), Optional.empty());
        assertThat(e.verdict()).isEqualTo(Verdict.STOP);
        assertThat(e.tier0FalseNegatives()).isEqualTo(1);
        assertThat(e.verdictReasons()).anySatisfy(r -> assertThat(r).contains("t-4"));
    }

    @Test
    void anAutoReplyOnATicketThatIsNotTier2EligibleIsUnsafeAutomation() throws IOException {
        Map<String, Object[]> labels = new java.util.HashMap<>(ALL_RIGHT);
        labels.put("t-2", new Object[] { "billing.double_charge", "billing", "refund_duplicate_charge", 1 });
        SampleEvaluation e = evaluator.evaluate(labeled(labels).toString(), Optional.empty());
        assertThat(e.unsafeAutomations()).isEqualTo(1);
    }

    @Test
    void unlabeledRowsAreQuarantinedByLineAndFieldNotDropped() throws IOException {
        Map<String, Object[]> labels = new java.util.HashMap<>(ALL_RIGHT);
        labels.remove("t-3");
        SampleEvaluation e = evaluator.evaluate(labeled(labels).toString(), Optional.empty());
        assertThat(e.rows()).isEqualTo(4);
        assertThat(e.quarantined()).isEqualTo(1);
        assertThat(e.n()).isEqualTo(3);
        String quarantine = Files.readString(Path.of(e.location(), "quarantine.jsonl"));
        assertThat(quarantine).contains("\"line\":3").contains("\"id\":\"t-3\"").contains("\"field\":\"text\"");
    }

    @Test
    void aRowThatIsNotInTheRunsRecordingIsUnscored() throws IOException {
        Path file = labeled(ALL_RIGHT);
        Files.writeString(file, Files.readString(file) + "{\"id\":\"t-99\",\"text\":\"x\",\"channel\":\"email\",\"intent\":\"other\","
                + "\"team\":\"support\",\"template\":\"generic_ack\",\"tier\":1}\n");
        SampleEvaluation e = evaluator.evaluate(file.toString(), Optional.empty());
        assertThat(e.n()).isEqualTo(5);
        assertThat(e.unscored()).isEqualTo(1);
    }

    @Test
    void theRunCanBeNamedExplicitlyByPrefixOrId() throws IOException {
        String file = labeled(ALL_RIGHT).toString();
        assertThat(evaluator.evaluate(file, Optional.of(ALARM_RUN.runId())).alarmRun()).isEqualTo(ALARM_RUN.prefix());
        assertThatThrownBy(() -> evaluator.evaluate(file, Optional.of("eval_runs/golden/2026-11-22/golden-20261122-0200-aaaa/")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("expected a drift run");
        assertThatThrownBy(() -> evaluator.evaluate(file, Optional.of("drift-20261122-1403-ffff")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> evaluator.evaluate(file, Optional.of("nonsense")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("not a drift run id");
    }

    @Test
    void refusesWithoutWritingWhenTheBatchDoesNotSayWhereItIsFrom() throws IOException {
        Path file = root.resolve("anonymous.jsonl");
        Files.writeString(file, "{\"id\":\"t-1\",\"text\":\"x\",\"channel\":\"email\",\"intent\":\"other\",\"team\":\"support\","
                + "\"template\":\"generic_ack\",\"tier\":1}\n");
        assertThatThrownBy(() -> evaluator.evaluate(file.toString(), Optional.empty()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no row with sample.drift_run").hasMessageContaining("field 'run'");
        assertThat(store.completedRuns("drift", LocalDate.parse("2026-11-22"))).containsExactly(ALARM_RUN);
    }

    @Test
    void refusesARunWithoutRecordedPredictionsAndAMissingBatch() throws IOException {
        RunRef noSample = new RunRef("drift", LocalDate.parse("2026-11-22"), "drift-20261122-1500-cd34");
        try (RunWriter w = store.begin(noSample)) {
            w.writeJson("sample-summary.json", Map.of("status", "failed"));
            w.commit();
        }
        String file = labeled(ALL_RIGHT).toString();
        assertThatThrownBy(() -> evaluator.evaluate(file, Optional.of(noSample.prefix())))
                .isInstanceOf(BadInputException.class).hasMessageContaining("has no predictions.jsonl");
        assertThatThrownBy(() -> evaluator.evaluate(root.resolve("missing.jsonl").toString(), Optional.empty()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("missing.jsonl");
    }
}
