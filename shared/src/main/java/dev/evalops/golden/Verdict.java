package dev.evalops.golden;

/** The golden-set runbook's decision, most severe first. */
public enum Verdict {
    /** Any Tier 0 false negative: do not ship. */
    STOP,
    /** Any Tier 2 gate violation: the router automated a reply its own policy forbids. */
    INVESTIGATE_POLICY,
    /** A statistically significant drop against the baseline, or an absolute quality gate missed. */
    REGRESSION,
    PASS
}
