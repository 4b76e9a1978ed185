package dev.evalops.rollup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.evalops.artifacts.RunWriter;
import dev.evalops.rollup.RollupReport.LatencyRow;

/**
 * A rollup run's artifacts, all through the {@link RunWriter} (sanitized; the caller commits, so
 * {@code manifest.json} comes last): {@code metrics.json}, one CSV per table under {@code tables/},
 * {@code summary.md}, {@code quarantine.jsonl} (a sample of bad lines with file and line number) and
 * {@code review_sample.jsonl} (the weekly quality-review sample).
 */
final class RollupArtifacts {
    static final String METRICS = "metrics.json";
    static final String SUMMARY = "summary.md";
    static final String QUARANTINE = "quarantine.jsonl";
    static final String REVIEW_SAMPLE = "review_sample.jsonl";

    private RollupArtifacts() {
    }

    static void write(RunWriter w, RollupReport r, RollupScan.Result scan, int quarantineTotal) {
        w.writeJson(METRICS, r);
        w.writeCsv("tables/intents.csv", List.of("intent", "turns", "share", "previous_turns", "previous_share", "change_points"),
                r.intents().stream().map(i -> row(i.intent(), i.turns(), i.share(), i.previousTurns(), i.previousShare(), i.changePoints())).toList());
        List<LatencyRow> latency = new ArrayList<>();
        latency.add(r.latency().overall());
        latency.addAll(r.latency().providers());
        w.writeCsv("tables/latency_by_provider.csv", List.of("provider", "turns", "latency_turns", "p50_ms", "p95_ms", "p99_ms", "min_ms", "max_ms",
                "previous_p95_ms", "p95_ratio"), latency.stream().map(l -> row(l.provider(), l.turns(), l.latencyTurns(), l.p50Ms(), l.p95Ms(),
                        l.p99Ms(), l.minMs(), l.maxMs(), l.previousP95Ms(), l.p95Ratio())).toList());
        w.writeCsv("tables/cost_by_provider_model.csv", List.of("provider", "model", "turns", "turns_with_cost", "cost_usd", "cost_per_turn_usd",
                "tokens_in", "tokens_out", "share_of_cost"), r.cost().byProviderModel().stream().map(m -> row(m.provider(), m.model(), m.turns(),
                        m.turnsWithCost(), m.costUsd(), m.costPerTurnUsd(), m.tokensIn(), m.tokensOut(), m.shareOfCost())).toList());
        w.writeCsv("tables/top_users_by_cost.csv", List.of("user_id", "turns", "cost_usd"),
                r.cost().topUsers().stream().map(u -> row(u.userId(), u.turns(), u.costUsd())).toList());
        w.writeCsv("tables/fallback_reasons.csv", List.of("reason", "turns", "share_of_fallbacks", "share_of_turns"),
                r.fallbacks().reasons().stream().map(c -> row(c.name(), c.turns(), c.share(), c.shareOfTurns())).toList());
        w.writeCsv("tables/error_classes.csv", List.of("error", "turns", "share_of_errors", "share_of_turns"),
                r.errors().classes().stream().map(c -> row(c.name(), c.turns(), c.share(), c.shareOfTurns())).toList());
        w.writeCsv("tables/days.csv", List.of("date", "status", "files", "turns", "cache_hit_rate", "error_rate", "fallback_rate"),
                r.days().stream().map(d -> row(d.date(), d.status(), d.files(), d.turns(), d.cacheHitRate(), d.errorRate(), d.fallbackRate())).toList());
        w.writeCsv("tables/top_expensive_turns.csv", List.of("turn_id", "ts", "provider", "model", "tokens_in", "tokens_out", "cost_usd"),
                r.topExpensive().stream().map(e -> row(e.turnId(), e.ts(), e.provider(), e.model(), e.tokensIn(), e.tokensOut(), e.costUsd())).toList());
        w.writeCsv("tables/anomalies.csv", List.of("rule", "subject", "value", "previous", "threshold", "message"),
                r.weekOverWeek().anomalies().stream().map(a -> row(a.rule(), a.subject(), a.value(), a.previous(), a.threshold(), a.message())).toList());
        w.writeCsv("tables/gates.csv", List.of("gate", "value", "comparison", "threshold", "passed", "note"),
                r.gates().results().stream().map(g -> row(g.gate(), g.value(), g.comparison(), g.threshold(), g.passed(), g.note())).toList());
        w.writeCsv("tables/files.csv", List.of("file", "partition", "lines", "valid_lines", "bad_lines", "duplicates", "out_of_range", "late_turns",
                "beyond_dedup_window", "turns", "damaged"), scan.files.stream().map(f -> row(f.file(), f.partition(), f.lines(), f.validLines(),
                        f.badLines(), f.duplicates(), f.outOfRange(), f.lateTurns(), f.beyondDedupWindow(), f.turns(), f.damaged())).toList());
        w.writeJsonLines(QUARANTINE, scan.quarantine.stream().limit(quarantineTotal).toList());
        w.writeJsonLines(REVIEW_SAMPLE, scan.totals.sampleTurns());
        w.writeMarkdown(SUMMARY, summary(r));
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    static String summary(RollupReport r) {
        StringBuilder md = new StringBuilder();
        RollupReport.Range range = r.range();
        md.append("# Weekly rollup ").append(range.isoWeek() != null ? range.isoWeek() + " " : "").append("(").append(range.from()).append(" to ")
                .append(range.to()).append(")\n\n");
        md.append("**Verdict: ").append(r.gates().verdict()).append("**");
        if (!r.gates().failing().isEmpty()) {
            md.append(" (failing: ").append(String.join(", ", r.gates().failing())).append(")");
        }
        md.append(" · run `").append(r.runId()).append("`\n\n");

        RollupReport.Input in = r.input();
        md.append("## Input\n\n");
        md.append(f("%,d turns counted from %,d lines in %d files: %,d bad lines (%.2f%%, sample in `%s`), %,d duplicates dropped, "
                + "%,d outside the range, %,d arrived late.%n", in.turns(), in.lines(), in.files(), in.badLines(), 100 * in.badLineShare(),
                QUARANTINE, in.duplicates(), in.outOfRange(), in.lateTurns()));
        if (!in.missingDays().isEmpty()) {
            md.append("\n**Missing days (no export, not zero traffic):** ").append(in.missingDays()).append("\n");
        }
        if (!in.damagedFiles().isEmpty()) {
            md.append("\n**Damaged files:** ").append(String.join("; ", in.damagedFiles())).append("\n");
        }

        md.append("\n## Gates\n\n| gate | value | threshold | result |\n|---|---|---|---|\n");
        r.gates().results().forEach(g -> md.append("| ").append(g.gate()).append(" | ").append(g.value() == null ? "no data" : num(g.value()))
                .append(" | ").append(g.comparison()).append(" ").append(num(g.threshold())).append(" | ").append(g.passed() ? "pass" : "**FAIL**")
                .append(" |\n"));

        md.append("\n## Week over week\n\n");
        RollupReport.WeekOverWeek wow = r.weekOverWeek();
        if (wow.previousRunId() == null) {
            md.append(wow.note()).append(".\n");
        } else {
            md.append("Compared with `").append(wow.previousRunId()).append("` (").append(wow.previousRange().from()).append(" to ")
                    .append(wow.previousRange().to()).append("). Intent mix: ")
                    .append(f("chi-square %.1f (df %d), p = %.3g, PSI %.3f", wow.intentMix().chiSquare(), wow.intentMix().degreesOfFreedom(),
                            wow.intentMix().pValue(), wow.intentMix().psi()))
                    .append(".\n\n");
            if (wow.anomalies().isEmpty()) {
                md.append("No anomaly.\n");
            } else {
                wow.anomalies().forEach(a -> md.append("- **").append(a.rule()).append("** (").append(a.subject()).append("): ").append(a.message())
                        .append("\n"));
            }
        }

        md.append("\n## Intents\n\n| intent | turns | share | WoW |\n|---|---|---|---|\n");
        r.intents().forEach(i -> md.append("| ").append(i.intent()).append(" | ").append(f("%,d", i.turns())).append(" | ").append(pct(i.share()))
                .append(" | ").append(i.changePoints() == null ? "" : f("%+.1f pts", 100 * i.changePoints())).append(" |\n"));

        md.append(f("%n## Latency (DDSketch, within %.1f%% of exact)%n%n| provider | turns | p50 ms | p95 ms | p99 ms | p95 WoW |%n|---|---|---|---|---|---|%n",
                100 * r.latency().relativeAccuracy()));
        List<LatencyRow> rows = new ArrayList<>();
        rows.add(r.latency().overall());
        rows.addAll(r.latency().providers());
        rows.forEach(l -> md.append("| ").append(l.provider()).append(" | ").append(f("%,d", l.turns())).append(" | ").append(num(l.p50Ms()))
                .append(" | ").append(num(l.p95Ms())).append(" | ").append(num(l.p99Ms())).append(" | ")
                .append(l.p95Ratio() == null ? "" : f("%.2fx", l.p95Ratio())).append(" |\n"));

        RollupReport.Cost c = r.cost();
        md.append("\n## Cost\n\n").append(f("Total $%.2f; per turn %s; %,d users, per user mean %s, p95 %s.%n%n", c.totalUsd(), usd(c.perTurnUsd()),
                c.perUser().users(), usd(c.perUser().meanUsd()), usd(c.perUser().p95Usd())));
        md.append("| provider | model | turns | cost | per turn |\n|---|---|---|---|---|\n");
        c.byProviderModel().forEach(m -> md.append("| ").append(m.provider()).append(" | ").append(m.model()).append(" | ").append(f("%,d", m.turns()))
                .append(" | ").append(f("$%.2f", m.costUsd())).append(" | ").append(usd(m.costPerTurnUsd())).append(" |\n"));

        md.append("\n## Fallbacks and errors\n\n").append(f("Fallback rate %s, error rate %s.%n%n", pct(r.fallbacks().rate()), pct(r.errors().rate())));
        r.fallbacks().reasons().forEach(x -> md.append("- fallback `").append(x.name()).append("`: ").append(f("%,d", x.turns())).append(" (")
                .append(pct(x.share())).append(" of fallbacks)\n"));
        r.errors().classes().forEach(x -> md.append("- error `").append(x.name()).append("`: ").append(f("%,d", x.turns())).append(" (")
                .append(pct(x.share())).append(" of errors)\n"));

        md.append("\n## Days\n\n| date | status | turns | cache-hit rate | error rate |\n|---|---|---|---|---|\n");
        r.days().forEach(d -> md.append("| ").append(d.date()).append(" | ").append(d.status()).append(" | ").append(f("%,d", d.turns())).append(" | ")
                .append(pct(d.cacheHitRate())).append(" | ").append(pct(d.errorRate())).append(" |\n"));

        RollupReport.Accuracy a = r.accuracy();
        md.append("\n## Accuracy\n\n").append(f("Online intent accuracy %s (%,d reviewed turns, %,d overridden); task accuracy %s (%,d known).%n",
                pct(a.intentAccuracy()), a.reviewedTurns(), a.overriddenTurns(), pct(a.taskAccuracy()), a.taskKnown()));

        md.append("\n## Most expensive requests\n\n| turn | provider | model | tokens in/out | cost |\n|---|---|---|---|---|\n");
        r.topExpensive().forEach(e -> md.append("| ").append(e.turnId()).append(" | ").append(e.provider()).append(" | ").append(e.model())
                .append(" | ").append(e.tokensIn()).append("/").append(e.tokensOut()).append(" | ").append(f("$%.4f", e.costUsd())).append(" |\n"));

        md.append("\n## Review sample\n\n").append(r.reviewSample().size()).append(" turns drawn uniformly at random (seed: the run id) in `")
                .append(REVIEW_SAMPLE).append("`.\n");
        return md.toString();
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static String pct(Double v) {
        return v == null ? "n/a" : f("%.2f%%", 100 * v);
    }

    private static String usd(Double v) {
        return v == null ? "n/a" : f("$%.5f", v);
    }

    private static String num(Double v) {
        return v == null ? "n/a" : v == Math.rint(v) && Math.abs(v) < 1e15 ? f("%d", v.longValue()) : f("%s", v);
    }
}
