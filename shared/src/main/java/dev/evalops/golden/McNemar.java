package dev.evalops.golden;

import org.apache.commons.math3.distribution.BinomialDistribution;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * McNemar's test on paired per-example correctness. Only the discordant pairs carry information:
 * {@code b} = right in the baseline, wrong now; {@code c} = wrong in the baseline, right now. Under "no change"
 * each discordant pair is a fair coin, so the exact test is binomial(b + c, 1/2); the mid-p variant subtracts
 * half the probability of the observed count, which keeps the exact test's validity without most of its
 * conservatism at the small counts a golden set produces (Fagerland, Lydersen &amp; Laake, 2013).
 */
@RegisterForReflection
public record McNemar(long baselineOnlyCorrect, long currentOnlyCorrect, double pExact, double pMidP) {

    public static McNemar test(long b, long c) {
        if (b < 0 || c < 0) {
            throw new IllegalArgumentException("discordant counts must be >= 0, got b=" + b + " c=" + c);
        }
        long n = b + c;
        if (n == 0) {
            return new McNemar(b, c, 1, 1);
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many discordant pairs: " + n);
        }
        // The RNG argument is null: only the distribution's cumulative functions are used, never sampling.
        BinomialDistribution coin = new BinomialDistribution(null, (int) n, 0.5);
        int k = (int) Math.min(b, c);
        double tail = coin.cumulativeProbability(k);
        double exact = Math.min(1, 2 * tail);
        double mid = Math.min(1, 2 * tail - coin.probability(k));
        return new McNemar(b, c, exact, mid);
    }

    /** The p-value of the chosen variant ({@code exact} or {@code mid-p}). */
    public double p(String variant) {
        return switch (variant) {
            case "exact" -> pExact;
            case "mid-p" -> pMidP;
            default -> throw new IllegalArgumentException("McNemar variant must be exact or mid-p, got: " + variant);
        };
    }
}
