package dev.evalops.router.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.evalops.core.Json;
import dev.evalops.router.RoutingDecision;
import dev.evalops.router.sample.SampleClassifier.Classification;
import dev.evalops.router.sample.SampleClassifier.Route;

/**
 * A stand-in for the production ticket router: {@code POST /route} with the CONTRACTS §1 request, answering
 * the full §1 response. Deterministic (same ticket id and text, same answer) and deliberately imperfect, so
 * evals have something to find. For demos, the launcher ({@code ./evalops sample-router}) and tests.
 *
 * <h2>Classifier ({@link SampleClassifier}, where the model and its deliberate mistakes are documented)</h2>
 * Weighted keyword cues per intent (phrasings and word stems); Tier 0 cues win outright, so it over-escalates rather
 * than missing Tier 0 ("my bank ..." escalates as fraud.chargeback at 0.50); otherwise the best-scoring intent, with
 * {@code other} at 0.40 when nothing matched and at 0.45 when two intents score close. Known confusions: double
 * charge with refund wording → billing.refund_status (0.72), "changed my mind" → order.return, a delivery complaint
 * phrased as "what is going on with my order?" → order.status at 0.88.
 * <p>
 * Team, template and tier come from the taxonomy; action: tier 0 → {@code escalate}; an eligible tier 2 intent
 * (password reset, order status, invoice) at confidence ≥ 0.85 → {@code auto_reply}, unless safe mode is on;
 * else {@code route}. <b>Never {@code auto_reply} in safe mode</b> (only the {@link Fault#UNGATED_AUTO_REPLY} fault
 * breaks that, on purpose).
 * <p>
 * Operational fields, all derived from the ticket id: {@code provider} {@code anthropic} (model {@code m-2026-10})
 * for 7 ids in 10, else {@code openai} (model {@code o-2026-09}, {@code fallback_reason} {@code primary_timeout});
 * {@code prompt_version} {@code p-41}; {@code latency_ms} = a simulated 300–1499 ms plus the injected latency
 * (only the injected latency is actually slept); {@code cost_usd} from the text length; {@code cache_hit} for
 * 1 id in 5; {@code safe_mode} as read per request from the supplier.
 *
 * <h2>Faults (for tests and benchmarks)</h2>
 * {@link Options#failFirst} fails every ticket's first K attempts with a status (and optional Retry-After),
 * {@link Options#everyTicket} gives every ticket a {@link Fault};
 * {@link Options#fault} gives one ticket id a {@link Fault}: {@link Fault#status}, {@link Fault#slow},
 * {@link Fault#WRONG_TIER}, {@link Fault#ECHO_TEXT}, {@link Fault#MALFORMED_JSON}, {@link Fault#UNGATED_AUTO_REPLY},
 * or a per-ticket {@link Fault#failFirst}. With {@link Options#apiKey} set, a request without
 * {@code Authorization: Bearer <key>} gets 401.
 * <p>
 * Other answers: 404 for another path, 405 for another method, 400 (naming the field) for a body without a string
 * {@code ticket_id} and {@code text}. {@code GET /health} answers 200.
 */
public final class SampleRouter implements AutoCloseable {
    public static final String PATH = "/route";
    public static final String PROMPT_VERSION = "p-41";

    /** What goes wrong for a ticket. */
    public sealed interface Fault {
        /** Tier 0 answered as tier 1 with {@code route} (a missed escalation); tier 1/2 answered as tier 0 with {@code escalate}. */
        Fault WRONG_TIER = new Simple("wrong_tier");
        /** The request text is copied into {@code fallback_reason}: a router leaking ticket text/PII. */
        Fault ECHO_TEXT = new Simple("echo_text");
        /** 200 with a truncated JSON body. */
        Fault MALFORMED_JSON = new Simple("malformed_json");
        /** {@code auto_reply} whatever the tier, confidence or safe mode: a router whose code gates are broken. */
        Fault UNGATED_AUTO_REPLY = new Simple("ungated_auto_reply");

        /** Every attempt answers this status with a small JSON error body. */
        static Fault status(int status) {
            return new Status(status);
        }

        /** Answers normally after this delay (on top of the injected latency). */
        static Fault slow(Duration delay) {
            return new Slow(delay);
        }

        /** The first {@code attempts} requests for this ticket answer {@code status}, later ones normally. */
        static Fault failFirst(int attempts, int status, Optional<Integer> retryAfterSeconds) {
            return new FailFirst(attempts, status, retryAfterSeconds);
        }

        record Simple(String name) implements Fault {
        }

