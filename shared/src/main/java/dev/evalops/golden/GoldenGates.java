package dev.evalops.golden;

/** The runbook's gates (CONTRACTS §6) as the verdict applies them; from {@code evalops.golden.gates.*}. */
public record GoldenGates(double minAccuracy, int maxTier0FalseNegatives, int maxTier2GateViolations, double maxP95LatencyMs,
        double maxCostPerExampleUsd, double maxUnscoredShare) {

    /** CONTRACTS §6: accuracy >= 95%, Tier 0 FN = 0, Tier 2 violations = 0, p95 < 5 s, cost <= $0.01; at most 5% unscored. */
    public static GoldenGates defaults() {
        return new GoldenGates(0.95, 0, 0, 5000, 0.01, 0.05);
    }

    public static GoldenGates from(GoldenConfig.Gates g) {
        return new GoldenGates(g.minAccuracy(), g.maxTier0FalseNegatives(), g.maxTier2GateViolations(), g.maxP95LatencyMs(),
                g.maxCostPerExampleUsd(), g.maxUnscoredShare());
    }
}
