package dev.evalops.golden;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.evalops.artifacts.RunWriter;
import dev.evalops.router.RouterOutcome;
import dev.evalops.router.RoutingDecision;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The per-example artifacts of a scored batch, written through a {@link RunWriter} (which sanitizes every
 * cell and string): usable for the golden run and for any labeled batch scored with {@link GoldenScorer}.
 */
public final class GoldenArtifacts {
    public static final String METRICS = "metrics.json";
    public static final String SUMMARY = "summary.md";
    public static final String CONFUSION = "confusion_matrix.csv";
    public static final String PER_INTENT = "per_intent.csv";
    public static final String TIER0 = "tier0_report.csv";
    public static final String TIER2 = "tier2_violations.csv";
    public static final String MISROUTES = "misroutes.jsonl";
    public static final String PREDICTIONS = "predictions.jsonl";
    public static final String QUARANTINE = "quarantine.jsonl";
    public static final String THRESHOLD = "threshold_recommendation.json";
    static final String UNSCORED_COLUMN = "(unscored)";
    static final String TOTAL = "total";

    private GoldenArtifacts() {
    }

    /** confusion_matrix.csv, per_intent.csv, tier0_report.csv, tier2_violations.csv, misroutes.jsonl, predictions.jsonl. */
    public static void writeScoring(RunWriter w, List<GoldenExample> examples, List<RouterOutcome> outcomes, List<PredictionRecord> predictions,
            GoldenMetrics metrics, Policy policy) {
        writeConfusion(w, predictions);
        writePerIntent(w, metrics, predictions);
        writeTier0(w, predictions);
        writeTier2(w, examples, outcomes, policy);
        w.writeJsonLines(MISROUTES, misroutes(examples, outcomes));
        w.writeJsonLines(PREDICTIONS, predictions);
    }