        record Status(int status) implements Fault {
        }

        record Slow(Duration delay) implements Fault {
        }

        record FailFirst(int attempts, int status, Optional<Integer> retryAfterSeconds) implements Fault {
        }
    }

    /**
     * How the sample router behaves. {@code port} 0 picks a free port. Build with {@link #defaults()} and the withers.
     *
     * @param everyTicket applied to every ticket without its own fault (null = none)
     */
    public record Options(int port, Duration latency, Optional<String> apiKey, BooleanSupplier safeMode, Map<String, Fault> faults,
            Fault everyTicket) {
        public Options {
            faults = Map.copyOf(faults);
        }

        public static Options defaults() {
            return new Options(0, Duration.ZERO, Optional.empty(), () -> false, Map.of(), null);
        }

        public Options port(int value) {
            return new Options(value, latency, apiKey, safeMode, faults, everyTicket);
        }

        public Options latency(Duration value) {
            return new Options(port, value, apiKey, safeMode, faults, everyTicket);
        }

        public Options apiKey(String value) {
            return new Options(port, latency, Optional.of(value), safeMode, faults, everyTicket);
        }

        /** Read on every request, so a test or demo can flip safe mode while the router runs. */
        public Options safeMode(BooleanSupplier value) {
            return new Options(port, latency, apiKey, value, faults, everyTicket);
        }

        public Options safeMode(boolean value) {
            return safeMode(() -> value);
        }

        public Options fault(String ticketId, Fault fault) {
            Map<String, Fault> more = new HashMap<>(faults);
            more.put(ticketId, fault);
            return new Options(port, latency, apiKey, safeMode, more, everyTicket);
        }

        public Options failFirst(int attempts, int status, Optional<Integer> retryAfterSeconds) {
            return everyTicket(new Fault.FailFirst(attempts, status, retryAfterSeconds));
        }

        /** {@code fault} for every ticket that has no fault of its own, e.g. {@link Fault#ECHO_TEXT} for a whole suite. */
        public Options everyTicket(Fault fault) {
            return new Options(port, latency, apiKey, safeMode, faults, fault);
        }

        @Override
        public String toString() {
            // The key stays out of logs and assertion messages.
            return "Options[port=" + port + ", latency=" + latency + ", apiKey=" + (apiKey.isPresent() ? "<set>" : "<none>")
                    + ", faults=" + faults + ", everyTicket=" + everyTicket + "]";
        }
    }

    private final Options options;
    private final HttpServer server;
    private final ExecutorService threads;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, String> lastTexts = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> completed = new CopyOnWriteArrayList<>();

    private SampleRouter(Options options) throws IOException {
        this.options = options;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 256);
        // Virtual threads: a slow ticket never holds up the others.
        this.threads = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts on 127.0.0.1 and returns once it accepts connections. */
    public static SampleRouter start(Options options) {
        try {
            return new SampleRouter(options);
        } catch (IOException e) {
            throw new IllegalStateException("sample router: cannot listen on 127.0.0.1:" + options.port() + ": " + e.getMessage(), e);
        }
    }

    public static SampleRouter start() {
        return start(Options.defaults());
    }

    /** {@code http://127.0.0.1:<port>/route}: the value for {@code evalops.router.url}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + port() + PATH);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Requests received for this ticket id so far (every attempt counts). */
    public int attempts(String ticketId) {
        AtomicInteger n = attempts.get(ticketId);
        return n == null ? 0 : n.get();
    }

    /** The text of the latest request for this ticket id (null if none): what actually reached the router. */
    public String lastText(String ticketId) {
        return lastTexts.get(ticketId);
    }

    /** All requests to {@code /route} so far. */
    public int requests() {
        return requests.get();
    }

    /** The most {@code /route} requests that were being handled at the same time. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** Ticket ids in the order their answers were sent (every attempt). */
    public List<String> completionOrder() {
        return List.copyOf(completed);
    }

