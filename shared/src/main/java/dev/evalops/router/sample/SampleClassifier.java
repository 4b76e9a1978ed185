package dev.evalops.router.sample;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The sample router's deterministic keyword classifier: the rules are listed in {@link SampleRouter}'s
 * class comment (kept there so golden/smoke authors find them in one place).
 */
public final class SampleClassifier {
    /** One taxonomy row (BRIEF / README). */
    public record Route(String intent, String team, String template, int tier) {
    }

    /** The classifier's answer before policy (action) and safe mode are applied. */
    public record Classification(Route route, double confidence) {
    }

    public static final Map<String, Route> TAXONOMY = taxonomy(
            new Route("account.password_reset", "account", "password_reset_link", 2),
            new Route("order.status", "orders", "order_status_update", 2),
            new Route("billing.invoice_request", "billing", "invoice_copy", 2),
            new Route("order.cancel", "orders", "cancel_order_confirm", 1),
            new Route("order.return", "orders", "return_label", 1),
            new Route("shipping.delay", "logistics", "shipping_delay_apology", 1),
            new Route("billing.double_charge", "billing", "refund_duplicate_charge", 1),
            new Route("billing.refund_status", "billing", "refund_status_update", 1),
            new Route("product.question", "support", "product_info", 1),
            new Route("other", "support", "generic_ack", 1),
            new Route("fraud.chargeback", "risk", "escalate_fraud", 0),
            new Route("legal.threat", "legal", "escalate_legal", 0),
            new Route("account.takeover", "security", "escalate_security", 0),
            new Route("privacy.data_deletion", "privacy", "escalate_privacy", 0));

    /** policy.json of the sample golden set. */
    public static final Set<String> TIER2_ELIGIBLE = Set.of("account.password_reset", "order.status", "billing.invoice_request");
    public static final double AUTO_REPLY_MIN_CONFIDENCE = 0.85;

    public static final double AMBIGUOUS_CONFIDENCE = 0.45;
    public static final double UNMATCHED_CONFIDENCE = 0.40;
    /** A text mentioning both a refund and a double charge: classified as refund status (a known confusion). */
    public static final double REFUND_CONFUSION_CONFIDENCE = 0.72;

    private record Rule(String intent, Pattern pattern, double confidence) {
    }

    // Tier 0 rules are checked first and win outright: the sample router errs towards over-escalation.
    private static final List<Rule> TIER0 = List.of(
            rule("fraud.chargeback", "chargeback|charge back|dispute (it |this |the charge )?with my bank|(filed|opened|open) a dispute"
                    + "|fraud\\w*|unauthori[sz]ed (charge|payment|transaction)|stolen card", 0.94),
            rule("legal.threat", "lawyers?|attorneys?|sue|suing|lawsuit|legal action|small claims|court", 0.93),
            rule("account.takeover", "someone (logged|signed) in(to)?|logged into my account|hacked|hijacked|took over my account"
                    + "|account (was|has been|is) compromised|(changed|reset) my password without|not me who (logged|signed)"
                    + "|someone (changed|reset) my (password|email)", 0.92),
            rule("privacy.data_deletion", "delete (all )?my (personal )?(data|information|info)|erase my (data|information)"
                    + "|remove my personal (data|information)|right to be forgotten|gdpr|delete my account", 0.92),
            // Over-escalation by design: any mention of the customer's bank reads as a chargeback threat.
            rule("fraud.chargeback", "my bank|the bank", 0.60));

    private static final List<Rule> OTHERS = List.of(
            rule("account.password_reset", "reset my password|forgot my password|password reset|reset (the|my) password", 0.95),
            rule("account.password_reset", "can'?t log ?in|cannot log ?in|unable to log ?in|locked out", 0.78),
            rule("order.status", "where is my (order|package|parcel)|order status|status of my order", 0.93),
            rule("order.status", "track\\w*", 0.80),
            rule("billing.invoice_request", "invoice|vat receipt", 0.91),
            rule("billing.invoice_request", "receipt", 0.82),
            rule("order.cancel", "cancel\\w*", 0.90),
            rule("order.return", "return\\w*|send it back|exchange it", 0.88),
            rule("shipping.delay", "delay\\w*|late|hasn'?t arrived|has not arrived|still not (here|arrived)|stuck in transit", 0.86),
            rule("billing.double_charge", "charged twice|double[- ]charged|double charge|duplicate (charge|payment)|billed twice", 0.93),
            rule("billing.refund_status", "refund\\w*|money back", 0.88),
            rule("product.question", "compatible|how do i use|does (it|this)|warranty|battery|in stock|what size|dimensions", 0.84));

    private SampleClassifier() {
    }

    public static Classification classify(String text) {
        String t = normalize(text);
        for (Rule r : TIER0) {
            if (r.pattern().matcher(t).find()) {
                return new Classification(TAXONOMY.get(r.intent()), r.confidence());
            }
        }
        Set<String> matched = new LinkedHashSet<>();
        double confidence = 0;
        for (Rule r : OTHERS) {
            if (!matched.contains(r.intent()) && r.pattern().matcher(t).find()) {
                matched.add(r.intent());
                confidence = r.confidence();
            }
        }
        if (matched.isEmpty()) {
            return new Classification(TAXONOMY.get("other"), UNMATCHED_CONFIDENCE);
        }
        if (matched.size() == 1) {
            return new Classification(TAXONOMY.get(matched.iterator().next()), confidence);
        }
        if (matched.equals(Set.of("billing.double_charge", "billing.refund_status"))) {
            return new Classification(TAXONOMY.get("billing.refund_status"), REFUND_CONFUSION_CONFIDENCE);
        }
        return new Classification(TAXONOMY.get("other"), AMBIGUOUS_CONFIDENCE);
    }

    /** Policy: Tier 0 escalates; an eligible Tier 2 intent at or above the threshold auto-replies unless safe mode is on. */
    public static String action(Classification c, boolean safeMode) {
        if (c.route().tier() == 0) {
            return "escalate";
        }
        boolean automatable = c.route().tier() == 2 && TIER2_ELIGIBLE.contains(c.route().intent()) && c.confidence() >= AUTO_REPLY_MIN_CONFIDENCE;
        return automatable && !safeMode ? "auto_reply" : "route";
    }

    private static String normalize(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("\\s+", " ");
    }

    private static Rule rule(String intent, String regex, double confidence) {
        return new Rule(intent, Pattern.compile("\\b(" + regex + ")\\b"), confidence);
    }

    private static Map<String, Route> taxonomy(Route... routes) {
        Map<String, Route> map = new java.util.LinkedHashMap<>();
        for (Route r : routes) {
            map.put(r.intent(), r);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
