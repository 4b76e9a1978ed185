package dev.evalops.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.WriterHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.evalops.artifacts.ArtifactStore;
import dev.evalops.artifacts.LocalArtifactStore;
import dev.evalops.artifacts.RunRef;
import dev.evalops.artifacts.RunWriter;
import dev.evalops.artifacts.S3ArtifactStore;
import dev.evalops.core.Json;
import dev.evalops.testing.AwsEmulator;
import dev.evalops.testing.PiiScan;

/**
 * The structural guarantee end to end: a run fed with the PII corpus, written through every RunWriter method and
 * putDocument to S3 (moto) and to a local folder, and logged through the sanitizing filter, leaves no raw value in
 * any stored object, file or log line.
 */
class NoPiiLeavesARunTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneOffset.UTC);
    static final List<PiiCorpus.Ticket> TICKETS = PiiCorpus.generate(11, 300, 1.0);
    static final List<String> RAW = PiiCorpus.rawValues(TICKETS);

    record Row(String id, String text, int tier) {
    }

    @Test
    void s3RunLeavesNoRawValue() {
        AwsEmulator aws = AwsEmulator.get();
        String bucket = aws.newBucket("pii-run");
        writeRun(new S3ArtifactStore(aws.s3(), bucket, CLOCK));
        PiiScan scan = PiiScan.of(RAW).bucket(bucket).assertNoLeaks();
        assertThat(scan.sources()).hasSize(6).anySatisfy(s -> assertThat(s).endsWith("/manifest.json"))
                .anySatisfy(s -> assertThat(s).contains("decision_log/"));
    }

    @Test
    void localRunLeavesNoRawValue(@TempDir Path dir) {
        writeRun(new LocalArtifactStore(dir, CLOCK));
        PiiScan scan = PiiScan.of(RAW).folder(dir).assertNoLeaks();
        assertThat(scan.sources()).hasSize(6);
    }

    @Test
    void logLinesOfTheRunLeakNoRawValue() {
        StringWriter captured = new StringWriter();
        WriterHandler handler = new WriterHandler();
        handler.setWriter(captured);
        handler.setFormatter(new PatternFormatter("%p %s%e%n"));
        handler.setFilter(new SanitizingLogFilter());
        for (PiiCorpus.Ticket t : TICKETS) {
            ExtLogRecord r = new ExtLogRecord(Level.WARNING, "routing failed for %s", ExtLogRecord.FormatStyle.PRINTF, "x");
            r.setParameters(new Object[] { t.text() });
            r.setThrown(new IllegalStateException("bad ticket: " + t.text()));
            handler.publish(r);
        }
        handler.flush();
        assertThat(captured.toString()).contains("routing failed for", "java.lang.IllegalStateException: bad ticket:");
        PiiScan.of(RAW).text("log", captured.toString()).assertNoLeaks();
    }

    private static void writeRun(ArtifactStore store) {
        RunRef run = new RunRef("golden", LocalDate.of(2026, 11, 22), "golden-20261122-0200-p11a");
        List<Row> rows = TICKETS.stream().map(t -> new Row("g-" + TICKETS.indexOf(t), t.text(), 1)).toList();
        StringBuilder md = new StringBuilder("# Problem tickets\n\n| id | text |\n|---|---|\n");
        // A table cell keeps the ticket's line breaks as <br>, which the line-based name signals read as such.
        rows.forEach(r -> md.append("| ").append(r.id()).append(" | ").append(r.text().replace("\n", "<br>")).append(" |\n"));
        try (RunWriter w = store.begin(run)) {
            w.writeJson("summary.json", Map.of("examples", rows, "worst", rows.get(0)));
            w.writeJsonLines("cases.jsonl", rows);
            w.writeCsv("cases.csv", List.of("id", "text", "tier"), rows.stream().map(r -> List.<Object>of(r.id(), r.text(), r.tier())).toList());
            w.writeMarkdown("report.md", md.toString());
            w.commit();
        }
        store.putDocument("decision_log/2026-11-22/pii-run.json",
                Json.mapper().createObjectNode().put("reason", TICKETS.get(0).text()).put("by", TICKETS.get(1).text()));
    }
}
