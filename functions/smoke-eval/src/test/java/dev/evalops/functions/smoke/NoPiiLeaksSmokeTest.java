package dev.evalops.functions.smoke;

import static dev.evalops.functions.smoke.SmokeFixtures.event;
import static dev.evalops.functions.smoke.SmokeFixtures.gate;
import static dev.evalops.functions.smoke.SmokeFixtures.runPrefix;
import static dev.evalops.testing.HandlerCalls.invoke;
import static dev.evalops.testing.HandlerCalls.keys;
import static dev.evalops.testing.HandlerCalls.object;
import static dev.evalops.testing.HandlerCalls.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.evalops.core.Json;
import dev.evalops.router.sample.SampleRouter;
import dev.evalops.sanitize.PiiCorpus;
import dev.evalops.sanitize.PiiType;
import dev.evalops.testing.AwsEmulator;
import dev.evalops.testing.EmulatorTestResource;
import dev.evalops.testing.FunctionLeaks;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Issue 7's end-to-end proof for smoke-eval: the nightly suite override in S3 holds one ticket per PII format of the
 * corpus (e-mails, phones, cards, IBANs, SSNs, IPs, AWS keys, JWTs, "my name is ...", ...), the router echoes every
 * ticket's text back, a person blocks the gate with PII in {@code by} and {@code reason}, and a malformed suite is
 * refused whose bad field holds PII. Afterwards no raw value is
 * in any object of the bucket (run artifacts, decision log), the flags, the metrics, the results or the log.
 */
@QuarkusTest
@QuarkusTestResource(EmulatorTestResource.class)
@QuarkusTestResource(value = SampleRouterResource.class, initArgs = @ResourceArg(name = "scenario", value = "echo"), restrictToAnnotatedClass = true)
class NoPiiLeaksSmokeTest {
    static final List<PiiCorpus.Ticket> TICKETS = PiiCorpus.generate(7, PiiCorpus.FORMATS.size(), 1.0);
    static final String BLOCKED_BY = "jane.oncall@example.com";
    static final String MALFORMED_ID = "rita.customer@example.org";

    @InjectSampleRouter
    SampleRouter router;

    @Test
    void aSuiteFullOfPiiEchoedByTheRouterLeavesNoRawValueAnywhere() {
        long logMark = FunctionLeaks.logMark();
        String bucket = EmulatorTestResource.bucket();
        AwsEmulator.get().s3().putObject(b -> b.bucket(bucket).key("smoke/suite.json"), RequestBody.fromString(suite()));
        List<String> results = new ArrayList<>();
        try {
            JsonNode run = result(event("schedule.json"));
            results.add(run.toString());
            assertThat(run.path("suite_source").asText()).isEqualTo("s3://" + bucket + "/smoke/suite.json");
            assertThat(run.path("failed").asInt()).as("every echo is caught").isEqualTo(TICKETS.size());
            assertThat(gate().path("state").asText()).isEqualTo("blocked");
            // The raw values reached the router, and came back in the answers.
            for (int i = 0; i < TICKETS.size(); i++) {
                assertThat(router.lastText(id(i))).isEqualTo(TICKETS.get(i).text());
            }
            String artifacts = object(runPrefix(run) + "results.json");
            for (PiiType type : TICKETS.stream().flatMap(t -> t.pii().stream()).map(PiiCorpus.Planted::type).distinct().toList()) {
                assertThat(artifacts).as("the echoed %s, sanitized", type).contains("[" + type.name() + "#");
            }

            String block = Json.mapper().createObjectNode().put("action", "gate-block").put("by", BLOCKED_BY)
                    .put("reason", TICKETS.get(0).text()).toString();
            results.add(result(block).toString());
            assertThat(keys("decision_log/")).anyMatch(k -> k.contains("-gate-blocked-"));

            // A suite the parser refuses quotes what it got: here a case id that is a customer's e-mail.
            AwsEmulator.get().s3().putObject(b -> b.bucket(bucket).key("smoke/suite.json"),
                    RequestBody.fromString(suite().replace("\"" + id(1) + "\"", "\"" + MALFORMED_ID + "\"")));
            var rejected = invoke(event("schedule.json"));
            assertThat(rejected.statusCode()).isEqualTo(500);
            assertThat(rejected.asString()).contains("BadInputException", "(cases[1]), field id: expected a case id matching");
            results.add(rejected.asString());
        } finally {
            AwsEmulator.get().s3().deleteObject(b -> b.bucket(bucket).key("smoke/suite.json"));
        }

        List<String> raw = new ArrayList<>(PiiCorpus.rawValues(TICKETS));
        raw.add(BLOCKED_BY);
        raw.add(MALFORMED_ID);
        var scan = FunctionLeaks.scan(raw, logMark, results).assertNoLeaks();
        assertThat(scan.sources()).anyMatch(s -> s.contains("/decision_log/")).anyMatch(s -> s.endsWith("/results.json"));
    }

    static String id(int i) {
        return String.format("pii-%02d", i);
    }

    /** One case per ticket: the router must not echo its PII, and must answer within the contract. */
    static String suite() {
        ObjectNode suite = Json.mapper().createObjectNode().put("suite", "pii-everywhere");
        var cases = suite.putArray("cases");
        for (int i = 0; i < TICKETS.size(); i++) {
            ObjectNode c = cases.addObject().put("id", id(i));
            c.putObject("ticket").put("text", TICKETS.get(i).text()).put("channel", "email");
            var assertions = c.putArray("assertions");
            assertions.addObject().put("kind", "no_pii_echo");
            assertions.addObject().put("kind", "schema_valid");
        }
        return suite.toString();
    }
}
