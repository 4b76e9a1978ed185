package dev.evalops.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.evalops.artifacts.Inputs;
import dev.evalops.core.BadInputException;
import dev.evalops.testing.RepoRoot;

class GoldenSetReaderTest {
    static final String GOOD = "{\"id\":\"g-1\",\"text\":\"Where is my order A1234? jane@example.com\",\"channel\":\"email\",\"intent\":\"order.status\","
            + "\"team\":\"orders\",\"template\":\"order_status_update\",\"tier\":2}";

    @TempDir
    Path dir;

    GoldenSetReader reader() {
        return new GoldenSetReader(new Inputs(() -> {
            throw new AssertionError("no S3 for local reads");
        }, dir.toString()));
    }

    Path write(String name, List<String> lines) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, lines);
        return p;
    }

    static String row(String id) {
        return GOOD.replace("\"g-1\"", "\"" + id + "\"");
    }

    @Test
    void readsRowsAndQuarantinesEachMalformedOneWithLineAndField() throws IOException {
        Path file = write("golden.jsonl", List.of(
                row("g-1"),
                "",
                "{\"id\":\"g-2\",\"text\":\"secret words of jane@example.com",
                row("g-3").replace("\"tier\":2", "\"tier\":3"),
                row("g-4").replace("\"channel\":\"email\",", ""),
                row("g-5").replace("\"id\":\"g-5\"", "\"id\":42"),
                "[1,2]",
                row("g-6").replace("\"intent\":\"order.status\"", "\"intent\":\"\""),
                row("g-7") + " {}",
                row("g-8")));
        GoldenSet set = reader().read(file.toString());
        assertThat(set.examples()).extracting(GoldenExample::id).containsExactly("g-1", "g-8");
        assertThat(set.examples().get(0)).isEqualTo(new GoldenExample("g-1", "Where is my order A1234? jane@example.com", "email",
                "order.status", "orders", "order_status_update", 2));
        assertThat(set.quarantined()).containsExactly(
                new QuarantinedRow(3, null, "(row)", "not valid JSON (column 53)"),
                new QuarantinedRow(4, "g-3", "tier", "expected 0, 1 or 2, got 3"),
                new QuarantinedRow(5, "g-4", "channel", "expected a non-empty string, got nothing (field missing)"),
                new QuarantinedRow(6, null, "id", "expected a non-empty string of at most 128 characters, got a JSON number"),
                new QuarantinedRow(7, null, "(row)", "expected a JSON object, got a JSON array"),
                new QuarantinedRow(8, "g-6", "intent", "expected a non-empty string, got an empty string"),
                new QuarantinedRow(9, null, "(row)", "not valid JSON (column 165)"));
        assertThat(set.rows()).isEqualTo(9);
        // nothing a customer wrote ends up in a problem description
        assertThat(set.quarantined().toString()).doesNotContain("secret", "jane", "Where is my order");
    }

    @Test
    void refusesTooManyBadRowsNamingTheFileAndTheFirstProblems() throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 1; i <= 98; i++) {
            lines.add(row("g-" + i));
        }
        lines.add(row("g-99").replace("\"tier\":2", "\"tier\":\"2\""));
        lines.add(row("g-100").replace("\"team\":\"orders\",", ""));
        Path file = write("golden.jsonl", lines);
        GoldenSet set = reader().read(file.toString());
        assertThat(set.requireUsable(0.02)).isSameAs(set); // 2 of 100 = 2%: allowed
        assertThatThrownBy(() -> set.requireUsable(0.01))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("2 of 100 rows (2.0%) are malformed, more than the allowed 1.0%")
                .hasMessageContaining("line 99 field 'tier': expected 0, 1 or 2, got a string of 1 characters")
                .hasMessageContaining("line 100 field 'team'");
    }

    @Test
    void refusesDuplicatedIdsWithTheirLines() throws IOException {
        Path file = write("golden.jsonl", List.of(row("g-1"), row("g-2"), row("g-1"), row("g-2").replace("\"tier\":2", "\"tier\":7")));
        GoldenSet set = reader().read(file.toString());
        assertThat(set.duplicateIds()).isEqualTo(Map.of("g-1", List.of(1, 3), "g-2", List.of(2, 4)));
        assertThatThrownBy(() -> set.requireUsable(0.5)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("2 duplicated id(s): g-1 (lines 1, 3); g-2 (lines 2, 4)");
    }

    @Test
    void refusesASetWithoutAnyUsableRowAndAMissingFile() throws IOException {
        Path file = write("golden.jsonl", List.of("nope"));
        assertThatThrownBy(() -> reader().read(file.toString()).requireUsable(1.0)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("no usable example (1 malformed row(s); first: line 1 field '(row)'");
        assertThatThrownBy(() -> reader().read(dir.resolve("v9/golden.jsonl").toString())).isInstanceOf(BadInputException.class)
                .hasMessageContaining("input not found").hasMessageContaining("v9/golden.jsonl");
    }

    @Test
    void policyIsValidatedFieldByField() throws IOException {
        Path ok = dir.resolve("policy.json");
        Files.writeString(ok, "{\"tier2_eligible_intents\":[\"order.status\"],\"auto_reply_min_confidence\":0.85}");
        assertThat(reader().readPolicy(ok.toString())).isEqualTo(new Policy(List.of("order.status"), 0.85));
        assertThatThrownBy(() -> Policy.parse("{\"tier2_eligible_intents\":\"order.status\",\"auto_reply_min_confidence\":0.85}", "p.json"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("policy p.json: field 'tier2_eligible_intents' is \"order.status\", expected an array of intent names");
        assertThatThrownBy(() -> Policy.parse("{\"tier2_eligible_intents\":[],\"auto_reply_min_confidence\":1.5}", "p.json"))
                .hasMessage("policy p.json: field 'auto_reply_min_confidence' is 1.5, expected a number between 0 and 1");
        assertThatThrownBy(() -> Policy.parse("{\"tier2_eligible_intents\":[1],\"auto_reply_min_confidence\":0.9}", "p.json"))
                .hasMessageContaining("field 'tier2_eligible_intents[0]' is 1");
        assertThatThrownBy(() -> Policy.parse("{\"tier2_eligible_intents\":[", "p.json")).hasMessageContaining("policy p.json: not valid JSON");
    }

    /** The shipped sample set: every row valid, ids unique, labels consistent with the taxonomy, all tiers and channels present. */
    @Test
    void theSampleGoldenSetIsCleanAndConsistentWithTheTaxonomy() {
        Path file = RepoRoot.file("samples/golden/v1/golden.jsonl");
        GoldenSet set = reader().read(file.toString()).requireUsable(0);
        assertThat(set.quarantined()).isEmpty();
        assertThat(set.examples().size()).isBetween(300, 800);
        Map<String, String> taxonomy = Map.ofEntries(
                Map.entry("account.password_reset", "account/password_reset_link/2"), Map.entry("order.status", "orders/order_status_update/2"),
                Map.entry("billing.invoice_request", "billing/invoice_copy/2"), Map.entry("order.cancel", "orders/cancel_order_confirm/1"),
                Map.entry("order.return", "orders/return_label/1"), Map.entry("shipping.delay", "logistics/shipping_delay_apology/1"),
                Map.entry("billing.double_charge", "billing/refund_duplicate_charge/1"),
                Map.entry("billing.refund_status", "billing/refund_status_update/1"), Map.entry("product.question", "support/product_info/1"),
                Map.entry("other", "support/generic_ack/1"), Map.entry("fraud.chargeback", "risk/escalate_fraud/0"),
                Map.entry("legal.threat", "legal/escalate_legal/0"), Map.entry("account.takeover", "security/escalate_security/0"),
                Map.entry("privacy.data_deletion", "privacy/escalate_privacy/0"));
        for (GoldenExample e : set.examples()) {
            assertThat(e.team() + "/" + e.template() + "/" + e.tier()).as(e.id()).isEqualTo(taxonomy.get(e.intent()));
        }
        assertThat(set.examples().stream().map(GoldenExample::intent).collect(Collectors.toSet())).isEqualTo(taxonomy.keySet());
        assertThat(set.examples().stream().map(GoldenExample::channel).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("email", "livechat", "web_form", "phone");
        Set<String> texts = new HashSet<>();
        set.examples().forEach(e -> assertThat(texts.add(e.text())).as("unique text " + e.id()).isTrue());
        assertThat(set.examples().stream().filter(e -> e.text().contains("@")).count()).as("e-mail addresses to sanitize").isGreaterThan(30);
        Policy policy = reader().readPolicy(RepoRoot.file("samples/golden/v1/policy.json").toString());
        assertThat(policy).isEqualTo(new Policy(List.of("account.password_reset", "order.status", "billing.invoice_request"), 0.85));
        set.examples().forEach(e -> assertThat(policy.isTier2Eligible(e.intent())).as(e.id()).isEqualTo(e.tier() == 2));
    }
}
