package dev.evalops.golden;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * This run against the baseline run ({@code eval_runs/golden/baseline.json} or an explicit run id): per-metric
 * deltas, McNemar on the paired per-example correctness, per-intent recall changes and the largest confusion
 * shifts. {@code dropSignificant} is true only for fewer correct pairs than the baseline at p below alpha.
 *
 * @param paired null when the baseline has no per-example predictions to pair with (see {@code note})
 */
@RegisterForReflection
public record BaselineComparison(String baselineRunId, String baselineGoldenVersion, boolean sameGoldenVersion, List<MetricDelta> deltas,
        Paired paired, String test, double alpha, boolean dropSignificant, List<RecallChange> perIntentRecall,
        List<ConfusionShift> confusionShifts, String note) {

    /** The p-value of the configured test, 1 when nothing could be paired. */
    @JsonIgnore
    public double p() {
        return paired == null ? 1 : paired.mcnemar().p(test);
    }

    @RegisterForReflection
    public record MetricDelta(String metric, Double baseline, Double current, Double delta) {
    }

    /**
     * Examples scored in both runs, by id. {@code mcnemar.baseline_only_correct} = right before, wrong now.
     */
    @RegisterForReflection
    public record Paired(int pairs, int bothCorrect, int bothWrong, McNemar mcnemar) {
    }

    @RegisterForReflection
    public record RecallChange(String intent, Double baseline, Double current, Double delta) {
    }

    /** An off-diagonal cell of the intent confusion matrix (gold → predicted) whose count moved. */
    @RegisterForReflection
    public record ConfusionShift(String gold, String predicted, int baseline, int current, int delta) {
    }
}
