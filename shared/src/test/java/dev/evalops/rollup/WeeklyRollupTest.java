package dev.evalops.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.evalops.artifacts.Inputs;
import dev.evalops.artifacts.LocalArtifactStore;
import dev.evalops.artifacts.RunRef;
import dev.evalops.core.BadInputException;
import dev.evalops.core.Json;
import dev.evalops.core.Outcome;
import dev.evalops.metrics.MetricDatum;
import dev.evalops.rollup.RollupReport.LatencyRow;

/**
 * Every aggregate pinned on a small hand-computed export (2026-11-16..19, late-arrival window 1 day):
 * <pre>
 * dt=16/part-00000.jsonl       t1 t2 t3 [not JSON] t1(copy) [latency_ms "fast"] t5 t0(15th: out of range) [empty]
 * dt=17/part-00000.jsonl.gz    t6 [no turn_id] t7
 * dt=17/part-late-00000.jsonl  t8 (16th, late) t1(copy, re-delivered) [tier 7, an e-mail address in channel]
 * dt=18                        missing
 * dt=19/part-00000.jsonl       t10 t7(copy 2 days late: beyond the dedup window, so counted again)
 * </pre>
 * Counted turns: t1 t2 t3 t5 t6 t7 t8 t10 t7' = 9; google has one turn (t6).
 */
class WeeklyRollupTest {
    static final LocalDate FROM = LocalDate.parse("2026-11-16");
    static final LocalDate TO = LocalDate.parse("2026-11-19");
    static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    @TempDir
    Path dir;
    Path turns;
    LocalArtifactStore store;
    List<MetricDatum> published = new ArrayList<>();

    @BeforeEach
    void writeExport() throws IOException {
        turns = dir.resolve("turns");
        store = new LocalArtifactStore(dir.resolve("data"), Clock.fixed(NOW, ZoneOffset.UTC));
        String t1 = turn("t1", "2026-11-16T08:00:00Z", "u-1", "order.status", 2, "auto_reply", "anthropic", "m-big", 100L, 100, 10, 0.001, true,
                null, null, null, true);
        String t7 = turn("t7", "2026-11-17T09:00:00Z", "u-1", "product.question", 1, "route", "anthropic", "m-big", 500L, 500, 50, null, false,
                "rate_limited", "provider_5xx", null, null);
        write("dt=2026-11-16/part-00000.jsonl", t1,
                turn("t2", "2026-11-16T09:00:00Z", "u-1", "order.status", 2, "route", "anthropic", "m-big", 200L, 200, 20, 0.002, false, null, null,
                        null, false),
                turn("t3", "2026-11-16T10:00:00Z", "u-2", "billing.double_charge", 1, "route", "openai", "gpt-x", 300L, 300, 30, 0.003, null,
                        "primary_timeout", null, Map.of("intent", "billing.refund_status", "team", "billing"), null),
                "{\"turn_id\": \"t-broken\", \"ts\": \"2026-11-16T11:00:00Z\", \"user_id\": ",
                t1,
                turn("t4", "2026-11-16T11:30:00Z", "u-2", "order.status", 2, "route", "anthropic", "m-big", null, 1, 1, 0.001, false, null, null,
                        null, null).replace("\"latency_ms\":null", "\"latency_ms\":\"fast\""),
                turn("t5", "2026-11-16T12:00:00Z", "u-3", "fraud.chargeback", 0, "escalate", "anthropic", "m-small", 400L, 400, 40, 0.004, false,
                        null, "timeout", Map.of("intent", "fraud.chargeback", "team", "legal"), true),
                turn("t0", "2026-11-15T23:59:59Z", "u-9", "other", 1, "route", "anthropic", "m-big", 50L, 5, 5, 0.5, false, null, null, null, null),
                "");
        write("dt=2026-11-17/part-00000.jsonl.gz",
                turn("t6", "2026-11-17T07:00:00Z", "u-2", "product.question", 1, "route", "google", "flash", 1234L, 50, 5, 0.0005, true, null,
                        null, null, true),
                "{\"ts\":\"2026-11-17T08:00:00Z\",\"user_id\":\"u-9\",\"intent\":\"other\",\"provider\":\"openai\",\"model\":\"gpt-x\"}",
                t7);
        write("dt=2026-11-17/part-late-00000.jsonl",
                turn("t8", "2026-11-16T23:00:00Z", "u-3", "order.status", 2, "auto_reply", "anthropic", "m-big", 600L, 600, 60, 0.006, true, null,
                        null, null, true),
                t1,
                turn("t9", "2026-11-17T10:00:00Z", "u-9", "other", 7, "route", "openai", "gpt-x", 1L, 1, 1, 0.001, false, null,
                        null, null, null).replace("\"channel\":\"email\"", "\"channel\":\"jane.doe@example.com\""));
        write("dt=2026-11-19/part-00000.jsonl",
                turn("t10", "2026-11-19T10:00:00Z", "u-4", "order.status", 2, "route", "openai", "gpt-x", 700L, 700, 70, 0.007, false, null,
                        null, null, false),
                t7);
    }

