package dev.evalops.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.artifacts.ArtifactStore;
import dev.evalops.artifacts.LocalArtifactStore;
import dev.evalops.artifacts.Manifest;
import dev.evalops.artifacts.Pointer;
import dev.evalops.artifacts.RunRef;
import dev.evalops.artifacts.RunWriter;
import dev.evalops.core.BadInputException;
import dev.evalops.core.Json;
import dev.evalops.core.Outcome;
import dev.evalops.metrics.MetricDatum;
import dev.evalops.metrics.MetricsSink;
import dev.evalops.router.sample.SampleRouter;
import dev.evalops.sanitize.Sanitizer;
import dev.evalops.testing.RepoRoot;
import dev.evalops.trigger.TriggerParser;

/** The service end to end on a local store: the sample set (live and replayed), baselines, refusals, faults. */
class GoldenEvalTest {
    static final String RECORDING = "golden/v1/recorded-predictions.jsonl";
    static final List<String> ARTIFACTS = List.of("confusion_matrix.csv", "manifest.json", "metrics.json", "misroutes.jsonl", "per_intent.csv",
            "predictions.jsonl", "quarantine.jsonl", "summary.md", "threshold_recommendation.json", "tier0_report.csv", "tier2_violations.csv");

    @TempDir
    Path root;
    final List<MetricDatum> published = new CopyOnWriteArrayList<>();
    final MetricsSink sink = published::addAll;
    /** One minute per run: run ids carry the minute, so runs of one test never collide. */
    Instant now = Instant.parse("2026-11-22T02:00:00Z");
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    LocalArtifactStore store;
    SampleRouter router;

    @BeforeEach
    void setUp() throws IOException {
        store = new LocalArtifactStore(root, clock);
        Path v1 = Files.createDirectories(root.resolve("golden/v1"));
        for (String f : List.of("golden.jsonl", "policy.json", "recorded-predictions.jsonl")) {
            Files.copy(RepoRoot.file("samples/golden/v1/" + f), v1.resolve(f));
        }
    }

    @AfterEach
    void tearDown() {
        if (router != null) {
            router.close();
        }
    }

    GoldenEval eval(Map<String, String> properties) {
        return eval(properties, store);
    }

    GoldenEval eval(Map<String, String> properties, ArtifactStore artifacts) {
        return LocalGoldenEval.create(root, artifacts, sink, clock, properties);
    }

    GoldenRunResult run(GoldenEval eval, GoldenRunRequest request) {
        now = now.plus(Duration.ofMinutes(1));
        return eval.run(request);
    }

    JsonNode json(GoldenRunResult r, String artifact) throws IOException {
        return Json.mapper().readTree(Files.readString(Path.of(r.location(), artifact)));
    }

    static RunRef ref(GoldenRunResult r) {
        return new RunRef("golden", LocalDate.parse(r.runId().substring(7, 15), java.time.format.DateTimeFormatter.BASIC_ISO_DATE), r.runId());
    }

    @Test
    void replayOfTheRecordingWritesTheFullPinnedArtifactSet() throws IOException {
        GoldenRunResult r = run(eval(Map.of()), GoldenRunRequest.defaults().withPredictions(RECORDING).withReason("alarm:EvalOps-prod-golden-f1-drop"));

        // pinned by samples/golden/v1 (recomputed independently from the two files): a good router with realistic flaws
        assertThat(r.outcome()).isEqualTo(Outcome.PASS);
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.mode()).isEqualTo("replay");
        assertThat(r.n()).isEqualTo(446);
        assertThat(r.unscored()).isZero();
        assertThat(r.accuracy()).isCloseTo(429.0 / 446, within(1e-12));
        assertThat(r.macroF1()).isCloseTo(0.962982140753639, within(1e-12));
        assertThat(r.tier0FalseNegatives()).isZero();
        assertThat(r.tier2GateViolations()).isZero();
        assertThat(r.location()).isEqualTo(root.resolve(ref(r).prefix()).toString());

