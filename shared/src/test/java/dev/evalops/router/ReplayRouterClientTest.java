package dev.evalops.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.evalops.artifacts.Inputs;
import dev.evalops.core.BadInputException;
import dev.evalops.router.RouterOutcome.Answered;
import dev.evalops.router.RouterOutcome.Failed;
import dev.evalops.router.RouterOutcome.FailureKind;
import dev.evalops.router.ReplayRouterClient.RecordingProblem;
import dev.evalops.testing.AwsEmulator;
import software.amazon.awssdk.core.sync.RequestBody;

/** Recorded predictions from a local file and from S3 on the emulator. */
class ReplayRouterClientTest {
    static final String RECORDING = String.join("\n",
            "{\"id\":\"g-1\",\"intent\":\"order.status\",\"team\":\"orders\",\"template\":\"order_status_update\",\"tier\":2,"
                    + "\"action\":\"auto_reply\",\"confidence\":0.93,\"latency_ms\":812,\"safe_mode\":false}",
            "",
            "{\"id\":\"g-2\",\"intent\":\"legal.threat\",\"tier\":0,\"action\":\"escalate\",\"confidence\":0.9}",
            "{\"id\":\"g-3\",\"intent\":\"other\",\"tier\": 1,",
            "[1,2]",
            "{\"intent\":\"other\",\"tier\":1}",
            "{\"id\":\"g-4\",\"tier\":\"high\"}",
            "{\"id\":\"g-1\",\"intent\":\"other\",\"tier\":1}",
            "{\"id\":\"g-5\",\"intent\":\"product.question\",\"tier\":1,\"action\":\"route\",\"confidence\":0.84,\"new_field\":true}") + "\n";

    @TempDir
    Path dir;

    static RouterRequest ticket(String id) {
        return new RouterRequest(id, "text", "email", "golden-20261122-0200-7f3a", "golden");
    }

    void assertReplay(ReplayRouterClient replay, String location) {
        assertThat(replay.recordedCount()).isEqualTo(3);
        List<RouterOutcome> outcomes = replay.routeAll(List.of(ticket("g-2"), ticket("g-1"), ticket("g-9"), ticket("g-5")));
        assertThat(outcomes).extracting(RouterOutcome::ticketId).containsExactly("g-2", "g-1", "g-9", "g-5");

        Answered g1 = (Answered) outcomes.get(1);
        assertThat(g1.decision().intent()).isEqualTo("order.status");
        assertThat(g1.decision().latencyMs()).isEqualTo(812);
        assertThat(g1.wallMillis()).isEqualTo(812);
        assertThat(g1.attempts()).isZero();
        assertThat(g1.raw().has("id")).isFalse();
        assertThat(((Answered) outcomes.get(0)).wallMillis()).isZero();
        // Unknown fields are kept in raw, for schema checks.
        assertThat(((Answered) outcomes.get(3)).raw().get("new_field").asBoolean()).isTrue();

        Failed missing = (Failed) outcomes.get(2);
        assertThat(missing.kind()).isEqualTo(FailureKind.NOT_RECORDED);
        assertThat(missing.detail()).contains(location);

        assertThat(replay.problems()).extracting(RecordingProblem::line).containsExactly(4L, 5L, 6L, 7L, 8L);
        assertThat(replay.problems()).allMatch(p -> p.location().equals(location));
        assertThat(replay.problems().get(0).reason()).startsWith("not JSON (error at line 1 column ");
        assertThat(replay.problems().subList(1, 5)).extracting(RecordingProblem::reason).containsExactly(
                "not a JSON object",
                "field id: missing or not a string",
                "field tier: wrong type (id g-4)",
                "duplicate id g-1 (first recorded at line 1, which is used)");
        assertThat(replay.problems().get(1).toString()).isEqualTo(location + ":5: not a JSON object");
    }

    @Test
    void replaysALocalFile() throws IOException {
        Path file = dir.resolve("predictions.jsonl");
        Files.writeString(file, RECORDING);
        ReplayRouterClient replay = ReplayRouterClient.load(new Inputs(() -> {
            throw new AssertionError("no S3 for a local file");
        }, dir.toString()), "predictions.jsonl");
        assertReplay(replay, file.toString());
    }

    @Test
    void replaysFromS3() {
        AwsEmulator aws = AwsEmulator.get();
        String bucket = aws.newBucket("replay");
        aws.s3().putObject(b -> b.bucket(bucket).key("recordings/r1/predictions.jsonl"), RequestBody.fromString(RECORDING, StandardCharsets.UTF_8));
        ReplayRouterClient replay = ReplayRouterClient.load(new Inputs(aws::s3, "s3://" + bucket), "recordings/r1/predictions.jsonl");
        assertReplay(replay, "s3://" + bucket + "/recordings/r1/predictions.jsonl");
    }

    @Test
    void aMissingRecordingIsBadInputNamingIt() {
        assertThatThrownBy(() -> ReplayRouterClient.load(new Inputs(() -> null, dir.toString()), dir.resolve("none.jsonl").toString()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("none.jsonl");
    }
}