    @Test
    void pinsEveryAggregateOfTheHandComputedExport() throws IOException {
        RollupResult result = rollup(Map.of("evalops.rollup.max-bad-line-share", "0.5")).run(new RollupRequest(FROM, TO, Optional.empty()));
        RollupReport r = report(result);

        RollupReport.Input in = r.input();
        assertThat(in.files()).isEqualTo(4);
        assertThat(in.lines()).isEqualTo(17);
        assertThat(in.badLines()).isEqualTo(5);
        assertThat(in.badLineShare()).isEqualTo(0.294118);
        assertThat(in.validLines()).isEqualTo(12);
        assertThat(in.duplicates()).isEqualTo(2);
        assertThat(in.outOfRange()).isEqualTo(1);
        assertThat(in.lateTurns()).isEqualTo(2);
        assertThat(in.beyondDedupWindow()).isEqualTo(1);
        assertThat(in.turns()).isEqualTo(9);
        assertThat(in.missingDays()).containsExactly(LocalDate.parse("2026-11-18"));
        assertThat(in.damagedFiles()).isEmpty();
        assertThat(in.badLinesByField()).containsExactlyInAnyOrderEntriesOf(Map.of("(line)", 2L, "latency_ms", 1L, "turn_id", 1L, "tier", 1L));

        assertThat(r.intents()).extracting(RollupReport.IntentRow::intent, RollupReport.IntentRow::turns, RollupReport.IntentRow::share)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("order.status", 4L, 0.444444),
                        org.assertj.core.groups.Tuple.tuple("product.question", 3L, 0.333333),
                        org.assertj.core.groups.Tuple.tuple("billing.double_charge", 1L, 0.111111),
                        org.assertj.core.groups.Tuple.tuple("fraud.chargeback", 1L, 0.111111));
        assertThat(r.intents()).allSatisfy(i -> assertThat(i.previousShare()).isNull());

        // Latency: DDSketch's lower-rank quantile (element floor(q * (n - 1)) of the sorted values), within 0.5%.
        assertThat(r.latency().relativeAccuracy()).isEqualTo(0.005);
        latency(r.latency().overall(), "all", 9, 500, 700, 700, 100, 1234);
        latency(r.latency().providers().get(0), "anthropic", 6, 400, 500, 500, 100, 600);
        latency(r.latency().providers().get(1), "openai", 2, 300, 300, 300, 300, 700);
        // One turn: clamped to the exact min/max, so exactly that turn's latency.
        LatencyRow google = r.latency().providers().get(2);
        assertThat(google.provider()).isEqualTo("google");
        assertThat(List.of(google.p50Ms(), google.p95Ms(), google.p99Ms())).containsOnly(1234.0);

