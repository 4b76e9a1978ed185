package dev.evalops.golden;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.core.Json;

/** Builds a {@link BaselineComparison}. Pure: both runs are given. */
public final class BaselineComparer {
    /** metrics.json paths compared, in report order. */
    static final List<String> METRICS = List.of("accuracy", "macro_f1", "team_accuracy", "template_accuracy", "tier0.false_negatives",
            "tier0.false_positives", "tier2.gate_violations", "tier2.unsafe_automations", "unscored", "latency_ms.p95",
            "cost_per_example_usd");

    private BaselineComparer() {
    }

    /**
     * @param test     {@code mid-p} or {@code exact}
     * @param maxShifts how many confusion shifts to list
     */
    public static BaselineComparison compare(String currentGoldenVersion, GoldenMetrics current, List<PredictionRecord> currentPredictions,
            BaselineRun baseline, String test, double alpha, int maxShifts) {
        McNemar.test(0, 0).p(test); // rejects an unknown variant before any work
        JsonNode now = Json.mapper().valueToTree(current);
        JsonNode before = baseline.metrics();
        List<BaselineComparison.MetricDelta> deltas = new ArrayList<>();
        for (String metric : METRICS) {
            Double b = number(before, metric);
            Double c = number(now, metric);
            deltas.add(new BaselineComparison.MetricDelta(metric, b, c, b == null || c == null ? null : c - b));
        }
        String baselineVersion = before.path("golden_version").isTextual() ? before.get("golden_version").asText() : null;
        boolean sameVersion = Objects.equals(baselineVersion, currentGoldenVersion);
        List<String> notes = new ArrayList<>();
        if (!sameVersion) {
            notes.add("baseline ran golden version " + baselineVersion + ", this run " + currentGoldenVersion
                    + ": only examples present in both are paired; absolute deltas compare different sets");
        }

        BaselineComparison.Paired paired = null;
        List<BaselineComparison.ConfusionShift> shifts = List.of();
        if (baseline.predictions() == null) {
            notes.add("baseline run has no predictions.jsonl: no paired test, no confusion shifts");
        } else {
            paired = pair(currentPredictions, baseline.predictions());
            if (paired.pairs() == 0) {
                notes.add("no example is scored in both runs: nothing to pair");
            }
            shifts = shifts(currentPredictions, baseline.predictions(), maxShifts);
        }
        boolean drop = paired != null && paired.mcnemar().currentOnlyCorrect() < paired.mcnemar().baselineOnlyCorrect()
                && paired.mcnemar().p(test) < alpha;
        if (paired != null && !drop && paired.mcnemar().currentOnlyCorrect() < paired.mcnemar().baselineOnlyCorrect()) {
            notes.add(String.format(java.util.Locale.ROOT, "fewer paired examples right than in the baseline (%d lost, %d gained), "
                    + "not significant (McNemar %s p = %.3f >= %.2f): not a regression",
                    paired.mcnemar().baselineOnlyCorrect(), paired.mcnemar().currentOnlyCorrect(), test, paired.mcnemar().p(test), alpha));
        }
        return new BaselineComparison(baseline.runId(), baselineVersion, sameVersion, deltas, paired, test, alpha, drop,
                recallChanges(current, before), shifts, notes.isEmpty() ? null : String.join("; ", notes));
    }

    private static BaselineComparison.Paired pair(List<PredictionRecord> current, List<PredictionRecord> baseline) {
        Map<String, Boolean> before = new HashMap<>(baseline.size() * 2);
        for (PredictionRecord r : baseline) {
            if (r.scored()) {
                before.put(r.id(), r.correct());
            }
        }
        int pairs = 0;
        int both = 0;
        int neither = 0;
        long lost = 0;
        long gained = 0;
        for (PredictionRecord r : current) {
            Boolean was = r.scored() ? before.get(r.id()) : null;
            if (was == null) {
                continue;
            }
            pairs++;
            if (was && r.correct()) {
                both++;
            } else if (!was && !r.correct()) {
                neither++;
            } else if (was) {
                lost++;
            } else {
                gained++;
            }
        }
        return new BaselineComparison.Paired(pairs, both, neither, McNemar.test(lost, gained));
    }

    private static List<BaselineComparison.RecallChange> recallChanges(GoldenMetrics current, JsonNode before) {
        JsonNode beforeIntents = before.path("per_intent");
        TreeSet<String> intents = new TreeSet<>(current.perIntent().keySet());
        beforeIntents.fieldNames().forEachRemaining(intents::add);
        List<BaselineComparison.RecallChange> out = new ArrayList<>();
        for (String intent : intents) {
            GoldenMetrics.LabelScore now = current.perIntent().get(intent);
            JsonNode was = beforeIntents.get(intent);
            Double c = now == null || now.support() == 0 ? null : now.recall();
            Double b = was == null || was.path("support").asInt(0) == 0 ? null : was.path("recall").asDouble();
            if (b == null && c == null) {
                continue; // only ever predicted, never gold: recall is undefined in both
            }
            out.add(new BaselineComparison.RecallChange(intent, b, c, b == null || c == null ? null : c - b));
        }
        out.sort(Comparator.comparing((BaselineComparison.RecallChange r) -> r.delta() == null ? 0 : r.delta())
                .thenComparing(BaselineComparison.RecallChange::intent));
        return out;
    }

    private static List<BaselineComparison.ConfusionShift> shifts(List<PredictionRecord> current, List<PredictionRecord> baseline, int max) {
        Map<List<String>, int[]> cells = new HashMap<>();
        count(baseline, cells, 0);
        count(current, cells, 1);
        List<BaselineComparison.ConfusionShift> out = new ArrayList<>();
        cells.forEach((k, v) -> {
            if (v[0] != v[1]) {
                out.add(new BaselineComparison.ConfusionShift(k.get(0), k.get(1), v[0], v[1], v[1] - v[0]));
            }
        });
        out.sort(Comparator.comparingInt((BaselineComparison.ConfusionShift s) -> -Math.abs(s.delta()))
                .thenComparing(BaselineComparison.ConfusionShift::gold).thenComparing(BaselineComparison.ConfusionShift::predicted));
        return out.size() > max ? List.copyOf(out.subList(0, max)) : out;
    }

    private static void count(List<PredictionRecord> rows, Map<List<String>, int[]> cells, int slot) {
        for (PredictionRecord r : rows) {
            if (r.scored() && !r.goldIntent().equals(r.intent())) {
                cells.computeIfAbsent(List.of(r.goldIntent(), r.intent()), k -> new int[2])[slot]++;
            }
        }
    }

    private static Double number(JsonNode root, String dotted) {
        JsonNode n = root.at("/" + dotted.replace('.', '/'));
        return n.isNumber() ? n.asDouble() : null;
    }
}
