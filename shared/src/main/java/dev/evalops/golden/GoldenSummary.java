package dev.evalops.golden;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code summary.md}: what a reviewer reads first. Verdict and decision on top, evidence below. */
public final class GoldenSummary {
    private static final Map<Verdict, String> DECISION = Map.of(
            Verdict.STOP, "**Do not ship.** Every Tier 0 miss below is a high-risk ticket (fraud, legal, security, privacy) the router "
                    + "would not have escalated. Fix the router, re-run the golden set, and keep safe mode on in production until a run passes.",
            Verdict.INVESTIGATE_POLICY, "**Hold the release and investigate the auto-reply gating.** The router sent automated replies its "
                    + "own policy forbids (`tier2_violations.csv`); its code gates should make that impossible.",
            Verdict.REGRESSION, "**Hold the release.** Quality dropped (reasons below): review the confusion shifts and `misroutes.jsonl`, "
                    + "fix, and re-run.",
            Verdict.PASS, "**No blocker from the golden set.** The baseline is unchanged; promoting this run to baseline is a separate, "
                    + "explicit step (below).");

    private GoldenSummary() {
    }

    public static String render(GoldenReport r, List<String> artifacts) {
        GoldenMetrics m = r.metrics();
        BaselineComparison b = r.baseline();
        StringBuilder s = new StringBuilder();
        s.append("# Golden-set eval `").append(r.runId()).append("`: ").append(r.decision().verdict()).append("\n\n");
        s.append(DECISION.get(r.decision().verdict())).append("\n\n");
        s.append("- Reason: ").append(r.reason()).append('\n');
        s.append("- Golden set: ").append(r.goldenVersion()).append(" (`").append(r.goldenLocation()).append("`), ")
                .append(m.n()).append(" examples, ").append(r.quarantined().size()).append(" row(s) quarantined\n");
        s.append("- Predictions: ").append("replay".equals(r.mode()) ? "replay of `" + r.predictionsLocation() + "`" : "live router")
                .append(r.replayProblems().isEmpty() ? "" : " (" + r.replayProblems().size() + " recording line(s) skipped)").append('\n');
        s.append("- Started: ").append(r.startedAt()).append("\n\n");

        if (!r.decision().reasons().isEmpty()) {
            s.append("## Why\n\n");
            r.decision().reasons().forEach(x -> s.append("- ").append(x).append('\n'));
            s.append('\n');
        }

        s.append("## Headline\n\n| metric | value | 95% CI | baseline | delta |\n|---|---|---|---|---|\n");
        row(s, "intent accuracy", pct(m.accuracy()), ci(m.accuracyCi95()), b, "accuracy", true);
        row(s, "macro F1", num(m.macroF1()), "", b, "macro_f1", false);
        row(s, "team accuracy", pct(m.teamAccuracy()), ci(m.teamAccuracyCi95()), b, "team_accuracy", true);
        row(s, "template accuracy", pct(m.templateAccuracy()), ci(m.templateAccuracyCi95()), b, "template_accuracy", true);
        row(s, "Tier 0 false negatives", String.valueOf(m.tier0().falseNegatives()), "", b, "tier0.false_negatives", false);
        row(s, "Tier 0 false positives", String.valueOf(m.tier0().falsePositives()), "", b, "tier0.false_positives", false);
        row(s, "Tier 2 gate violations", String.valueOf(m.tier2().gateViolations()), "", b, "tier2.gate_violations", false);
        row(s, "unsafe automations", String.valueOf(m.tier2().unsafeAutomations()), "", b, "tier2.unsafe_automations", false);
        row(s, "unscored", m.unscored() + " of " + m.n(), "", b, "unscored", false);
        row(s, "latency p95 (ms)", m.latencyMs().p95() == null ? "n/a" : String.format(Locale.ROOT, "%.0f (p50 %.0f)", m.latencyMs().p95(),
                m.latencyMs().p50()), "", b, "latency_ms.p95", false);
        row(s, "cost per example", m.costPerExampleUsd() == null ? "n/a" : String.format(Locale.ROOT, "$%.4f", m.costPerExampleUsd()), "", b,
                "cost_per_example_usd", false);
        s.append('\n');

        s.append("## Baseline comparison\n\n");
        if (b == null) {
            s.append(r.baselineNote()).append("\n\n");
        } else {
            s.append("Baseline `").append(b.baselineRunId()).append("` (golden ").append(b.baselineGoldenVersion()).append(").");
            if (b.paired() != null) {
                McNemar t = b.paired().mcnemar();
                s.append(String.format(Locale.ROOT, " Paired on %d examples: %d right before and wrong now, %d wrong before and right now; "
                        + "McNemar exact p = %.4f, mid-p = %.4f. ", b.paired().pairs(), t.baselineOnlyCorrect(), t.currentOnlyCorrect(),
                        t.pExact(), t.pMidP()));
                s.append(b.dropSignificant() ? "**Significant drop** (" + b.test() + " p < " + b.alpha() + ")."
                        : t.currentOnlyCorrect() < t.baselineOnlyCorrect() ? "The drop is **not significant**: not a regression."
                                : "No drop.");
            }
            s.append("\n\n");
            if (b.note() != null) {
                s.append("Note: ").append(b.note()).append("\n\n");
            }
            List<BaselineComparison.RecallChange> moved = b.perIntentRecall().stream().filter(c -> c.delta() == null || c.delta() != 0).toList();
            if (!moved.isEmpty()) {
                s.append("Per-intent recall changes (largest drops first):\n\n| intent | baseline | now | delta |\n|---|---|---|---|\n");
                moved.forEach(c -> s.append("| ").append(c.intent()).append(" | ").append(pct(c.baseline())).append(" | ").append(pct(c.current()))
                        .append(" | ").append(c.delta() == null ? "n/a" : pts(c.delta())).append(" |\n"));
                s.append('\n');
            }
            if (!b.confusionShifts().isEmpty()) {
                s.append("Largest confusion shifts (gold → predicted):\n\n| gold | predicted | baseline | now | delta |\n|---|---|---|---|---|\n");
                b.confusionShifts().forEach(c -> s.append("| ").append(c.gold()).append(" | ").append(c.predicted()).append(" | ")
                        .append(c.baseline()).append(" | ").append(c.current()).append(" | ").append(c.delta() > 0 ? "+" : "").append(c.delta())
                        .append(" |\n"));
                s.append('\n');
            }
        }

        s.append("## Gates\n\n| gate | limit | actual | |\n|---|---|---|---|\n");
        r.decision().gates().forEach(g -> s.append("| ").append(g.gate()).append(" | ").append(g.limit()).append(" | ")
                .append(VerdictDecision.fmt(g.actual())).append(" | ").append(g.passed() ? "pass" : "**FAIL**").append(" |\n"));
        s.append('\n');

        s.append("## Auto-reply threshold\n\n").append(r.threshold().advice()).append(" (target precision ")
                .append(r.threshold().targetPrecision()).append("; full sweep in `").append(GoldenArtifacts.THRESHOLD).append("`).\n\n");

        if (m.tier0().falseNegatives() > 0 || m.tier2().gateViolations() > 0) {
            s.append("## Blocking examples\n\n");
            if (m.tier0().falseNegatives() > 0) {
                s.append("- Tier 0 false negatives: ").append(String.join(", ", m.tier0().falseNegativeIds())).append('\n');
            }
            if (m.tier2().gateViolations() > 0) {
                s.append("- Tier 2 gate violations: ").append(String.join(", ", m.tier2().gateViolationIds())).append('\n');
            }
            s.append("\nDetails in `").append(GoldenArtifacts.TIER0).append("`, `").append(GoldenArtifacts.TIER2).append("` and `")
                    .append(GoldenArtifacts.MISROUTES).append("`.\n\n");
        }
        if (m.unscored() > 0) {
            s.append("## Unscored\n\n").append(m.unscored()).append(" example(s) got no usable answer and are not in the rates: ");
            s.append(String.join(", ", m.unscoredExamples().stream().limit(20).map(u -> u.id() + " (" + u.kind() + ")").toList()));
            s.append(m.unscored() > 20 ? ", ... (all in metrics.json)" : "").append("\n\n");
        }
        if (!r.quarantined().isEmpty()) {
            s.append("## Quarantined golden rows\n\n").append(r.quarantined().size()).append(" row(s) were not usable, listed in `")
                    .append(GoldenArtifacts.QUARANTINE).append("` with line and field.\n\n");
        }

        s.append("## Next step\n\n");
        boolean pass = r.decision().verdict() == Verdict.PASS;
        s.append("To make this run the baseline later runs are compared with (an explicit, manual decision")
                .append(pass ? "" : "; its verdict is " + r.decision().verdict() + ", so it takes force").append("):\n\n")
                .append("```\n./evalops golden-promote-baseline --run ").append(r.runId()).append(pass ? "" : " --force").append('\n')
                .append("# or invoke golden-set-eval with {\"action\":\"promote-baseline\",\"runId\":\"").append(r.runId())
                .append("\",\"by\":\"<you>\"").append(pass ? "" : ",\"force\":true").append("}\n```\n\n");
        s.append("## Artifacts\n\n");
        artifacts.forEach(a -> s.append("- `").append(a).append("`\n"));
        return s.toString();
    }

    private static void row(StringBuilder s, String label, String value, String ci, BaselineComparison b, String metric, boolean rate) {
        String before = "";
        String delta = "";
        if (b != null) {
            BaselineComparison.MetricDelta d = b.deltas().stream().filter(x -> x.metric().equals(metric)).findFirst().orElse(null);
            if (d != null && d.baseline() != null) {
                before = rate ? pct(d.baseline()) : VerdictDecision.fmt(d.baseline());
                delta = d.delta() == null ? "" : rate ? pts(d.delta()) : (d.delta() > 0 ? "+" : "") + VerdictDecision.fmt(d.delta());
            }
        }
        s.append("| ").append(label).append(" | ").append(value).append(" | ").append(ci).append(" | ").append(before).append(" | ")
                .append(delta).append(" |\n");
    }

    static String pct(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    private static String pts(double delta) {
        return String.format(Locale.ROOT, "%+.1f pts", 100 * delta);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String ci(GoldenMetrics.Interval i) {
        return String.format(Locale.ROOT, "%.1f–%.1f%%", 100 * i.low(), 100 * i.high());
    }
}