        try (Stream<Path> files = Files.list(Path.of(r.location()))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactlyElementsOf(ARTIFACTS);
        }
        Manifest manifest = store.manifest(ref(r)).orElseThrow();
        assertThat(manifest.artifacts()).extracting(Manifest.Entry::name)
                .containsExactlyInAnyOrderElementsOf(ARTIFACTS.stream().filter(a -> !a.equals("manifest.json")).toList());

        JsonNode m = json(r, "metrics.json");
        assertThat(m.get("verdict").asText()).isEqualTo("PASS");
        assertThat(m.get("run_id").asText()).isEqualTo(r.runId());
        assertThat(m.get("reason").asText()).isEqualTo("alarm:EvalOps-prod-golden-f1-drop");
        assertThat(m.get("golden_version").asText()).isEqualTo("v1");
        assertThat(m.get("n").asInt()).isEqualTo(446);
        assertThat(m.at("/tier0/caught").asInt()).isEqualTo(80);
        assertThat(m.at("/tier0/false_negative_ids").size()).isZero();
        // over-escalation: "my bank app shows it twice" (fraud) and "I deleted the email" (privacy, three times)
        assertThat(m.at("/tier0/false_positive_ids").toString()).isEqualTo("[\"g-000024\",\"g-000145\",\"g-000307\",\"g-000389\"]");
        assertThat(m.at("/tier2/auto_replies").asInt()).isEqualTo(116);
        // a delivery complaint read as order status at 0.88 and auto-replied: five times
        assertThat(m.at("/tier2/unsafe_automations").asInt()).isEqualTo(5);
        assertThat(m.at("/tier2/unsafe_automation_ids/0").asText()).isEqualTo("g-000170");
        assertThat(m.at("/team_accuracy").asDouble()).isCloseTo(433.0 / 446, within(1e-12));
        assertThat(m.at("/cost_per_example_usd").asDouble()).isCloseTo(0.0023253587443946176, within(1e-12));
        assertThat(m.at("/per_intent/order.status/support").asInt()).isEqualTo(60);
        assertThat(m.get("baseline").isNull()).isTrue();
        assertThat(m.get("baseline_note").asText()).startsWith("No baseline yet");
        JsonNode threshold = json(r, "threshold_recommendation.json");
        assertThat(threshold.get("sweep").size()).isEqualTo(101);
        // the five wrong auto-replies at 0.88 are what the raise removes: 108 of 108 right from 0.90
        assertThat(threshold.at("/recommended/threshold").asDouble()).isCloseTo(0.90, within(1e-9));
        assertThat(threshold.at("/recommended/auto_replies").asInt()).isEqualTo(108);
        assertThat(threshold.at("/recommended/correct").asInt()).isEqualTo(108);
        assertThat(threshold.at("/at_current/auto_replies").asInt()).isEqualTo(116);
        assertThat(threshold.at("/at_current/correct").asInt()).isEqualTo(111);

        String summary = Files.readString(Path.of(r.location(), "summary.md"));
        assertThat(summary).startsWith("# Golden-set eval `" + r.runId() + "`: PASS\n\n**No blocker from the golden set.**")
                .contains("- Reason: alarm:EvalOps-prod-golden-f1-drop").contains("| intent accuracy | 96.2% |")
                .contains("| Tier 0 false positives | 4 |").contains("raise to 0.90")
                .contains("golden-promote-baseline --run " + r.runId() + "\n").doesNotContain("--force");

