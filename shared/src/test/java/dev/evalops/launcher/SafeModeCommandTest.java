package dev.evalops.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.core.BadInputException;
import dev.evalops.testing.RepoRoot;

/** {@code ./evalops safe-mode ...} and {@code ./evalops drift ...} build the payloads of the drift-response function. */
class SafeModeCommandTest {
    private static JsonNode payload(String... args) {
        return ((Invocation.Handler) new SafeModeCommand().prepare(List.of(args))).event();
    }

    @Test
    void status() {
        assertThat(payload("status").toString()).isEqualTo("{\"action\":\"status\"}");
    }

    @Test
    void enterNeedsWhoAndWhy() {
        JsonNode p = payload("enter", "--by", "alice", "--reason", "customer reports of wrong refunds");
        assertThat(p.get("action").asText()).isEqualTo("enter-safe-mode");
        assertThat(p.get("by").asText()).isEqualTo("alice");
        assertThat(p.get("reason").asText()).isEqualTo("customer reports of wrong refunds");
        assertThatThrownBy(() -> payload("enter", "--by", "alice")).isInstanceOf(BadInputException.class).hasMessageContaining("--reason is required");
    }

    @Test
    void exitCarriesTheAttestationAndTheOverride() {
        JsonNode p = payload("exit", "--by", "alice", "--reason", "golden green", "--qa-clean");
        assertThat(p.get("action").asText()).isEqualTo("exit-safe-mode");
        assertThat(p.get("qaClean").asBoolean()).isTrue();
        assertThat(p.get("force").asBoolean()).isFalse();
        assertThat(p.get("dryRun").asBoolean()).isFalse();
        assertThat(payload("exit", "--by", "b", "--reason", "r", "--force", "--dry-run").get("force").asBoolean()).isTrue();
    }

    @Test
    void optionsThatDoNotApplyAndUnknownVerbsAreUsageErrors() {
        assertThatThrownBy(() -> payload("status", "--force")).hasMessageContaining("--force does not apply");
        assertThatThrownBy(() -> payload("enter", "--by", "a", "--reason", "r", "--qa-clean")).hasMessageContaining("--qa-clean does not apply");
        assertThatThrownBy(() -> payload("leave")).hasMessageContaining("unknown action 'leave'");
        assertThatThrownBy(() -> payload()).hasMessageContaining("expected one of status, enter, exit");
    }

    @Test
    void outSelectsTheDataRoot() {
        Invocation.Handler h = (Invocation.Handler) new SafeModeCommand().prepare(List.of("status", "--out", "/tmp/x"));
        assertThat(h.config()).containsEntry("evalops.artifacts.local-root", "/tmp/x");
    }

    @Test
    void driftReadsTheEventFile() {
        String file = RepoRoot.file("events/triggers/alarm-eventbridge.json").toString();
        Invocation.Handler h = (Invocation.Handler) new DriftCommand().prepare(List.of("--event", file));
        assertThat(h.event().get("detail").get("alarmName").asText()).isEqualTo("evalops-prod-tier0-fn");
        assertThatThrownBy(() -> new DriftCommand().prepare(List.of("--event", "/no/such.json")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("drift: cannot read event file /no/such.json");
        assertThatThrownBy(() -> new DriftCommand().prepare(List.of("extra", "--event", file))).hasMessageContaining("unexpected argument extra");
    }
}
