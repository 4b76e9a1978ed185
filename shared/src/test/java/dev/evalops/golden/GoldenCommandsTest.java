package dev.evalops.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.evalops.core.BadInputException;
import dev.evalops.launcher.Invocation;
import dev.evalops.testing.RepoRoot;

/** The launcher forms: what payload and config each command hands the handler. */
class GoldenCommandsTest {

    @Test
    void goldenEvalBuildsTheManualRunPayloadAndTheOutputConfig() {
        String golden = RepoRoot.file("samples/golden/v1/golden.jsonl").toString();
        Invocation.Handler h = (Invocation.Handler) new GoldenEvalCommand().prepare(List.of("--golden", golden, "--router",
                "http://127.0.0.1:8089/route", "--baseline", "golden-20261122-0200-7f3a", "--out", "/tmp/golden-out", "--dry-run"));
        assertThat(h.event().toString()).isEqualTo("{\"action\":\"run\",\"golden\":\"" + golden + "\",\"baseline\":\"golden-20261122-0200-7f3a\","
                + "\"reason\":\"cli:golden-eval\",\"dryRun\":true}");
        assertThat(h.config()).containsEntry("evalops.router.url", "http://127.0.0.1:8089/route")
                .containsEntry("evalops.artifacts.s3-export", "false").containsEntry("evalops.artifacts.local-root", "/tmp/golden-out");
        // the payload is one the service accepts
        GoldenRunRequest request = GoldenRunRequest.fromPayload(h.event());
        assertThat(request.golden()).isEqualTo(golden);
        assertThat(request.dryRun()).isTrue();

        Invocation.Handler replay = (Invocation.Handler) new GoldenEvalCommand().prepare(List.of("--golden", "s3://b/golden/v3/golden.jsonl",
                "--predictions", "s3://b/rec.jsonl", "--reason", "why not", "--out", "s3://b"));
        assertThat(replay.event().get("predictions").asText()).isEqualTo("s3://b/rec.jsonl");
        assertThat(replay.event().get("reason").asText()).isEqualTo("why not");
        assertThat(replay.config()).containsEntry("evalops.artifacts.bucket", "b").doesNotContainKey("evalops.router.url");
    }

    @Test
    void goldenEvalNeedsExactlyOnePredictionSource() {
        assertThatThrownBy(() -> new GoldenEvalCommand().prepare(List.of("--golden", "g.jsonl", "--out", "/tmp/x")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("exactly one of --predictions");
        assertThatThrownBy(() -> new GoldenEvalCommand().prepare(List.of("--golden", "g.jsonl", "--predictions", "p", "--router", "http://x",
                "--out", "/tmp/x"))).hasMessageContaining("exactly one of --predictions");
        assertThatThrownBy(() -> new GoldenEvalCommand().prepare(List.of("--predictions", "p", "--out", "/tmp/x")))
                .hasMessageContaining("--golden is required");
    }

    @Test
    void promoteIsAnExplicitManualPayload() {
        Invocation.Handler h = (Invocation.Handler) new GoldenPromoteCommand().prepare(List.of("--run", "golden-20261122-0200-7f3a", "--by",
                "alice", "--force"));
        assertThat(h.event().toString()).isEqualTo("{\"action\":\"promote-baseline\",\"runId\":\"golden-20261122-0200-7f3a\",\"by\":\"alice\","
                + "\"force\":true}");
        assertThat(h.config()).isEmpty();
        assertThatThrownBy(() -> new GoldenPromoteCommand().prepare(List.of("--by", "alice"))).hasMessageContaining("--run is required");
    }

    @Test
    void demoRefusesBadOptionsBeforeStartingAnything() {
        assertThat(new DemoCommand().prepare(List.of())).isInstanceOf(Invocation.Direct.class);
        assertThatThrownBy(() -> new DemoCommand().prepare(List.of("--latency-ms", "soon"))).hasMessageContaining("--latency-ms must be a number");
        assertThatThrownBy(() -> new DemoCommand().prepare(List.of("--golden", "x"))).hasMessageContaining("unknown option --golden");
    }
}