        RollupReport.Cost cost = r.cost();
        assertThat(cost.totalUsd()).isEqualTo(0.0235);
        assertThat(cost.turnsWithCost()).isEqualTo(7);
        assertThat(cost.perTurnUsd()).isEqualTo(0.00335714);
        assertThat(cost.perUser()).isEqualTo(new RollupReport.UserCost(4, 0.005875, 0.00525, 0.01, 0.01));
        assertThat(cost.topUsers()).containsExactly(new RollupReport.UserRow("u-3", 2, 0.01), new RollupReport.UserRow("u-4", 1, 0.007),
                new RollupReport.UserRow("u-2", 2, 0.0035), new RollupReport.UserRow("u-1", 4, 0.003));
        assertThat(cost.byProviderModel()).containsExactly(
                new RollupReport.ModelRow("openai", "gpt-x", 2, 2, 0.01, 0.005, 1000, 100, 0.425532),
                new RollupReport.ModelRow("anthropic", "m-big", 5, 3, 0.009, 0.003, 1900, 190, 0.382979),
                new RollupReport.ModelRow("anthropic", "m-small", 1, 1, 0.004, 0.004, 400, 40, 0.170213),
                new RollupReport.ModelRow("google", "flash", 1, 1, 0.0005, 0.0005, 50, 5, 0.021277));

        assertThat(r.cache()).isEqualTo(new RollupReport.Cache(8, 3, 0.375, null));
        assertThat(r.fallbacks()).isEqualTo(new RollupReport.Fallbacks(3, 0.333333, null, List.of(
                new RollupReport.CountRow("rate_limited", 2, 0.666667, 0.222222), new RollupReport.CountRow("primary_timeout", 1, 0.333333, 0.111111))));
        assertThat(r.errors()).isEqualTo(new RollupReport.Errors(3, 0.333333, List.of(
                new RollupReport.CountRow("provider_5xx", 2, 0.666667, 0.222222), new RollupReport.CountRow("timeout", 1, 0.333333, 0.111111))));
        assertThat(r.days()).containsExactly(
                new RollupReport.DayRow(FROM, "ok", 1, 5, 0.5, 0.2, 0.2),
                new RollupReport.DayRow(FROM.plusDays(1), "ok", 2, 3, 0.333333, 0.666667, 0.666667),
                new RollupReport.DayRow(FROM.plusDays(2), "missing", 0, 0, null, null, null),
                new RollupReport.DayRow(FROM.plusDays(3), "ok", 1, 1, 0.0, 0.0, 0.0));
        assertThat(r.topExpensive()).extracting(RollupReport.ExpensiveTurn::turnId).containsExactly("t10", "t8", "t5", "t3", "t2", "t1", "t6");
        assertThat(r.topExpensive().get(0)).isEqualTo(new RollupReport.ExpensiveTurn("t10", Instant.parse("2026-11-19T10:00:00Z"), "openai",
                "gpt-x", 700L, 70L, 0.007));
        // Reviewed: routed/escalated t2 t3 t5 t6 t7 t10 t7'; t3's intent was overridden, t5's team only.
        assertThat(r.accuracy()).isEqualTo(new RollupReport.Accuracy(7, 1, 0.857143, 6, 4, 0.666667));

        assertThat(r.gates().verdict()).isEqualTo("FAIL");
        assertThat(r.gates().failing()).containsExactly("intent_accuracy", "task_accuracy");
        assertThat(r.reviewSample()).isEqualTo(new RollupReport.ReviewSample(9, result.runId(), "review_sample.jsonl"));
        assertThat(r.weekOverWeek().previousRunId()).isNull();
        assertThat(result.outcome()).isEqualTo(Outcome.GATES_FAILED);
        assertThat(result.failingGates()).containsExactly("intent_accuracy", "task_accuracy");

