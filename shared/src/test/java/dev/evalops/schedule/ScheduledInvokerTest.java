package dev.evalops.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.evalops.catalogue.FunctionCatalogue;
import dev.evalops.core.Json;
import dev.evalops.trigger.Trigger;
import dev.evalops.trigger.TriggerParser;

/** The invoker against a stand-in launcher script that records what it was run with. */
class ScheduledInvokerTest {
    @TempDir
    Path dir;

    private Path launcher(int exitCode) throws IOException {
        Path script = dir.resolve("evalops");
        Files.writeString(script, """
                #!/bin/sh
                printf '%%s\\n' "$@" > "$(dirname "$0")/args.txt"
                # the event file is the 4th argument: invoke <fn> --event <file>
                cp "$4" "$(dirname "$0")/event.json"
                exit %d
                """.formatted(exitCode));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    @Test
    void runsInvokeWithTheScheduledEventOfTheFireTime() throws IOException {
        ScheduledInvocation rollup = ScheduledInvocation.byId(ScheduledInvocation.select(FunctionCatalogue.ALL, Optional.empty()), "rollup-weekly");
        try (ScheduledInvoker invoker = new ScheduledInvoker(launcher(0), "dev", Optional.of("/data/out"))) {
            assertThat(invoker.run(rollup, Instant.parse("2026-11-22T02:00:00.004Z"))).isZero();
        }
        List<String> args = Files.readAllLines(dir.resolve("args.txt"));
        assertThat(args).hasSize(6);
        assertThat(args.subList(0, 3)).containsExactly("invoke", "weekly-rollup", "--event");
        assertThat(args.subList(4, 6)).containsExactly("--out", "/data/out");
        assertThat(Path.of(args.get(3))).as("the event file is removed after the run").doesNotExist();
        Trigger.Scheduled t = (Trigger.Scheduled) TriggerParser.parse(Json.mapper().readTree(dir.resolve("event.json").toFile()));
        assertThat(t.time()).isEqualTo(Instant.parse("2026-11-22T02:00:00Z"));
        assertThat(t.rule()).endsWith(":rule/evalops-dev-rollup-weekly");
    }

    @Test
    void passesTheFunctionsExitCodeOnAndLeavesOutWhenNotSet() throws IOException {
        ScheduledInvocation smoke = ScheduledInvocation.byId(ScheduledInvocation.select(FunctionCatalogue.ALL, Optional.empty()), "smoke-nightly");
        try (ScheduledInvoker invoker = new ScheduledInvoker(launcher(1), "dev", Optional.empty())) {
            assertThat(invoker.run(smoke, Instant.parse("2026-11-21T02:00:00Z"))).isEqualTo(1);
        }
        assertThat(Files.readAllLines(dir.resolve("args.txt"))).hasSize(4).doesNotContain("--out");
    }
}
