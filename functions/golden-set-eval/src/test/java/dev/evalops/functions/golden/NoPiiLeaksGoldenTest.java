package dev.evalops.functions.golden;

import static dev.evalops.functions.golden.GoldenSetEvalHandlerTest.bucket;
import static dev.evalops.functions.golden.GoldenSetEvalHandlerTest.prefix;
import static dev.evalops.testing.HandlerCalls.object;
import static dev.evalops.testing.HandlerCalls.read;
import static dev.evalops.testing.HandlerCalls.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.core.Json;
import dev.evalops.sanitize.PiiCorpus;
import dev.evalops.testing.AwsEmulator;
import dev.evalops.testing.FunctionLeaks;
import dev.evalops.testing.RepoRoot;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Issue 7's end-to-end proof for golden-set-eval: a golden set in S3 whose texts are the PII corpus (every format
 * twice), all labeled {@code product.question} so most of them are misroutes and {@code misroutes.jsonl} carries
 * their texts, plus malformed rows whose raw content is PII, and a run reason naming a customer. Afterwards no raw
 * value is in any object of the bucket, the flags, the metrics, the result or the log.
 */
@QuarkusTest
@TestProfile(FunctionLeaks.OwnApp.class)
@QuarkusTestResource(dev.evalops.testing.EmulatorTestResource.class)
@QuarkusTestResource(value = SampleRouterResource.class, restrictToAnnotatedClass = true)
class NoPiiLeaksGoldenTest {
    static final List<PiiCorpus.Ticket> TICKETS = PiiCorpus.generate(5, 2 * PiiCorpus.FORMATS.size(), 1.0);
    static final String CARD = "4539 1488 0343 6467";
    static final String PHONE = "+44 20 7946 0958";
    static final String EMAIL = "malformed.row@example.com";
    static final String REASON_EMAIL = "escalated.customer@example.net";
    /** Cut off mid-row, a tier that is a sentence, an id that is an e-mail with no text: each kept, none quoted. */
    static final List<String> MALFORMED = List.of(
            "{\"id\": \"g-bad-1\", \"text\": \"my card " + CARD + " was charged twice, call " + PHONE,
            "{\"id\": \"g-bad-2\", \"text\": \"refund please\", \"channel\": \"email\", \"intent\": \"other\", \"team\": \"support\", "
                    + "\"template\": \"generic_ack\", \"tier\": \"call me on " + PHONE + "\"}",
            "{\"id\": \"" + EMAIL + "\", \"channel\": \"email\"}");

    @Test
    void aGoldenSetFullOfPiiLeavesNoRawValueAnywhere() {
        long logMark = FunctionLeaks.logMark();
        var s3 = AwsEmulator.get().s3();
        s3.putObject(b -> b.bucket(bucket()).key("golden/pii/golden.jsonl"), RequestBody.fromString(golden()));
        s3.putObject(b -> b.bucket(bucket()).key("golden/pii/policy.json"), RequestBody.fromFile(RepoRoot.file("samples/golden/v1/policy.json")));

        String event = Json.mapper().createObjectNode().put("action", "run").put("goldenVersion", "pii")
                .put("reason", "manual: complaint from " + REASON_EMAIL).toString();
        JsonNode r = result(event);
        // Every row reached the run: the good ones scored, the malformed ones counted.
        assertThat(r.path("n").asInt()).isEqualTo(TICKETS.size());
        assertThat(r.path("quarantined").asInt()).isEqualTo(MALFORMED.size());
        String prefix = prefix(r);
        String misroutes = object(prefix + "misroutes.jsonl");
        assertThat(misroutes.lines().count()).isGreaterThan(TICKETS.size() / 2);
        assertThat(misroutes).contains("[EMAIL#", "[PHONE#", "[CREDIT_CARD#", "[IBAN#", "[US_SSN#", "[IP_ADDRESS#", "[AWS_ACCESS_KEY#", "[JWT#", "[PERSON#");
        assertThat(object(prefix + "quarantine.jsonl").lines()).hasSize(MALFORMED.size());
        assertThat(read(object(prefix + "metrics.json")).path("reason").asText()).startsWith("manual: complaint from [EMAIL#");

        // The inputs hold the raw values by design; everything else must not.
        for (String f : List.of("golden.jsonl", "policy.json")) {
            s3.deleteObject(b -> b.bucket(bucket()).key("golden/pii/" + f));
        }
        List<String> raw = new ArrayList<>(PiiCorpus.rawValues(TICKETS));
        raw.addAll(List.of(CARD, PHONE, EMAIL, REASON_EMAIL));
        var scan = FunctionLeaks.scan(raw, logMark, List.of(r.toString())).assertNoLeaks();
        assertThat(scan.sources()).anyMatch(s -> s.endsWith(prefix + "misroutes.jsonl")).anyMatch(s -> s.endsWith(prefix + "quarantine.jsonl"));
    }

    /** The corpus as golden rows labeled product.question, with the malformed rows in between. */
    static String golden() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < TICKETS.size(); i++) {
            out.append(Json.mapper().createObjectNode().put("id", String.format("g-pii-%03d", i)).put("text", TICKETS.get(i).text())
                    .put("channel", "email").put("intent", "product.question").put("team", "support").put("template", "product_info")
                    .put("tier", 1)).append('\n');
            if (i % 50 == 10 && i / 50 < MALFORMED.size()) {
                out.append(MALFORMED.get(i / 50)).append('\n');
            }
        }
        return out.toString();
    }
}