    /**
     * Gold intents as rows, predicted intents as columns, over the union of both; an {@code (unscored)} column
     * and a {@code total} column and row, so each row total is that intent's count in the batch.
     */
    static void writeConfusion(RunWriter w, List<PredictionRecord> predictions) {
        TreeSet<String> labels = new TreeSet<>();
        for (PredictionRecord p : predictions) {
            labels.add(p.goldIntent());
            if (p.scored()) {
                labels.add(p.intent());
            }
        }
        List<String> order = new ArrayList<>(labels);
        Map<String, Integer> index = new LinkedHashMap<>();
        order.forEach(l -> index.put(l, index.size()));
        int k = order.size();
        int[][] cells = new int[k + 1][k + 2];
        for (PredictionRecord p : predictions) {
            int g = index.get(p.goldIntent());
            int col = p.scored() ? index.get(p.intent()) : k;
            cells[g][col]++;
            cells[g][k + 1]++;
            cells[k][col]++;
            cells[k][k + 1]++;
        }
        List<String> header = new ArrayList<>();
        header.add("gold\\predicted");
        header.addAll(order);
        header.add(UNSCORED_COLUMN);
        header.add(TOTAL);
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r <= k; r++) {
            List<Object> row = new ArrayList<>(k + 3);
            row.add(r < k ? order.get(r) : TOTAL);
            for (int c = 0; c < k + 2; c++) {
                row.add(cells[r][c]);
            }
            rows.add(row);
        }
        w.writeCsv(CONFUSION, header, rows);
    }

    static void writePerIntent(RunWriter w, GoldenMetrics m, List<PredictionRecord> predictions) {
        Map<String, Integer> predicted = new TreeMap<>();
        Map<String, Integer> unscored = new TreeMap<>();
        for (PredictionRecord p : predictions) {
            if (p.scored()) {
                predicted.merge(p.intent(), 1, Integer::sum);
            } else {
                unscored.merge(p.goldIntent(), 1, Integer::sum);
            }
        }
        TreeSet<String> intents = new TreeSet<>(m.perIntent().keySet());
        intents.addAll(unscored.keySet());
        List<List<Object>> rows = new ArrayList<>();
        for (String intent : intents) {
            GoldenMetrics.LabelScore s = m.perIntent().getOrDefault(intent, new GoldenMetrics.LabelScore(0, 0, 0, 0));
            rows.add(List.of(intent, s.precision(), s.recall(), s.f1(), s.support(), predicted.getOrDefault(intent, 0),
                    unscored.getOrDefault(intent, 0)));
        }
        w.writeCsv(PER_INTENT, List.of("intent", "precision", "recall", "f1", "support", "predicted", "unscored"), rows);
    }

    /** Every example that is Tier 0 by gold label or by prediction, with what became of it. */
    static void writeTier0(RunWriter w, List<PredictionRecord> predictions) {
        List<List<Object>> rows = new ArrayList<>();
        for (PredictionRecord p : predictions) {
            boolean predicted0 = p.scored() && p.tier() == 0;
            if (p.goldTier() != 0 && !predicted0) {
                continue;
            }
            String outcome = !p.scored() ? "unscored" : p.goldTier() == 0 ? (predicted0 ? "caught" : "false_negative") : "false_positive";
            rows.add(cells(p.id(), outcome, p.goldIntent(), p.goldTier(), p.intent(), p.tier(), p.action(), p.confidence()));
        }
        w.writeCsv(TIER0, List.of("id", "outcome", "gold_intent", "gold_tier", "predicted_intent", "predicted_tier", "action", "confidence"), rows);
    }

    static void writeTier2(RunWriter w, List<GoldenExample> examples, List<RouterOutcome> outcomes, Policy policy) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            GoldenExample ex = examples.get(i);
            RoutingDecision d = outcomes.get(i) instanceof RouterOutcome.Answered a ? a.decision() : null;
            if (d == null || !GoldenScorer.AUTO_REPLY.equals(d.action())) {
                continue;
            }
            List<String> reasons = GoldenScorer.gateViolationReasons(d, policy);
            if (!reasons.isEmpty()) {
                rows.add(cells(ex.id(), "gate_violation", String.join(";", reasons), ex.intent(), ex.tier(), d.intent(), d.tier(),
                        d.confidence(), d.safeMode()));
            }
            if (!policy.isTier2Eligible(ex.intent())) {
                rows.add(cells(ex.id(), "unsafe_automation", "gold_intent_not_eligible", ex.intent(), ex.tier(), d.intent(), d.tier(),
                        d.confidence(), d.safeMode()));
            }
        }
        w.writeCsv(TIER2, List.of("id", "kind", "reasons", "gold_intent", "gold_tier", "predicted_intent", "predicted_tier", "confidence",
                "safe_mode"), rows);
    }

    /** One row of misroutes.jsonl: a scored example routed differently from its label, with its (sanitized) text. */
    @RegisterForReflection
    public record Misroute(String id, String channel, List<String> wrong, Route gold, Route predicted, Double confidence, String text) {
    }

    @RegisterForReflection
    public record Route(String intent, String team, String template, Integer tier, String action) {
    }

    static List<Misroute> misroutes(List<GoldenExample> examples, List<RouterOutcome> outcomes) {
        List<Misroute> out = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            GoldenExample ex = examples.get(i);
            RouterOutcome o = outcomes.get(i);
            if (GoldenScorer.unscoredReason(o) != null) {
                continue;
            }
            RoutingDecision d = ((RouterOutcome.Answered) o).decision();
            List<String> wrong = new ArrayList<>(4);
            if (!ex.intent().equals(d.intent())) {
                wrong.add("intent");
            }
            if (!ex.team().equals(d.team())) {
                wrong.add("team");
            }
            if (!ex.template().equals(d.template())) {
                wrong.add("template");
            }
            if (ex.tier() != d.tier()) {
                wrong.add("tier");
            }
            if (!wrong.isEmpty()) {
                out.add(new Misroute(ex.id(), ex.channel(), wrong, new Route(ex.intent(), ex.team(), ex.template(), ex.tier(), null),
                        new Route(d.intent(), d.team(), d.template(), d.tier(), d.action()), d.confidence(), ex.text()));
            }
        }
        return out;
    }

    /** A CSV row that may hold nulls (List.of refuses them). */
    private static List<Object> cells(Object... values) {
        List<Object> row = new ArrayList<>(values.length);
        for (Object v : values) {
            row.add(v);
        }
        return row;
    }
}
