package dev.evalops.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.evalops.core.BadInputException;
import dev.evalops.core.Json;
import dev.evalops.testing.AwsEmulator;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The S3 store against the emulator (moto here), each test on a bucket of its own. */
class S3ArtifactStoreTest extends ArtifactStoreContractTest {
    final AwsEmulator aws = AwsEmulator.get();
    String bucket;
    S3ArtifactStore store;

    @BeforeEach
    void setUp() {
        bucket = aws.newBucket("artifacts");
        store = new S3ArtifactStore(aws.s3(), bucket, CLOCK);
    }

    @Override
    ArtifactStore store() {
        return store;
    }

    @Override
    List<String> rawKeys(String prefix) {
        return aws.s3().listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).sorted().toList();
    }

    @Override
    byte[] rawBytes(String key) {
        return aws.s3().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    @Override
    void rawPut(String key, byte[] bytes) {
        aws.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }

    @Test
    void rootAndLocationNameTheBucket() {
        assertThat(store.root()).isEqualTo("s3://" + bucket);
        RunRef run = new RunRef("golden", DAY, "golden-loc");
        try (RunWriter w = store.begin(run)) {
            assertThat(w.location()).isEqualTo("s3://" + bucket + "/" + run.prefix());
            w.writeJson("a.json", Map.of());
            assertThat(w.commit().location()).isEqualTo("s3://" + bucket + "/" + run.prefix());
        }
    }

    @Test
    void aMissingBucketIsAnErrorNamingTheBucket() {
        S3ArtifactStore missing = new S3ArtifactStore(aws.s3(), "evalops-no-such-bucket", CLOCK);
        RunRef run = new RunRef("golden", LocalDate.parse("2026-11-22"), "golden-nobucket");
        assertThatThrownBy(() -> {
            try (RunWriter w = missing.begin(run)) {
                w.writeJson("a.json", Map.of());
                w.commit();
            }
        }).isInstanceOf(BadInputException.class).hasMessageContaining("bucket 'evalops-no-such-bucket' does not exist");
        assertThatThrownBy(() -> missing.completedRuns("golden", DAY)).hasMessageContaining("evalops-no-such-bucket");
        assertThatThrownBy(() -> missing.putDocument("decision_log/x.json", Json.mapper().createObjectNode()))
                .hasMessageContaining("evalops-no-such-bucket");
    }
}
