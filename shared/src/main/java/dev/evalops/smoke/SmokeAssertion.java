package dev.evalops.smoke;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import dev.evalops.router.RouterOutcome;
import dev.evalops.router.RouterResponseSchema;
import dev.evalops.router.RoutingDecision;

/**
 * One thing a smoke case requires of every answer. The suite names them by {@link #kind()}; {@link SuiteParser}
 * builds them and rejects unknown kinds and parameters. Each judges all samples of one attempt at once.
 */
sealed interface SmokeAssertion {

    String kind();

    Check judge(Evidence evidence);

    record IntentEquals(String value) implements SmokeAssertion {
        public String kind() {
            return "intent_equals";
        }

        public Check judge(Evidence e) {
            return everySample(kind(), e, RoutingDecision::intent, value::equals, value);
        }
    }

    record IntentOneOf(List<String> values) implements SmokeAssertion {
        public IntentOneOf {
            values = List.copyOf(values);
        }

        public String kind() {
            return "intent_one_of";
        }

        public Check judge(Evidence e) {
            return everySample(kind(), e, RoutingDecision::intent, values::contains, "one of " + String.join(", ", values));
        }
    }

    record TierEquals(int value) implements SmokeAssertion {
        public String kind() {
            return "tier_equals";
        }

        public Check judge(Evidence e) {
            return everySample(kind(), e, RoutingDecision::tier, t -> t == value, String.valueOf(value));
        }
    }

    record TeamEquals(String value) implements SmokeAssertion {
        public String kind() {
            return "team_equals";
        }

        public Check judge(Evidence e) {
            return everySample(kind(), e, RoutingDecision::team, value::equals, value);
        }
    }

    record ActionIs(String value) implements SmokeAssertion {
        public String kind() {
            return "action_is";
        }

        public Check judge(Evidence e) {
            return everySample(kind(), e, RoutingDecision::action, value::equals, value);
        }
    }

    record ActionIsNot(String value) implements SmokeAssertion {
        public String kind() {
            return "action_is_not";
        }

        public Check judge(Evidence e) {
            return everySample(kind(), e, RoutingDecision::action, a -> !value.equals(a), "not " + value);
        }
    }

    record SchemaValid() implements SmokeAssertion {
        public String kind() {
            return "schema_valid";
        }

        public Check judge(Evidence e) {
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < e.answers().size(); i++) {
                List<String> v = RouterResponseSchema.violations(e.answers().get(i).raw());
                if (!v.isEmpty()) {
                    problems.add(prefix(e, i) + String.join("; ", v));
                }
            }
            return new Check(kind(), problems.isEmpty(), "every field of CONTRACTS §1 present, typed and in range",
                    problems.isEmpty() ? "conforms" : String.join(" | ", problems));
        }
    }

    /** Wall time measured by our client, retries included: what a customer waits, not what the router reports. */
    record LatencyBelow(long ms, int percentile) implements SmokeAssertion {
        public String kind() {
            return "latency_below";
        }

        public Check judge(Evidence e) {
            double[] walls = e.answers().stream().mapToDouble(RouterOutcome::wallMillis).toArray();
            double p = nearestRank(walls, percentile);
            long max = (long) java.util.Arrays.stream(walls).max().orElse(0);
            return new Check(kind(), p < ms, "p" + percentile + " < " + ms + " ms",
                    "p" + percentile + " = " + (long) p + " ms over " + walls.length + " call(s), max " + max + " ms");
        }
    }

    record CostAtMost(double usd) implements SmokeAssertion {
        public String kind() {
            return "cost_at_most";
        }

        public Check judge(Evidence e) {
            long missing = e.answers().stream().filter(a -> a.decision().costUsd() == null).count();
            double max = e.answers().stream().map(a -> a.decision().costUsd()).filter(Objects::nonNull)
                    .mapToDouble(Double::doubleValue).max().orElse(0);
            String actual = missing > 0 ? "cost_usd missing in " + missing + " of " + e.answers().size() + " answer(s)"
                    : "max $" + max + " per call";
            return new Check(kind(), missing == 0 && max <= usd, "<= $" + usd + " per call", actual);
        }
    }

    record NoPiiEcho() implements SmokeAssertion {
        public String kind() {
            return "no_pii_echo";
        }

        public Check judge(Evidence e) {
            List<String> echoes = new ArrayList<>();
            for (int i = 0; i < e.answers().size(); i++) {
                for (String echo : TicketPii.echoes(e.ticketPii(), e.answers().get(i).raw())) {
                    echoes.add(prefix(e, i) + echo);
                }
            }
            return new Check(kind(), echoes.isEmpty(),
                    "no response field carries the ticket's " + e.ticketPii().size() + " PII value(s) or any other PII",
                    echoes.isEmpty() ? "none found" : String.join("; ", echoes));
        }
    }

    /** With the flag on the router must say so and never auto-reply; with it off it must not claim safe mode. */
    record SafeModeRespected() implements SmokeAssertion {
        public String kind() {
            return "safe_mode_respected";
        }

        public Check judge(Evidence e) {
            boolean on = e.safeMode().enabled();
            String expected = on ? "safe_mode=true and action != auto_reply (flag on: " + e.safeMode().source() + ")"
                    : "safe_mode=false (flag off: " + e.safeMode().source() + ")";
            boolean passed = e.answers().stream().allMatch(a -> on
                    ? Boolean.TRUE.equals(a.decision().safeMode()) && !"auto_reply".equals(a.decision().action())
                    : Boolean.FALSE.equals(a.decision().safeMode()));
            String actual = distinct(e.answers().stream().map(a -> "safe_mode=" + show(a.decision().safeMode())
                    + ", action=" + show(a.decision().action())).toList());
            return new Check(kind(), passed, expected, actual);
        }
    }

    /** Nearest rank: the figure is one of the measured values, never an interpolation between them. */
    static double nearestRank(double[] values, int percentile) {
        return new Percentile().withEstimationType(Percentile.EstimationType.R_1).evaluate(values, percentile);
    }

    private static <T> Check everySample(String kind, Evidence e, Function<RoutingDecision, T> field,
            java.util.function.Predicate<T> ok, String expected) {
        List<T> values = e.answers().stream().map(a -> field.apply(a.decision())).toList();
        boolean passed = values.stream().allMatch(v -> v != null && ok.test(v));
        return new Check(kind, passed, expected, distinct(values));
    }

    /** {@code 1} when every sample agrees, {@code 1 ×2, 0 ×1} when they do not; null prints as "missing". */
    private static String distinct(List<?> values) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        values.forEach(v -> counts.merge(show(v), 1, Integer::sum));
        if (counts.size() == 1) {
            return counts.keySet().iterator().next();
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((v, n) -> parts.add(v + " ×" + n));
        return String.join(", ", parts);
    }

    private static String show(Object v) {
        return v == null ? "missing" : v.toString();
    }

    private static String prefix(Evidence e, int sample) {
        return e.answers().size() == 1 ? "" : "sample " + (sample + 1) + ": ";
    }
}
