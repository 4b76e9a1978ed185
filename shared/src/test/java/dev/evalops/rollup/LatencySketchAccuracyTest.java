package dev.evalops.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;

/**
 * The rollup's percentiles come from merged DDSketches; DDSketch guarantees a relative error of at most
 * {@code evalops.rollup.latency-relative-accuracy} (0.5%) against the exact quantile. Checked here on a
 * heavy-tailed latency sample split over four partial sketches, as the parallel scan does.
 */
class LatencySketchAccuracyTest {

    @Test
    void mergedSketchPercentilesAreWithinOnePercentOfExact() {
        double accuracy = RollupTestConfig.defaults().latencyRelativeAccuracy();
        SplittableRandom rng = new SplittableRandom(5);
        int n = 200_000;
        long[] values = new long[n];
        DDSketch[] parts = new DDSketch[4];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = DDSketches.unboundedDense(accuracy);
        }
        for (int i = 0; i < n; i++) {
            double v = 900 * Math.exp(0.55 * rng.nextGaussian());
            if (rng.nextDouble() < 0.01) {
                v *= Math.pow(1 - rng.nextDouble(), -1 / 1.5);
            }
            values[i] = Math.round(v);
            parts[i % parts.length].accept(values[i]);
        }
        DDSketch merged = DDSketches.unboundedDense(accuracy);
        for (DDSketch p : parts) {
            merged.mergeWith(p);
        }
        Arrays.sort(values);
        for (double q : new double[] { 0.5, 0.95, 0.99 }) {
            double exact = values[(int) Math.floor(q * (n - 1))];
            double estimate = RollupReportBuilder.quantile(merged, q, values[0], values[n - 1]);
            assertThat(Math.abs(estimate - exact) / exact).as("p%s: %s vs exact %s", q * 100, estimate, exact).isLessThanOrEqualTo(accuracy + 1e-4)
                    .isLessThan(0.01);
        }
    }
}
