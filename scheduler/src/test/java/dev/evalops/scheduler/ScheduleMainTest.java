package dev.evalops.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import dev.evalops.catalogue.FunctionCatalogue;
import dev.evalops.core.Json;
import dev.evalops.trigger.Trigger;
import dev.evalops.trigger.TriggerParser;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** The real app and the real quarkus-scheduler, with a stand-in launcher script. */
@QuarkusMainTest
@TestProfile(FakeLauncherProfile.class)
class ScheduleMainTest {

    @Test
    void theSchedulerArmsEveryScheduleForItsNextQuartzInstantInUtc(QuarkusMainLauncher launcher) {
        Instant before = Instant.now();
        LaunchResult result = launcher.launch("--list");
        Instant after = Instant.now();
        assertThat(result.exitCode()).isZero();
        Map<String, Instant> listed = result.getOutputStream().stream().filter(l -> l.matches("^[a-z]+-[a-z]+ .*"))
                .collect(Collectors.toMap(l -> l.split("\\s+")[0], l -> Instant.parse(l.split("\\s+")[l.split("\\s+").length - 1])));
        CronParser quartz = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
        FunctionCatalogue.ALL.forEach(f -> f.schedules().forEach(run -> {
            ExecutionTime t = ExecutionTime.forCron(quartz.parse(run.cron().quartzExpression()));
            // The second on either side of the launch, in case a fire time fell in between.
            List<Instant> expected = List.of(next(t, before), next(t, after));
            assertThat(listed.get(run.id())).as(run.id()).isIn(expected);
        }));
        assertThat(listed).containsOnlyKeys("smoke-nightly", "golden-weekly", "rollup-weekly");
    }

    @Test
    void runNowInvokesTheFunctionWithTheScheduledEventAndReturnsItsExitCode(QuarkusMainLauncher launcher) throws IOException {
        Instant before = Instant.now();
        LaunchResult result = launcher.launch("--run-now", "golden-weekly", "--out", "/tmp/evalops-out");
        assertThat(result.exitCode()).isEqualTo(1);
        List<String> args = Files.readAllLines(FakeLauncherProfile.DIR.resolve("args.txt"));
        assertThat(args).hasSize(6);
        assertThat(args.subList(0, 3)).containsExactly("invoke", "golden-set-eval", "--event");
        assertThat(args.subList(4, 6)).containsExactly("--out", "/tmp/evalops-out");
        Trigger.Scheduled t = (Trigger.Scheduled) TriggerParser.parse(Json.mapper().readTree(FakeLauncherProfile.DIR.resolve("event.json").toFile()));
        assertThat(t.rule()).endsWith(":rule/evalops-staging-golden-weekly");
        assertThat(t.time()).isBetween(before.minusSeconds(60), Instant.now());
    }

    @Test
    void onlyTakesCatalogueFunctionsWithSchedules(QuarkusMainLauncher launcher) {
        LaunchResult unknown = launcher.launch("--only", "smoke", "--list");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.getErrorOutput()).contains("unknown function 'smoke'");
        LaunchResult none = launcher.launch("--only", "drift-response", "--list");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.getErrorOutput()).contains("have no schedule");
        LaunchResult one = launcher.launch("--only", "weekly-rollup", "--list");
        assertThat(one.exitCode()).isZero();
        assertThat(one.getOutput()).contains("rollup-weekly").doesNotContain("smoke-nightly");
    }

    @Test
    void aTypoIsAnErrorNotIgnored(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("--lst");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorOutput()).contains("unknown option --lst");
    }

    private static Instant next(ExecutionTime t, Instant from) {
        return t.nextExecution(ZonedDateTime.ofInstant(from, ZoneOffset.UTC)).orElseThrow().toInstant();
    }
}
