package dev.evalops.safemode;

import java.time.ZoneOffset;
import java.util.Map;

import dev.evalops.artifacts.ArtifactStore;
import dev.evalops.artifacts.RunRef;
import dev.evalops.artifacts.RunWriter;
import dev.evalops.testing.SettableClock;

/** Completed golden runs as the golden-set eval leaves them: metrics.json with a top-level verdict, manifest last. */
public final class GoldenRunsFixture {
    private GoldenRunsFixture() {
    }

    /** A golden run completing at the clock's current instant. */
    public static RunRef completed(ArtifactStore store, SettableClock clock, String runId, String verdict) {
        RunRef run = new RunRef("golden", clock.instant().atZone(ZoneOffset.UTC).toLocalDate(), runId);
        try (RunWriter w = store.begin(run)) {
            w.writeJson("metrics.json", Map.of("verdict", verdict, "run_id", runId, "reason", "test"));
            w.commit();
        }
        return run;
    }
}
