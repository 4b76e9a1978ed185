package dev.evalops.turns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.evalops.artifacts.Inputs;
import dev.evalops.core.BadInputException;
import dev.evalops.sanitize.Sanitizer;

class TurnReaderTest {
    static final String GOOD = "{\"turn_id\":\"t-1\",\"ts\":\"2026-11-22T14:03:11Z\",\"user_id\":\"u-5ab1\",\"tenant\":\"acme\",\"channel\":\"livechat\","
            + "\"intent\":\"order.status\",\"tier\":2,\"action\":\"auto_reply\",\"confidence\":0.91,\"provider\":\"anthropic\",\"model\":\"m-2026-10\","
            + "\"latency_ms\":1834,\"tokens_in\":812,\"tokens_out\":143,\"cost_usd\":0.0041,\"cache_hit\":false,\"fallback_reason\":null,"
            + "\"error\":null,\"agent_override\":{\"intent\":\"order.cancel\",\"team\":\"orders\"},\"task_success\":true,\"new_field\":[1,{\"x\":2}]}";

    @TempDir
    Path dir;

    @Test
    void parsesTheContractExampleFieldByField() {
        TurnRecord t = TurnReader.parseLine(GOOD);
        assertThat(t).isEqualTo(new TurnRecord("t-1", Instant.parse("2026-11-22T14:03:11Z"), "u-5ab1", "acme", "livechat", "order.status", 2,
                "auto_reply", 0.91, "anthropic", "m-2026-10", 1834L, 812L, 143L, 0.0041, false, null, null,
                new TurnRecord.AgentOverride("order.cancel", "orders"), true));
        // Other ISO-8601 forms go through java.time; nulls stay unknown.
        TurnRecord other = TurnReader.parseLine(GOOD.replace("2026-11-22T14:03:11Z", "2026-11-22T15:03:11.250+01:00")
                .replace("\"task_success\":true", "\"task_success\":null").replace("\"latency_ms\":1834", "\"latency_ms\":null"));
        assertThat(other.ts()).isEqualTo(Instant.parse("2026-11-22T14:03:11.250Z"));
        assertThat(other.taskSuccess()).isNull();
        assertThat(other.latencyMs()).isNull();
    }

    @Test
    void everyKindOfBadLineNamesItsFieldAndReason() {
        assertBad("[1,2]", null, "not a JSON object (an array)");
        assertBad("{\"turn_id\":\"t\"", null, "not valid JSON");
        assertBad(GOOD + " {}", null, "trailing content after the JSON object");
        assertBad(GOOD.replace("\"turn_id\":\"t-1\",", ""), "turn_id", "missing required field");
        assertBad(GOOD.replace("\"turn_id\":\"t-1\"", "\"turn_id\":null"), "turn_id", "required field is null");
        assertBad(GOOD.replace("\"user_id\":\"u-5ab1\"", "\"user_id\":\" \""), "user_id", "required field is empty");
        assertBad(GOOD.replace("\"turn_id\":\"t-1\"", "\"turn_id\":17"), "turn_id", "expected a string, got a number");
        assertBad(GOOD.replace("2026-11-22T14:03:11Z", "yesterday"), "ts", "not an ISO-8601 instant: yesterday");
        assertBad(GOOD.replace("2026-11-22T14:03:11Z", "2026-02-30T14:03:11Z"), "ts", "not an ISO-8601 instant");
        assertBad(GOOD.replace("\"latency_ms\":1834", "\"latency_ms\":\"1834ms\""), "latency_ms", "expected an integer, got a string");
        assertBad(GOOD.replace("\"latency_ms\":1834", "\"latency_ms\":18.5"), "latency_ms", "expected an integer, got a number");
        assertBad(GOOD.replace("\"latency_ms\":1834", "\"latency_ms\":-3"), "latency_ms", "negative: -3");
        assertBad(GOOD.replace("\"tier\":2", "\"tier\":\"2\""), "tier", "expected 0, 1 or 2, got a string");
        assertBad(GOOD.replace("\"tier\":2", "\"tier\":3"), "tier", "not 0, 1 or 2: 3");
        assertBad(GOOD.replace("\"action\":\"auto_reply\"", "\"action\":\"reply\""), "action", "not route, auto_reply or escalate: reply");
        assertBad(GOOD.replace("\"confidence\":0.91", "\"confidence\":1.5"), "confidence", "not between 0 and 1: 1.5");
        assertBad(GOOD.replace("\"cost_usd\":0.0041", "\"cost_usd\":\"$0.0041\""), "cost_usd", "expected a number, got a string");
        assertBad(GOOD.replace("\"cache_hit\":false", "\"cache_hit\":\"no\""), "cache_hit", "expected true, false or null, got a string");
        assertBad(GOOD.replace("{\"intent\":\"order.cancel\",\"team\":\"orders\"}", "\"order.cancel\""), "agent_override",
                "expected an object or null, got a string");
    }