    /** The answer this router gives to a ticket, without HTTP or faults: for golden-set and smoke authors' tests. */
    public static ObjectNode answer(String ticketId, String text, boolean safeMode) {
        Classification c = SampleClassifier.classify(text);
        return response(ticketId, text, c, SampleClassifier.action(c, safeMode), safeMode, Duration.ZERO);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/health") && exchange.getRequestMethod().equals("GET")) {
                send(exchange, new Reply(null, 200, "{\"status\":\"ok\"}", Optional.empty()));
                return;
            }
            if (!path.equals(PATH)) {
                send(exchange, new Reply(null, 404, error("no such path; POST " + PATH), Optional.empty()));
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                send(exchange, new Reply(null, 405, error("use POST"), Optional.empty()));
                return;
            }
            requests.incrementAndGet();
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            Reply reply;
            try {
                reply = serve(exchange);
            } finally {
                // Counted out before the answer is sent, so the client's next call never overlaps this one in the figures.
                inFlight.decrementAndGet();
            }
            if (reply.ticketId() != null) {
                completed.add(reply.ticketId());
            }
            send(exchange, reply);
        }
    }

    private record Reply(String ticketId, int status, String body, Optional<Integer> retryAfter) {
        static Reply error(int status, String message) {
            return new Reply(null, status, SampleRouter.error(message), Optional.empty());
        }
    }

    private Reply serve(HttpExchange exchange) {
        if (!authorized(exchange)) {
            return Reply.error(401, "missing or wrong bearer key");
        }
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            body = Json.mapper().readTree(in);
        } catch (IOException e) {
            return Reply.error(400, "body is not JSON");
        }
        String ticketId = text(body, "ticket_id");
        String text = text(body, "text");
        if (ticketId == null || text == null) {
            return Reply.error(400, "field " + (ticketId == null ? "ticket_id" : "text") + " is required and must be a string");
        }
        int attempt = attempts.computeIfAbsent(ticketId, k -> new AtomicInteger()).incrementAndGet();
        lastTexts.put(ticketId, text);
        Fault fault = options.faults().getOrDefault(ticketId, options.everyTicket());
        sleep(options.latency());
        if (fault instanceof Fault.FailFirst f && attempt <= f.attempts()) {
            return new Reply(ticketId, f.status(), error("injected failure " + attempt + "/" + f.attempts()), f.retryAfterSeconds());
        }
        if (fault instanceof Fault.Status s) {
            return new Reply(ticketId, s.status(), error("injected status"), Optional.empty());
        }
        if (fault instanceof Fault.Slow s) {
            sleep(s.delay());
        }
        boolean safeMode = options.safeMode().getAsBoolean();
        Classification c = SampleClassifier.classify(text);
        String action = SampleClassifier.action(c, safeMode);
        if (fault == Fault.WRONG_TIER) {
            Route r = c.route();
            c = new Classification(new Route(r.intent(), r.team(), r.template(), r.tier() == 0 ? 1 : 0), c.confidence());
            action = r.tier() == 0 ? "route" : "escalate";
        } else if (fault == Fault.UNGATED_AUTO_REPLY) {
            action = "auto_reply";
        }
        ObjectNode response = response(ticketId, text, c, action, safeMode, options.latency());
        if (fault == Fault.ECHO_TEXT) {
            response.put("fallback_reason", text);
        }
        String json = response.toString();
        return new Reply(ticketId, 200, fault == Fault.MALFORMED_JSON ? json.substring(0, json.length() / 2) : json, Optional.empty());
    }

    private static ObjectNode response(String ticketId, String text, Classification c, String action, boolean safeMode, Duration latency) {
        int h = Math.floorMod(ticketId.hashCode(), 1000);
        boolean primary = h % 10 < 7;
        // The record the live client reads the answer into: one definition of the §1 response shape.
        RoutingDecision decision = new RoutingDecision(c.route().intent(), c.route().team(), c.route().template(), c.route().tier(),
                action, c.confidence(), primary ? "anthropic" : "openai", primary ? "m-2026-10" : "o-2026-09", PROMPT_VERSION,
                300 + (h * 7919L) % 1200 + latency.toMillis(),
                // ~4 characters per token in at $3/M, a 150-token answer at $15/M.
                Math.round((text.length() / 4.0 * 0.000003 + 150 * 0.000015) * 1e6) / 1e6,
                h % 5 == 0, primary ? null : "primary_timeout", safeMode);
        return Json.mapper().valueToTree(decision);
    }

    private boolean authorized(HttpExchange exchange) {
        if (options.apiKey().isEmpty()) {
            return true;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        byte[] expected = ("Bearer " + options.apiKey().get()).getBytes(StandardCharsets.UTF_8);
        return header != null && MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body == null ? null : body.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    private static String error(String message) {
        return Json.mapper().createObjectNode().put("error", message).toString();
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        reply.retryAfter().ifPresent(s -> exchange.getResponseHeaders().set("Retry-After", Integer.toString(s)));
        exchange.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            // The router is closing.
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    @Override
    public String toString() {
        return "SampleRouter[" + url() + ", " + options + "]";
    }
}