        // Artifacts: the quarantine names file, line, field and reason, with the sample sanitized.
        RunRef run = RunRef.parsePrefix(store.pointer("rollup", "latest").orElseThrow().prefix());
        List<String> quarantine = store.readArtifact(run, "quarantine.jsonl").orElseThrow().lines().toList();
        assertThat(quarantine).hasSize(5);
        assertThat(quarantine.get(0)).contains("dt=2026-11-16/part-00000.jsonl\"").contains("\"line\":4").contains("not valid JSON");
        assertThat(quarantine.get(1)).contains("\"line\":6").contains("\"field\":\"latency_ms\"").contains("expected an integer, got a string");
        assertThat(quarantine.get(2)).contains("\"line\":9").contains("empty line");
        assertThat(quarantine.get(3)).contains("part-00000.jsonl.gz\"").contains("\"line\":2").contains("\"field\":\"turn_id\"")
                .contains("missing required field");
        assertThat(quarantine.get(4)).contains("part-late-00000.jsonl\"").contains("\"line\":3").contains("\"field\":\"tier\"")
                .contains("[EMAIL#").doesNotContain("jane.doe@example.com");
        assertThat(store.readArtifact(run, "review_sample.jsonl").orElseThrow().lines()).hasSize(9);
        assertThat(store.readArtifact(run, "tables/days.csv").orElseThrow()).contains("2026-11-18,missing,0,0,,,");
        assertThat(store.manifest(run).orElseThrow().artifacts()).extracting(e -> e.name())
                .contains("metrics.json", "summary.md", "tables/intents.csv", "tables/files.csv");

