package dev.evalops.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import dev.evalops.golden.GoldenExample;
import dev.evalops.golden.GoldenMetrics;
import dev.evalops.golden.GoldenScorer;
import dev.evalops.golden.Policy;
import dev.evalops.golden.ThresholdRecommendation;
import dev.evalops.golden.ThresholdSweep;
import dev.evalops.router.RouterOutcome;
import dev.evalops.router.RoutingDecision;

/**
 * Golden metrics over a million predictions: {@link GoldenScorer#score} (accuracy, macro F1 and per-label scores
 * for intent/team/template, Tier 0/2, latency sketch, cost) and the threshold sweep, on a seeded synthetic batch
 * over the 14-intent taxonomy (82% right, 1% router failures). {@code ./evalops bench GoldenMetricsBench [n]}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = { "-Xms3g", "-Xmx3g" })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class GoldenMetricsBench {
    static final String[][] TAXONOMY = {
            { "account.password_reset", "account", "password_reset_link", "2" }, { "order.status", "orders", "order_status_update", "2" },
            { "billing.invoice_request", "billing", "invoice_copy", "2" }, { "order.cancel", "orders", "cancel_order_confirm", "1" },
            { "order.return", "orders", "return_label", "1" }, { "shipping.delay", "logistics", "shipping_delay_apology", "1" },
            { "billing.double_charge", "billing", "refund_duplicate_charge", "1" }, { "billing.refund_status", "billing", "refund_status_update", "1" },
            { "product.question", "support", "product_info", "1" }, { "other", "support", "generic_ack", "1" },
            { "fraud.chargeback", "risk", "escalate_fraud", "0" }, { "legal.threat", "legal", "escalate_legal", "0" },
            { "account.takeover", "security", "escalate_security", "0" }, { "privacy.data_deletion", "privacy", "escalate_privacy", "0" } };
    static final Policy POLICY = new Policy(List.of("account.password_reset", "order.status", "billing.invoice_request"), 0.85);

    @Param("1000000")
    int n;

    List<GoldenExample> examples;
    List<RouterOutcome> outcomes;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(20261122);
        examples = new ArrayList<>(n);
        outcomes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String id = "g-" + i;
            String[] gold = TAXONOMY[rnd.nextInt(TAXONOMY.length)];
            examples.add(new GoldenExample(id, "ticket text", "email", gold[0], gold[1], gold[2], Integer.parseInt(gold[3])));
            if (rnd.nextInt(100) == 0) {
                outcomes.add(new RouterOutcome.Failed(id, RouterOutcome.FailureKind.TIMEOUT, "no answer within PT10S", null, 10_000, 3));
                continue;
            }
            String[] p = rnd.nextInt(100) < 82 ? gold : TAXONOMY[rnd.nextInt(TAXONOMY.length)];
            int tier = Integer.parseInt(p[3]);
            double confidence = 0.5 + rnd.nextDouble() * 0.5;
            String action = tier == 0 ? "escalate" : tier == 2 && confidence >= 0.85 ? "auto_reply" : "route";
            outcomes.add(new RouterOutcome.Answered(id, new RoutingDecision(p[0], p[1], p[2], tier, action, confidence, "anthropic", "m-2026-10",
                    "p-41", 300L + rnd.nextInt(1500), 0.001 + rnd.nextDouble() * 0.004, false, null, false), null, 0, 1));
        }
    }

    @Benchmark
    public GoldenMetrics score() {
        return GoldenScorer.score(examples, outcomes, POLICY);
    }

    @Benchmark
    public ThresholdRecommendation thresholdSweep() {
        return ThresholdSweep.recommend(examples, outcomes, POLICY, 0.98, 20);
    }

    /** @param args optional batch size (default 1,000,000) */
    public static void main(String[] args) throws Exception {
        OptionsBuilder options = new OptionsBuilder();
        options.include(GoldenMetricsBench.class.getName() + "\\.");
        if (args.length > 0) {
            options.param("n", args[0]);
        }
        new Runner(options.build()).run();
    }
}
