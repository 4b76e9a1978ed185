package dev.evalops.smoke;

import java.util.List;

import dev.evalops.release.GateChange;

/** {@code summary.md}: what the on-call engineer reads at 02:00, failing checks first-class. */
final class SmokeSummary {
    private SmokeSummary() {
    }

    static String markdown(SmokeRunResult r, List<CaseResult> cases) {
        StringBuilder md = new StringBuilder();
        md.append("# Smoke run ").append(r.runId()).append(": ").append(r.status().toUpperCase()).append("\n\n");
        md.append("- suite: `").append(r.suite()).append("` from `").append(r.suiteSource()).append("`\n");
        md.append("- passed: ").append(r.passed()).append("/").append(r.cases());
        md.append(r.flaky() > 0 ? " (" + r.flaky() + " flaky: " + String.join(", ", r.flakyCases()) + ")" : "").append('\n');
        if (!r.failedCases().isEmpty()) {
            md.append("- failed: ").append(String.join(", ", r.failedCases())).append('\n');
        }
        md.append("- reason: ").append(r.reason()).append('\n');
        md.append("- p95 latency: ").append(r.latencyP95Ms() == null ? "n/a (no answers)" : r.latencyP95Ms() + " ms").append('\n');
        md.append("- release gate: ").append(gate(r)).append("\n\n");

        md.append("| case | status | attempts | first failed check |\n|---|---|---|---|\n");
        for (CaseResult c : cases) {
            String firstFailed = c.passed() ? "" : c.last().checks().stream().filter(k -> !k.passed()).findFirst().map(Check::kind).orElse("");
            md.append("| ").append(c.id()).append(" | ").append(c.status().name().toLowerCase()).append(" | ")
                    .append(c.attempts().size()).append(" | ").append(firstFailed).append(" |\n");
        }
        for (CaseResult c : cases) {
            for (CaseResult.Attempt a : c.attempts()) {
                List<Check> failedChecks = a.checks().stream().filter(k -> !k.passed()).toList();
                if (failedChecks.isEmpty()) {
                    continue;
                }
                md.append("\n## ").append(c.id()).append(", attempt ").append(a.attempt()).append("\n\n");
                md.append("| check | expected | actual |\n|---|---|---|\n");
                for (Check k : failedChecks) {
                    md.append("| ").append(k.kind()).append(" | ").append(cell(k.expected())).append(" | ").append(cell(k.actual())).append(" |\n");
                }
            }
        }
        return md.toString();
    }

    private static String gate(SmokeRunResult r) {
        GateChange g = r.gate();
        if (g == null) {
            return "not touched (dry run)";
        }
        if (g.after() == null) {
            return "absent (" + g.parameter() + " does not exist; a green run does not create it)";
        }
        return g.after().state().name().toLowerCase() + " (" + g.action().name().toLowerCase() + ", set by " + g.after().setBy() + ")";
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
