package dev.evalops.rollup;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.math3.stat.inference.ChiSquareTest;

/**
 * Did the intent mix change between two weeks? Chi-square test of homogeneity on the two weeks' counts
 * ({@link ChiSquareTest#chiSquareTestDataSetsComparison}, which allows different totals) decides whether the
 * change is more than sampling noise: it accounts for volume, unlike a fixed PSI cut-off, which fires on noise
 * at a few hundred turns a week. At millions of turns a week the test calls even a trivial shift significant,
 * so a minimum PSI (population stability index, the effect size reported beside it) must be met too.
 */
final class IntentMixDrift {
    /** Added to every count for PSI only: an intent absent in one week would make its log ratio infinite. */
    static final double PSI_SMOOTHING = 0.5;

    private IntentMixDrift() {
    }

    static RollupReport.IntentMix compare(Map<String, Long> current, Map<String, Long> previous, double alpha, double minPsi) {
        // The test needs every compared intent seen in at least one week.
        List<String> intents = Stream.concat(current.keySet().stream(), previous.keySet().stream()).distinct().sorted()
                .filter(i -> current.getOrDefault(i, 0L) + previous.getOrDefault(i, 0L) > 0)
                .toList();
        long[] now = new long[intents.size()];
        long[] then = new long[intents.size()];
        for (int i = 0; i < intents.size(); i++) {
            now[i] = current.getOrDefault(intents.get(i), 0L);
            then[i] = previous.getOrDefault(intents.get(i), 0L);
        }
        long nowTotal = java.util.Arrays.stream(now).sum();
        long thenTotal = java.util.Arrays.stream(then).sum();
        if (intents.size() < 2 || nowTotal == 0 || thenTotal == 0) {
            // One intent (or an empty week) has no mix to compare.
            return new RollupReport.IntentMix(0, 0, 1, 0, alpha, minPsi, false);
        }
        ChiSquareTest test = new ChiSquareTest();
        double chiSquare = test.chiSquareDataSetsComparison(now, then);
        double p = test.chiSquareTestDataSetsComparison(now, then);
        double psi = psi(now, then);
        return new RollupReport.IntentMix(chiSquare, intents.size() - 1, p, psi, alpha, minPsi, p < alpha && psi >= minPsi);
    }

    /** PSI = sum over intents of (share now - share then) * ln(share now / share then), on smoothed counts. */
    static double psi(long[] now, long[] then) {
        double k = now.length;
        double nowTotal = java.util.Arrays.stream(now).sum() + PSI_SMOOTHING * k;
        double thenTotal = java.util.Arrays.stream(then).sum() + PSI_SMOOTHING * k;
        double psi = 0;
        for (int i = 0; i < now.length; i++) {
            double a = (now[i] + PSI_SMOOTHING) / nowTotal;
            double b = (then[i] + PSI_SMOOTHING) / thenTotal;
            psi += (a - b) * Math.log(a / b);
        }
        return psi;
    }
}
