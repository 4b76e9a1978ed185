package dev.evalops.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.evalops.core.BadInputException;
import dev.evalops.testing.AwsEmulator;
import dev.evalops.testing.MotoServer;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;

/** {@link Inputs} on S3, against the emulator. */
class InputsS3Test {
    final AwsEmulator aws = AwsEmulator.get();
    String bucket;
    Inputs inputs;

    @BeforeEach
    void setUp() {
        bucket = aws.newBucket("inputs");
        inputs = new Inputs(aws::s3, "s3://" + bucket);
    }

    void put(String key, byte[] bytes) {
        aws.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }

    @Test
    void readsAndListsObjectsByUriAndByRelativeKey() throws IOException {
        put("golden/v3/golden.jsonl", "{\"id\":\"g-1\"}\n{\"id\":\"g-2\"}\n".getBytes(StandardCharsets.UTF_8));
        put("golden/v3/policy.json", "{\"auto_reply_min_confidence\":0.85}".getBytes(StandardCharsets.UTF_8));
        put("golden/v30/other.jsonl", "x".getBytes(StandardCharsets.UTF_8));

        assertThat(inputs.resolve("golden/v3/policy.json")).isEqualTo("s3://" + bucket + "/golden/v3/policy.json");
        assertThat(inputs.readText("golden/v3/policy.json")).isEqualTo("{\"auto_reply_min_confidence\":0.85}");
        try (BufferedReader r = inputs.openText("s3://" + bucket + "/golden/v3/golden.jsonl")) {
            assertThat(r.lines().toList()).containsExactly("{\"id\":\"g-1\"}", "{\"id\":\"g-2\"}");
        }
        // A folder listing does not leak into a sibling that shares the name's prefix (v3 vs v30).
        assertThat(inputs.list("golden/v3")).containsExactly(
                new InputObject("s3://" + bucket + "/golden/v3/golden.jsonl", 26),
                new InputObject("s3://" + bucket + "/golden/v3/policy.json", 34));
        assertThat(inputs.list("golden/v3/").get(1).fileName()).isEqualTo("policy.json");
        assertThat(inputs.list("golden/none/")).isEmpty();
        assertThat(inputs.exists("golden/v3/policy.json")).isTrue();
        assertThat(inputs.exists("golden/v3/nope.json")).isFalse();
    }

    @Test
    void gzipObjectsStreamLineByLine() throws IOException {
        int lines = 200_000;
        put("turns/dt=2026-11-22/part-0000.jsonl.gz", gzipLines(lines));
        long count = 0;
        try (BufferedReader r = inputs.openText("turns/dt=2026-11-22/part-0000.jsonl.gz")) {
            String first = r.readLine();
            assertThat(first).isEqualTo("{\"turn_id\":\"t-0\",\"latency_ms\":0}");
            count = 1 + r.lines().count();
        }
        assertThat(count).isEqualTo(lines);
        assertThat(inputs.readText("turns/dt=2026-11-22/part-0000.jsonl.gz")).startsWith("{\"turn_id\":\"t-0\"");
    }

