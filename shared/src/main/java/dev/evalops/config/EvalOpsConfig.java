package dev.evalops.config;

import java.time.Duration;
import java.util.Optional;

import dev.evalops.metrics.MetricNames;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The settings every function shares. Each key can be overridden by its environment variable
 * ({@code evalops.artifacts.bucket} = {@code EVALOPS_ARTIFACTS_BUCKET}). Defaults run everything
 * locally; the CDK stack sets the AWS ones. README "Configuration" lists them all.
 */
@ConfigMapping(prefix = "evalops")
public interface EvalOpsConfig {

    /** Environment name: {@code /evalops/<env>/...} parameters and the CloudWatch {@code Env} dimension. */
    @WithDefault("dev")
    String env();

    Artifacts artifacts();

    Flags flags();

    Metrics metrics();

    Router router();

    Aws aws();

    interface Artifacts {
        /** Write runs to S3 (true) or to {@link #localRoot()} (false: the "CloudWatch-only" setup, local runs). */
        @WithDefault("false")
        boolean s3Export();

        /** Analytics bucket, {@code <org>-mw-analytics-<env>}; required when s3-export is on. */
        Optional<String> bucket();

        /** Folder for runs when S3 export is off; also the root for relative input keys. */
        @WithDefault("evalops-data")
        String localRoot();
    }

    interface Flags {
        /** {@code ssm} (Parameter Store) or {@code local} (JSON files under local-root/flags). */
        @WithDefault("local")
        String backend();

        /** Parameter path prefix; defaults to {@code /evalops/<env>}. */
        Optional<String> prefix();
    }

    interface Metrics {
        /** {@code cloudwatch} or {@code log} (prints the same datapoints as JSON lines). */
        @WithDefault("log")
        String backend();

        @WithDefault(MetricNames.NAMESPACE)
        String namespace();
    }

    /**
     * For the plain-SDK clients (CloudWatch, Lambda); S3 and SSM use the Quarkiverse keys
     * {@code quarkus.s3.*} / {@code quarkus.ssm.*}. Unset = the SDK default chain (AWS_REGION, AWS_ENDPOINT_URL).
     */
    interface Aws {
        Optional<java.net.URI> endpointOverride();

        Optional<String> region();
    }

    interface Router {
        /** The router's routing endpoint (POST). */
        Optional<String> url();

        /** SSM SecureString holding the bearer key; defaults to {@code /evalops/<env>/router-api-key}. */
        Optional<String> apiKeyParameter();

        /**
         * {@code ssm}: send {@code Authorization: Bearer <key>} with the key read from {@link #apiKeyParameter()};
         * {@code none}: no Authorization header (local runs against the sample router). The CDK stack sets {@code ssm}.
         */
        @WithDefault("none")
        String apiKeySource();

        @WithDefault("PT2S")
        Duration connectTimeout();

        @WithDefault("PT10S")
        Duration requestTimeout();

        /** Calls in flight at once: protects the router from its own evaluator. */
        @WithDefault("8")
        int concurrency();

        /** Retries after the first attempt, on 429/5xx/timeouts, with jittered exponential backoff. */
        @WithDefault("2")
        int retries();

        @WithDefault("PT0.2S")
        Duration backoffBase();

        /** A 429/503 {@code Retry-After} up to this long is waited out; a longer one ends the call as THROTTLED/SERVER_ERROR. */
        @WithDefault("PT5S")
        Duration maxRetryAfter();
    }
}
