package dev.evalops.golden;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The verdict with every reason that led to it and every gate as checked. Rules, most severe first: any Tier 0
 * false negative → STOP; any Tier 2 gate violation → INVESTIGATE_POLICY; a significant drop against the baseline
 * or a missed quality gate (accuracy, p95 latency, cost, unscored share) → REGRESSION; else PASS. A drop that
 * is not significant is a reason-free note in the comparison, not a regression.
 */
@RegisterForReflection
public record VerdictDecision(Verdict verdict, List<String> reasons, List<GateCheck> gates) {

    /** One gate: {@code actual} is null when the run could not measure it (no latency reported), which passes. */
    @RegisterForReflection
    public record GateCheck(String gate, String limit, Double actual, boolean passed) {
    }

    public static VerdictDecision decide(GoldenMetrics m, BaselineComparison baseline, GoldenGates g) {
        List<GateCheck> gates = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        Verdict verdict = Verdict.PASS;

        GateCheck fn = check(gates, "tier0_false_negatives", "<= " + g.maxTier0FalseNegatives(), (double) m.tier0().falseNegatives(),
                m.tier0().falseNegatives() <= g.maxTier0FalseNegatives());
        if (!fn.passed()) {
            verdict = Verdict.STOP;
            reasons.add(m.tier0().falseNegatives() + " Tier 0 false negative(s): " + head(m.tier0().falseNegativeIds()));
        }
        GateCheck t2 = check(gates, "tier2_gate_violations", "<= " + g.maxTier2GateViolations(), (double) m.tier2().gateViolations(),
                m.tier2().gateViolations() <= g.maxTier2GateViolations());
        if (!t2.passed()) {
            verdict = worst(verdict, Verdict.INVESTIGATE_POLICY);
            reasons.add(m.tier2().gateViolations() + " Tier 2 gate violation(s): " + head(m.tier2().gateViolationIds()));
        }
        if (baseline != null && baseline.dropSignificant()) {
            verdict = worst(verdict, Verdict.REGRESSION);
            reasons.add(String.format(Locale.ROOT, "significant accuracy drop vs baseline %s (McNemar %s p = %.4f < %.2f)",
                    baseline.baselineRunId(), baseline.test(), baseline.p(), baseline.alpha()));
        }
        List<GateCheck> quality = List.of(
                check(gates, "accuracy", ">= " + fmt(g.minAccuracy()), m.accuracy(), m.accuracy() >= g.minAccuracy()),
                check(gates, "latency_p95_ms", "< " + fmt(g.maxP95LatencyMs()), m.latencyMs().p95(),
                        m.latencyMs().p95() == null || m.latencyMs().p95() < g.maxP95LatencyMs()),
                check(gates, "cost_per_example_usd", "<= " + fmt(g.maxCostPerExampleUsd()), m.costPerExampleUsd(),
                        m.costPerExampleUsd() == null || m.costPerExampleUsd() <= g.maxCostPerExampleUsd()),
                check(gates, "unscored_share", "<= " + fmt(g.maxUnscoredShare()), m.n() == 0 ? 0.0 : (double) m.unscored() / m.n(),
                        m.n() == 0 || (double) m.unscored() / m.n() <= g.maxUnscoredShare()));
        for (GateCheck q : quality) {
            if (!q.passed()) {
                verdict = worst(verdict, Verdict.REGRESSION);
                reasons.add("gate " + q.gate() + " missed: " + fmt(q.actual()) + ", needs " + q.limit());
            }
        }
        return new VerdictDecision(verdict, reasons, gates);
    }

    private static GateCheck check(List<GateCheck> gates, String name, String limit, Double actual, boolean passed) {
        GateCheck c = new GateCheck(name, limit, actual, passed);
        gates.add(c);
        return c;
    }

    private static Verdict worst(Verdict a, Verdict b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    private static String head(List<String> ids) {
        return ids.size() <= 10 ? String.join(", ", ids) : String.join(", ", ids.subList(0, 10)) + ", ... (" + ids.size() + " in all)";
    }

    static String fmt(Double v) {
        if (v == null) {
            return "n/a";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf(v.longValue()) : String.format(Locale.ROOT, "%.4g", v);
    }
}
