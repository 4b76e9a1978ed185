package dev.evalops.golden;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code evalops.golden.*} (env {@code EVALOPS_GOLDEN_*}); README "golden-set-eval" lists every key. */
@ConfigMapping(prefix = "evalops.golden")
public interface GoldenConfig {

    /** Where versioned golden sets live: {@code <root>/<version>/golden.jsonl} + {@code policy.json}. A key under the data root, a path or s3://. */
    @WithDefault("golden")
    String root();

    /** The golden version a scheduled run (or a manual run without {@code goldenVersion}) uses. */
    @WithDefault("v1")
    String version();

    /** The run refuses to start when more than this share of the golden rows is malformed. */
    @WithDefault("0.02")
    double maxBadRowShare();

    Gates gates();

    Baseline baseline();

    Threshold threshold();

    interface Gates {
        @WithDefault("0.95")
        double minAccuracy();

        @WithDefault("0")
        int maxTier0FalseNegatives();

        @WithDefault("0")
        int maxTier2GateViolations();

        @WithDefault("5000")
        double maxP95LatencyMs();

        @WithDefault("0.01")
        double maxCostPerExampleUsd();

        /** Above this share of unscored examples the run cannot vouch for the router. */
        @WithDefault("0.05")
        double maxUnscoredShare();
    }

    interface Baseline {
        /** Significance level of the paired test. */
        @WithDefault("0.05")
        double alpha();

        /** {@code mid-p} or {@code exact} McNemar. */
        @WithDefault("mid-p")
        String test();

        /** How many intent confusion shifts the comparison lists. */
        @WithDefault("5")
        int confusionShifts();
    }

    interface Threshold {
        /** Auto-reply precision the recommended threshold must reach. */
        @WithDefault("0.98")
        double targetPrecision();

        /** A threshold that automates fewer golden examples than this is not recommended: too few to judge. */
        @WithDefault("20")
        int minAutoReplies();
    }
}
