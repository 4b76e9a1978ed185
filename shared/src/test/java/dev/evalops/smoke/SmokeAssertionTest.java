package dev.evalops.smoke;

import static dev.evalops.smoke.ScriptedRouter.answered;
import static dev.evalops.smoke.ScriptedRouter.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.evalops.router.RouterOutcome;

class SmokeAssertionTest {
    private static final SafeModeState OFF = new SafeModeState(false, "/evalops/t/safe-mode v1");
    private static final SafeModeState ON = new SafeModeState(true, "/evalops/t/safe-mode v2");

    private Check judge(SmokeAssertion a, SafeModeState safeMode, List<String> pii, RouterOutcome.Answered... answers) {
        return a.judge(new Evidence(List.of(answers), safeMode, pii));
    }

    private Check judge(SmokeAssertion a, RouterOutcome.Answered... answers) {
        return judge(a, OFF, List.of(), answers);
    }

    private static RouterOutcome.Answered fraud(int tier, String action) {
        return answered("c", body("fraud.chargeback", "risk", tier, action, 0.9, false), 100);
    }

    @Test
    void valueAssertionsReportExpectedAndActualOverEverySample() {
        assertThat(judge(new SmokeAssertion.TierEquals(0), fraud(0, "escalate"))).isEqualTo(new Check("tier_equals", true, "0", "0"));
        assertThat(judge(new SmokeAssertion.TierEquals(0), fraud(0, "escalate"), fraud(1, "route"), fraud(1, "route")))
                .isEqualTo(new Check("tier_equals", false, "0", "0 ×1, 1 ×2"));
        assertThat(judge(new SmokeAssertion.IntentEquals("legal.threat"), fraud(0, "escalate")))
                .isEqualTo(new Check("intent_equals", false, "legal.threat", "fraud.chargeback"));
        assertThat(judge(new SmokeAssertion.IntentOneOf(List.of("fraud.chargeback", "account.takeover")), fraud(0, "escalate")).passed()).isTrue();
        assertThat(judge(new SmokeAssertion.TeamEquals("risk"), fraud(0, "escalate")).passed()).isTrue();
        assertThat(judge(new SmokeAssertion.ActionIs("escalate"), fraud(0, "route")))
                .isEqualTo(new Check("action_is", false, "escalate", "route"));
        assertThat(judge(new SmokeAssertion.ActionIsNot("auto_reply"), fraud(0, "auto_reply")))
                .isEqualTo(new Check("action_is_not", false, "not auto_reply", "auto_reply"));
        assertThat(judge(new SmokeAssertion.ActionIsNot("auto_reply"), fraud(0, "route")).passed()).isTrue();
    }

    @Test
    void aMissingFieldFailsAndSaysMissing() {
        ObjectNode b = body("fraud.chargeback", "risk", 0, "escalate", 0.9, false);
        b.remove("tier");
        assertThat(judge(new SmokeAssertion.TierEquals(0), answered("c", b, 10))).isEqualTo(new Check("tier_equals", false, "0", "missing"));
    }

    @Test
    void schemaChecksFieldsTypesEnumsAndRanges() {
        assertThat(judge(new SmokeAssertion.SchemaValid(), fraud(0, "escalate")).passed()).isTrue();
        ObjectNode b = body("order.status", "orders", 2, "auto_reply", 0.9, false);
        b.put("tier", "2").put("action", "reply").put("confidence", 1.2).remove("cache_hit");
        b.remove("fallback_reason");
        Check c = judge(new SmokeAssertion.SchemaValid(), answered("c", b, 10));
        assertThat(c.passed()).isFalse();
        assertThat(c.actual()).contains("tier: expected an integer 0, 1 or 2, got \"2\"", "action: expected one of auto_reply, escalate, route, got \"reply\"",
                "confidence: expected a number in [0, 1], got 1.2", "cache_hit: missing", "fallback_reason: missing");
    }

