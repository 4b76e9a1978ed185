package dev.evalops.router;

import java.net.URI;
import java.time.Duration;

import dev.evalops.config.EvalOpsConfig;
import dev.evalops.core.BadInputException;

/**
 * How {@link HttpRouterClient} calls the router. Holds no secret (records print their fields): the bearer
 * key is passed to the client separately.
 *
 * @param retries       retries after the first attempt (0 = one attempt only)
 * @param maxRetryAfter the longest {@code Retry-After} the client waits out
 */
public record RouterSettings(URI url, Duration connectTimeout, Duration requestTimeout, int concurrency, int retries,
        Duration backoffBase, Duration maxRetryAfter) {

    public RouterSettings {
        if (url == null || url.getScheme() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https"))
                || url.getHost() == null) {
            throw new BadInputException("router URL must be an absolute http(s) URL, got: " + url);
        }
        if (concurrency < 1) {
            throw new BadInputException("evalops.router.concurrency must be >= 1, got " + concurrency);
        }
        if (retries < 0) {
            throw new BadInputException("evalops.router.retries must be >= 0, got " + retries);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new BadInputException("router timeouts must be positive, got connect " + connectTimeout + ", request " + requestTimeout);
        }
    }

    /** The configured settings, with {@code url} taken from the override when one is given. */
    public static RouterSettings from(EvalOpsConfig.Router config, String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("router URL is not a URL: " + url, e);
        }
        return new RouterSettings(uri, config.connectTimeout(), config.requestTimeout(), config.concurrency(), config.retries(),
                config.backoffBase(), config.maxRetryAfter());
    }

    /** The defaults of {@code evalops.router.*} (README): for tools, tests and benchmarks built without Quarkus config. */
    public static RouterSettings defaults(URI url) {
        return new RouterSettings(url, Duration.ofSeconds(2), Duration.ofSeconds(10), 8, 2, Duration.ofMillis(200), Duration.ofSeconds(5));
    }

    // Withers for tests and benchmarks that vary one setting.
    public RouterSettings withConcurrency(int value) {
        return new RouterSettings(url, connectTimeout, requestTimeout, value, retries, backoffBase, maxRetryAfter);
    }

    public RouterSettings withRetries(int value) {
        return new RouterSettings(url, connectTimeout, requestTimeout, concurrency, value, backoffBase, maxRetryAfter);
    }

    public RouterSettings withRequestTimeout(Duration value) {
        return new RouterSettings(url, connectTimeout, value, concurrency, retries, backoffBase, maxRetryAfter);
    }

    public RouterSettings withBackoffBase(Duration value) {
        return new RouterSettings(url, connectTimeout, requestTimeout, concurrency, retries, value, maxRetryAfter);
    }
}
