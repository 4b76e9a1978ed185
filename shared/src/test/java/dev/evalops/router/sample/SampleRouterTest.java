package dev.evalops.router.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.core.BadInputException;
import dev.evalops.core.Json;
import dev.evalops.launcher.Invocation;
import dev.evalops.router.HttpRouterClient;
import dev.evalops.router.RouterOutcome.Answered;
import dev.evalops.router.RouterRequest;
import dev.evalops.router.RouterSettings;
import dev.evalops.router.sample.SampleRouter.Fault;
import dev.evalops.router.sample.SampleRouter.Options;

class SampleRouterTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Please reset my password, the link expired      | account.password_reset  | 2 | auto_reply
            I forgot my password                            | account.password_reset  | 2 | auto_reply
            I can't log in since yesterday                  | account.password_reset  | 2 | route
            Where is my order A1234?                        | order.status            | 2 | auto_reply
            Can I get the tracking number                   | order.status            | 2 | route
            Please send me the invoice for May              | billing.invoice_request | 2 | auto_reply
            I need a receipt                                | billing.invoice_request | 2 | route
            Please cancel my order                          | order.cancel            | 1 | route
            How do I return these shoes                     | order.return            | 1 | route
            My parcel is stuck in transit                   | shipping.delay          | 1 | route
            The delivery is delayed again                   | shipping.delay          | 1 | route
            I was charged twice for order A1234             | billing.double_charge   | 1 | route
            You double-charged my card                      | billing.double_charge   | 1 | route
            When will I get my refund                       | billing.refund_status   | 1 | route
            Is this charger compatible with model X         | product.question        | 1 | route
            Does it come with a warranty                    | product.question        | 1 | route
            Hello there                                     | other                   | 1 | route
            I will file a chargeback                        | fraud.chargeback        | 0 | escalate
            I am going to dispute this with my bank         | fraud.chargeback        | 0 | escalate
            This is an unauthorized charge                  | fraud.chargeback        | 0 | escalate
            My lawyer will contact you                      | legal.threat            | 0 | escalate
            I will sue you                                  | legal.threat            | 0 | escalate
            Someone logged into my account from Brazil      | account.takeover        | 0 | escalate
            My account was hacked                           | account.takeover        | 0 | escalate
            Someone changed my password                     | account.takeover        | 0 | escalate
            Please delete my data                           | privacy.data_deletion   | 0 | escalate
            GDPR request: delete my account                 | privacy.data_deletion   | 0 | escalate
            has my parcel been dispatched yet?              | order.status            | 2 | auto_reply
            my package never arrived                        | shipping.delay          | 1 | route
            I'd like to exchange the jacket for a large     | order.return            | 1 | route
            I want to cancel my subscription                | order.cancel            | 1 | route
            You billed me twice                             | billing.double_charge   | 1 | route
            Is the kettle available in red?                 | product.question        | 1 | route
            My card was stolen                              | fraud.chargeback        | 0 | escalate
            I'll be reporting you to my solicitor           | legal.threat            | 0 | escalate
            someone accessed my account without permission  | account.takeover        | 0 | escalate
            please remove all my information from your database | privacy.data_deletion | 0 | escalate
            """)
    void classifiesEachIntent(String text, String intent, int tier, String action) {
        JsonNode answer = SampleRouter.answer("g-1", text, false);
        assertThat(answer.get("intent").asText()).isEqualTo(intent);
        assertThat(answer.get("tier").asInt()).isEqualTo(tier);
        assertThat(answer.get("action").asText()).isEqualTo(action);
        SampleClassifier.Route route = SampleClassifier.TAXONOMY.get(intent);
        assertThat(answer.get("team").asText()).isEqualTo(route.team());
        assertThat(answer.get("template").asText()).isEqualTo(route.template());
    }

    @Test
    void itsDocumentedMistakes() {
        // Refund + double charge: refund status (gold would be double charge).
        assertThat(SampleClassifier.classify("I was charged twice, please refund me")).isEqualTo(
                new SampleClassifier.Classification(SampleClassifier.TAXONOMY.get("billing.refund_status"), 0.72));
        // Two other intents at once: other, low confidence.
        assertThat(SampleClassifier.classify("Where is my order? It is late")).isEqualTo(
                new SampleClassifier.Classification(SampleClassifier.TAXONOMY.get("other"), 0.45));
        // Any bank mention over-escalates.
        assertThat(SampleClassifier.classify("My bank says the payment is still pending").route().tier()).isZero();
        // ... and so does a lone "deleted".
        assertThat(SampleClassifier.classify("Please resend the invoice, I deleted the email")).isEqualTo(
                new SampleClassifier.Classification(SampleClassifier.TAXONOMY.get("privacy.data_deletion"), 0.50));
        // Tier 0 wins over everything else in the text.
        assertThat(SampleClassifier.classify("Where is my order? Otherwise my lawyer gets involved").route().intent()).isEqualTo("legal.threat");
        assertThat(SampleClassifier.classify(null).route().intent()).isEqualTo("other");
        // "Changed my mind" is a return cue, "call it off" no cancel cue: a cancellation read as a return.
        assertThat(SampleClassifier.classify("I changed my mind about the lamp, can you call it off?").route().intent()).isEqualTo("order.return");
        // A delivery complaint phrased as a status question: wrong, and confident enough to auto-reply.
        JsonNode complaint = SampleRouter.answer("g-1", "It was promised for Monday, what is going on with my order?", false);
        assertThat(complaint.get("intent").asText()).isEqualTo("order.status");
        assertThat(complaint.get("confidence").asDouble()).isEqualTo(0.88);
        assertThat(complaint.get("action").asText()).isEqualTo("auto_reply");
        // Invoice and refund cues of close weight: ambiguous.
        assertThat(SampleClassifier.classify("I need a receipt, my employer is paying me back")).isEqualTo(
                new SampleClassifier.Classification(SampleClassifier.TAXONOMY.get("other"), 0.45));
    }

    @Test
    void confidenceIsTheStrongestCuePlusFurtherCuesMinusTheCompetition() {
        // "forgot my password" 0.93 + "locked out" + "password": 0.93 + 2 x 0.02
        assertThat(SampleClassifier.classify("I forgot my password and I am locked out").confidence()).isEqualTo(0.97);
        // "has my order shipped" 0.90 + "shipped" = 0.92, minus 0.1 x "locked out" 0.78: routed, not auto-replied
        JsonNode mixed = SampleRouter.answer("g-1", "Has my order shipped? I am locked out of my account", false);
        assertThat(mixed.get("intent").asText()).isEqualTo("order.status");
        assertThat(mixed.get("confidence").asDouble()).isEqualTo(0.84);
        assertThat(mixed.get("action").asText()).isEqualTo("route");
        // a weak cue alone stays below the auto-reply threshold
        assertThat(SampleClassifier.classify("Do you ship to Canada?")).isEqualTo(
                new SampleClassifier.Classification(SampleClassifier.TAXONOMY.get("order.status"), 0.55));
    }

    @Test
    void operationalFieldsAreDeterministicPerTicketAndComplete() {
        JsonNode a = SampleRouter.answer("g-000123", "where is my order", false);
        assertThat(a).isEqualTo(SampleRouter.answer("g-000123", "where is my order", false));
        assertThat(Json.mapper().convertValue(a, Map.class).keySet()).containsExactlyInAnyOrder("intent", "team", "template", "tier", "action",
                "confidence", "provider", "model", "prompt_version", "latency_ms", "cost_usd", "cache_hit", "fallback_reason", "safe_mode");
        List<String> providers = java.util.stream.IntStream.range(0, 200)
                .mapToObj(i -> SampleRouter.answer("g-" + i, "x", false).get("provider").asText()).distinct().sorted().toList();
        assertThat(providers).containsExactly("anthropic", "openai");
        JsonNode openai = java.util.stream.IntStream.range(0, 200).mapToObj(i -> SampleRouter.answer("g-" + i, "x", false))
                .filter(n -> n.get("provider").asText().equals("openai")).findFirst().orElseThrow();
        assertThat(openai.get("fallback_reason").asText()).isEqualTo("primary_timeout");
    }

    @Test
    void safeModeNeverAutoRepliesAndIsReadOnEveryRequest() {
        AtomicBoolean safe = new AtomicBoolean(false);
        try (SampleRouter router = SampleRouter.start(Options.defaults().safeMode(safe::get));
                HttpRouterClient client = new HttpRouterClient(RouterSettings.defaults(router.url()), Optional.empty())) {
            List<String> texts = List.of("reset my password", "where is my order", "send me the invoice", "I will sue", "cancel it");
            assertThat(route(client, texts)).contains("auto_reply");
            safe.set(true);
            List<Answered> answers = texts.stream().map(t -> (Answered) client.route(request("s-" + t.length(), t))).toList();
            assertThat(answers).allSatisfy(a -> {
                assertThat(a.decision().action()).isNotEqualTo("auto_reply");
                assertThat(a.decision().safeMode()).isTrue();
            });
            assertThat(answers.get(0).decision().intent()).isEqualTo("account.password_reset");
        }
    }

    @Test
    void faultsChangeTheAnswerOfTheirTicketOnly() {
        Options options = Options.defaults()
                .fault("wrong-0", Fault.WRONG_TIER).fault("wrong-2", Fault.WRONG_TIER)
                .fault("echo", Fault.ECHO_TEXT).fault("ungated", Fault.UNGATED_AUTO_REPLY)
                .safeMode(true);
        try (SampleRouter router = SampleRouter.start(options);
                HttpRouterClient client = new HttpRouterClient(RouterSettings.defaults(router.url()), Optional.empty())) {
            Answered missed = (Answered) client.route(request("wrong-0", "I will call my lawyer"));
            assertThat(missed.decision().tier()).isEqualTo(1);
            assertThat(missed.decision().action()).isEqualTo("route");
            Answered over = (Answered) client.route(request("wrong-2", "where is my order"));
            assertThat(over.decision().tier()).isZero();
            assertThat(over.decision().action()).isEqualTo("escalate");
            Answered echo = (Answered) client.route(request("echo", "my e-mail is jane@example.com"));
            assertThat(echo.decision().fallbackReason()).isEqualTo("my e-mail is jane@example.com");
            Answered ungated = (Answered) client.route(request("ungated", "please cancel"));
            assertThat(ungated.decision().action()).isEqualTo("auto_reply");
            Answered normal = (Answered) client.route(request("normal", "I will call my lawyer"));
            assertThat(normal.decision().tier()).isZero();
        }
    }

    @Test
    void refusesBadRequestsWithTheField() throws Exception {
        try (SampleRouter router = SampleRouter.start(Options.defaults().apiKey("k-1"));
                HttpClient http = HttpClient.newHttpClient()) {
            assertThat(post(http, router.url(), "{\"ticket_id\":\"x\",\"text\":\"hi\"}", null).statusCode()).isEqualTo(401);
            HttpResponse<String> noText = post(http, router.url(), "{\"ticket_id\":\"x\"}", "Bearer k-1");
            assertThat(noText.statusCode()).isEqualTo(400);
            assertThat(noText.body()).contains("field text");
            assertThat(post(http, router.url(), "not json", "Bearer k-1").statusCode()).isEqualTo(400);
            assertThat(post(http, router.url(), "{\"ticket_id\":\"x\",\"text\":\"hi\"}", "Bearer k-1").statusCode()).isEqualTo(200);
            assertThat(http.send(HttpRequest.newBuilder(router.url()).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(405);
            assertThat(http.send(HttpRequest.newBuilder(router.url().resolve("/health")).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theLauncherCommandChecksItsOptions() {
        SampleRouterCommand command = new SampleRouterCommand();
        assertThat(command.prepare(List.of("--port", "0", "--latency-ms", "5", "--safe-mode"))).isInstanceOf(Invocation.Direct.class);
        assertThatThrownBy(() -> command.prepare(List.of("--port", "x"))).isInstanceOf(BadInputException.class).hasMessageContaining("--port");
        assertThatThrownBy(() -> command.prepare(List.of("--latency-ms", "-1"))).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> command.prepare(List.of("--latency", "1"))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("unknown option --latency");
    }

    static RouterRequest request(String id, String text) {
        return new RouterRequest(id, text, "email", "smoke-20261122-0200-0001", "smoke");
    }

    static List<String> route(HttpRouterClient client, List<String> texts) {
        return texts.stream().map(t -> ((Answered) client.route(request("t-" + t.hashCode(), t))).decision().action()).toList();
    }

    static HttpResponse<String> post(HttpClient http, URI url, String body, String auth) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofString(body));
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
