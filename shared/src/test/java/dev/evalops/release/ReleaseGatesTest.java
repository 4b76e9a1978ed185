package dev.evalops.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.evalops.artifacts.LocalArtifactStore;
import dev.evalops.core.BadInputException;
import dev.evalops.core.Json;
import dev.evalops.flags.LocalFlagStore;

class ReleaseGatesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T02:00:05Z"), ZoneOffset.UTC);

    @TempDir
    Path root;
    LocalFlagStore flags;
    LocalArtifactStore store;
    ReleaseGates gates;

    @BeforeEach
    void setUp() throws Exception {
        flags = new LocalFlagStore(root, "/evalops/test", CLOCK);
        store = new LocalArtifactStore(root, CLOCK);
        gates = new ReleaseGates(flags, store, CLOCK);
        // The initial value init.py and the CDK stack write: no failed_cases, no timestamp.
        flags.compareAndSet(ReleaseGate.FLAG, Json.mapper().readTree("{\"state\":\"open\",\"reason\":\"initial\",\"run_id\":null,\"set_by\":\"init\"}"), 0);
    }

    @Test
    void aRedRunBlocksAndRenewsItsOwnBlockAndAGreenRunReopensIt() {
        GateChange red = gates.afterSmokeRun("smoke-1", false, List.of("tier0-fraud-chargeback"), "1 of 8 cases failed");
        assertThat(red.action()).isEqualTo(GateChange.Action.BLOCKED);
        assertThat(red.before().reason()).isEqualTo("initial");
        assertThat(red.after()).isEqualTo(new ReleaseGate(ReleaseGate.State.BLOCKED, "smoke run smoke-1 red: 1 of 8 cases failed", "smoke-1",
                "smoke-eval", List.of("tier0-fraud-chargeback"), CLOCK.instant()));

        GateChange again = gates.afterSmokeRun("smoke-2", false, List.of("schema-holds"), "1 of 8 cases failed");
        assertThat(again.action()).isEqualTo(GateChange.Action.BLOCK_RENEWED);
        assertThat(again.after().failedCases()).containsExactly("schema-holds");

        GateChange green = gates.afterSmokeRun("smoke-3", true, List.of(), "8/8 passed");
        assertThat(green.action()).isEqualTo(GateChange.Action.REOPENED);
        assertThat(green.after().state()).isEqualTo(ReleaseGate.State.OPEN);
        assertThat(green.after().runId()).isEqualTo("smoke-3");
        assertThat(gates.status()).contains(green.after());
    }

    @Test
    void aGreenRunOverAnOpenGateWritesNothing() {
        long before = flags.read(ReleaseGate.FLAG, ReleaseGate.class).orElseThrow().version();
        GateChange green = gates.afterSmokeRun("smoke-1", true, List.of(), "8/8 passed");
        assertThat(green.action()).isEqualTo(GateChange.Action.UNCHANGED);
        assertThat(green.version()).isEqualTo(before);
        assertThat(store.listDocuments("decision_log/")).isEmpty();
    }

    @Test
    void aPersonsBlockSurvivesGreenAndRedRunsUntilAPersonOpensIt() {
        GateChange block = gates.block("alice", "release freeze for the holidays");
        assertThat(block.after().setBy()).isEqualTo("alice");
        long version = block.version();

        assertThat(gates.afterSmokeRun("smoke-1", true, List.of(), "8/8 passed").action()).isEqualTo(GateChange.Action.UNCHANGED);
        GateChange red = gates.afterSmokeRun("smoke-2", false, List.of("schema-holds"), "1 of 8 cases failed");
        assertThat(red.action()).isEqualTo(GateChange.Action.UNCHANGED);
        assertThat(red.after().reason()).as("the person's reason is kept").isEqualTo("release freeze for the holidays");
        assertThat(gates.afterSmokeRun("smoke-3", true, List.of(), "8/8 passed").version()).isEqualTo(version);

        GateChange open = gates.open("bob", "freeze over");
        assertThat(open.action()).isEqualTo(GateChange.Action.OPENED);
        assertThat(open.after().state()).isEqualTo(ReleaseGate.State.OPEN);
        assertThat(gates.open("bob", "again").action()).as("opening an open gate").isEqualTo(GateChange.Action.UNCHANGED);
    }

    @Test
    void aPersonMayTakeOverTheSmokeEvalsBlockAndThenItIsTheirs() {
        gates.afterSmokeRun("smoke-1", false, List.of("schema-holds"), "1 of 8 cases failed");
        gates.block("alice", "investigating the schema change");
        assertThat(gates.afterSmokeRun("smoke-2", true, List.of(), "8/8 passed").action()).isEqualTo(GateChange.Action.UNCHANGED);
        assertThat(gates.status().orElseThrow().setBy()).isEqualTo("alice");
    }

    @Test
    void anAbsentGateIsCreatedBlockedByARedRunAndLeftAbsentByAGreenOne() throws Exception {
        LocalFlagStore fresh = new LocalFlagStore(root.resolve("fresh"), "/evalops/fresh", CLOCK);
        ReleaseGates g = new ReleaseGates(fresh, store, CLOCK);
        assertThat(g.status()).isEmpty();
        assertThat(g.afterSmokeRun("smoke-1", true, List.of(), "8/8").action()).isEqualTo(GateChange.Action.UNCHANGED);
        assertThat(g.status()).isEmpty();
        GateChange red = g.afterSmokeRun("smoke-2", false, List.of("a"), "1 of 1 cases failed");
        assertThat(red.before()).isNull();
        assertThat(red.action()).isEqualTo(GateChange.Action.BLOCKED);
    }

    @Test
    void everyChangeIsAuditedWriteOnceInTheDecisionLog() {
        gates.afterSmokeRun("smoke-1", false, List.of("schema-holds"), "1 of 8 cases failed");
        gates.block("alice", "freeze");
        List<String> entries = store.listDocuments("decision_log/2026-11-22/");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0)).matches("decision_log/2026-11-22/20261122T020005\\.000Z-gate-blocked-(smoke-1|[0-9a-f]{4})\\.json");
        Optional<com.fasterxml.jackson.databind.JsonNode> doc = store.readDocument(entries.stream().filter(e -> e.contains("smoke-1")).findFirst().orElseThrow());
        assertThat(doc.orElseThrow().path("after").path("state").asText()).isEqualTo("blocked");
        assertThat(doc.orElseThrow().path("before").path("state").asText()).isEqualTo("open");
    }

    @Test
    void peopleMustSayWhoAndWhyAndCannotPoseAsTheSmokeEval() {
        assertThatThrownBy(() -> gates.block("", "x")).isInstanceOf(BadInputException.class).hasMessageContaining("'by' is required");
        assertThatThrownBy(() -> gates.block("alice", " ")).isInstanceOf(BadInputException.class).hasMessageContaining("'reason' is required");
        assertThatThrownBy(() -> gates.open("smoke-eval", "x")).isInstanceOf(BadInputException.class).hasMessageContaining("must name a person");
        assertThat(gates.status().orElseThrow().state()).isEqualTo(ReleaseGate.State.OPEN);
    }
}
