package dev.evalops.drift;

import java.time.Clock;
import java.time.Instant;

import dev.evalops.golden.GoldenEval;
import dev.evalops.golden.GoldenRunRequest;
import dev.evalops.golden.GoldenRunResult;

/** Local runs: the golden-set eval in this process, so the drift response returns with the golden verdict. */
public final class InlineGoldenHarness implements GoldenHarness {
    private final GoldenEval golden;
    private final Clock clock;

    public InlineGoldenHarness(GoldenEval golden, Clock clock) {
        this.golden = golden;
        this.clock = clock;
    }

    @Override
    public HarnessStart start(String goldenVersion, String reason) {
        Instant at = clock.instant();
        GoldenRunResult run;
        try {
            run = golden.run(GoldenRunRequest.defaults().withGoldenVersion(goldenVersion).withReason(reason));
        } catch (RuntimeException e) {
            throw new IllegalStateException("the inline golden-set run (" + goldenVersion + ") failed: " + e.getMessage(), e);
        }
        return new HarnessStart(true, "inline", "golden-set-eval " + goldenVersion, reason, at, null, run.runId(), run.verdict().name(),
                run.location(), null);
    }
}
