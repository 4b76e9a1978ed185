package dev.evalops.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.evalops.router.RouterOutcome.Answered;
import dev.evalops.router.RouterOutcome.Failed;
import dev.evalops.router.RouterOutcome.FailureKind;
import dev.evalops.router.sample.SampleRouter;
import dev.evalops.router.sample.SampleRouter.Fault;
import dev.evalops.router.sample.SampleRouter.Options;

/** The HTTP client against a local router (the sample router's JDK HttpServer) that misbehaves on purpose. */
class HttpRouterClientTest {
    static final String WHERE_IS_MY_ORDER = "Hi, where is my order A1234?";

    SampleRouter router;
    HttpRouterClient client;

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
        if (router != null) {
            router.close();
        }
    }

    RouterSettings fast() {
        return RouterSettings.defaults(router == null ? URI.create("http://127.0.0.1:1/route") : router.url())
                .withBackoffBase(Duration.ofMillis(10)).withRequestTimeout(Duration.ofSeconds(5));
    }

    RouterSettings settings(Options options) {
        router = SampleRouter.start(options);
        return fast();
    }

    static RouterRequest ticket(String id, String text) {
        return new RouterRequest(id, text, "email", "golden-20261122-0200-7f3a", "golden");
    }

    @Test
    void answersTheContractResponseWithTheRequestItSent() {
        client = new HttpRouterClient(settings(Options.defaults()), Optional.empty());
        RouterOutcome outcome = client.route(ticket("g-1", WHERE_IS_MY_ORDER));
        Answered a = (Answered) outcome;
        assertThat(a.attempts()).isEqualTo(1);
        assertThat(a.decision().intent()).isEqualTo("order.status");
        assertThat(a.decision().tier()).isEqualTo(2);
        assertThat(a.decision().action()).isEqualTo("auto_reply");
        assertThat(a.decision().promptVersion()).isEqualTo("p-41");
        assertThat(a.raw().has("safe_mode")).isTrue();
        assertThat(router.attempts("g-1")).isEqualTo(1);
    }

    @Test
    void a503IsRetriedAndTheSecondAttemptAnswers() {
        client = new HttpRouterClient(settings(Options.defaults().fault("g-1", Fault.failFirst(1, 503, Optional.empty()))), Optional.empty());
        RouterOutcome outcome = client.route(ticket("g-1", WHERE_IS_MY_ORDER));
        assertThat(outcome).isInstanceOf(Answered.class);
        assertThat(outcome.attempts()).isEqualTo(2);
        assertThat(router.attempts("g-1")).isEqualTo(2);
    }

    @Test
    void a5xxThatPersistsEndsAsServerErrorAfterAllRetries() {
        client = new HttpRouterClient(settings(Options.defaults().fault("g-1", Fault.status(500))).withRetries(2), Optional.empty());
        Failed f = (Failed) client.route(ticket("g-1", WHERE_IS_MY_ORDER));
        assertThat(f.kind()).isEqualTo(FailureKind.SERVER_ERROR);
        assertThat(f.httpStatus()).isEqualTo(500);
        assertThat(f.attempts()).isEqualTo(3);
        assertThat(router.attempts("g-1")).isEqualTo(3);
    }

    @Test
    void a429WithASmallRetryAfterIsWaitedOut() {
        client = new HttpRouterClient(settings(Options.defaults().failFirst(1, 429, Optional.of(1))), Optional.empty());
        RouterOutcome outcome = client.route(ticket("g-1", WHERE_IS_MY_ORDER));
        assertThat(outcome).isInstanceOf(Answered.class);
        assertThat(outcome.attempts()).isEqualTo(2);
        // The 10 ms backoff base could not account for this: the one-second Retry-After was honoured.
        assertThat(outcome.wallMillis()).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void a429WithARetryAfterBeyondTheCapEndsThrottledWithoutRetrying() {
        client = new HttpRouterClient(settings(Options.defaults().failFirst(5, 429, Optional.of(3600))), Optional.empty());
        Failed f = (Failed) client.route(ticket("g-1", WHERE_IS_MY_ORDER));
        assertThat(f.kind()).isEqualTo(FailureKind.THROTTLED);
        assertThat(f.attempts()).isEqualTo(1);
        assertThat(f.detail()).contains("Retry-After 3600 s exceeds the 5 s");
        assertThat(router.attempts("g-1")).isEqualTo(1);
    }

    @Test
    void a429ThatPersistsEndsThrottled() {
        client = new HttpRouterClient(settings(Options.defaults().failFirst(9, 429, Optional.empty())).withRetries(1), Optional.empty());
        Failed f = (Failed) client.route(ticket("g-1", WHERE_IS_MY_ORDER));
        assertThat(f.kind()).isEqualTo(FailureKind.THROTTLED);
        assertThat(f.attempts()).isEqualTo(2);
    }

    @Test
    void a400IsNotRetried() {
        client = new HttpRouterClient(settings(Options.defaults().fault("g-1", Fault.status(400))), Optional.empty());
        Failed f = (Failed) client.route(ticket("g-1", WHERE_IS_MY_ORDER));
        assertThat(f.kind()).isEqualTo(FailureKind.CLIENT_ERROR);
        assertThat(f.httpStatus()).isEqualTo(400);
        assertThat(f.attempts()).isEqualTo(1);
        assertThat(router.attempts("g-1")).isEqualTo(1);
    }

    @Test
    void aSlowRouterTimesOutOnEveryAttempt() {
        RouterSettings s = settings(Options.defaults().fault("g-1", Fault.slow(Duration.ofSeconds(5))))
                .withRequestTimeout(Duration.ofMillis(300)).withRetries(1);
        client = new HttpRouterClient(s, Optional.empty());
        Failed f = (Failed) client.route(ticket("g-1", WHERE_IS_MY_ORDER));
        assertThat(f.kind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(f.attempts()).isEqualTo(2);
        assertThat(f.httpStatus()).isNull();
        assertThat(f.detail()).contains("300 ms");
        assertThat(f.wallMillis()).isGreaterThanOrEqualTo(600);
    }

    @Test
    void aClosedPortIsUnreachableAfterRetries() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        client = new HttpRouterClient(RouterSettings.defaults(URI.create("http://127.0.0.1:" + port + "/route"))
                .withBackoffBase(Duration.ofMillis(10)).withRetries(2), Optional.empty());
        Failed f = (Failed) client.route(ticket("g-1", WHERE_IS_MY_ORDER));
        assertThat(f.kind()).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(f.attempts()).isEqualTo(3);
        assertThat(f.detail()).contains("127.0.0.1:" + port);
    }

    @Test
    void a200ThatIsNotJsonIsInvalidAndNeverQuotesTheBody() {
        client = new HttpRouterClient(settings(Options.defaults().fault("g-1", Fault.MALFORMED_JSON)), Optional.empty());
        Failed f = (Failed) client.route(ticket("g-1", WHERE_IS_MY_ORDER));
        assertThat(f.kind()).isEqualTo(FailureKind.INVALID_RESPONSE);
        assertThat(f.httpStatus()).isEqualTo(200);
        assertThat(f.attempts()).isEqualTo(1);
        assertThat(f.detail()).startsWith("body is not JSON").doesNotContain("order.status");
    }

    @Test
    void aWrongPathIsAClientError() {
        router = SampleRouter.start(Options.defaults());
        client = new HttpRouterClient(RouterSettings.defaults(router.url().resolve("/nope")), Optional.empty());
        Failed f = (Failed) client.route(ticket("g-1", WHERE_IS_MY_ORDER));
        assertThat(f.kind()).isEqualTo(FailureKind.CLIENT_ERROR);
        assertThat(f.httpStatus()).isEqualTo(404);
    }

    @Test
    void routeAllNeverExceedsTheLimitKeepsEverySlotBusyAndKeepsRequestOrder() {
        int c = 3;
        // t-00 holds one slot for the whole run: a batch-by-batch client would finish it before t-03 starts.
        Options options = Options.defaults().latency(Duration.ofMillis(15)).fault("t-00", Fault.slow(Duration.ofSeconds(3)));
        client = new HttpRouterClient(settings(options).withConcurrency(c), Optional.empty());
        List<RouterRequest> requests = IntStream.range(0, 40).mapToObj(i -> ticket("t-%02d".formatted(i), WHERE_IS_MY_ORDER)).toList();

        List<RouterOutcome> outcomes = client.routeAll(requests);

        assertThat(outcomes).extracting(RouterOutcome::ticketId).containsExactlyElementsOf(requests.stream().map(RouterRequest::ticketId).toList());
        assertThat(outcomes).allMatch(o -> o instanceof Answered);
        assertThat(router.maxInFlight()).isEqualTo(c);
        assertThat(router.requests()).isEqualTo(40);
        assertThat(router.completionOrder()).last().isEqualTo("t-00");
    }

    @Test
    void theBoundHoldsAcrossConcurrentCallers() throws Exception {
        client = new HttpRouterClient(settings(Options.defaults().latency(Duration.ofMillis(20))).withConcurrency(2), Optional.empty());
        List<RouterRequest> a = IntStream.range(0, 10).mapToObj(i -> ticket("a-" + i, WHERE_IS_MY_ORDER)).toList();
        List<RouterRequest> b = IntStream.range(0, 10).mapToObj(i -> ticket("b-" + i, WHERE_IS_MY_ORDER)).toList();
        Thread other = Thread.ofVirtual().start(() -> client.routeAll(b));
        client.routeAll(a);
        other.join();
        assertThat(router.requests()).isEqualTo(20);
        assertThat(router.maxInFlight()).isEqualTo(2);
    }

    @Test
    void aWrongKeyIsAClientErrorThatDoesNotLeakTheKey() {
        router = SampleRouter.start(Options.defaults().apiKey("right-key"));
        client = new HttpRouterClient(fast(), Optional.of("wrong-key"));
        Failed f = (Failed) client.route(ticket("g-1", WHERE_IS_MY_ORDER));
        assertThat(f.kind()).isEqualTo(FailureKind.CLIENT_ERROR);
        assertThat(f.httpStatus()).isEqualTo(401);
        assertThat(f.toString()).doesNotContain("wrong-key").doesNotContain("right-key");
        assertThat(router.toString()).doesNotContain("right-key");
    }

    @Test
    void backoffGrowsExponentiallyWithJitterInTheUpperHalf() {
        Duration base = Duration.ofMillis(100);
        for (int i = 0; i < 200; i++) {
            assertThat(HttpRouterClient.backoff(base, 1).toMillis()).isBetween(50L, 100L);
            assertThat(HttpRouterClient.backoff(base, 3).toMillis()).isBetween(200L, 400L);
        }
        assertThat(IntStream.range(0, 200).mapToLong(i -> HttpRouterClient.backoff(base, 3).toMillis()).distinct().count()).isGreaterThan(10);
    }
}
