package dev.evalops.golden;

import java.util.ArrayList;
import java.util.List;

import dev.evalops.router.RouterOutcome;
import dev.evalops.router.RoutingDecision;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One line of {@code predictions.jsonl}: the router's answer for one example with its gold intent beside it,
 * no ticket text. It is the recorded-predictions shape of CONTRACTS §1 ({@code id} + the response fields), so a
 * run's predictions can be replayed by a later run, and it is what a later run pairs with for McNemar.
 *
 * @param unscored null when scored, otherwise why not
 */
@RegisterForReflection
public record PredictionRecord(String id, String goldIntent, int goldTier, String intent, String team, String template, Integer tier,
        String action, Double confidence, String provider, String model, String promptVersion, Long latencyMs, Double costUsd,
        Boolean cacheHit, String fallbackReason, Boolean safeMode, boolean correct, String unscored) {

    public static PredictionRecord of(GoldenExample example, RouterOutcome outcome) {
        String unscored = GoldenScorer.unscoredReason(outcome);
        RoutingDecision d = outcome instanceof RouterOutcome.Answered a && a.decision() != null ? a.decision() : null;
        if (d == null) {
            return new PredictionRecord(example.id(), example.intent(), example.tier(), null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, false, unscored);
        }
        return new PredictionRecord(example.id(), example.intent(), example.tier(), d.intent(), d.team(), d.template(), d.tier(),
                d.action(), d.confidence(), d.provider(), d.model(), d.promptVersion(), d.latencyMs(), d.costUsd(), d.cacheHit(),
                d.fallbackReason(), d.safeMode(), GoldenScorer.intentCorrect(example, outcome), unscored);
    }

    /** One record per example, paired with its outcome by position (what {@code RouterClient.routeAll} returns). */
    public static List<PredictionRecord> of(List<GoldenExample> examples, List<RouterOutcome> outcomes) {
        List<PredictionRecord> records = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            records.add(of(examples.get(i), outcomes.get(i)));
        }
        return records;
    }

    public boolean scored() {
        return unscored == null;
    }
}
