package dev.evalops.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.evalops.artifacts.LocalArtifactStore;
import dev.evalops.golden.GoldenEval;
import dev.evalops.golden.LocalGoldenEval;
import dev.evalops.router.sample.SampleRouter;
import dev.evalops.testing.RepoRoot;
import dev.evalops.testing.SettableClock;

/** Local runs: the golden eval in-process over the sample golden set and the sample router. */
class InlineGoldenHarnessTest {
    @TempDir
    Path root;
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-22T14:05:00Z"));

    private GoldenEval golden(String routerUrl) throws IOException {
        Files.createDirectories(root.resolve("golden/v1"));
        for (String f : List.of("golden.jsonl", "policy.json")) {
            Files.copy(RepoRoot.file("samples/golden/v1/" + f), root.resolve("golden/v1/" + f));
        }
        return LocalGoldenEval.create(root, new LocalArtifactStore(root, clock), data -> {
        }, clock, Map.of("evalops.router.url", routerUrl));
    }

    @Test
    void runsTheGoldenSetInProcessWithTheAlarmAsReason() throws IOException {
        try (SampleRouter router = SampleRouter.start(SampleRouter.Options.defaults())) {
            HarnessStart start = new InlineGoldenHarness(golden(router.url().toString()), clock).start("v1", "alarm:evalops-prod-tier0-fn ALARM");
            assertThat(start.started()).isTrue();
            assertThat(start.mode()).isEqualTo("inline");
            assertThat(start.goldenRunId()).startsWith("golden-20261122-1405-");
            assertThat(start.verdict()).isNotBlank();
            assertThat(start.location()).contains("eval_runs/golden/2026-11-22/" + start.goldenRunId());
            assertThat(Files.readString(Path.of(start.location(), "metrics.json"))).contains("alarm:evalops-prod-tier0-fn ALARM");
        }
    }

    @Test
    void aGoldenRunThatCannotStartIsAClearError() throws IOException {
        GoldenEval eval = golden("http://127.0.0.1:9/route");
        assertThatThrownBy(() -> new InlineGoldenHarness(eval, clock).start("v9", "r"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("inline golden-set run (v9) failed").hasMessageContaining("v9");
    }
}
