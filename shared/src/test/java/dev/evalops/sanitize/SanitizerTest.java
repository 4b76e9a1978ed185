package dev.evalops.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.core.Json;

/** Hand-written cases, independent of the generated corpus: real-world spellings, near misses, API guarantees. */
class SanitizerTest {
    static final Sanitizer S = Sanitizer.withKey("test-key".getBytes(StandardCharsets.UTF_8));

    static Stream<Arguments> replaced() {
        return Stream.of(
                Arguments.of("Reply to Jane.Doe+orders@Sub.Example.co.uk please", PiiType.EMAIL, "Jane.Doe+orders@Sub.Example.co.uk"),
                Arguments.of("mail me: o'hara@example.ie.", PiiType.EMAIL, "hara@example.ie"),
                Arguments.of("Call +1 (415) 555-2671 after 5pm", PiiType.PHONE, "+1 (415) 555-2671"),
                Arguments.of("UK: +44 (0)20 7946 0958", PiiType.PHONE, "+44 (0)20 7946 0958"),
                Arguments.of("mobile 0171 1234567 (DE)", PiiType.PHONE, "0171 1234567"),
                Arguments.of("Amsterdam office 020-123 4567", PiiType.PHONE, "020-123 4567"),
                Arguments.of("text me on 07700900123", PiiType.PHONE, "07700900123"),
                Arguments.of("my cell is 4155552671.", PiiType.PHONE, "4155552671"),
                Arguments.of("card 5500-0000-0000-0004 was declined", PiiType.CREDIT_CARD, "5500-0000-0000-0004"),
                Arguments.of("Amex 3782 822463 10005 exp 04/28", PiiType.CREDIT_CARD, "3782 822463 10005"),
                Arguments.of("pan=4111111111111111;", PiiType.CREDIT_CARD, "4111111111111111"),
                Arguments.of("card #4012 8888 8888 1881 12/29", PiiType.CREDIT_CARD, "4012 8888 8888 1881"),
                Arguments.of("IBAN: GB82 WEST 1234 5698 7654 32.", PiiType.IBAN, "GB82 WEST 1234 5698 7654 32"),
                Arguments.of("pay to NL91ABNA0417164300 today", PiiType.IBAN, "NL91ABNA0417164300"),
                Arguments.of("SSN 078-05-1120 on file", PiiType.US_SSN, "078-05-1120"),
                Arguments.of("social security no. 219099999", PiiType.US_SSN, "219099999"),
                Arguments.of("client 198.51.100.7 hit the limit", PiiType.IP_ADDRESS, "198.51.100.7"),
                Arguments.of("from [2001:db8::ff00:42:8329]:443", PiiType.IP_ADDRESS, "2001:db8::ff00:42:8329"),
                Arguments.of("addr FE80::0202:B3FF:FE1E:8329", PiiType.IP_ADDRESS, "FE80::0202:B3FF:FE1E:8329"),
                Arguments.of("export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", PiiType.AWS_ACCESS_KEY, "AKIAIOSFODNN7EXAMPLE"),
                Arguments.of("aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", PiiType.AWS_SECRET_KEY,
                        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
                Arguments.of("Authorization: Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJzdWIiOiIxMjMifQ.abcDEF123_-x", PiiType.JWT,
                        "eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJzdWIiOiIxMjMifQ.abcDEF123_-x"),
                Arguments.of("curl -H 'Authorization: Bearer ya29.a0AfH6SMBx3kq-Zr9' ...", PiiType.BEARER_TOKEN, "ya29.a0AfH6SMBx3kq-Zr9"),
                Arguments.of("Authorization: Basic dXNlcjpodW50ZXIy", PiiType.BEARER_TOKEN, "dXNlcjpodW50ZXIy"),
                Arguments.of("my password is Hunter2! lol", PiiType.SECRET, "Hunter2!"),
                Arguments.of("\"password\": \"correct-horse-9\"", PiiType.SECRET, "correct-horse-9"),
                Arguments.of("PASSWD=s3cr3tPass", PiiType.SECRET, "s3cr3tPass"),
                Arguments.of("STRIPE_SECRET_KEY=sk_test_51HqLyjWDarjtT1zdp7dc", PiiType.SECRET, "sk_test_51HqLyjWDarjtT1zdp7dc"),
                Arguments.of("the api key was 9f8e7d6c5b4a39281706f5e4d3c2b1a0.", PiiType.SECRET, "9f8e7d6c5b4a39281706f5e4d3c2b1a0"),
                Arguments.of("x-api-key: Zk93Lm2Qp8Rt6Vw4", PiiType.SECRET, "Zk93Lm2Qp8Rt6Vw4"),
                Arguments.of("-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg\n4D0=\n-----END EC PRIVATE KEY-----\nthanks", PiiType.SECRET, "MHcCAQEEIBkg"),
                Arguments.of("send it to 1600 Pennsylvania Avenue NW, Washington", PiiType.ADDRESS, "1600 Pennsylvania Avenue NW"),
                Arguments.of("flat at 221B Baker Street.", PiiType.ADDRESS, "221B Baker Street"),
                Arguments.of("move to 350 5th Ave, Suite 3300 please", PiiType.ADDRESS, "350 5th Ave, Suite 3300"),
                Arguments.of("Kastanienallee 7a, 10435 Berlin", PiiType.ADDRESS, "Kastanienallee 7a"),
                Arguments.of("Calle Mayor 5, Madrid", PiiType.ADDRESS, "Calle Mayor 5"),
                Arguments.of("8 avenue des Champs-Élysées", PiiType.ADDRESS, "8 avenue des Champs-Élysées"),
                Arguments.of("Hi, my name is Siobhan O'Brien and I need help", PiiType.PERSON, "Siobhan O'Brien"),
                Arguments.of("my name's José", PiiType.PERSON, "José"),
                Arguments.of("this is Jean-Luc here, again", PiiType.PERSON, "Jean-Luc"),
                Arguments.of("Thanks!\nLudwig van Beethoven\n", PiiType.PERSON, "Ludwig van Beethoven"),
                Arguments.of("Cheers, Tom", PiiType.PERSON, "Tom"),
                Arguments.of("| g-1 | order late<br>Thanks,<br>Wei Chen<br> | 2 |", PiiType.PERSON, "Wei Chen"),
                Arguments.of("| g-1 | order late. Best regards, Amara Okafor | 2 |", PiiType.PERSON, "Amara Okafor"),
                Arguments.of("Thanks, Noah Wright Order A1234 is late", PiiType.PERSON, "Noah Wright"),
                Arguments.of("Full name: Amara Okafor-Smith", PiiType.PERSON, "Amara Okafor-Smith"),
                Arguments.of("Dr. McAllister said so", PiiType.PERSON, "McAllister"),
                Arguments.of("Dear Mr Tanaka,", PiiType.PERSON, "Tanaka"));
    }

    @ParameterizedTest
    @MethodSource("replaced")
    void replacesAsItsType(String text, PiiType type, String raw) {
        String clean = S.clean(text);
        assertThat(clean).doesNotContain(raw).contains("[" + type + "#");
        assertThat(Sanitizer.findings(text)).anySatisfy(f -> {
            assertThat(f.type()).isEqualTo(type);
            assertThat(text.substring(f.start(), f.end())).contains(raw);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Order A1234 and #123456 for ticket g-000123, turn t-9f2c, user u-5ab1",
            "at 2026-11-22T14:03:11Z (2026-11-22 14:03:11.123, 14:03, 22/11/2026, 11.22.2026)",
            "golden set v3, sdk 2.37.5, prompt p-41, model m-2026-10, Windows 10.0.19045.2965, firmware v1.2.3.4",
            "I paid $12.99, then €1,299.00, then USD 1,234.56 and £45",
            "routed billing.double_charge with refund_duplicate_charge; escalate_privacy for privacy.data_deletion",
            "run golden-20261122-0200-7f3a wrote s3://acme-mw-analytics-prod/eval_runs/golden/2026-11-22/",
            "rule arn:aws:events:us-east-1:123456789012:rule/weekly and arn:aws:s3:::bucket-name",
            "commit 3f2a9c1d4e5b6a7980c1d2e3f4a5b6c7d8e9f0a1 request 123e4567-e89b-12d3-a456-426614174000",
            "tracking 1Z999AA10123456784, SKU 8806090-012, HTTP 503, error 0x80070005, latency 1834 ms",
            "local server http://127.0.0.1:8080 and ::1, mask 255.255.255.0",
            "password reset link expired; the key issue is latency; token limit: 4096; access denied",
            "password is incorrect, my password: reset, password: ********",
            "my name is on the account; This is urgent; Thanks for your help; Dear Support Team,",
            "Regards,\nThe Acme Team\n",
            "I ordered 3 Large Boxes and 2 items; the Park Avenue handbag; 10 min walk",
            "device 86:49:2d:6b:e4:da at 12:30:45; std::vector; C++ a::b, dead::beef",
            "card 4111 1111 1111 1112 is wrong (Luhn); IBAN DE89 3704 0044 0532 0130 01 (mod-97)",
            "SSN 000-12-3456, 666-12-3456 and 912-34-5678 are not issued",
            "the token is expired, the secret sauce, api key rotation next week",
            "bearer of bad news; basic troubleshooting steps",
            "cache key: tenant:acme:order.status, idempotency key= 42",
            "Mr. and Mrs. smith; Dr who",
            "[EMAIL#3f2a] wrote to [PHONE#0a1b] about [CREDIT_CARD#ffff]",
            "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----" })
    void keepsWhatIsNotPii(String text) {
        assertThat(Sanitizer.findings(text)).isEmpty();
        assertThat(S.clean(text)).isSameAs(text);
    }

    @Test
    void placeholdersAreStablePerKeyAndDifferAcrossKeys() {
        String text = "mail jane@example.com, again jane@example.com, and bob@example.com";
        String clean = S.clean(text);
        List<String> placeholders = placeholders(clean);
        assertThat(placeholders).hasSize(3);
        assertThat(placeholders.get(0)).isEqualTo(placeholders.get(1)).isNotEqualTo(placeholders.get(2));
        assertThat(Sanitizer.withKey("test-key".getBytes(StandardCharsets.UTF_8)).clean(text)).isEqualTo(clean);
        assertThat(Sanitizer.withKey("other-key".getBytes(StandardCharsets.UTF_8)).clean(text)).isNotEqualTo(clean);
        assertThat(Sanitizer.forRun().clean(text)).matches(".*\\[EMAIL#[0-9a-f]{4}\\].*");
        assertThat(Sanitizer.forProcess()).isSameAs(Sanitizer.forProcess());
    }

    @Test
    void theSameValueWrittenDifferentlyGetsTheSamePlaceholder() {
        assertThat(S.clean("4111 1111 1111 1111")).isEqualTo(S.clean("4111-1111-1111-1111")).isEqualTo(S.clean("4111111111111111"));
        assertThat(S.clean("DE89 3704 0044 0532 0130 00")).isEqualTo(S.clean("de89370400440532013000"));
        assertThat(S.clean("Jane@Example.com")).isEqualTo(S.clean("jane@example.com"));
        assertThat(S.clean("(415) 555-2671")).isEqualTo(S.clean("415.555.2671"));
        assertThat(S.clean("0044 20 7946 0958")).isEqualTo(S.clean("+44 20 7946 0958"));
    }

    @Test
    void cleaningIsIdempotent() {
        List<PiiCorpus.Ticket> tickets = PiiCorpus.generate(7, 500, 1.0);
        for (PiiCorpus.Ticket t : tickets) {
            String once = S.clean(t.text());
            assertThat(S.clean(once)).isEqualTo(once);
        }
    }

    @Test
    void contextWordsStayAndOnlyTheValueIsReplaced() {
        assertThat(S.clean("my name is Maria Garcia and")).matches("my name is \\[PERSON#[0-9a-f]{4}\\] and");
        assertThat(S.clean("password: Tr0ub4dor&3.")).matches("password: \\[SECRET#[0-9a-f]{4}\\]\\.");
        assertThat(S.clean("Authorization: Bearer 8f3kQ2xZ9pLm4vT7wR1y")).matches("Authorization: Bearer \\[BEARER_TOKEN#[0-9a-f]{4}\\]");
        assertThat(S.clean("connect to 10.1.2.3:8443")).matches("connect to \\[IP_ADDRESS#[0-9a-f]{4}\\]:8443");
    }

    @Test
    void jsonStringValuesAreCleanedFieldNamesAndOtherValuesKept() throws Exception {
        JsonNode in = Json.mapper().readTree("""
                {"ticket_id":"g-000123","text":"card 4111 1111 1111 1111","tier":1,"ok":true,"n":null,
                 "jane@example.com":"key","list":["a@b.io", 3, {"ip":"203.0.113.9"}]}""");
        JsonNode out = S.clean(in);
        assertThat(out.get("ticket_id").asText()).isEqualTo("g-000123");
        assertThat(out.get("text").asText()).startsWith("card [CREDIT_CARD#");
        assertThat(out.get("tier").asInt()).isEqualTo(1);
        assertThat(out.get("ok").asBoolean()).isTrue();
        assertThat(out.get("n").isNull()).isTrue();
        assertThat(out.has("jane@example.com")).isTrue();
        assertThat(out.at("/list/0").asText()).startsWith("[EMAIL#");
        assertThat(out.at("/list/1").asInt()).isEqualTo(3);
        assertThat(out.at("/list/2/ip").asText()).startsWith("[IP_ADDRESS#");
        assertThat(in.get("text").asText()).isEqualTo("card 4111 1111 1111 1111");
    }

    @Test
    void pathologicalInputsAreHandledCorrectly() {
        // Long runs that would make careless patterns backtrack (the bench times them): cleaning settles at once.
        for (String text : Adversarial.texts()) {
            String clean = S.clean(text);
            assertThat(S.clean(clean)).isEqualTo(clean);
        }
        assertThat(S.clean("a".repeat(100_000) + "@example.com")).isEqualTo("a".repeat(100_000) + "@example.com");
        assertThat(S.clean("1 ".repeat(50_000))).isEqualTo("1 ".repeat(50_000));
        assertThat(S.clean("x jane@example.com " + "9".repeat(100_000))).startsWith("x [EMAIL#");
    }

    @Test
    void nullAndEmptyPassThrough() {
        assertThat(S.clean((String) null)).isNull();
        assertThat(S.clean("")).isEmpty();
        assertThat(S.clean((JsonNode) null)).isNull();
        assertThat(Sanitizer.findings(null)).isEmpty();
    }

    static List<String> placeholders(String clean) {
        return java.util.regex.Pattern.compile("\\[[A-Z_]+#[0-9a-f]{4}\\]").matcher(clean).results().map(r -> r.group()).toList();
    }
}
