package dev.evalops.smoke;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.evalops.core.Json;
import dev.evalops.router.RouterClient;
import dev.evalops.router.RouterOutcome;
import dev.evalops.router.RouterRequest;
import dev.evalops.router.RoutingDecision;

/** An in-memory {@link RouterClient} (our interface): answers from a script and records every request. */
final class ScriptedRouter implements RouterClient {
    private final Function<RouterRequest, RouterOutcome> script;
    final List<RouterRequest> requests = Collections.synchronizedList(new ArrayList<>());

    ScriptedRouter(Function<RouterRequest, RouterOutcome> script) {
        this.script = script;
    }

    @Override
    public RouterOutcome route(RouterRequest request) {
        requests.add(request);
        return script.apply(request);
    }

    @Override
    public List<RouterOutcome> routeAll(List<RouterRequest> all) {
        return all.stream().map(this::route).toList();
    }

    /** A response conforming to CONTRACTS §1. */
    static ObjectNode body(String intent, String team, int tier, String action, double confidence, boolean safeMode) {
        ObjectNode b = Json.mapper().createObjectNode();
        b.put("intent", intent).put("team", team).put("template", "tpl_" + intent.replace('.', '_')).put("tier", tier)
                .put("action", action).put("confidence", confidence).put("provider", "anthropic").put("model", "m-2026-10")
                .put("prompt_version", "p-41").put("latency_ms", 120).put("cost_usd", 0.002).put("cache_hit", false)
                .putNull("fallback_reason");
        b.put("safe_mode", safeMode);
        return b;
    }

    static RouterOutcome.Answered answered(String ticketId, ObjectNode body, long wallMillis) {
        try {
            return new RouterOutcome.Answered(ticketId, Json.mapper().treeToValue(body, RoutingDecision.class), body, wallMillis, 1);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** What a correct router answers for each case of the bundled suite. */
    static RouterOutcome perfect(RouterRequest r) {
        ObjectNode b = switch (r.ticketId()) {
            case "tier2-password-reset" -> body("account.password_reset", "account", 2, "auto_reply", 0.95, false);
            case "tier0-fraud-chargeback" -> body("fraud.chargeback", "risk", 0, "escalate", 0.9, false);
            case "tier0-legal-threat" -> body("legal.threat", "legal", 0, "escalate", 0.9, false);
            case "ambiguous-no-auto-reply" -> body("other", "support", 1, "route", 0.4, false);
            case "schema-holds" -> body("order.status", "orders", 2, "auto_reply", 0.9, false);
            case "latency-and-cost" -> body("billing.invoice_request", "billing", 2, "auto_reply", 0.9, false);
            case "pii-not-echoed" -> body("other", "support", 1, "route", 0.6, false);
            case "safe-mode-respected" -> body("order.status", "orders", 2, "auto_reply", 0.92, false);
            default -> throw new IllegalArgumentException("unknown case " + r.ticketId());
        };
        return answered(r.ticketId(), b, 150);
    }
}
