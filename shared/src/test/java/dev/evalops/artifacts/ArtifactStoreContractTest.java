package dev.evalops.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.core.Json;

/**
 * What every {@link ArtifactStore} guarantees, checked against the stored bytes themselves (S3 objects or
 * files), not only through the store's own read API.
 */
abstract class ArtifactStoreContractTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneOffset.UTC);
    static final LocalDate DAY = LocalDate.parse("2026-11-22");
    static final String EMAIL = "jane.doe@example.com";

    abstract ArtifactStore store();

    /** Every stored key under a prefix (relative to the store root), including anything half-written. */
    abstract List<String> rawKeys(String prefix);

    abstract byte[] rawBytes(String key);

    /** Stores bytes directly, bypassing the store: what a process killed mid-run leaves behind. */
    abstract void rawPut(String key, byte[] bytes);

    record Row(String id, String text, int tier) {
    }

    @Test
    void commitWritesManifestLastListingEveryArtifactWithSizeAndSha256() throws Exception {
        RunRef run = new RunRef("golden", DAY, "golden-20261122-0200-aaaa");
        try (RunWriter w = store().begin(run)) {
            w.writeJson("summary.json", Map.of("accuracy", 0.97, "note", "ok"));
            w.writeJsonLines("rows.jsonl", List.of(new Row("g-1", "hello", 1), new Row("g-2", "bye", 2)));
            w.writeCsv("confusion.csv", List.of("gold", "pred", "n"), List.of(List.of("billing", "billing", 12)));
            w.writeMarkdown("report.md", "# Golden\nall good\n");
            w.writeJson("per_intent/billing.json", Map.of("n", 12));

            // Everything is stored (S3: under the run prefix; local: in a staging folder beside it), but without
            // the manifest the run does not exist yet.
            assertThat(rawKeys("eval_runs/golden/" + DAY + "/")).anyMatch(k -> k.endsWith("/summary.json"))
                    .noneMatch(k -> k.endsWith("/" + Manifest.FILE_NAME));
            assertThat(store().manifest(run)).isEmpty();
            assertThat(store().completedRuns("golden", DAY)).doesNotContain(run);
            assertThat(store().readArtifact(run, "summary.json")).isEmpty();

            Manifest manifest = w.commit();
            assertThat(manifest.runId()).isEqualTo(run.runId());
            assertThat(manifest.kind()).isEqualTo("golden");
            assertThat(manifest.date()).isEqualTo("2026-11-22");
            assertThat(manifest.completedAt()).isEqualTo(CLOCK.instant());
        }

        Manifest stored = store().manifest(run).orElseThrow();
        assertThat(stored.artifacts()).extracting(Manifest.Entry::name)
                .containsExactly("summary.json", "rows.jsonl", "confusion.csv", "report.md", "per_intent/billing.json");
        for (Manifest.Entry e : stored.artifacts()) {
            byte[] bytes = rawBytes(run.prefix() + e.name());
            assertThat(e.size()).as(e.name()).isEqualTo(bytes.length);
            assertThat(e.sha256()).as(e.name()).isEqualTo(sha256(bytes));
        }
        assertThat(stored.artifacts()).extracting(Manifest.Entry::contentType)
                .containsExactly("application/json", "application/x-ndjson", "text/csv", "text/markdown", "application/json");
        // Nothing under the run prefix that the manifest does not list.
        List<String> listed = stored.artifacts().stream().map(e -> run.prefix() + e.name()).collect(Collectors.toList());
        listed.add(run.prefix() + Manifest.FILE_NAME);
        assertThat(rawKeys(run.prefix())).containsExactlyInAnyOrderElementsOf(listed);
        assertThat(store().readArtifact(run, "report.md")).contains("# Golden\nall good\n");
        assertThat(store().completedRuns("golden", DAY)).containsExactly(run);

        assertThatThrownBy(() -> store().begin(run)).isInstanceOf(IllegalStateException.class).hasMessageContaining("already exists");
    }

    @Test
    void writerRefusesWritesAfterCommitAndReservedOrUnsafeNames() {
        RunRef run = new RunRef("smoke", DAY, "smoke-names");
        try (RunWriter w = store().begin(run)) {
            assertThatThrownBy(() -> w.writeJson("manifest.json", Map.of())).hasMessageContaining("invalid artifact name: manifest.json");
            assertThatThrownBy(() -> w.writeJson("../escape.json", Map.of())).hasMessageContaining("invalid artifact name");
            assertThatThrownBy(() -> w.writeCsv("bad.csv", List.of("a", "b"), List.of(List.of("only-one"))))
                    .hasMessageContaining("bad.csv: row has 1 cells, header has 2");
            w.writeJson("a.json", Map.of("x", 1));
            w.commit();
            assertThatThrownBy(() -> w.writeJson("b.json", Map.of())).hasMessageContaining("already committed");
        }
        assertThat(store().manifest(run).orElseThrow().artifacts()).extracting(Manifest.Entry::name).containsExactly("a.json");
    }

    @Test
    void movePointerIsRefusedForARunWithoutManifest() {
        RunRef never = new RunRef("golden", DAY, "golden-never-ran");
        assertThatThrownBy(() -> store().movePointer(never, "latest", "test"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("incomplete run")
                .hasMessageContaining(never.prefix());

        RunRef inProgress = new RunRef("golden", DAY, "golden-in-progress");
        try (RunWriter w = store().begin(inProgress)) {
            w.writeJson("summary.json", Map.of("n", 1));
            assertThatThrownBy(() -> store().movePointer(inProgress, "latest", "test"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("no manifest");
        }
        assertThat(store().pointer("golden", "latest")).isEmpty();
    }

    @Test
    void failureBetweenTwoArtifactWritesLeavesNoObjectsNoManifestAndAnUnmovedPointer() {
        RunRef good = new RunRef("golden", DAY, "golden-20261122-0100-good");
        try (RunWriter w = store().begin(good)) {
            w.writeJson("summary.json", Map.of("verdict", "SHIP"));
            w.commit();
        }
        Pointer before = store().movePointer(good, "latest", "nightly");

        RunRef failed = new RunRef("golden", DAY, "golden-20261122-0200-fail");
        assertThatThrownBy(() -> {
            try (RunWriter w = store().begin(failed)) {
                w.writeJson("summary.json", Map.of("verdict", "STOP"));
                w.writeCsv("rows.csv", List.of("id"), List.of(List.of("g-1")));
                throw new IllegalStateException("injected failure between artifact writes");
            }
        }).hasMessage("injected failure between artifact writes");

        assertThat(rawKeys(failed.prefix())).isEmpty();
        assertThat(rawKeys("eval_runs/golden/" + DAY + "/")).allMatch(k -> k.startsWith(good.prefix()));
        assertThat(store().manifest(failed)).isEmpty();
        assertThat(store().readArtifact(failed, "summary.json")).isEmpty();
        assertThat(store().completedRuns("golden", DAY)).containsExactly(good);
        assertThat(store().pointer("golden", "latest")).contains(before);
        assertThat(store().pointer("golden", "latest").orElseThrow().run()).isEqualTo(good);
        assertThatThrownBy(() -> store().movePointer(failed, "latest", "nightly")).isInstanceOf(IllegalStateException.class);
        assertThat(store().pointer("golden", "latest")).contains(before);

        // The failed run id can be retried and completes normally.
        try (RunWriter w = store().begin(failed)) {
            w.writeJson("summary.json", Map.of("verdict", "SHIP"));
            w.commit();
        }
        assertThat(store().movePointer(failed, "latest", "retry").runId()).isEqualTo(failed.runId());
        assertThat(store().pointer("golden", "latest").orElseThrow().updatedBy()).isEqualTo("retry");
    }

    @Test
    void completedRunsIgnoresIncompleteRunsAndOlderDatesAndNestedManifestNames() {
        RunRef old = commit(new RunRef("rollup", DAY.minusDays(8), "rollup-old"));
        RunRef a = commit(new RunRef("rollup", DAY.minusDays(1), "rollup-a"));
        RunRef b = commit(new RunRef("rollup", DAY, "rollup-b"));
        // A run whose process died before commit or abort: artifacts, no manifest.
        rawPut("eval_runs/rollup/" + DAY + "/rollup-crashed/summary.json", "{}".getBytes(StandardCharsets.UTF_8));
        // An artifact that happens to be named like a manifest, one folder down.
        try (RunWriter w = store().begin(new RunRef("rollup", DAY, "rollup-nested"))) {
            w.writeJson("sub/manifest.json", Map.of("not", "a run"));
        }
        RunRef nested = new RunRef("rollup", DAY, "rollup-nested2");
        try (RunWriter w = store().begin(nested)) {
            w.writeJson("sub/manifest.json", Map.of("not", "a run"));
            w.commit();
        }

        assertThat(store().completedRuns("rollup", DAY.minusDays(7))).containsExactly(a, b, nested);
        assertThat(store().completedRuns("rollup", DAY.minusDays(30))).containsExactly(old, a, b, nested);
        assertThat(store().completedRuns("rollup", DAY.plusDays(1))).isEmpty();
        assertThat(store().completedRuns("no-such-kind", DAY)).isEmpty();
    }

    @Test
    void putDocumentIsWriteOnce() {
        String key = "decision_log/2026-11-22/020000-exit-safe-mode.json";
        store().putDocument(key, Json.mapper().createObjectNode().put("decision", "exit").put("by", "alice"));
        assertThatThrownBy(() -> store().putDocument(key, Json.mapper().createObjectNode().put("decision", "forged")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("write-once")
                .hasMessageContaining(key);
        assertThat(store().readDocument(key).orElseThrow().get("decision").asText()).isEqualTo("exit");
        store().putDocument("decision_log/2026-11-22/030000-other.json", Json.mapper().createObjectNode().put("n", 2));
        store().putDocument("decision_log/2026-11-23/000000-next-day.json", Json.mapper().createObjectNode().put("n", 3));
        assertThat(store().listDocuments("decision_log/2026-11-22/")).containsExactly(
                "decision_log/2026-11-22/020000-exit-safe-mode.json", "decision_log/2026-11-22/030000-other.json");
        assertThat(store().readDocument("decision_log/none.json")).isEmpty();
    }

    @Test
    void everyWrittenTextIsSanitized() throws Exception {
        RunRef run = new RunRef("smoke", DAY, "smoke-pii");
        try (RunWriter w = store().begin(run)) {
            w.writeJson("case.json", Map.of("ticket", Map.of("text", "Refund please, reach me at " + EMAIL), "tier", 1));
            w.writeJsonLines("rows.jsonl", List.of(new Row("s-1", "from " + EMAIL, 2)));
            w.writeCsv("rows.csv", List.of("id", "text", "who"), List.of(List.of("s-1", "mail " + EMAIL + " now", new Contact(EMAIL))));
            w.writeMarkdown("report.md", "| id | text |\n|---|---|\n| s-1 | " + EMAIL + " |\n");
            w.commit();
        }
        store().putDocument("decision_log/2026-11-22/pii.json", Json.mapper().createObjectNode().put("reason", "asked by " + EMAIL));

        for (String key : List.of(run.prefix() + "case.json", run.prefix() + "rows.jsonl", run.prefix() + "rows.csv",
                run.prefix() + "report.md", "decision_log/2026-11-22/pii.json")) {
            String text = new String(rawBytes(key), StandardCharsets.UTF_8);
            assertThat(text).as(key).doesNotContain(EMAIL).doesNotContain("jane.doe").contains("[EMAIL#");
        }
        JsonNode caseJson = Json.mapper().readTree(rawBytes(run.prefix() + "case.json"));
        assertThat(caseJson.at("/ticket/text").asText()).startsWith("Refund please, reach me at [EMAIL#");
        assertThat(caseJson.get("tier").asInt()).isEqualTo(1);
        // The CSV stays a CSV: the header and the untouched cell survive.
        String csv = new String(rawBytes(run.prefix() + "rows.csv"), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("id,text,who\ns-1,mail [EMAIL#");
    }

    /** A cell that is neither a String nor a number: it prints as text, so it must be cleaned as text. */
    record Contact(String email) {
    }

    RunRef commit(RunRef run) {
        try (RunWriter w = store().begin(run)) {
            w.writeJson("summary.json", Map.of("run", run.runId()));
            w.commit();
        }
        return run;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
