package dev.evalops.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.logging.Logger;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterAlreadyExistsException;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The AWS emulator every AWS test in the JVM shares. Chosen once, in this order:
 * <ol>
 * <li>{@code AWS_ENDPOINT_URL} when set (a LocalStack/Floci/moto you started yourself, see localstack/README.md);</li>
 * <li>LocalStack via Testcontainers when Docker is available (image from {@code EVALOPS_EMULATOR_IMAGE});</li>
 * <li>moto via {@code localstack/moto.sh}, started here and stopped by a shutdown hook.</li>
 * </ol>
 * Test classes isolate themselves with {@link #newBucket(String)} and {@link #newEnv(String)} rather than
 * sharing the default {@code dev} resources.
 */
public final class AwsEmulator {
    public static final String DEFAULT_IMAGE = "localstack/localstack:4";
    /** The initial flag values, identical to localstack/init.py. */
    public static final String SAFE_MODE_INITIAL = "{\"enabled\":false,\"reason\":\"initial\",\"set_by\":\"init\",\"alarms\":[],\"since\":null}";
    public static final String RELEASE_GATE_INITIAL = "{\"state\":\"open\",\"reason\":\"initial\",\"run_id\":null,\"set_by\":\"init\"}";
    public static final String ROUTER_API_KEY = "local-dev-router-key";

    private static final Logger LOG = Logger.getLogger(AwsEmulator.class.getName());
    private static final Region REGION = Region.US_EAST_1;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static AwsEmulator instance;

    /** How the endpoint was found: shown in the test log so a report says what the AWS tests ran against. */
    public enum Source {
        AWS_ENDPOINT_URL, TESTCONTAINERS_LOCALSTACK, MOTO
    }

    private final URI endpoint;
    private final Source source;
    private final AwsCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    private final SdkHttpClient http = UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(5))
            .socketTimeout(Duration.ofSeconds(30))
            .build();
    private final S3Client s3;
    private final SsmClient ssm;
    private final CloudWatchClient cloudWatch;

    private AwsEmulator(URI endpoint, Source source) {
        this.endpoint = endpoint;
        this.source = source;
        ClientOverrideConfiguration timeouts = ClientOverrideConfiguration.builder()
                .apiCallTimeout(Duration.ofSeconds(60))
                .build();
        this.s3 = S3Client.builder().endpointOverride(endpoint).region(REGION).credentialsProvider(credentials)
                .forcePathStyle(true).httpClient(http).overrideConfiguration(timeouts).build();
        this.ssm = SsmClient.builder().endpointOverride(endpoint).region(REGION).credentialsProvider(credentials)
                .httpClient(http).overrideConfiguration(timeouts).build();
        this.cloudWatch = CloudWatchClient.builder().endpointOverride(endpoint).region(REGION).credentialsProvider(credentials)
                .httpClient(http).overrideConfiguration(timeouts).build();
    }

    /** The JVM-wide emulator, started on first use. */
    public static synchronized AwsEmulator get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static AwsEmulator start() {
        String configured = System.getenv("AWS_ENDPOINT_URL");
        if (configured != null && !configured.isBlank()) {
            LOG.info("AWS emulator: using AWS_ENDPOINT_URL=" + configured);
            return new AwsEmulator(URI.create(configured.trim()), Source.AWS_ENDPOINT_URL);
        }
        if (dockerAvailable()) {
            return startLocalStack();
        }
        return startMoto();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static AwsEmulator startLocalStack() {
        String image = System.getenv().getOrDefault("EVALOPS_EMULATOR_IMAGE", DEFAULT_IMAGE);
        LOG.info("AWS emulator: Docker is available, starting " + image + " with Testcontainers");
        @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM exits
        LocalStackContainer container = new LocalStackContainer(
                DockerImageName.parse(image).asCompatibleSubstituteFor("localstack/localstack"));
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        if (token != null && !token.isBlank()) {
            container.withEnv("LOCALSTACK_AUTH_TOKEN", token);
        }
        container.start();
        AwsEmulator emulator = new AwsEmulator(container.getEndpoint(), Source.TESTCONTAINERS_LOCALSTACK);
        // What localstack/init.py does for moto and compose, so every path starts from the same state.
        emulator.createEnv("dev");
        emulator.createBucket("evalops-mw-analytics-dev");
        LOG.info("AWS emulator: LocalStack at " + emulator.endpoint());
        return emulator;
    }

    private static AwsEmulator startMoto() {
        Path stateDir;
        try {
            stateDir = Files.createTempDirectory("evalops-moto-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.info("AWS emulator: no AWS_ENDPOINT_URL and no Docker; starting moto with localstack/moto.sh (state " + stateDir + ")");
        MotoServer moto = MotoServer.start(stateDir, true);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            moto.close();
            deleteQuietly(stateDir);
        }, "moto-stop"));
        LOG.info("AWS emulator: moto at " + moto.endpoint());
        return new AwsEmulator(moto.endpoint(), Source.MOTO);
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // only a temp folder: leaving it is harmless
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public Source source() {
        return source;
    }

    public Region region() {
        return REGION;
    }

    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    public S3Client s3() {
        return s3;
    }

    public SsmClient ssm() {
        return ssm;
    }

    public CloudWatchClient cloudWatch() {
        return cloudWatch;
    }

    /** Creates a bucket no other test uses, e.g. {@code artifacts-3f9c1a2b7d04}, and returns its name. */
    public String newBucket(String prefix) {
        String name = unique(prefix, 50);
        createBucket(name);
        return name;
    }

    /**
     * A fresh environment name with its three initial parameters ({@code /evalops/<env>/safe-mode},
     * {@code release-gate}, {@code router-api-key}), so flag tests never see each other's writes.
     */
    public String newEnv(String prefix) {
        String env = unique(prefix, 40);
        createEnv(env);
        return env;
    }

    private void createBucket(String name) {
        try {
            s3.createBucket(b -> b.bucket(name));
        } catch (BucketAlreadyOwnedByYouException e) {
            // idempotent, like init.py
        }
    }

    private void createEnv(String env) {
        putOnce("/evalops/" + env + "/safe-mode", ParameterType.STRING, SAFE_MODE_INITIAL);
        putOnce("/evalops/" + env + "/release-gate", ParameterType.STRING, RELEASE_GATE_INITIAL);
        putOnce("/evalops/" + env + "/router-api-key", ParameterType.SECURE_STRING, ROUTER_API_KEY);
    }

    private void putOnce(String name, ParameterType type, String value) {
        try {
            ssm.putParameter(b -> b.name(name).type(type).value(value).overwrite(false));
        } catch (ParameterAlreadyExistsException e) {
            // never overwrite, like init.py
        }
    }

    /** Lower-case, S3-safe: letters, digits and hyphens, then a random suffix. */
    private static String unique(String prefix, int maxPrefix) {
        String clean = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("^-+|-+$", "");
        if (clean.isEmpty()) {
            clean = "t";
        }
        if (clean.length() > maxPrefix) {
            clean = clean.substring(0, maxPrefix);
        }
        byte[] suffix = new byte[6];
        RANDOM.nextBytes(suffix);
        return clean + "-" + HexFormat.of().formatHex(suffix);
    }
}