        // CloudWatch datapoints under the stack's names: p95 per Provider, fallback rate per Reason, intent share per
        // Intent; nothing for a figure without data (no previous week: no intent-mix drift).
        assertThat(value("LatencyP95", Map.of())).isCloseTo(700.0, within(3.5));
        assertThat(value("LatencyP95", Map.of("Provider", "google"))).isEqualTo(1234.0);
        assertThat(value("CostPerTurn", Map.of())).isEqualTo(0.00335714);
        assertThat(value("CostPerUser", Map.of())).isEqualTo(0.005875);
        assertThat(value("ErrorRate", Map.of())).isEqualTo(0.333333);
        assertThat(value("CacheHitRate", Map.of())).isEqualTo(0.375);
        assertThat(value("FallbackRate", Map.of())).isEqualTo(0.333333);
        assertThat(value("FallbackRate", Map.of("Reason", "rate_limited"))).isEqualTo(0.222222);
        assertThat(value("IntentShare", Map.of("Intent", "order.status"))).isEqualTo(0.444444);
        assertThat(value("RollupGatesPassed", Map.of())).isZero();
        assertThat(value("RollupTurns", Map.of())).isEqualTo(9.0);
        assertThat(value("RollupBadLines", Map.of())).isEqualTo(5.0);
        assertThat(published).extracting(MetricDatum::name).doesNotContain("IntentMixDrift", "IntentMixDriftFlag", "IntentMixPsi");
    }

    @Test
    void theReviewSampleIsSeededByTheRunIdAndIndependentOfThreads() throws IOException {
        Map<String, String> cfg = Map.of("evalops.rollup.max-bad-line-share", "0.5", "evalops.rollup.review-sample-size", "4");
        RollupScan one = RollupScan.of(new Inputs(() -> null, turns.toString()), RollupTestConfig.with(merge(cfg, "evalops.rollup.threads", "1")));
        RollupScan four = RollupScan.of(new Inputs(() -> null, turns.toString()), RollupTestConfig.with(merge(cfg, "evalops.rollup.threads", "4")));
        var files = new dev.evalops.turns.TurnExport(new Inputs(() -> null, turns.toString()), turns.toString());
        List<dev.evalops.turns.TurnExport.TurnFile> all = files.files(FROM, TO.plusDays(1));
        var a = one.scan(all, FROM, TO, dev.evalops.sanitize.Sanitizer.forRun(), RollupScan.sampleSeed("rollup-a"));
        var b = four.scan(all, FROM, TO, dev.evalops.sanitize.Sanitizer.forRun(), RollupScan.sampleSeed("rollup-a"));
        var c = one.scan(all, FROM, TO, dev.evalops.sanitize.Sanitizer.forRun(), RollupScan.sampleSeed("rollup-b"));
        List<String> ids = a.totals.sampleTurns().stream().map(t -> t.turnId()).toList();
        assertThat(ids).hasSize(4).doesNotHaveDuplicates();
        assertThat(b.totals.sampleTurns()).extracting(t -> t.turnId()).isEqualTo(ids);
        assertThat(c.totals.sampleTurns()).extracting(t -> t.turnId()).isNotEqualTo(ids);
    }

    @Test
    void tooManyBadLinesFailTheRunAndLeaveNothing() {
        WeeklyRollup rollup = rollup(Map.of());
        assertThatThrownBy(() -> rollup.run(new RollupRequest(FROM, TO, Optional.empty())))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("5 of 17 lines (29.4%)")
                .hasMessageContaining("above evalops.rollup.max-bad-line-share 5.0%")
                .hasMessageContaining("part-00000.jsonl:4 not valid JSON");
        assertThat(store.completedRuns("rollup", FROM)).isEmpty();
        assertThat(store.pointer("rollup", "latest")).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void noFilesAtAllIsBadInput() {
        assertThatThrownBy(() -> rollup(Map.of()).run(new RollupRequest(LocalDate.parse("2025-01-06"), LocalDate.parse("2025-01-12"),
                Optional.empty()))).isInstanceOf(BadInputException.class).hasMessageContaining("no turn files under")
                .hasMessageContaining("dt=2025-01-06 .. dt=2025-01-13");
    }

    @Test
    void nextWeekIsComparedWithThisOneAndLatestFollowsTheNewestWeek() throws IOException {
        Map<String, String> cfg = Map.of("evalops.rollup.max-bad-line-share", "0.5");
        RollupResult first = rollup(cfg).run(new RollupRequest(FROM, TO, Optional.empty()));
        // The next "week": the same turns re-dated 4 days later, so every figure is comparable with the first run.
        try (var files = Files.walk(turns)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = turns.relativize(f).toString();
                LocalDate partition = LocalDate.parse(name.substring(3, 13));
                Path moved = turns.resolve("dt=" + partition.plusDays(4) + name.substring(13));
                Files.createDirectories(moved.getParent());
                byte[] bytes = Files.readAllBytes(f);
                String text = name.endsWith(".gz") ? new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))
                        .readAllBytes(), StandardCharsets.UTF_8) : new String(bytes, StandardCharsets.UTF_8);
                for (int d = 19; d >= 15; d--) {
                    text = text.replace("2026-11-" + d + "T", "2026-11-" + (d + 4) + "T");
                }
                writeFile(moved, text);
            }
        }
        Clock later = Clock.fixed(NOW.plusSeconds(4 * 86_400), ZoneOffset.UTC);
        WeeklyRollup next = new WeeklyRollup(new LocalArtifactStore(dir.resolve("data"), later), new Inputs(() -> null, dir.resolve("data").toString()),
                published::addAll, RollupTestConfig.with(merge(cfg, "evalops.rollup.turns-root", turns.toString())), later);
        RollupResult second = next.run(new RollupRequest(FROM.plusDays(4), TO.plusDays(4), Optional.empty()));
        assertThat(second.previousRunId()).isEqualTo(first.runId());
        RollupReport r = report(second);
        assertThat(r.weekOverWeek().intentMix().pValue()).isEqualTo(1.0, within(1e-9));
        assertThat(r.weekOverWeek().anomalies()).isEmpty();
        assertThat(published).filteredOn(d -> d.name().equals("IntentMixDriftFlag")).singleElement().satisfies(d -> assertThat(d.value()).isZero());
        assertThat(r.intents().get(0).previousShare()).isEqualTo(0.444444);
        assertThat(r.intents().get(0).changePoints()).isEqualTo(0.0);
        assertThat(r.latency().providers().get(0).p95Ratio()).isEqualTo(1.0);
        assertThat(r.cost().previousPerTurnUsd()).isEqualTo(0.00335714);
        assertThat(store.pointer("rollup", "latest").orElseThrow().runId()).isEqualTo(second.runId());

        // A backfill of the older week compares with nothing newer and leaves latest on the newest week.
        RollupResult backfill = rollup(cfg).run(new RollupRequest(FROM, TO, Optional.empty()));
        assertThat(backfill.previousRunId()).isNull();
        assertThat(store.pointer("rollup", "latest").orElseThrow().runId()).isEqualTo(second.runId());
        // An explicit previous run is used as given.
        RollupResult explicit = next.run(new RollupRequest(FROM.plusDays(4), TO.plusDays(4), Optional.of(backfill.runId())));
        assertThat(explicit.previousRunId()).isEqualTo(backfill.runId());
        assertThatThrownBy(() -> next.run(new RollupRequest(FROM, TO, Optional.of("rollup-20261101-0200-dead"))))
                .isInstanceOf(BadInputException.class).hasMessageContaining("previous rollup rollup-20261101-0200-dead not found");
    }

    private double value(String name, Map<String, String> dimensions) {
        return published.stream().filter(d -> d.name().equals(name) && d.dimensions().equals(dimensions)).map(MetricDatum::value)
                .reduce((a, b) -> {
                    throw new AssertionError("two datapoints of " + name + " " + dimensions);
                }).orElseThrow(() -> new AssertionError("no datapoint " + name + " " + dimensions));
    }

    private static void latency(LatencyRow row, String provider, long turns, double p50, double p95, double p99, long min, long max) {
        assertThat(row.provider()).isEqualTo(provider);
        assertThat(row.turns()).isEqualTo(turns);
        assertThat(row.latencyTurns()).isEqualTo(turns);
        assertThat(row.p50Ms()).isCloseTo(p50, within(p50 * 0.005));
        assertThat(row.p95Ms()).isCloseTo(p95, within(p95 * 0.005));
        assertThat(row.p99Ms()).isCloseTo(p99, within(p99 * 0.005));
        assertThat(row.minMs()).isEqualTo(min);
        assertThat(row.maxMs()).isEqualTo(max);
    }

    private WeeklyRollup rollup(Map<String, String> config) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new WeeklyRollup(store, new Inputs(() -> null, dir.resolve("data").toString()), published::addAll,
                RollupTestConfig.with(merge(config, "evalops.rollup.turns-root", turns.toString())), clock);
    }

    private RollupReport report(RollupResult result) throws JsonProcessingException {
        RunRef run = RunRef.parsePrefix(result.location().substring(result.location().indexOf("eval_runs/")));
        return Json.mapper().readValue(store.readArtifact(run, "metrics.json").orElseThrow(), RollupReport.class);
    }

    private static Map<String, String> merge(Map<String, String> base, String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(base);
        m.put(key, value);
        return m;
    }

    private void write(String key, String... lines) throws IOException {
        writeFile(turns.resolve(key), String.join("\n", lines) + "\n");
    }

    private static void writeFile(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = file.toString().endsWith(".gz") ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    static String turn(String id, String ts, String user, String intent, int tier, String action, String provider, String model, Long latency,
            long in, long out, Double cost, Boolean cache, String fallback, String error, Map<String, String> override, Boolean task) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("turn_id", id);
        m.put("ts", ts);
        m.put("user_id", user);
        m.put("tenant", "acme");
        m.put("channel", "email");
        m.put("intent", intent);
        m.put("tier", tier);
        m.put("action", action);
        m.put("confidence", 0.9);
        m.put("provider", provider);
        m.put("model", model);
        m.put("latency_ms", latency);
        m.put("tokens_in", in);
        m.put("tokens_out", out);
        m.put("cost_usd", cost);
        m.put("cache_hit", cache);
        m.put("fallback_reason", fallback);
        m.put("error", error);
        m.put("agent_override", override == null ? null : new LinkedHashMap<>(override));
        m.put("task_success", task);
        try {
            return Json.mapper().writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
