package dev.evalops.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.stream.Collectors;

import io.quarkus.test.junit.QuarkusTestProfile;
import software.amazon.awssdk.services.cloudwatch.model.Metric;

/**
 * Everything a function under {@code @QuarkusTest} ({@link EmulatorTestResource}) can leave behind, handed to a
 * {@link PiiScan}: every object of its bucket and every object key, every SSM parameter of its environment (flags
 * such as safe mode and the release gate carry reasons), the dimension values of its CloudWatch metrics, the
 * handler's results, and the log lines the app wrote since {@link #logMark()}.
 * <p>
 * The log is the app's file handler, which the shared config turns on in the test profile
 * ({@code %test.quarkus.log.file.*} in {@code META-INF/microprofile-config.properties}, path {@link #LOG}) with the
 * same sanitizing filter as the console: what is scanned is what production would print.
 */
public final class FunctionLeaks {
    /** The test profile's log file, relative to the module directory surefire runs in. */
    public static final Path LOG = Path.of("target/quarkus-test.log");

    private FunctionLeaks() {
    }

    /**
     * {@code @TestProfile(FunctionLeaks.OwnApp.class)}: an app of its own, hence (through {@link EmulatorTestResource})
     * a bucket and environment of its own, so the scan sees only this test's run and not another test's fixtures.
     */
    public static final class OwnApp implements QuarkusTestProfile {
    }

    /** Where the log file ends now: lines written later are this test's. */
    public static long logMark() {
        try {
            return Files.exists(LOG) ? Files.size(LOG) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The log lines written since {@code mark}. */
    public static String logSince(long mark) {
        try (RandomAccessFile f = new RandomAccessFile(LOG.toFile(), "r")) {
            byte[] bytes = new byte[(int) Math.max(0, f.length() - mark)];
            f.seek(mark);
            f.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the test log " + LOG.toAbsolutePath() + " (is %test.quarkus.log.file.enabled on?)", e);
        }
    }

    /** Scans everything listed above for {@code rawValues}; {@code results} are the handler's answers (JSON text). */
    public static PiiScan scan(Collection<String> rawValues, long logMark, Collection<String> results) {
        AwsEmulator aws = AwsEmulator.get();
        String bucket = EmulatorTestResource.bucket();
        String env = EmulatorTestResource.env();
        PiiScan scan = PiiScan.of(rawValues).bucket(bucket);
        scan.text("s3://" + bucket + " object keys", String.join("\n", HandlerCalls.keys("")));
        aws.ssm().getParametersByPathPaginator(b -> b.path("/evalops/" + env + "/").recursive(true).withDecryption(true)).stream()
                .flatMap(page -> page.parameters().stream()).forEach(p -> scan.text("ssm:" + p.name(), p.value()));
        String dimensions = aws.cloudWatch().listMetricsPaginator(b -> b.namespace("EvalOps")).metrics().stream()
                .filter(m -> m.dimensions().stream().anyMatch(d -> d.name().equals("Env") && d.value().equals(env)))
                .map(FunctionLeaks::describe).collect(Collectors.joining("\n"));
        scan.text("cloudwatch metrics of Env=" + env, dimensions);
        int i = 0;
        for (String result : results) {
            scan.text("handler result " + i++, result);
        }
        return scan.text("log " + LOG, logSince(logMark));
    }

    private static String describe(Metric m) {
        return m.metricName() + " " + m.dimensions().stream().map(d -> d.name() + "=" + d.value()).collect(Collectors.joining(","));
    }
}
