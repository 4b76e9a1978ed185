package dev.evalops.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.artifacts.LocalArtifactStore;
import dev.evalops.artifacts.RunRef;
import dev.evalops.artifacts.RunWriter;
import dev.evalops.core.Json;
import dev.evalops.router.RouterOutcome;

/** The per-example artifacts of the hand-computed case, read back from a local store. */
class GoldenArtifactsTest {
    @TempDir
    Path root;

    String write() {
        List<GoldenExample> examples = new ArrayList<>(Fixtures.CASE_EXAMPLES);
        GoldenExample e2 = examples.get(1);
        examples.set(1, new GoldenExample(e2.id(), "Where is my order? Reply to jane.doe@example.com", e2.channel(), e2.intent(), e2.team(),
                e2.template(), e2.tier()));
        List<RouterOutcome> outcomes = Fixtures.CASE_OUTCOMES;
        List<PredictionRecord> records = PredictionRecord.of(examples, outcomes);
        GoldenMetrics m = GoldenScorer.score(examples, outcomes, Fixtures.POLICY);
        LocalArtifactStore store = new LocalArtifactStore(root, Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneOffset.UTC));
        RunRef run = new RunRef("golden", LocalDate.parse("2026-11-22"), "golden-20261122-0200-0001");
        try (RunWriter w = store.begin(run)) {
            GoldenArtifacts.writeScoring(w, examples, outcomes, records, m, Fixtures.POLICY);
            w.commit();
        }
        return root.resolve(run.prefix()).toString();
    }

    static String read(String dir, String name) throws Exception {
        return java.nio.file.Files.readString(Path.of(dir, name));
    }

    @Test
    void confusionMatrixHasGoldRowsPredictedColumnsUnscoredAndTotals() throws Exception {
        String dir = write();
        assertThat(read(dir, GoldenArtifacts.CONFUSION).split("\r?\n")).containsExactly(
                "gold\\predicted,A,B,C,D,E,(unscored),total",
                "A,1,1,0,0,1,1,4",
                "B,1,1,1,0,0,1,4",
                "C,0,0,0,0,0,0,0",
                "D,0,1,0,0,0,0,1",
                "E,0,0,0,0,1,0,1",
                "total,2,3,1,0,2,2,10");
    }

    @Test
    void perIntentTier0AndTier2Reports() throws Exception {
        String dir = write();
        assertThat(read(dir, GoldenArtifacts.PER_INTENT).split("\r?\n")).containsExactly(
                "intent,precision,recall,f1,support,predicted,unscored",
                "A,0.5,0.3333333333333333,0.4,3,2,1",
                "B,0.3333333333333333,0.3333333333333333,0.3333333333333333,3,3,1",
                "C,0.0,0.0,0.0,0,1,0",
                "D,0.0,0.0,0.0,1,0,0",
                "E,0.5,1.0,0.6666666666666666,1,2,0");
        assertThat(read(dir, GoldenArtifacts.TIER0).split("\r?\n")).containsExactly(
                "id,outcome,gold_intent,gold_tier,predicted_intent,predicted_tier,action,confidence",
                "e5,false_negative,D,0,B,1,route,0.7",
                "e7,caught,E,0,E,0,escalate,0.93",
                "e8,false_positive,A,2,E,0,escalate,0.91");
        assertThat(read(dir, GoldenArtifacts.TIER2).split("\r?\n")).containsExactly(
                "id,kind,reasons,gold_intent,gold_tier,predicted_intent,predicted_tier,confidence,safe_mode",
                "e2,gate_violation,intent_not_eligible;safe_mode_on,A,2,B,2,0.95,true",
                "e4,gate_violation,intent_not_eligible,B,1,C,2,0.9,false",
                "e4,unsafe_automation,gold_intent_not_eligible,B,1,C,2,0.9,false",
                "e9,unsafe_automation,gold_intent_not_eligible,B,1,A,2,0.92,false");
    }

    @Test
    void misroutesListEveryWrongFieldWithSanitizedTextAndPredictionsHaveNoText() throws Exception {
        String dir = write();
        List<JsonNode> rows = new ArrayList<>();
        for (String line : read(dir, GoldenArtifacts.MISROUTES).split("\n")) {
            rows.add(Json.mapper().readTree(line));
        }
        assertThat(rows).extracting(r -> r.get("id").asText()).containsExactly("e1", "e2", "e4", "e5", "e8", "e9");
        assertThat(rows.get(0).get("wrong").toString()).isEqualTo("[\"template\"]");
        assertThat(rows.get(2).get("wrong").toString()).isEqualTo("[\"intent\",\"template\",\"tier\"]");
        assertThat(rows.get(1).at("/gold/intent").asText()).isEqualTo("A");
        assertThat(rows.get(1).at("/predicted/action").asText()).isEqualTo("auto_reply");
        assertThat(rows.get(1).get("confidence").asDouble()).isEqualTo(0.95);
        assertThat(rows.get(1).get("text").asText()).startsWith("Where is my order? Reply to [EMAIL#").doesNotContain("jane.doe");

        String predictions = read(dir, GoldenArtifacts.PREDICTIONS);
        assertThat(predictions.split("\n")).hasSize(10);
        assertThat(predictions).doesNotContain("Where is my order", "ticket e");
        JsonNode e6 = Json.mapper().readTree(predictions.split("\n")[5]);
        assertThat(e6.get("id").asText()).isEqualTo("e6");
        assertThat(e6.get("correct").asBoolean()).isFalse();
        assertThat(e6.get("unscored").asText()).startsWith("TIMEOUT");
        // the recorded-predictions shape: a later run can replay it
        assertThat(Json.mapper().readTree(predictions.split("\n")[0]).get("intent").asText()).isEqualTo("A");
    }
}
