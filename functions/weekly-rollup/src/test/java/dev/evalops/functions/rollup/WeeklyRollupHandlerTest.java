package dev.evalops.functions.rollup;

import static dev.evalops.testing.HandlerCalls.assertRejected;
import static dev.evalops.testing.HandlerCalls.event;
import static dev.evalops.testing.HandlerCalls.keys;
import static dev.evalops.testing.HandlerCalls.metric;
import static dev.evalops.testing.HandlerCalls.object;
import static dev.evalops.testing.HandlerCalls.read;
import static dev.evalops.testing.HandlerCalls.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.testing.EmulatorTestResource;
import dev.evalops.testing.RepoRoot;
import dev.evalops.turns.SyntheticTurns;
import dev.evalops.turns.TurnSinks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The real handler through the Lambda mock event server, against the emulator: generated messy turns for
 * 2026-11-08..2026-11-29 (one day missing, an incident from the 22nd) in the bucket's {@code turns/}, then the
 * payloads of {@code events/weekly-rollup/} in order: W46 as a range (nothing to compare with), W47 (compared with
 * W46), the Sunday schedule (2026-11-22..28, the incident week: every week-over-week rule fires), and every
 * malformed payload.
 */
@QuarkusTest
@QuarkusTestResource(EmulatorTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WeeklyRollupHandlerTest {
    static final LocalDate START = LocalDate.parse("2026-11-08");
    static final LocalDate MISSING = LocalDate.parse("2026-11-19");
    /** From the schedule's first day on: a carrier outage and a slow provider (see SyntheticTurns.Options). */
    static final LocalDate INCIDENT = LocalDate.parse("2026-11-22");
    static final int PER_DAY = 400;
    static SyntheticTurns.Summary generated;
    static String w46RunId;

    static final String FUNCTION = "weekly-rollup";

    @Inject
    S3Client s3;

    @Inject
    CloudWatchClient cloudWatch;

    @BeforeEach
    void uploadTurnsOnce() {
        if (generated == null) {
            SyntheticTurns.Options options = new SyntheticTurns.Options(START, 22, PER_DAY, 2, 7, Set.of(MISSING), 0.01, 0.01, true, 150, INCIDENT);
            generated = new SyntheticTurns(options).generate(TurnSinks.s3(s3, EmulatorTestResource.bucket(), "turns"), 2);
        }
    }

    @Test
    @Order(1)
    void firstWeekAsARangeHasNothingToCompareWith() {
        JsonNode result = result(event(FUNCTION, "manual-range.json"));
        assertThat(result.get("from").asText()).isEqualTo("2026-11-09");
        assertThat(result.get("to").asText()).isEqualTo("2026-11-15");
        assertThat(result.get("previous_run_id").isNull()).isTrue();
        assertThat(result.get("missing_days")).isEmpty();
        // Exactly what the generator wrote: every valid turn dated in the range once, every injected defect found
        // (partitions 09..16: the 16th holds the 15th's late file).
        LocalDate from = LocalDate.parse("2026-11-09"), to = LocalDate.parse("2026-11-15");
        JsonNode report = metrics(result);
        assertThat(report.at("/input/turns").asLong()).isEqualTo(generated.turns(from, to));
        assertThat(report.at("/input/duplicates").asLong()).isEqualTo(generated.duplicates(from, to));
        assertThat(report.at("/input/bad_lines").asLong()).isEqualTo(generated.badLines(from, to.plusDays(1)));
        assertThat(report.at("/input/turns").asLong()).isEqualTo(report.at("/input/valid_lines").asLong()
                - report.at("/input/duplicates").asLong() - report.at("/input/out_of_range").asLong());
        assertThat(report.at("/week_over_week/note").asText()).isEqualTo("no previous rollup to compare with");
        w46RunId = result.get("run_id").asText();
        // CloudWatch, under the names the stack alarms on (this environment's first run, so its only datapoints).
        // moto matches datapoints with more dimensions too, so p95 is checked for one provider, where nothing has more.
        assertThat(providerP95("google")).isEqualTo(find(report.at("/latency/providers"), "provider", "google").get("p95_ms").asDouble());
        assertThat(metric("CostPerTurn")).isEqualTo(report.at("/cost/per_turn_usd").asDouble());
        assertThat(metric("CostPerUser")).isEqualTo(report.at("/cost/per_user/mean_usd").asDouble());
        assertThat(metric("ErrorRate")).isEqualTo(report.at("/errors/rate").asDouble());
        assertThat(metric("CacheHitRate")).isEqualTo(report.at("/cache/hit_rate").asDouble());
        assertThat(metric("FallbackRate")).isEqualTo(report.at("/fallbacks/rate").asDouble());
        assertThat(metric("RollupGatesPassed")).isEqualTo(report.at("/gates/verdict").asText().equals("PASS") ? 1.0 : 0.0);
        assertThat(metric("RollupTurns")).isEqualTo(report.at("/input/turns").asDouble());
    }

    @Test
    @Order(2)
    void isoWeekIsComparedWithTheWeekBeforeAndReportsTheMissingDay() {
        JsonNode result = result(event(FUNCTION, "manual-week.json"));
        assertThat(result.get("iso_week").asText()).isEqualTo("2026-W47");
        assertThat(result.get("outcome").asText()).isIn("PASS", "GATES_FAILED");
        assertThat(result.get("previous_run_id").asText()).isEqualTo(w46RunId);
        assertThat(result.get("missing_days")).extracting(JsonNode::asText).containsExactly(MISSING.toString());
        String prefix = prefix(result);

        JsonNode report = metrics(result);
        // Input: lines add up, the mess was found, the missing day is missing (not zero traffic).
        JsonNode input = report.get("input");
        LocalDate from = LocalDate.parse("2026-11-16"), to = LocalDate.parse("2026-11-22");
        assertThat(input.get("lines").asLong()).isEqualTo(input.get("valid_lines").asLong() + input.get("bad_lines").asLong());
        assertThat(input.get("turns").asLong()).isEqualTo(generated.turns(from, to));
        assertThat(input.get("bad_lines").asLong()).isEqualTo(generated.badLines(from, to.plusDays(1))).isPositive();
        assertThat(input.get("duplicates").asLong()).isEqualTo(generated.duplicates(from, to)).isPositive();
        assertThat(input.get("late_turns").asLong()).isPositive();
        assertThat(input.get("bad_lines_by_field").size()).isGreaterThan(1);
        JsonNode missingDay = find(report.get("days"), "date", MISSING.toString());
        assertThat(missingDay.get("status").asText()).isEqualTo("missing");
        assertThat(missingDay.get("files").asInt()).isZero();
        assertThat(report.get("days")).hasSize(7);

        // Every section is there, with the figures the generator's distributions imply.
        assertThat(report.get("intents").size()).isEqualTo(14);
        assertThat(report.get("intents").get(0).get("intent").asText()).isEqualTo("order.status");
        assertThat(report.get("intents").get(0).get("change_points").isNumber()).isTrue();
        assertThat(report.at("/latency/providers")).extracting(p -> p.get("provider").asText())
                .containsExactlyInAnyOrder("anthropic", "openai", "google");
        assertThat(report.at("/latency/overall/p95_ms").asDouble()).isBetween(1000.0, 5000.0);
        assertThat(report.at("/latency/relative_accuracy").asDouble()).isEqualTo(0.005);
        assertThat(report.at("/cost/per_turn_usd").asDouble()).isBetween(0.001, 0.01);
        assertThat(report.at("/cost/per_user/users").asLong()).isBetween(50L, 150L);
        assertThat(report.at("/cost/by_provider_model").size()).isEqualTo(4);
        assertThat(report.at("/fallbacks/reasons").size()).isPositive();
        assertThat(report.at("/errors/rate").asDouble()).isBetween(0.0, 0.05);
        assertThat(report.get("top_expensive")).hasSize(10);
        assertThat(report.at("/accuracy/intent_accuracy").asDouble()).isBetween(0.9, 1.0);
        assertThat(report.at("/accuracy/task_accuracy").asDouble()).isBetween(0.7, 0.95);
        assertThat(report.at("/week_over_week/previous_run_id").asText()).isEqualTo(result.get("previous_run_id").asText());
        assertThat(report.at("/week_over_week/intent_mix/p_value").isNumber()).isTrue();
        assertThat(report.at("/gates/results")).hasSize(4);

        // Artifacts: one CSV per table, summary, quarantine with file and line, the 50-turn sample, manifest listing all.
        List<String> keys = keys(prefix).stream().map(k -> k.substring(prefix.length())).toList();
        assertThat(keys).contains("metrics.json", "summary.md", "quarantine.jsonl", "review_sample.jsonl", "manifest.json",
                "tables/intents.csv", "tables/latency_by_provider.csv", "tables/cost_by_provider_model.csv", "tables/top_users_by_cost.csv",
                "tables/fallback_reasons.csv", "tables/error_classes.csv", "tables/days.csv", "tables/top_expensive_turns.csv",
                "tables/anomalies.csv", "tables/gates.csv", "tables/files.csv");
        JsonNode manifest = read(object(prefix + "manifest.json"));
        assertThat(manifest.get("artifacts")).hasSize(keys.size() - 1);
        String[] sample = object(prefix + "review_sample.jsonl").split("\n");
        assertThat(sample).hasSize(50);
        assertThat(read(sample[0]).get("turn_id").asText()).startsWith("t-");
        JsonNode bad = read(object(prefix + "quarantine.jsonl").split("\n")[0]);
        assertThat(bad.get("file").asText()).startsWith("s3://" + EmulatorTestResource.bucket() + "/turns/dt=2026-11-");
        assertThat(bad.get("line").asLong()).isPositive();
        assertThat(bad.get("reason").asText()).isNotBlank();
        assertThat(object(prefix + "summary.md")).contains("# Weekly rollup 2026-W47").contains("Missing days").contains("## Gates");

        // The latest pointer follows the newest week.
        JsonNode latest = read(object("eval_runs/rollup/latest.json"));
        assertThat(latest.get("run_id").asText()).isEqualTo(result.get("run_id").asText());

        // The first week-over-week figures in this environment (W46 had nothing to compare with), p95 also per Provider.
        assertThat(metric("IntentMixDrift")).isEqualTo(report.at("/week_over_week/intent_mix/chi_square").asDouble());
        assertThat(metric("IntentMixPsi")).isEqualTo(report.at("/week_over_week/intent_mix/psi").asDouble());
        List<Metric> listed = cloudWatch.listMetricsPaginator(b -> b.namespace("EvalOps").metricName("LatencyP95")).metrics().stream().toList();
        assertThat(listed).flatExtracting(Metric::dimensions).anyMatch(d -> d.name().equals("Provider") && d.value().equals("google"))
                .anyMatch(d -> d.name().equals("Env") && d.value().equals(EmulatorTestResource.env()));
    }

    @Test
    @Order(3)
    void scheduleCoversTheSevenDaysBeforeItsDateAndFlagsTheIncidentWeek() {
        JsonNode result = result(event(FUNCTION, "schedule.json"));
        assertThat(result.get("from").asText()).isEqualTo("2026-11-22");
        assertThat(result.get("to").asText()).isEqualTo("2026-11-28");
        // latest (W47) ends on the 22nd, so the newest rollup ending before the range is W46.
        assertThat(result.get("previous_run_id").asText()).isEqualTo(w46RunId);
        assertThat(result.get("anomalies")).extracting(a -> a.get("rule").asText() + "/" + a.get("subject").asText())
                .contains("intent_mix/all intents", "latency_spike/openai", "cost_increase/cost per turn", "fallback_spike/fallback rate",
                        "cache_hit_drop/cache-hit rate");
        JsonNode mix = metrics(result).at("/week_over_week/intent_mix");
        assertThat(mix.get("p_value").asDouble()).isLessThan(0.01);
        assertThat(mix.get("psi").asDouble()).isGreaterThan(0.05);
        assertThat(mix.get("drifted").asBoolean()).isTrue();
        assertThat(object(prefix(result) + "tables/anomalies.csv")).contains("latency_spike,openai");
        assertThat(object(prefix(result) + "summary.md")).contains("**intent_mix**").contains("shipping.delay +");
        assertThat(result.get("turns").asLong()).isEqualTo(generated.turns(LocalDate.parse("2026-11-22"), LocalDate.parse("2026-11-28")));
    }

    @Test
    @Order(4)
    void aPreviousRunThatDoesNotExistIsBadInput() {
        assertRejected(event(FUNCTION, "manual-week-previous-missing.json"), "previous rollup rollup-20261116-0200-0000 not found");
    }

    static Stream<String> malformed() throws IOException {
        try (Stream<Path> files = Files.list(RepoRoot.file("events/weekly-rollup"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("malformed-")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("malformed")
    @Order(5)
    void malformedPayloadsAreRefusedWithWhatWasWrong(String file) {
        assertRejected(event(FUNCTION, file), "weekly-rollup: ");
    }

    private static JsonNode metrics(JsonNode result) {
        return read(object(prefix(result) + "metrics.json"));
    }

    private static String prefix(JsonNode result) {
        String location = result.get("location").asText();
        String bucketPrefix = "s3://" + EmulatorTestResource.bucket() + "/";
        assertThat(location).startsWith(bucketPrefix);
        String p = location.substring(bucketPrefix.length());
        return p.endsWith("/") ? p : p + "/";
    }

    private double providerP95(String provider) {
        Instant now = Instant.now();
        return cloudWatch.getMetricStatistics(b -> b.namespace("EvalOps").metricName("LatencyP95")
                .dimensions(Dimension.builder().name("Env").value(EmulatorTestResource.env()).build(),
                        Dimension.builder().name("Provider").value(provider).build())
                .startTime(now.minusSeconds(3600)).endTime(now.plusSeconds(60)).period(3600).statistics(Statistic.MAXIMUM))
                .datapoints().stream().findFirst().orElseThrow(() -> new AssertionError("no LatencyP95 for " + provider)).maximum();
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) {
            if (n.get(field).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no element with " + field + "=" + value + " in " + array);
    }
}