        // latest moves after the commit, the baseline never on its own
        assertThat(store.pointer("golden", "latest").map(Pointer::runId)).contains(r.runId());
        assertThat(store.pointer("golden", "baseline")).isEmpty();
        assertThat(published).extracting(MetricDatum::name).containsExactly("Accuracy", "MacroF1", "Tier0FalseNegatives", "Tier2GateViolations",
                "Unscored");
        assertThat(published.get(0).value()).isCloseTo(429.0 / 446, within(1e-12));
        assertThat(published.get(2).value()).isZero();
        assertThat(published.get(2).unit()).isEqualTo("Count");
    }

    @Test
    void aLiveRunAgainstTheSampleRouterAnswersLikeItsRecordingAndSanitizesWhatTheRouterLeaks() throws IOException {
        List<String> lines = Files.readAllLines(root.resolve("golden/v1/golden.jsonl"));
        JsonNode withEmail = lines.stream().map(GoldenEvalTest::tree).filter(n -> n.get("text").asText().contains("@")).findFirst().orElseThrow();
        String email = java.util.regex.Pattern.compile("\\S+@\\S+\\.[a-z]+").matcher(withEmail.get("text").asText()).results().findFirst()
                .orElseThrow().group();
        router = SampleRouter.start(SampleRouter.Options.defaults().fault(withEmail.get("id").asText(), SampleRouter.Fault.ECHO_TEXT)
                .fault("g-000001", SampleRouter.Fault.UNGATED_AUTO_REPLY));
        GoldenRunResult r = run(eval(Map.of("evalops.router.url", router.url().toString(), "evalops.router.concurrency", "4")),
                GoldenRunRequest.defaults().withGoldenVersion("v1"));

        assertThat(r.mode()).isEqualTo("live");
        assertThat(r.reason()).isEqualTo("manual");
        assertThat(router.requests()).isEqualTo(446);
        assertThat(router.maxInFlight()).isBetween(2, 4);
        Map<String, String> recorded = new HashMap<>();
        for (String line : Files.readAllLines(root.resolve(RECORDING))) {
            recorded.put(tree(line).get("id").asText(), tree(line).get("intent").asText());
        }
        Map<String, String> live = new HashMap<>();
        for (String line : Files.readAllLines(Path.of(r.location(), "predictions.jsonl"))) {
            live.put(tree(line).get("id").asText(), tree(line).get("intent").asText());
        }
        assertThat(live).as("samples/golden/v1/recorded-predictions.jsonl no longer matches the sample router: regenerate it "
                + "(samples/golden/README.md)").isEqualTo(recorded);

        // the UNGATED fault makes the router auto-reply against its own policy
        JsonNode m = json(r, "metrics.json");
        assertThat(m.at("/tier2/gate_violation_ids").toString()).contains("g-000001");
        assertThat(Files.readString(Path.of(r.location(), "tier2_violations.csv"))).contains("g-000001,gate_violation");
        // the echoed ticket text (with its e-mail address) comes back in fallback_reason: no artifact may hold it
        try (Stream<Path> files = Files.list(Path.of(r.location()))) {
            for (Path f : files.toList()) {
                assertThat(Files.readString(f)).as(f.getFileName().toString()).doesNotContain(email);
            }
        }
        assertThat(Files.readString(Path.of(r.location(), "predictions.jsonl"))).contains("[EMAIL#");
    }

    @Test
    void routerFailuresAreUnscoredListedAndNeverCountedRight() throws IOException {
        router = SampleRouter.start(SampleRouter.Options.defaults().fault("g-000002", SampleRouter.Fault.status(503))
                .fault("g-000003", SampleRouter.Fault.MALFORMED_JSON));
        GoldenRunResult r = run(eval(Map.of("evalops.router.url", router.url().toString(), "evalops.router.retries", "0")),
                GoldenRunRequest.defaults());
        assertThat(r.n()).isEqualTo(446);
        assertThat(r.scored()).isEqualTo(444);
        assertThat(r.unscored()).isEqualTo(2);
        JsonNode m = json(r, "metrics.json");
        assertThat(m.at("/unscored_examples/0/id").asText()).isEqualTo("g-000002");
        assertThat(m.at("/unscored_examples/0/kind").asText()).isEqualTo("SERVER_ERROR");
        assertThat(m.at("/unscored_examples/1/kind").asText()).isEqualTo("INVALID_RESPONSE");
        assertThat(Files.readString(Path.of(r.location(), "confusion_matrix.csv"))).contains("(unscored)");
        assertThat(Files.readString(Path.of(r.location(), "summary.md"))).contains("## Unscored").contains("g-000002 (SERVER_ERROR)");
    }

    @Test
    void aDryRunScoresButWritesPublishesAndMovesNothing() {
        GoldenRunResult r = run(eval(Map.of()), GoldenRunRequest.defaults().withPredictions(RECORDING).withDryRun(true));
        assertThat(r.dryRun()).isTrue();
        assertThat(r.location()).isNull();
        assertThat(r.accuracy()).isCloseTo(429.0 / 446, within(1e-12));
        assertThat(r.tier0FalseNegatives()).isZero();
        assertThat(root.resolve("eval_runs")).doesNotExist();
        assertThat(published).isEmpty();
    }

    /** A small set where the router is right on Tier 0, so the baseline comparison decides the verdict. */
    void writeSmallSet(String version, int n) throws IOException {
        Path dir = Files.createDirectories(root.resolve("golden/" + version));
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String intent = i % 2 == 0 ? "order.status" : "order.cancel";
            rows.add(Json.mapper().writeValueAsString(Map.of("id", "s-" + i, "text", "ticket " + i, "channel", "email", "intent", intent,
                    "team", "orders", "template", intent.equals("order.status") ? "order_status_update" : "cancel_order_confirm",
                    "tier", intent.equals("order.status") ? 2 : 1)));
        }
        Files.write(dir.resolve("golden.jsonl"), rows);
        Files.writeString(dir.resolve("policy.json"), "{\"tier2_eligible_intents\":[\"order.status\"],\"auto_reply_min_confidence\":0.85}");
    }

    /** A recording for the small set, wrong (cancel answered as status) on the first {@code wrong} cancel tickets. */
    String recording(String name, int n, int wrong) throws IOException {
        List<String> rows = new ArrayList<>();
        int wrongSoFar = 0;
        for (int i = 0; i < n; i++) {
            boolean status = i % 2 == 0;
            boolean miss = !status && wrongSoFar++ < wrong;
            String intent = status || miss ? "order.status" : "order.cancel";
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", "s-" + i);
            row.put("intent", intent);
            row.put("team", "orders");
            row.put("template", intent.equals("order.status") ? "order_status_update" : "cancel_order_confirm");
            row.put("tier", intent.equals("order.status") ? 2 : 1);
            row.put("action", "route");
            row.put("confidence", 0.8);
            row.put("latency_ms", 900);
            row.put("cost_usd", 0.002);
            rows.add(Json.mapper().writeValueAsString(row));
        }
        Path file = root.resolve("recordings/" + name + ".jsonl");
        Files.createDirectories(file.getParent());
        Files.write(file, rows);
        return file.toString();
    }

    @Test
    void baselineComparisonDecidesRegressionAndTheBaselineMovesOnlyWhenPromoted() throws IOException {
        writeSmallSet("s1", 80);
        GoldenEval eval = eval(Map.of("evalops.golden.version", "s1", "evalops.golden.gates.min-accuracy", "0"));
        GoldenRunResult first = run(eval, GoldenRunRequest.defaults().withPredictions(recording("good", 80, 1)));
        assertThat(first.verdict()).isEqualTo(Verdict.PASS);
        assertThat(first.outcome()).isEqualTo(Outcome.PASS);
        assertThat(first.baselineRunId()).isNull();

        GoldenRunResult promoted = eval.promoteBaseline(first.runId(), "jane", false);
        assertThat(promoted.outcome()).isEqualTo(Outcome.PASS);
        assertThat(promoted.action()).isEqualTo("promote-baseline");
        assertThat(promoted.baselineRunId()).isEqualTo(first.runId());
        assertThat(store.pointer("golden", "baseline").orElseThrow().updatedBy()).isEqualTo("promote-baseline by jane");

        // 12 cancel tickets newly wrong: b = 12, c = 0, mid-p = 2/4096 - 1/4096... far below 0.05
        GoldenRunResult worse = run(eval, GoldenRunRequest.defaults().withPredictions(recording("worse", 80, 13)));
        assertThat(worse.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(worse.dropSignificant()).isTrue();
        assertThat(worse.baselineRunId()).isEqualTo(first.runId());
        JsonNode b = json(worse, "metrics.json").get("baseline");
        assertThat(b.at("/paired/pairs").asInt()).isEqualTo(80);
        assertThat(b.at("/paired/mcnemar/baseline_only_correct").asInt()).isEqualTo(12);
        assertThat(b.at("/paired/mcnemar/current_only_correct").asInt()).isZero();
        assertThat(b.at("/paired/mcnemar/p_mid_p").asDouble()).isCloseTo(1.0 / 4096, within(1e-12));
        assertThat(b.at("/confusion_shifts/0/gold").asText()).isEqualTo("order.cancel");
        assertThat(b.at("/confusion_shifts/0/delta").asInt()).isEqualTo(12);
        assertThat(b.at("/per_intent_recall/0/intent").asText()).isEqualTo("order.cancel");
        assertThat(Files.readString(Path.of(worse.location(), "summary.md"))).contains("**Significant drop**");
        // a REGRESSION run does not become the baseline, and the latest pointer follows runs
        assertThat(store.pointer("golden", "baseline").orElseThrow().runId()).isEqualTo(first.runId());
        assertThat(store.pointer("golden", "latest").orElseThrow().runId()).isEqualTo(worse.runId());

        // 2 newly wrong: b = 2, c = 0, mid-p = 0.25: reported, not a regression
        GoldenRunResult noise = run(eval, GoldenRunRequest.defaults().withPredictions(recording("noise", 80, 3)));
        assertThat(noise.verdict()).isEqualTo(Verdict.PASS);
        assertThat(noise.dropSignificant()).isFalse();
        assertThat(json(noise, "metrics.json").at("/baseline/note").asText()).contains("not significant").contains("not a regression");
        assertThat(Files.readString(Path.of(noise.location(), "summary.md"))).contains("The drop is **not significant**: not a regression.");

        // promoting a non-PASS run needs force, and says so
        GoldenRunResult refused = eval.promoteBaseline(worse.runId(), "jane", false);
        assertThat(refused.outcome()).isEqualTo(Outcome.GATES_FAILED);
        assertThat(refused.verdictReasons().get(0)).contains("verdict REGRESSION").contains("force");
        assertThat(store.pointer("golden", "baseline").orElseThrow().runId()).isEqualTo(first.runId());
        eval.promoteBaseline(worse.runId(), "jane", true);
        assertThat(store.pointer("golden", "baseline").orElseThrow().updatedBy()).isEqualTo("promote-baseline by jane (forced, verdict REGRESSION)");

        // an explicit baseline overrides the pointer
        GoldenRunResult vsFirst = run(eval, GoldenRunRequest.defaults().withPredictions(recording("again", 80, 1)).withBaseline(first.runId()));
        assertThat(vsFirst.baselineRunId()).isEqualTo(first.runId());
        assertThat(json(vsFirst, "metrics.json").at("/baseline/paired/mcnemar/baseline_only_correct").asInt()).isZero();
    }

    @Test
    void badInputIsRefusedBeforeTheRouterIsCalledOrAnythingWritten() throws IOException {
        router = SampleRouter.start();
        GoldenEval eval = eval(Map.of("evalops.router.url", router.url().toString()));
        Path bad = Files.createDirectories(root.resolve("golden/bad"));
        List<String> rows = new ArrayList<>(Files.readAllLines(root.resolve("golden/v1/golden.jsonl")).subList(0, 50));
        rows.set(3, rows.get(3).replace("\"tier\": ", "\"tier\": 9"));
        rows.set(10, "{not json");
        Files.write(bad.resolve("golden.jsonl"), rows);
        Files.copy(root.resolve("golden/v1/policy.json"), bad.resolve("policy.json"));
        assertThatThrownBy(() -> run(eval, GoldenRunRequest.defaults().withGoldenVersion("bad"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining(bad.resolve("golden.jsonl").toString()).hasMessageContaining("2 of 50 rows (4.0%) are malformed")
                .hasMessageContaining("line 4 field 'tier'").hasMessageContaining("line 11 field '(row)'");

        Path dup = Files.createDirectories(root.resolve("golden/dup"));
        List<String> twice = new ArrayList<>(rows.subList(0, 3));
        twice.add(rows.get(0));
        Files.write(dup.resolve("golden.jsonl"), twice);
        Files.copy(root.resolve("golden/v1/policy.json"), dup.resolve("policy.json"));
        assertThatThrownBy(() -> run(eval, GoldenRunRequest.defaults().withGoldenVersion("dup")))
                .hasMessageContaining("1 duplicated id(s): g-000001 (lines 1, 4)");

        Files.createDirectories(root.resolve("golden/nopolicy"));
        Files.write(root.resolve("golden/nopolicy/golden.jsonl"), rows.subList(0, 3));
        assertThatThrownBy(() -> run(eval, GoldenRunRequest.defaults().withGoldenVersion("nopolicy")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("input not found").hasMessageContaining("nopolicy/policy.json");
        assertThatThrownBy(() -> run(eval, GoldenRunRequest.defaults().withBaseline("golden-20261101-0200-beef")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no completed golden run golden-20261101-0200-beef");
        assertThatThrownBy(() -> run(eval, GoldenRunRequest.defaults().withBaseline("last-week")))
                .hasMessageContaining("'last-week' is not a golden run id");
        assertThatThrownBy(() -> run(eval, GoldenRunRequest.defaults().withGoldenVersion("../v1"))).hasMessageContaining("must match");
        assertThatThrownBy(() -> run(eval(Map.of()), GoldenRunRequest.defaults())).isInstanceOf(BadInputException.class)
                .hasMessageContaining("no router URL");
        assertThatThrownBy(() -> run(eval(Map.of("evalops.golden.baseline.test", "chi2")), GoldenRunRequest.defaults()))
                .hasMessageContaining("exact or mid-p");

        assertThat(router.requests()).isZero();
        assertThat(root.resolve("eval_runs")).doesNotExist();
        assertThat(published).isEmpty();
    }

    @Test
    void aFailureWhileWritingLeavesNoRunNoPointerAndNoMetrics() {
        ArtifactStore failing = new FailingStore(store, "summary.md");
        GoldenEval eval = eval(Map.of(), failing);
        assertThatThrownBy(() -> run(eval, GoldenRunRequest.defaults().withPredictions(RECORDING)))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("disk full");
        assertThat(store.completedRuns("golden", LocalDate.parse("2026-01-01"))).isEmpty();
        assertThat(root.resolve("eval_runs/golden/2026-11-22")).isEmptyDirectory();
        assertThat(store.pointer("golden", "latest")).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void triggersDispatchAndEveryMalformedPayloadIsRefused() throws IOException {
        router = SampleRouter.start();
        GoldenEval eval = eval(Map.of("evalops.router.url", router.url().toString()));
        now = now.plus(Duration.ofMinutes(1));
        GoldenRunResult scheduled = eval.handle(TriggerParser.parse(event("golden-set-eval/schedule.json")));
        assertThat(scheduled.reason()).isEqualTo("schedule:evalops-prod-golden-weekly");
        assertThat(scheduled.goldenVersion()).isEqualTo("v1");

        now = now.plus(Duration.ofMinutes(1));
        GoldenRunResult drift = eval.handle(TriggerParser.parse(event("golden-set-eval/manual-drift.json")));
        assertThat(drift.reason()).isEqualTo("alarm:EvalOps-prod-golden-f1-drop");

        assertThatThrownBy(() -> eval.handle(TriggerParser.parse(event("triggers/alarm-action.json")))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("not an alarm target");
        Map<String, String> expected = Map.of(
                "malformed-unknown-field.json", "unknown field(s) [goldenVersoin]",
                "malformed-dry-run-not-boolean.json", "field 'dryRun' is \"yes\", expected true or false",
                "malformed-unknown-action.json", "unknown action 'rerun', expected run or promote-baseline",
                "malformed-version-path.json", "goldenVersion '../v1' must match",
                "malformed-missing-version.json", "input not found",
                "malformed-promote-without-run-id.json", "field 'runId' is required");
        List<String> files;
        try (Stream<Path> list = Files.list(RepoRoot.file("events/golden-set-eval"))) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("malformed-")).sorted().toList();
        }
        assertThat(files).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (String f : files) {
            assertThatThrownBy(() -> eval.handle(TriggerParser.parse(event("golden-set-eval/" + f)))).as(f)
                    .isInstanceOf(BadInputException.class).hasMessageContaining(expected.get(f));
        }
    }

    static JsonNode event(String name) throws IOException {
        return Json.mapper().readTree(Files.readString(RepoRoot.file("events/" + name)));
    }

    static JsonNode tree(String line) {
        try {
            return Json.mapper().readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A store whose writer fails on one artifact, the way a full disk or a dropped connection would. */
    record FailingStore(ArtifactStore delegate, String failOn) implements ArtifactStore {
        @Override
        public String root() {
            return delegate.root();
        }

        @Override
        public RunWriter begin(RunRef run) {
            RunWriter w = delegate.begin(run);
            return new RunWriter() {
                @Override
                public RunRef run() {
                    return w.run();
                }

                @Override
                public Sanitizer sanitizer() {
                    return w.sanitizer();
                }

                @Override
                public void writeJson(String name, Object value) {
                    check(name);
                    w.writeJson(name, value);
                }

                @Override
                public void writeJsonLines(String name, Iterable<?> rows) {
                    check(name);
                    w.writeJsonLines(name, rows);
                }

                @Override
                public void writeCsv(String name, List<String> header, Iterable<? extends List<?>> rows) {
                    check(name);
                    w.writeCsv(name, header, rows);
                }

                @Override
                public void writeMarkdown(String name, String markdown) {
                    check(name);
                    w.writeMarkdown(name, markdown);
                }

                @Override
                public Manifest commit() {
                    return w.commit();
                }

                @Override
                public String location() {
                    return w.location();
                }

                @Override
                public void close() {
                    w.close();
                }

                private void check(String name) {
                    if (name.equals(failOn)) {
                        throw new UncheckedIOException(new IOException("disk full writing " + name));
                    }
                }
            };
        }

        @Override
        public Optional<Manifest> manifest(RunRef run) {
            return delegate.manifest(run);
        }

        @Override
        public Optional<String> readArtifact(RunRef run, String name) {
            return delegate.readArtifact(run, name);
        }

        @Override
        public Pointer movePointer(RunRef run, String name, String movedBy) {
            return delegate.movePointer(run, name, movedBy);
        }

        @Override
        public Optional<Pointer> pointer(String kind, String name) {
            return delegate.pointer(kind, name);
        }

        @Override
        public List<RunRef> completedRuns(String kind, LocalDate from) {
            return delegate.completedRuns(kind, from);
        }

        @Override
        public void putDocument(String key, JsonNode document) {
            delegate.putDocument(key, document);
        }

        @Override
        public List<String> listDocuments(String prefix) {
            return delegate.listDocuments(prefix);
        }

        @Override
        public Optional<JsonNode> readDocument(String key) {
            return delegate.readDocument(key);
        }
    }
}
