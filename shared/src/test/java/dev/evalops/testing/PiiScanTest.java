package dev.evalops.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.core.sync.RequestBody;

/** The scanner finds what it must (exact, other case, separators dropped, JSON-escaped, gzipped) and where. */
class PiiScanTest {
    static final String EMAIL = "jane.doe@example.com";
    static final String CARD = "4111 1111 1111 1111";
    static final String NAME = "Anna \"Ace\" Kowalski";

    @Test
    void findsEveryFormInEveryObjectOfABucket() throws IOException {
        AwsEmulator aws = AwsEmulator.get();
        String bucket = aws.newBucket("piiscan");
        put(bucket, "a/clean.json", "{\"text\":\"[EMAIL#3f2a] about order A1234\"}".getBytes(StandardCharsets.UTF_8));
        put(bucket, "a/leak.json", ("{\n\"who\":\"" + EMAIL + "\"}").getBytes(StandardCharsets.UTF_8));
        put(bucket, "b/upper.md", ("mail JANE.DOE@EXAMPLE.COM, card 4111111111111111").getBytes(StandardCharsets.UTF_8));
        put(bucket, "b/rows.jsonl.gz", gzip("{\"n\":\"Anna \\\"Ace\\\" Kowalski\"}\n"));

        PiiScan scan = PiiScan.of(EMAIL, CARD, NAME).bucket(bucket);

        assertThat(scan.sources()).containsExactly("s3://" + bucket + "/a/clean.json", "s3://" + bucket + "/a/leak.json",
                "s3://" + bucket + "/b/rows.jsonl.gz", "s3://" + bucket + "/b/upper.md");
        assertThat(scan.hits()).extracting(PiiScan.Hit::source, PiiScan.Hit::line, PiiScan.Hit::offset, PiiScan.Hit::value, PiiScan.Hit::form)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("s3://" + bucket + "/a/leak.json", 2, 9L, EMAIL, "exact"),
                        org.assertj.core.groups.Tuple.tuple("s3://" + bucket + "/b/rows.jsonl.gz", 1, 6L, NAME, "JSON-escaped"),
                        org.assertj.core.groups.Tuple.tuple("s3://" + bucket + "/b/upper.md", 1, 5L, EMAIL, "ignoring case"),
                        org.assertj.core.groups.Tuple.tuple("s3://" + bucket + "/b/upper.md", 1, 32L, CARD, "without separators"));
        assertThatThrownBy(scan::assertNoLeaks).isInstanceOf(AssertionError.class)
                .hasMessageContaining("4 raw PII occurrence(s) in 4 scanned source(s)")
                .hasMessageContaining("s3://" + bucket + "/a/leak.json line 2 offset 9: \"" + EMAIL + "\" (exact)");
    }

    @Test
    void foldersFilesAndTextToo(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("run/sub"));
        Files.writeString(dir.resolve("run/sub/report.md"), "all clean: [CREDIT_CARD#0a1b]");
        Files.write(dir.resolve("run/turns.jsonl.gz"), gzip("x " + CARD + "\n"));
        PiiScan scan = PiiScan.of(EMAIL, CARD).folder(dir.resolve("run")).text("console", "ok\nlogged " + EMAIL);
        assertThat(scan.hits()).extracting(PiiScan.Hit::toString).containsExactly(
                dir.resolve("run/turns.jsonl.gz") + " line 1 offset 2: \"" + CARD + "\" (exact)",
                "console line 2 offset 10: \"" + EMAIL + "\" (exact)");
        assertThat(PiiScan.of(EMAIL).file(dir.resolve("run/sub/report.md")).assertNoLeaks().hits()).isEmpty();
    }

    @Test
    void refusesVacuousScansAndTooShortValues() {
        assertThatThrownBy(() -> PiiScan.of(EMAIL).assertNoLeaks()).isInstanceOf(AssertionError.class).hasMessageContaining("scanned nothing");
        assertThatThrownBy(() -> PiiScan.of("Tom")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 4");
    }

    static void put(String bucket, String key, byte[] bytes) {
        AwsEmulator.get().s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
