package dev.evalops.smoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.evalops.core.BadInputException;
import dev.evalops.launcher.Invocation;
import dev.evalops.testing.RepoRoot;

class SmokeLauncherCommandsTest {

    @Test
    void smokeBuildsTheRunEventAndConfig() {
        String suite = RepoRoot.file("samples/smoke/suite-override-example.json").toString();
        Invocation.Handler h = (Invocation.Handler) new SmokeCommand().prepare(
                List.of("--router", "http://127.0.0.1:8089/route", "--suite", suite, "--out", "/tmp/smoke-out", "--dry-run"));
        assertThat(h.event().toString()).isEqualTo("{\"action\":\"run\",\"suite\":\"" + suite + "\",\"dryRun\":true}");
        assertThat(h.config()).containsEntry("evalops.router.url", "http://127.0.0.1:8089/route")
                .containsEntry("evalops.artifacts.s3-export", "false").containsEntry("evalops.artifacts.local-root", "/tmp/smoke-out");

        Invocation.Handler s3 = (Invocation.Handler) new SmokeCommand().prepare(List.of("--suite", "s3://b/smoke/canary.json", "--out", "s3://b"));
        assertThat(s3.event().path("suite").asText()).isEqualTo("s3://b/smoke/canary.json");
        assertThat(s3.event().path("dryRun").asBoolean()).isFalse();
        assertThat(s3.config()).containsEntry("evalops.artifacts.bucket", "b").doesNotContainKey("evalops.router.url");

        assertThatThrownBy(() -> new SmokeCommand().prepare(List.of("--router", "http://x/route", "--sample-router")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> new SmokeCommand().prepare(List.of("--routr", "http://x/route"))).hasMessageContaining("unknown option --routr");
    }

    @Test
    void gateMapsItsSubcommandsToGateActions() {
        Invocation.Handler status = (Invocation.Handler) new GateCommand().prepare(List.of("status", "--data", "/tmp/g"));
        assertThat(status.event().toString()).isEqualTo("{\"action\":\"gate-status\"}");
        assertThat(status.config()).containsEntry("evalops.artifacts.local-root", "/tmp/g");
        Invocation.Handler block = (Invocation.Handler) new GateCommand().prepare(List.of("block", "--reason", "freeze", "--by", "alice"));
        assertThat(block.event().toString()).isEqualTo("{\"action\":\"gate-block\",\"reason\":\"freeze\",\"by\":\"alice\"}");
        Invocation.Handler open = (Invocation.Handler) new GateCommand().prepare(List.of("open", "--reason", "done"));
        assertThat(open.event().path("by").asText()).isEqualTo(System.getProperty("user.name"));

        assertThatThrownBy(() -> new GateCommand().prepare(List.of("open"))).isInstanceOf(BadInputException.class).hasMessageContaining("--reason is required");
        assertThatThrownBy(() -> new GateCommand().prepare(List.of("close"))).hasMessageContaining("expected one of status, open, block; got [close]");
        assertThatThrownBy(() -> new GateCommand().prepare(List.of("status", "--reason", "x"))).hasMessageContaining("takes no --reason");
    }

    @Test
    void bothCommandsRunInTheSmokeEvalFunction() throws Exception {
        assertThat(Files.readAllLines(RepoRoot.file("evalops.commands"))).contains("smoke smoke-eval", "gate smoke-eval");
    }
}