    @Test
    void latencyIsTheNearestRankPercentileOfOurWallTime() {
        RouterOutcome.Answered fast = answered("c", body("other", "support", 1, "route", 0.5, false), 900);
        RouterOutcome.Answered slow = answered("c", body("other", "support", 1, "route", 0.5, false), 5200);
        assertThat(judge(new SmokeAssertion.LatencyBelow(5000, 95), fast, fast, fast))
                .isEqualTo(new Check("latency_below", true, "p95 < 5000 ms", "p95 = 900 ms over 3 call(s), max 900 ms"));
        // With 3 samples the p95 is the slowest call: one slow answer fails the case.
        assertThat(judge(new SmokeAssertion.LatencyBelow(5000, 95), fast, slow, fast))
                .isEqualTo(new Check("latency_below", false, "p95 < 5000 ms", "p95 = 5200 ms over 3 call(s), max 5200 ms"));
        assertThat(judge(new SmokeAssertion.LatencyBelow(5000, 50), fast, slow, fast).passed()).isTrue();
        assertThat(judge(new SmokeAssertion.LatencyBelow(900, 95), fast).passed()).as("the bound is strict").isFalse();
    }

    @Test
    void costIsPerCallAndMissingCostFails() {
        ObjectNode pricey = body("other", "support", 1, "route", 0.5, false).put("cost_usd", 0.012);
        ObjectNode exact = body("other", "support", 1, "route", 0.5, false).put("cost_usd", 0.01);
        ObjectNode none = body("other", "support", 1, "route", 0.5, false);
        none.remove("cost_usd");
        assertThat(judge(new SmokeAssertion.CostAtMost(0.01), answered("c", exact, 1)).passed()).as("the bound is inclusive").isTrue();
        assertThat(judge(new SmokeAssertion.CostAtMost(0.01), answered("c", exact, 1), answered("c", pricey, 1)))
                .isEqualTo(new Check("cost_at_most", false, "<= $0.01 per call", "max $0.012 per call"));
        assertThat(judge(new SmokeAssertion.CostAtMost(0.01), answered("c", none, 1)).actual()).isEqualTo("cost_usd missing in 1 of 1 answer(s)");
    }

    @Test
    void piiEchoNamesTheFieldNeverTheValue() {
        String ticket = "Please change my e-mail to jane.doe@example.com";
        List<String> pii = TicketPii.spans(ticket);
        ObjectNode clean = body("account.password_reset", "account", 2, "route", 0.9, false);
        assertThat(judge(new SmokeAssertion.NoPiiEcho(), OFF, pii, answered("c", clean, 1)))
                .isEqualTo(new Check("no_pii_echo", true, "no response field carries the ticket's 1 PII value(s) or any other PII", "none found"));
        ObjectNode echo = clean.deepCopy().put("fallback_reason", "customer JANE.DOE@example.com asked");
        echo.putObject("debug").putArray("seen").add("ok").add("other.person@example.net");
        Check c = judge(new SmokeAssertion.NoPiiEcho(), OFF, pii, answered("c", echo, 1));
        assertThat(c.passed()).isFalse();
        assertThat(c.actual()).isEqualTo("fallback_reason echoes the ticket's PII; debug.seen[1] contains PII").doesNotContain("@");
    }

    @Test
    void safeModeMustBeReportedAndHonoured() {
        RouterOutcome.Answered autoOff = answered("c", body("order.status", "orders", 2, "auto_reply", 0.95, false), 1);
        RouterOutcome.Answered routedOn = answered("c", body("order.status", "orders", 2, "route", 0.95, true), 1);
        RouterOutcome.Answered autoOn = answered("c", body("order.status", "orders", 2, "auto_reply", 0.95, true), 1);
        assertThat(judge(new SmokeAssertion.SafeModeRespected(), OFF, List.of(), autoOff).passed()).isTrue();
        assertThat(judge(new SmokeAssertion.SafeModeRespected(), ON, List.of(), routedOn).passed()).isTrue();
        assertThat(judge(new SmokeAssertion.SafeModeRespected(), ON, List.of(), autoOn)).isEqualTo(new Check("safe_mode_respected", false,
                "safe_mode=true and action != auto_reply (flag on: /evalops/t/safe-mode v2)", "safe_mode=true, action=auto_reply"));
        assertThat(judge(new SmokeAssertion.SafeModeRespected(), ON, List.of(), autoOff).actual()).isEqualTo("safe_mode=false, action=auto_reply");
        assertThat(judge(new SmokeAssertion.SafeModeRespected(), OFF, List.of(), routedOn).passed()).as("claims safe mode the flag does not set").isFalse();
    }
}
