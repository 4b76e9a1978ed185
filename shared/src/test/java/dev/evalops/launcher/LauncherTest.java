package dev.evalops.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.evalops.core.BadInputException;
import dev.evalops.core.Json;

class LauncherTest {

    @Test
    void exitCodeFollowsTheOutcomeField() throws Exception {
        assertThat(Launcher.exitCode(Json.mapper().readTree("{\"outcome\":\"PASS\"}"))).isZero();
        assertThat(Launcher.exitCode(Json.mapper().readTree("{\"outcome\":\"GATES_FAILED\"}"))).isEqualTo(1);
        assertThat(Launcher.exitCode(Json.mapper().readTree("{\"outcome\":\"BAD_INPUT\"}"))).isEqualTo(2);
        assertThat(Launcher.exitCode(Json.mapper().readTree("{\"status\":\"green\"}"))).isEqualTo(3);
    }

    @Test
    void badInputAnywhereInTheCauseChainIsExitCode2() {
        assertThat(Launcher.isBadInput(new RuntimeException(new BadInputException("x")))).isTrue();
        assertThat(Launcher.isBadInput(new IllegalStateException("y"))).isFalse();
    }

    @Test
    void unknownCommandAndBadUsageAreExitCode2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err);
        assertThat(Launcher.run(List.of("nope"), System.out, errStream)).isEqualTo(2);
        assertThat(Launcher.run(List.of("invoke", "--event"), System.out, errStream)).isEqualTo(2);
        assertThat(Launcher.run(List.of("invoke", "--event", "/does/not/exist.json"), System.out, errStream)).isEqualTo(2);
        errStream.flush();
        assertThat(err.toString()).contains("unknown command 'nope'").contains("--event needs a value").contains("/does/not/exist.json");
    }

    @Test
    void argsRejectUnknownOptionsAndMapOutputs() {
        LauncherArgs a = LauncherArgs.parse("x", List.of("status", "--reason", "deploy freeze", "--force"), Set.of("reason"), Set.of("force"));
        assertThat(a.positional()).containsExactly("status");
        assertThat(a.required("reason")).isEqualTo("deploy freeze");
        assertThat(a.flag("force")).isTrue();
        assertThatThrownBy(() -> LauncherArgs.parse("x", List.of("--resaon", "r"), Set.of("reason"), Set.of()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("unknown option --resaon");
        assertThat(LauncherArgs.outputConfig("s3://acme-mw-analytics-prod"))
                .containsEntry("evalops.artifacts.s3-export", "true").containsEntry("evalops.artifacts.bucket", "acme-mw-analytics-prod");
        LauncherArgs n = LauncherArgs.parse("x", List.of("--days", "7", "--share", "0.5", "--bad", "seven"), Set.of("days", "share", "bad", "seed"), Set.of());
        assertThat(n.number("days", 1, Integer::valueOf)).isEqualTo(7);
        assertThat(n.number("share", 0.1, Double::valueOf)).isEqualTo(0.5);
        assertThat(n.number("seed", 42L, Long::valueOf)).isEqualTo(42L);
        assertThatThrownBy(() -> n.number("bad", 1, Integer::valueOf)).isInstanceOf(BadInputException.class)
                .hasMessage("x: option --bad must be a number, got 'seven'");
        assertThat(LauncherArgs.outputConfig("/tmp/out")).containsEntry("evalops.artifacts.s3-export", "false")
                .containsEntry("evalops.artifacts.local-root", "/tmp/out");
    }
}
