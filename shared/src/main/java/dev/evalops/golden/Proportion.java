package dev.evalops.golden;

import org.apache.commons.math3.distribution.NormalDistribution;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A rate with its 95% Wilson score interval: unlike the normal approximation it stays inside [0, 1] and is
 * honest at the extremes (0/20 or 20/20), which is where gates live.
 */
@RegisterForReflection
public record Proportion(long successes, long n, double value, double ci95Low, double ci95High) {
    /** z for a two-sided 95% interval, from the normal quantile rather than the rounded 1.96. */
    static final double Z95 = new NormalDistribution(0, 1).inverseCumulativeProbability(0.975);

    /** {@code successes / n}; for {@code n == 0} the value is 0 and the interval the whole of [0, 1]. */
    public static Proportion of(long successes, long n) {
        if (successes < 0 || n < 0 || successes > n) {
            throw new IllegalArgumentException("need 0 <= successes <= n, got " + successes + "/" + n);
        }
        if (n == 0) {
            return new Proportion(0, 0, 0, 0, 1);
        }
        double p = (double) successes / n;
        double z2 = Z95 * Z95;
        double denom = 1 + z2 / n;
        double center = (p + z2 / (2.0 * n)) / denom;
        double half = Z95 / denom * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new Proportion(successes, n, p, Math.max(0, center - half), Math.min(1, center + half));
    }
}
