package dev.evalops.turns;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.evalops.artifacts.Inputs;
import dev.evalops.sanitize.Sanitizer;

class SyntheticTurnsTest {
    static final LocalDate START = LocalDate.parse("2026-11-16");

    @TempDir
    Path dir;

    @Test
    void theSameOptionsGiveTheSameBytesAndEveryDefectIsCounted() throws IOException {
        SyntheticTurns.Options options = new SyntheticTurns.Options(START, 4, 2000, 2, 11, Set.of(START.plusDays(1)), 0.02, 0.02, true, 0, null);
        SyntheticTurns.Summary a = new SyntheticTurns(options).generate(TurnSinks.folder(dir.resolve("a")), 2);
        SyntheticTurns.Summary b = new SyntheticTurns(options).generate(TurnSinks.folder(dir.resolve("b")), 1);
        assertThat(b).isEqualTo(a);
        for (String key : a.files()) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(key))).isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(key)));
        }
        // Day 2 is missing: neither its own files nor day 1's late file exist.
        assertThat(a.missingDays()).containsExactly(START.plusDays(1));
        assertThat(a.files()).noneMatch(f -> f.startsWith("dt=" + START.plusDays(1)));
        assertThat(a.files()).contains("dt=2026-11-19/part-late-00000.jsonl.gz").doesNotContain("dt=2026-11-20/part-late-00000.jsonl.gz");
        assertThat(a.badByKind()).containsOnlyKeys("not_json", "wrong_type", "missing_field");

        // What a reader finds is exactly what was injected.
        TurnReader reader = new TurnReader(new Inputs(() -> null, dir.toString()), Sanitizer.forRun());
        long lines = 0, bad = 0;
        Map<String, Integer> ids = new HashMap<>();
        List<String> intents = new ArrayList<>();
        for (String key : a.files()) {
            TurnFileSummary s = reader.read(dir.resolve("a").resolve(key).toString(), t -> {
                ids.merge(t.turnId(), 1, Integer::sum);
                intents.add(t.intent());
            }, x -> { });
            lines += s.lines();
            bad += s.badLines();
        }
        assertThat(lines).isEqualTo(a.lines());
        assertThat(bad).isEqualTo(a.badLines());
        assertThat(ids).hasSize((int) a.turns());
        assertThat(ids.values().stream().mapToLong(n -> n - 1).sum()).isEqualTo(a.duplicates());
        assertThat(Set.copyOf(intents)).contains("order.status", "fraud.chargeback", "other");
    }
}