    @Test
    void aTruncatedGzipFailsNamingTheObject() throws IOException {
        byte[] gz = gzipLines(50_000);
        put("turns/dt=2026-11-22/part-0001.jsonl.gz", Arrays.copyOf(gz, gz.length / 2));
        assertThatThrownBy(() -> {
            try (BufferedReader r = inputs.openText("turns/dt=2026-11-22/part-0001.jsonl.gz")) {
                r.lines().count();
            }
        }).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("s3://" + bucket + "/turns/dt=2026-11-22/part-0001.jsonl.gz");
        put("turns/not-gzip.jsonl.gz", "plain text".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> inputs.openText("turns/not-gzip.jsonl.gz"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("not a gzip file: s3://" + bucket + "/turns/not-gzip.jsonl.gz");
    }

    @Test
    void aMissingObjectIsBadInputNamingTheUri() {
        assertThatThrownBy(() -> inputs.open("golden/v9/golden.jsonl"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("input not found: s3://" + bucket + "/golden/v9/golden.jsonl");
        assertThatThrownBy(() -> inputs.readText("s3://" + bucket + "/suite.json"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("s3://" + bucket + "/suite.json");
    }

    @Test
    void aMissingBucketIsAnErrorNamingTheBucket() {
        assertThatThrownBy(() -> inputs.open("s3://evalops-no-such-bucket/golden/v3/golden.jsonl"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("bucket 'evalops-no-such-bucket' does not exist");
        assertThatThrownBy(() -> inputs.list("s3://evalops-no-such-bucket/turns/"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("bucket 'evalops-no-such-bucket' does not exist");
        assertThatThrownBy(() -> inputs.open("s3:///key")).isInstanceOf(BadInputException.class).hasMessageContaining("no bucket in s3:///key");
    }

    /**
     * A private moto dies in the middle of a run: the next calls fail fast with errors naming the resource
     * instead of hanging, and a run that was writing leaves no manifest.
     */
    @Test
    void theEmulatorGoingDownMidRunGivesAnErrorNamingTheResource(@TempDir Path state) {
        try (MotoServer moto = MotoServer.start(state.resolve("moto"), false);
                S3Client s3 = S3Client.builder()
                        .endpointOverride(moto.endpoint()).region(aws.region()).credentialsProvider(aws.credentials())
                        .forcePathStyle(true)
                        .httpClient(UrlConnectionHttpClient.builder()
                                .connectionTimeout(Duration.ofMillis(500)).socketTimeout(Duration.ofSeconds(2)).build())
                        .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(5)).build())
                        .build()) {
            s3.createBucket(b -> b.bucket("doomed"));
            s3.putObject(b -> b.bucket("doomed").key("turns/part-0.jsonl"), RequestBody.fromString("{\"turn_id\":\"t-1\"}\n"));
            s3.putObject(b -> b.bucket("doomed").key("turns/part-1.jsonl"), RequestBody.fromString("{\"turn_id\":\"t-2\"}\n"));
            Inputs doomed = new Inputs(() -> s3, "s3://doomed");
            S3ArtifactStore store = new S3ArtifactStore(s3, "doomed", ArtifactStoreContractTest.CLOCK);
            RunRef run = new RunRef("rollup", ArtifactStoreContractTest.DAY, "rollup-doomed");

            assertThat(doomed.list("turns/")).hasSize(2);
            assertThat(doomed.readText("turns/part-0.jsonl")).contains("t-1");
            RunWriter writer = store.begin(run);
            writer.writeJson("partial.json", Map.of("n", 1));

            moto.kill();

            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                assertThatThrownBy(() -> doomed.readText("turns/part-1.jsonl"))
                        .hasMessageContaining("s3://doomed/turns/part-1.jsonl")
                        .hasMessageContaining("cannot reach S3");
                assertThatThrownBy(() -> doomed.list("turns/")).hasMessageContaining("s3://doomed/turns/");
                assertThatThrownBy(() -> writer.writeJson("second.json", Map.of("n", 2)))
                        .hasMessageContaining("s3://doomed/eval_runs/rollup/2026-11-22/rollup-doomed/second.json");
                assertThatThrownBy(writer::commit)
                        .hasMessageContaining("s3://doomed/eval_runs/rollup/2026-11-22/rollup-doomed/manifest.json");
                // The abort cannot delete what it wrote while S3 is away, and says so instead of pretending.
                assertThatThrownBy(writer::close).hasMessageContaining("rollup-doomed aborted");
                assertThatThrownBy(() -> store.movePointer(run, "latest", "test")).hasMessageContaining("s3://doomed/");
            });
        }
    }

    static byte[] gzipLines(int lines) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            for (int i = 0; i < lines; i++) {
                gz.write(("{\"turn_id\":\"t-" + i + "\",\"latency_ms\":" + (i * 7919 % 5000) + "}\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }

}