    private static void assertBad(String line, String field, String reason) {
        assertThatThrownBy(() -> TurnReader.parseLine(line)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(field == null ? reason.substring(0, 5) : "field " + field + ": ")
                .hasMessageContaining(reason);
    }

    @Test
    void streamsAGzipFileReportingBadLinesWithFileLineAndASanitizedSample() throws IOException {
        Path file = dir.resolve("part-0.jsonl.gz");
        String emailLine = GOOD.replace("\"tier\":2", "\"tier\":9").replace("u-5ab1", "jane.doe@example.com");
        gzip(file, String.join("\n", GOOD, "not json", "", emailLine, GOOD.replace("t-1", "t-2") + "\r") + "\n");
        List<TurnRecord> turns = new ArrayList<>();
        List<BadTurnLine> bad = new ArrayList<>();
        TurnFileSummary summary = reader().read(file.toString(), turns::add, bad::add);
        assertThat(summary).isEqualTo(new TurnFileSummary(file.toString(), 5, 2, 3, null));
        assertThat(turns).extracting(TurnRecord::turnId).containsExactly("t-1", "t-2");
        assertThat(bad).extracting(BadTurnLine::line).containsExactly(2L, 3L, 4L);
        assertThat(bad.get(0).reason()).startsWith("not valid JSON");
        assertThat(bad.get(0).sample()).isEqualTo("not json");
        assertThat(bad.get(1).reason()).isEqualTo("empty line");
        assertThat(bad.get(2).field()).isEqualTo("tier");
        assertThat(bad.get(2).sample()).contains("[EMAIL#").doesNotContain("jane.doe").hasSizeLessThanOrEqualTo(TurnReader.SAMPLE_CHARS + 20);
        assertThat(bad.get(2).describe()).isEqualTo(file + ":4 field tier: not 0, 1 or 2: 9");

        // Past the samples-per-file limit, bad lines are still reported, without a sample.
        List<BadTurnLine> limited = new ArrayList<>();
        new TurnReader(new Inputs(() -> null, dir.toString()), Sanitizer.forRun(), 1).read(file.toString(), t -> { }, limited::add);
        assertThat(limited).extracting(BadTurnLine::line).containsExactly(2L, 3L, 4L);
        assertThat(limited).extracting(BadTurnLine::sample).containsExactly("not json", null, null);
    }

    @Test
    void aTruncatedGzipKeepsTheLinesBeforeTheDamage() throws IOException {
        Path whole = dir.resolve("whole.jsonl.gz");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            text.append(GOOD.replace("t-1", "t-" + i)).append('\n');
        }
        gzip(whole, text.toString());
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.jsonl.gz");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        List<TurnRecord> turns = new ArrayList<>();
        List<BadTurnLine> bad = new ArrayList<>();
        TurnFileSummary summary = reader().read(cut.toString(), turns::add, bad::add);
        assertThat(summary.damaged()).contains("stopped after line").contains(cut.toString());
        assertThat(summary.turns()).isEqualTo(turns.size()).isBetween(100L, 4999L);
        assertThat(bad).allSatisfy(b -> assertThat(b.reason()).contains("truncated"));

        Path notGzip = dir.resolve("plain.jsonl.gz");
        Files.writeString(notGzip, GOOD + "\n");
        TurnFileSummary refused = reader().read(notGzip.toString(), turns::add, bad::add);
        assertThat(refused.damaged()).contains("not a gzip file").contains(notGzip.toString());
        assertThat(refused.lines()).isZero();
    }

    @Test
    void aLineLongerThanTheCapIsOneBadLineAndReadingGoesOn() throws IOException {
        Path file = dir.resolve("long.jsonl");
        String huge = "{\"turn_id\":\"" + "x".repeat(TurnReader.MAX_LINE_BYTES + 10) + "\"}";
        Files.writeString(file, GOOD + "\n" + huge + "\n" + GOOD.replace("t-1", "t-3") + "\n");
        List<TurnRecord> turns = new ArrayList<>();
        List<BadTurnLine> bad = new ArrayList<>();
        TurnFileSummary summary = reader().read(file.toString(), turns::add, bad::add);
        assertThat(summary.lines()).isEqualTo(3);
        assertThat(turns).extracting(TurnRecord::turnId).containsExactly("t-1", "t-3");
        assertThat(bad).singleElement().satisfies(b -> {
            assertThat(b.line()).isEqualTo(2);
            assertThat(b.reason()).contains("longer than");
        });
    }

    @Test
    void findsTheFirstNewlineAtEveryOffsetAndWordPosition() {
        for (int len = 0; len < 40; len++) {
            for (int at = -1; at < len; at++) {
                byte[] b = new byte[len + 3];
                java.util.Arrays.fill(b, (byte) 0x0B); // '\n' + 1: the bit trick's borrow case
                if (at >= 0) {
                    b[at + 1] = '\n';
                    if (at + 5 < len) {
                        b[at + 5] = '\n';
                    }
                }
                assertThat(TurnReader.indexOfNewline(b, 1, len + 1)).as("len %d at %d", len, at).isEqualTo(at < 0 ? -1 : at + 1);
            }
        }
    }

    private TurnReader reader() {
        return new TurnReader(new Inputs(() -> null, dir.toString()), Sanitizer.forRun());
    }

    private static void gzip(Path file, String text) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
