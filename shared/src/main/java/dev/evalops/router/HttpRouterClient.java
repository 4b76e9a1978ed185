package dev.evalops.router;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.evalops.core.Json;
import dev.evalops.router.RouterOutcome.FailureKind;

/**
 * The live router over HTTP (CONTRACTS §1), on the JDK {@link HttpClient}.
 * <ul>
 * <li>At most {@link RouterSettings#concurrency()} calls in flight per client, across {@link #route} and
 * {@link #routeAll} callers alike (one semaphore); {@code routeAll} runs each request on a virtual thread,
 * so a slow ticket holds one slot while the others keep flowing.</li>
 * <li>429, 5xx, timeouts and connection errors are retried up to {@link RouterSettings#retries()} times with
 * jittered exponential backoff; a {@code Retry-After} (seconds) up to {@link RouterSettings#maxRetryAfter()}
 * is waited out instead, a longer one ends the call (the router asked us to stay away). Other 4xx and
 * unparseable bodies are not retried: repeating the same request cannot fix them.</li>
 * <li>Every failure is a {@link RouterOutcome.Failed}; details never quote the body or the ticket text (both
 * may carry PII) nor the key.</li>
 * </ul>
 */
public final class HttpRouterClient implements RouterClient {
    private static final Logger LOG = Logger.getLogger(HttpRouterClient.class);

    private final RouterSettings settings;
    private final Optional<String> bearerKey;
    private final HttpClient http;
    private final Semaphore slots;

    /** @param bearerKey sent as {@code Authorization: Bearer <key>} when present */
    public HttpRouterClient(RouterSettings settings, Optional<String> bearerKey) {
        this.settings = settings;
        this.bearerKey = bearerKey;
        // HTTP/1.1: one connection per in-flight call, no h2c upgrade dance on plain-http routers.
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.slots = new Semaphore(settings.concurrency(), true);
    }

