package dev.evalops.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.evalops.turns.TurnRecord;

class ProblemSamplerTest {
    private static final Instant FROM = TurnFixtures.T.minus(Duration.ofHours(12));
    private static final Instant TO = TurnFixtures.T.plus(Duration.ofHours(12));

    private static ProblemSampler sampler(int size) {
        return new ProblemSampler(size, 0.6, FROM, TO, 42);
    }

    private static void feed(ProblemSampler s, ProblemKind kind, int n) {
        for (int i = 0; i < n; i++) {
            s.accept(TurnFixtures.of(kind, kind.label() + "-" + i, TurnFixtures.T.plusMillis(i)));
        }
    }

    @Test
    void aFloodOfOneKindDoesNotCrowdOutTheRareOnes() {
        ProblemSampler s = sampler(20);
        feed(s, ProblemKind.LOW_CONFIDENCE, 50_000);
        feed(s, ProblemKind.TIER0, 3);
        feed(s, ProblemKind.ERROR, 2);
        feed(s, ProblemKind.FALLBACK, 40);
        feed(s, ProblemKind.AGENT_OVERRIDE, 40);
        ProblemSample sample = s.result();
        assertThat(sample.rows()).hasSize(20);
        assertThat(sample.sampled()).containsEntry("tier0", 3).containsEntry("error", 2);
        // The 15 left are shared by the three plentiful kinds: 5 each.
        assertThat(sample.sampled()).containsEntry("fallback", 5).containsEntry("agent_override", 5).containsEntry("low_confidence", 5);
        assertThat(sample.population()).containsEntry("low_confidence", 50_000L).containsEntry("tier0", 3L);
        assertThat(sample.problemTurns()).isEqualTo(50_085);
    }

    @Test
    void healthyTurnsAreScannedButNeverSampled() {
        ProblemSampler s = sampler(10);
        IntStream.range(0, 1000).forEach(i -> s.accept(TurnFixtures.healthy("h-" + i, TurnFixtures.T)));
        feed(s, ProblemKind.ERROR, 4);
        ProblemSample sample = s.result();
        assertThat(sample.scanned()).isEqualTo(1004);
        assertThat(sample.rows()).hasSize(4).allSatisfy(r -> assertThat(r.id()).startsWith("error-"));
    }

    @Test
    void aTurnOfSeveralKindsIsTakenOnceAndListsAllItsKinds() {
        ProblemSampler s = sampler(10);
        TurnRecord t0 = TurnFixtures.of(ProblemKind.TIER0, "both", TurnFixtures.T);
        TurnRecord both = new TurnRecord(t0.turnId(), t0.ts(), t0.userId(), t0.tenant(), t0.channel(), t0.intent(), 0, "escalate", 0.2,
                t0.provider(), t0.model(), t0.latencyMs(), t0.tokensIn(), t0.tokensOut(), t0.costUsd(), t0.cacheHit(), null, null, null, null);
        s.accept(both);
        ProblemSample sample = s.result();
        assertThat(sample.rows()).singleElement().satisfies(r -> assertThat(r.sample().problemKinds()).containsExactly("tier0", "low_confidence"));
        assertThat(sample.population()).containsEntry("tier0", 1L).containsEntry("low_confidence", 1L);
        assertThat(sample.problemTurns()).isEqualTo(1);
    }

    @Test
    void turnsOutsideTheWindowOrUndatedAreCountedNotSampled() {
        ProblemSampler s = sampler(10);
        s.accept(TurnFixtures.of(ProblemKind.ERROR, "early", FROM.minusSeconds(1)));
        s.accept(TurnFixtures.of(ProblemKind.ERROR, "at-end", TO));
        s.accept(TurnFixtures.of(ProblemKind.ERROR, "undated", null));
        s.accept(TurnFixtures.of(ProblemKind.ERROR, "first", FROM));
        ProblemSample sample = s.result();
        assertThat(sample.rows()).extracting(LabelingRow::id).containsExactly("first");
        assertThat(sample.outsideWindow()).isEqualTo(2);
        assertThat(sample.undated()).isEqualTo(1);
    }

    @Test
    void duplicatedTurnIdsAreSampledAndCountedOnce() {
        ProblemSampler s = sampler(10);
        for (int i = 0; i < 5; i++) {
            s.accept(TurnFixtures.of(ProblemKind.FALLBACK, "dup", TurnFixtures.T));
        }
        ProblemSample sample = s.result();
        assertThat(sample.rows()).hasSize(1);
        assertThat(sample.duplicates()).isEqualTo(4);
        assertThat(sample.population()).containsEntry("fallback", 1L);
    }

    @Test
    void theSameTurnsAndSeedGiveTheSameBatchAndAnotherSeedAnother() {
        List<String> a = ids(42);
        assertThat(ids(42)).isEqualTo(a);
        assertThat(ids(7)).isNotEqualTo(a);
    }

    private static List<String> ids(long seed) {
        ProblemSampler s = new ProblemSampler(10, 0.6, FROM, TO, seed);
        feed(s, ProblemKind.LOW_CONFIDENCE, 500);
        return s.result().rows().stream().map(LabelingRow::id).toList();
    }

    @Test
    void theReservoirIsUniformOverALongStream() {
        // Each of 1000 low-confidence turns should land in a 10-turn batch with p = 1/100; over 1000 seeds the
        // first and last hundred turns get about the same share (a biased reservoir favours one end).
        int early = 0;
        int late = 0;
        for (long seed = 0; seed < 1000; seed++) {
            ProblemSampler s = new ProblemSampler(10, 0.6, FROM, TO, seed);
            feed(s, ProblemKind.LOW_CONFIDENCE, 1000);
            for (LabelingRow r : s.result().rows()) {
                int n = Integer.parseInt(r.id().substring("low_confidence-".length()));
                early += n < 100 ? 1 : 0;
                late += n >= 900 ? 1 : 0;
            }
        }
        // Expected 1000 each (binomial sd ≈ 31).
        assertThat(early).isBetween(880, 1120);
        assertThat(late).isBetween(880, 1120);
    }

    @Test
    void rowsAreInTheGoldenShapeWithEmptyLabels() {
        ProblemSampler s = sampler(10);
        s.accept(TurnFixtures.of(ProblemKind.AGENT_OVERRIDE, "t-9f2c", TurnFixtures.T));
        LabelingRow row = s.result().rows().get(0);
        assertThat(row.id()).isEqualTo("t-9f2c");
        assertThat(row.text()).isEmpty();
        assertThat(row.channel()).isEqualTo("email");
        assertThat(row.intent()).isNull();
        assertThat(row.team()).isNull();
        assertThat(row.template()).isNull();
        assertThat(row.tier()).isNull();
        assertThat(row.sample().predicted().intent()).isEqualTo("order.cancel");
        assertThat(row.sample().predicted().agentOverride().intent()).isEqualTo("order.return");
        assertThat(row.sample().tenant()).isEqualTo("acme");
        com.fasterxml.jackson.databind.JsonNode json = dev.evalops.core.Json.mapper().valueToTree(row);
        List<String> fields = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("id", "text", "channel", "intent", "team", "template", "tier", "sample");
        assertThat(json.get("intent").isNull()).as("empty labels are explicit nulls").isTrue();
        assertThat(json.get("sample").toString()).doesNotContain("user_id").doesNotContain("u-1");
    }

    @Test
    void sizeIsBetweenTenAndThirty() {
        assertThatThrownBy(() -> sampler(9)).hasMessageContaining("between 10 and 30");
        assertThatThrownBy(() -> sampler(31)).hasMessageContaining("sample-size");
        assertThat(sampler(30)).isNotNull();
    }
}
