package dev.evalops.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** The emulator bootstrap itself: what init.py / newEnv create, and the config handed to @QuarkusTest. */
class AwsEmulatorTest {
    final AwsEmulator aws = AwsEmulator.get();

    @Test
    void newEnvCreatesTheThreeInitialParametersAndNewBucketAFreshBucket() {
        String env = aws.newEnv("Flags Test_1");
        assertThat(env).matches("flags-test-1-[0-9a-f]{12}");
        assertThat(value("/evalops/" + env + "/safe-mode")).isEqualTo(AwsEmulator.SAFE_MODE_INITIAL);
        assertThat(value("/evalops/" + env + "/release-gate")).isEqualTo(AwsEmulator.RELEASE_GATE_INITIAL);
        var key = aws.ssm().getParameter(b -> b.name("/evalops/" + env + "/router-api-key").withDecryption(true)).parameter();
        assertThat(key.type()).isEqualTo(ParameterType.SECURE_STRING);
        assertThat(key.value()).isEqualTo(AwsEmulator.ROUTER_API_KEY);

        String bucket = aws.newBucket("artifacts");
        assertThat(bucket).matches("artifacts-[0-9a-f]{12}");
        assertThat(aws.s3().listObjectsV2(b -> b.bucket(bucket)).contents()).isEmpty();
        assertThat(aws.newBucket("artifacts")).isNotEqualTo(bucket);
    }

    @Test
    void theEmulatorWeStartedHasTheDefaultDevResourcesOfInitPy() {
        assumeTrue(aws.source() != AwsEmulator.Source.AWS_ENDPOINT_URL, "an external emulator is initialised by whoever started it");
        aws.s3().headBucket(b -> b.bucket("evalops-mw-analytics-dev"));
        assertThat(value("/evalops/dev/safe-mode")).isEqualTo(AwsEmulator.SAFE_MODE_INITIAL);
        assertThat(value("/evalops/dev/release-gate")).isEqualTo(AwsEmulator.RELEASE_GATE_INITIAL);
        assertThat(aws.ssm().getParameter(b -> b.name("/evalops/dev/router-api-key").withDecryption(true)).parameter().value())
                .isEqualTo(AwsEmulator.ROUTER_API_KEY);
    }

    @Test
    void cloudWatchClientPublishesToTheEmulator() {
        String metric = "EmulatorSmoke" + System.nanoTime();
        aws.cloudWatch().putMetricData(b -> b.namespace("EvalOps").metricData(MetricDatum.builder()
                .metricName(metric).value(1.0).unit(StandardUnit.COUNT).timestamp(Instant.now())
                .dimensions(d -> d.name("Env").value("test")).build()));
        assertThat(aws.cloudWatch().listMetrics(b -> b.namespace("EvalOps").metricName(metric)).metrics())
                .singleElement().satisfies(m -> assertThat(m.dimensions()).extracting(d -> d.name() + "=" + d.value()).containsExactly("Env=test"));
    }

    @Test
    void emulatorTestResourcePointsQuarkusAtTheEmulatorWithAFreshBucketAndEnv() {
        EmulatorTestResource resource = new EmulatorTestResource();
        Map<String, String> config = resource.start();
        String endpoint = aws.endpoint().toString();
        String bucket = EmulatorTestResource.bucket();
        String env = EmulatorTestResource.env();

        assertThat(config).containsEntry("quarkus.s3.endpoint-override", endpoint)
                .containsEntry("quarkus.s3.path-style-access", "true")
                .containsEntry("quarkus.s3.aws.region", "us-east-1")
                .containsEntry("quarkus.s3.aws.credentials.type", "static")
                .containsEntry("quarkus.s3.aws.credentials.static-provider.access-key-id", "test")
                .containsEntry("quarkus.s3.aws.credentials.static-provider.secret-access-key", "test")
                .containsEntry("quarkus.ssm.endpoint-override", endpoint)
                .containsEntry("quarkus.ssm.aws.region", "us-east-1")
                .containsEntry("quarkus.ssm.aws.credentials.type", "static")
                .containsEntry("quarkus.ssm.aws.credentials.static-provider.access-key-id", "test")
                .containsEntry("quarkus.ssm.aws.credentials.static-provider.secret-access-key", "test")
                .containsEntry("evalops.aws.endpoint-override", endpoint)
                .containsEntry("evalops.aws.region", "us-east-1")
                .containsEntry("evalops.env", env)
                .containsEntry("evalops.artifacts.s3-export", "true")
                .containsEntry("evalops.artifacts.bucket", bucket)
                .containsEntry("evalops.flags.backend", "ssm")
                .containsEntry("evalops.metrics.backend", "cloudwatch");
        assertThat(System.getProperty("aws.accessKeyId")).isEqualTo("test");
        assertThat(System.getProperty("aws.secretAccessKey")).isEqualTo("test");
        assertThat(System.getProperty("aws.region")).isEqualTo("us-east-1");
        aws.s3().headBucket(b -> b.bucket(bucket));
        assertThat(value("/evalops/" + env + "/safe-mode")).isEqualTo(AwsEmulator.SAFE_MODE_INITIAL);
        resource.stop();
    }

    private String value(String name) {
        return aws.ssm().getParameter(b -> b.name(name)).parameter().value();
    }
}
