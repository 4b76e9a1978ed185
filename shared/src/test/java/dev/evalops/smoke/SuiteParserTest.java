package dev.evalops.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.evalops.core.BadInputException;
import dev.evalops.testing.RepoRoot;

class SuiteParserTest {
    private final SuiteParser parser = new SuiteParser();

    /** samples/smoke/malformed-*.json and what each rejection must say (case and field named). */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("malformed-unknown-kind.json", "case 'tier0-fraud-chargeback' (cases[1]), field assertions[1].kind: unknown assertion kind 'tier_is'"),
            Map.entry("malformed-bad-json.json", "not valid JSON at line 6 column"),
            Map.entry("malformed-misspelt-parameter.json", "case 'tier2-password-reset' (cases[0]), field assertions[0].valeu: unknown parameter for intent_equals (it takes value)"),
            Map.entry("malformed-tier-out-of-range.json", "case 'tier0-legal-threat' (cases[0]), field assertions[0].value: expected a tier 0, 1 or 2, got 3"),
            Map.entry("malformed-missing-ticket-text.json", "case 'schema-holds' (cases[0]), field ticket.text: expected a non-empty string, got nothing"),
            Map.entry("malformed-duplicate-id.json", "case 'schema-holds' (cases[1]), field id: duplicate case id"),
            Map.entry("malformed-pii-case-without-pii.json", "case 'pii-not-echoed' (cases[0]), field assertions[0].kind: no_pii_echo needs a ticket.text with PII"),
            Map.entry("malformed-no-cases.json", "field cases: expected a non-empty array of cases"),
            Map.entry("malformed-bad-action.json", "case 'tier0-fraud-chargeback' (cases[0]), field assertions[0].value: expected an action (auto_reply, escalate, route), got \"escalated\""),
            Map.entry("malformed-unknown-case-field.json", "case 'latency-and-cost' (cases[0]), field sample: unknown field"));

    static Stream<Path> malformedSuites() throws IOException {
        try (Stream<Path> files = Files.list(RepoRoot.file("samples/smoke"))) {
            return files.filter(p -> p.getFileName().toString().startsWith("malformed-")).sorted().toList().stream();
        }
    }

    @Test
    void theBundledSuiteHasTheEightCasesOnCallNeeds() {
        SmokeSuite suite = parser.parse(SuiteLoader.bundled(), "classpath:smoke/suite.json");
        assertThat(suite.name()).isEqualTo("nightly-smoke");
        assertThat(suite.cases()).extracting(SmokeSuite.SmokeCase::id).containsExactly("tier2-password-reset", "tier0-fraud-chargeback",
                "tier0-legal-threat", "ambiguous-no-auto-reply", "schema-holds", "latency-and-cost", "pii-not-echoed", "safe-mode-respected");
        assertThat(suite.cases().get(1).assertions()).contains(new SmokeAssertion.TierEquals(0), new SmokeAssertion.ActionIs("escalate"));
        assertThat(suite.cases().get(5).samples()).isEqualTo(3);
        assertThat(suite.cases().get(5).assertions()).containsExactly(new SmokeAssertion.LatencyBelow(5000, 95), new SmokeAssertion.CostAtMost(0.01));
    }

    @Test
    void theExampleOverrideParses() throws IOException {
        SmokeSuite suite = parser.parse(Files.readString(RepoRoot.file("samples/smoke/suite-override-example.json")), "example");
        assertThat(suite.cases()).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("malformedSuites")
    void malformedSuitesAreRejectedNamingCaseAndField(Path file) throws IOException {
        String expected = EXPECTED.get(file.getFileName().toString());
        assertThat(expected).as("expected message for " + file.getFileName() + " (add it to EXPECTED)").isNotNull();
        String json = Files.readString(file);
        assertThatThrownBy(() -> parser.parse(json, file.getFileName().toString()))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("smoke suite " + file.getFileName() + ": ")
                .hasMessageContaining(expected);
    }

    @Test
    void everyExpectationHasItsFixture() throws IOException {
        assertThat(malformedSuites().map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @Test
    void parametersAreTypedAndDefaulted() {
        String suite = """
                {"suite": "s", "cases": [{"id": "c", "ticket": {"text": "t", "channel": "email"}, "assertions": [
                  {"kind": "latency_below", "ms": 800},
                  {"kind": "intent_one_of", "values": ["order.status", "shipping.delay"]},
                  {"kind": "action_is_not", "value": "auto_reply"}]}]}""";
        assertThat(parser.parse(suite, "inline").cases().get(0).assertions()).containsExactly(new SmokeAssertion.LatencyBelow(800, 95),
                new SmokeAssertion.IntentOneOf(java.util.List.of("order.status", "shipping.delay")), new SmokeAssertion.ActionIsNot("auto_reply"));
        assertThatThrownBy(() -> parser.parse(suite.replace("\"ms\": 800", "\"ms\": \"800\""), "inline"))
                .hasMessageContaining("case 'c' (cases[0]), field assertions[0].ms: expected a positive integer, got \"800\"");
        assertThatThrownBy(() -> parser.parse(suite.replace("\"ms\": 800", "\"ms\": 800, \"percentile\": 0"), "inline"))
                .hasMessageContaining("field assertions[0].percentile: expected an integer percentile from 1 to 100, got 0");
        assertThatThrownBy(() -> parser.parse(suite.replace("[\"order.status\", \"shipping.delay\"]", "[]"), "inline"))
                .hasMessageContaining("field assertions[1].values: expected a non-empty array of strings, got []");
        assertThatThrownBy(() -> parser.parse(suite.replace("{\"kind\": \"action_is_not\", \"value\": \"auto_reply\"}",
                "{\"kind\": \"schema_valid\", \"strict\": true}"), "inline"))
                .hasMessageContaining("field assertions[2].strict: unknown parameter for schema_valid (it takes none)");
        assertThatThrownBy(() -> parser.parse(suite.replace("\"id\": \"c\"", "\"id\": \"Bad Id\""), "inline"))
                .hasMessageContaining("case #1 (cases[0]), field id: expected a case id matching");
    }
}
