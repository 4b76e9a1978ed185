package dev.evalops.testing;

import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a function under {@code @QuarkusTest} at the shared {@link AwsEmulator}, with a bucket and an
 * environment of its own:
 *
 * <pre>
 * &#64;QuarkusTest
 * &#64;QuarkusTestResource(EmulatorTestResource.class)
 * class GoldenSetEvalHandlerTest {
 *     // EmulatorTestResource.bucket(), EmulatorTestResource.env(), AwsEmulator.get().s3() ...
 * }
 * </pre>
 *
 * The chosen names are published as system properties ({@link #BUCKET_PROPERTY}, {@link #ENV_PROPERTY}),
 * which, unlike static fields, are the same on both sides of Quarkus' test class loaders.
 */
public class EmulatorTestResource implements QuarkusTestResourceLifecycleManager {
    public static final String BUCKET_PROPERTY = "dev.evalops.testing.bucket";
    public static final String ENV_PROPERTY = "dev.evalops.testing.env";

    @Override
    public Map<String, String> start() {
        AwsEmulator aws = AwsEmulator.get();
        String bucket = aws.newBucket("evalops-test");
        String env = aws.newEnv("test");
        String endpoint = aws.endpoint().toString();
        String region = aws.region().id();
        String key = aws.credentials().resolveCredentials().accessKeyId();
        String secret = aws.credentials().resolveCredentials().secretAccessKey();

        // Clients built from the SDK's default chain (no Quarkus config) find the emulator's credentials too.
        System.setProperty("aws.accessKeyId", key);
        System.setProperty("aws.secretAccessKey", secret);
        System.setProperty("aws.region", region);
        System.setProperty(BUCKET_PROPERTY, bucket);
        System.setProperty(ENV_PROPERTY, env);

        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.s3.path-style-access", "true");
        for (String service : new String[] { "s3", "ssm" }) {
            config.put("quarkus." + service + ".endpoint-override", endpoint);
            config.put("quarkus." + service + ".aws.region", region);
            config.put("quarkus." + service + ".aws.credentials.type", "static");
            config.put("quarkus." + service + ".aws.credentials.static-provider.access-key-id", key);
            config.put("quarkus." + service + ".aws.credentials.static-provider.secret-access-key", secret);
        }
        config.put("evalops.aws.endpoint-override", endpoint);
        config.put("evalops.aws.region", region);
        config.put("evalops.env", env);
        config.put("evalops.artifacts.s3-export", "true");
        config.put("evalops.artifacts.bucket", bucket);
        config.put("evalops.flags.backend", "ssm");
        config.put("evalops.metrics.backend", "cloudwatch");
        return config;
    }

    @Override
    public void stop() {
        // The emulator is JVM-wide and stopped by its shutdown hook; the bucket and env are unique to this run.
    }

    /** The analytics bucket the function under test writes to. */
    public static String bucket() {
        return required(BUCKET_PROPERTY);
    }

    /** The environment name: its flags are {@code /evalops/<env>/...}. */
    public static String env() {
        return required(ENV_PROPERTY);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException(property + " is not set: annotate the test with @QuarkusTestResource(EmulatorTestResource.class)");
        }
        return value;
    }
}