    @Override
    public RouterOutcome route(RouterRequest request) {
        long start = System.nanoTime();
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RouterOutcome.Failed(request.ticketId(), FailureKind.TIMEOUT, "interrupted before the call", null, 0, 0);
        }
        try {
            return call(request, start);
        } finally {
            slots.release();
        }
    }

    @Override
    public List<RouterOutcome> routeAll(List<RouterRequest> requests) {
        List<RouterOutcome> outcomes = new ArrayList<>(requests.size());
        // One virtual thread per request; the semaphore in route() is the concurrency bound.
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<RouterOutcome>> futures = new ArrayList<>(requests.size());
            for (RouterRequest r : requests) {
                futures.add(threads.submit(() -> route(r)));
            }
            for (int i = 0; i < futures.size(); i++) {
                outcomes.add(await(futures.get(i), requests.get(i)));
            }
        }
        return outcomes;
    }

    private static RouterOutcome await(Future<RouterOutcome> future, RouterRequest request) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return new RouterOutcome.Failed(request.ticketId(), FailureKind.TIMEOUT, "interrupted before an answer", null, 0, 0);
        } catch (ExecutionException e) {
            // route() returns failures as data; reaching this is a bug in the client, still kept per ticket.
            return new RouterOutcome.Failed(request.ticketId(), FailureKind.INVALID_RESPONSE,
                    "client error: " + e.getCause().getClass().getSimpleName(), null, 0, 0);
        }
    }

    private RouterOutcome call(RouterRequest request, long start) {
        HttpRequest httpRequest = httpRequest(request);
        int maxAttempts = settings.retries() + 1;
        for (int attempt = 1;; attempt++) {
            Attempt result = attempt(httpRequest);
            if (result.body != null) {
                return answered(request, result.body, result.status, start, attempt);
            }
            if (!result.retryable || attempt >= maxAttempts) {
                return failed(request, result, result.detail, start, attempt);
            }
            if (result.retryAfter != null && result.retryAfter.compareTo(settings.maxRetryAfter()) > 0) {
                return failed(request, result, result.detail + "; Retry-After " + result.retryAfter.toSeconds() + " s exceeds the "
                        + settings.maxRetryAfter().toSeconds() + " s the client waits", start, attempt);
            }
            Duration wait = result.retryAfter != null ? result.retryAfter : backoff(settings.backoffBase(), attempt);
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failed(request, result, result.detail + "; interrupted while backing off", start, attempt);
            }
        }
    }

    private RouterOutcome failed(RouterRequest request, Attempt last, String detail, long start, int attempts) {
        LOG.debugf("router %s: ticket %s failed %s after %d attempt(s): %s", settings.url(), request.ticketId(), last.kind, attempts, detail);
        return new RouterOutcome.Failed(request.ticketId(), last.kind, detail, last.status, millisSince(start), attempts);
    }

    private HttpRequest httpRequest(RouterRequest request) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("ticket_id", request.ticketId());
        body.put("text", request.text());
        body.put("channel", request.channel());
        ObjectNode eval = body.putObject("eval");
        eval.put("run_id", request.runId());
        eval.put("kind", request.kind());
        HttpRequest.Builder b = HttpRequest.newBuilder(settings.url())
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        bearerKey.ifPresent(key -> b.header("Authorization", "Bearer " + key));
        return b.build();
    }

    /** One HTTP exchange, classified. */
    private Attempt attempt(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            return Attempt.failed(FailureKind.UNREACHABLE, "connect timeout after " + settings.connectTimeout().toMillis() + " ms", null, true, null);
        } catch (HttpTimeoutException e) {
            return Attempt.failed(FailureKind.TIMEOUT, "no answer within " + settings.requestTimeout().toMillis() + " ms", null, true, null);
        } catch (ConnectException e) {
            return Attempt.failed(FailureKind.UNREACHABLE, "cannot connect to " + settings.url().getHost() + ":" + port(), null, true, null);
        } catch (IOException e) {
            return Attempt.failed(FailureKind.UNREACHABLE, "connection failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), null, true, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Attempt.failed(FailureKind.TIMEOUT, "interrupted while waiting for an answer", null, false, null);
        }
        int status = response.statusCode();
        if (status == 429) {
            return Attempt.failed(FailureKind.THROTTLED, "HTTP 429", status, true, retryAfter(response));
        }
        if (status >= 500) {
            return Attempt.failed(FailureKind.SERVER_ERROR, "HTTP " + status, status, true, retryAfter(response));
        }
        if (status < 200 || status > 299) {
            return Attempt.failed(FailureKind.CLIENT_ERROR, "HTTP " + status + (status == 401 || status == 403 ? " (check the API key)" : ""),
                    status, false, null);
        }
        return new Attempt(null, null, status, false, null, response.body());
    }

    private RouterOutcome answered(RouterRequest request, String body, int status, long start, int attempts) {
        long wall = millisSince(start);
        JsonNode raw;
        try {
            raw = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            // The parser's message quotes the body; only its position is safe to keep.
            return invalid(request, "body is not JSON (" + body.length() + " chars; error at " + JsonErrors.position(e) + ")", status, wall, attempts);
        }
        if (raw == null || !raw.isObject()) {
            return invalid(request, "body is not a JSON object (" + (raw == null ? "empty" : raw.getNodeType()) + ")", status, wall, attempts);
        }
        try {
            return new RouterOutcome.Answered(request.ticketId(), Json.mapper().treeToValue(raw, RoutingDecision.class), raw, wall, attempts);
        } catch (JsonProcessingException e) {
            return invalid(request, "field has the wrong type: " + JsonErrors.field(e), status, wall, attempts);
        }
    }

    private static RouterOutcome invalid(RouterRequest request, String detail, int status, long wall, int attempts) {
        return new RouterOutcome.Failed(request.ticketId(), FailureKind.INVALID_RESPONSE, detail, status, wall, attempts);
    }

    private int port() {
        int port = settings.url().getPort();
        return port >= 0 ? port : settings.url().getScheme().equals("https") ? 443 : 80;
    }

    /** {@code Retry-After} in delta-seconds; an HTTP-date or garbage is ignored (normal backoff applies). */
    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                long seconds = Long.parseLong(v.trim());
                return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    /**
     * Exponential backoff with "equal jitter": half the step fixed, half random, so concurrent callers that
     * failed together do not come back together, and no wait collapses to zero.
     */
    static Duration backoff(Duration base, int attempt) {
        long step = base.toMillis() << Math.min(attempt - 1, 16);
        long half = step / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(step - half + 1));
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    @Override
    public void close() {
        http.close();
    }

    /** Either a 2xx body, or a classified failure. */
    private record Attempt(FailureKind kind, String detail, Integer status, boolean retryable, Duration retryAfter, String body) {
        static Attempt failed(FailureKind kind, String detail, Integer status, boolean retryable, Duration retryAfter) {
            return new Attempt(kind, detail, status, retryable, retryAfter, null);
        }
    }
}
