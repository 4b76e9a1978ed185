package dev.evalops.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronConstraintsFactory;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import dev.evalops.catalogue.FunctionCatalogue;
import dev.evalops.schedule.ScheduledRun;

/**
 * The deployed rules and {@code ./evalops schedule} fire at the same instants: the ScheduleExpression of every
 * rule in the synthesized template, read with EventBridge's cron rules (six fields, UTC, 1 = Sunday, {@code ?} in
 * one day field), gives the same next occurrences as the Quartz expression the local scheduler registers, read
 * the way quarkus-scheduler reads it (cron-utils, CronType.QUARTZ, UTC).
 */
class ScheduleEquivalenceTest {
    /** EventBridge's cron, from the EventBridge user guide "Cron expressions". */
    static final CronDefinition EVENTBRIDGE = CronDefinitionBuilder.defineCron()
            .withMinutes().withValidRange(0, 59).withStrictRange().and()
            .withHours().withValidRange(0, 23).withStrictRange().and()
            .withDayOfMonth().withValidRange(1, 31).supportsL().supportsW().supportsLW().supportsQuestionMark().and()
            .withMonth().withValidRange(1, 12).and()
            .withDayOfWeek().withValidRange(1, 7).withMondayDoWValue(2).supportsHash().supportsL().supportsQuestionMark().and()
            .withYear().withValidRange(1970, 2199).and()
            .withCronValidation(CronConstraintsFactory.ensureEitherDayOfWeekOrDayOfMonth())
            .instance();
    static final CronParser EVENTBRIDGE_PARSER = new CronParser(EVENTBRIDGE);
    static final CronParser LOCAL_SCHEDULER_PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
    static final List<Instant> FROM = List.of(Instant.parse("2026-11-20T12:00:00Z"), Instant.parse("2026-11-22T02:00:00Z"),
            Instant.parse("2026-12-31T23:59:30Z"), Instant.parse("2028-02-27T03:00:00Z"));

    private static Map<String, String> deployed;

    @BeforeAll
    static void rules() {
        TemplateView prod = new TemplateView(SynthesizedApp.get().template("EvalOps-prod"));
        deployed = new LinkedHashMap<>();
        prod.ids("AWS::Events::Rule").forEach(id -> deployed.put((String) prod.properties(id).get("Name"),
                (String) prod.properties(id).get("ScheduleExpression")));
    }

    @Test
    void everyCatalogueScheduleIsDeployedAndNothingElse() {
        List<String> names = FunctionCatalogue.ALL.stream().flatMap(f -> f.schedules().stream()).map(r -> r.ruleName("prod")).toList();
        assertThat(deployed.keySet()).containsExactlyInAnyOrderElementsOf(names);
    }

    @Test
    void deployedRulesAndTheLocalSchedulerFireAtTheSameInstants() {
        FunctionCatalogue.ALL.forEach(fn -> fn.schedules().forEach(run -> {
            String expression = deployed.get(run.ruleName("prod"));
            for (Instant from : FROM) {
                assertThat(nextFive(eventBridge(expression), from))
                        .as("%s from %s: %s vs %s", run.id(), from, expression, run.cron().quartzExpression())
                        .isEqualTo(nextFive(local(run), from))
                        .hasSize(5);
            }
        }));
    }

    @Test
    void theInstantsAreTheOnesTheRunbookPromises() {
        Instant friday = Instant.parse("2026-11-20T12:00:00Z");
        assertThat(nextFive(local(schedule("smoke-nightly")), friday)).containsExactly(
                Instant.parse("2026-11-21T02:00:00Z"), Instant.parse("2026-11-22T02:00:00Z"), Instant.parse("2026-11-23T02:00:00Z"),
                Instant.parse("2026-11-24T02:00:00Z"), Instant.parse("2026-11-25T02:00:00Z"));
        List<Instant> sundays = List.of(Instant.parse("2026-11-22T02:00:00Z"), Instant.parse("2026-11-29T02:00:00Z"),
                Instant.parse("2026-12-06T02:00:00Z"), Instant.parse("2026-12-13T02:00:00Z"), Instant.parse("2026-12-20T02:00:00Z"));
        assertThat(nextFive(eventBridge(deployed.get("evalops-prod-golden-weekly")), friday)).isEqualTo(sundays);
        assertThat(nextFive(eventBridge(deployed.get("evalops-prod-rollup-weekly")), friday)).isEqualTo(sundays);
    }

    @Test
    void theTwoSyntaxesDifferSoTheRenderingMatters() {
        // EventBridge's six fields handed to the local scheduler unchanged would be read seconds-first and refused;
        // the Quartz rendering (a leading seconds field) is what makes the instants line up.
        assertThatThrownBy(() -> LOCAL_SCHEDULER_PARSER.parse(schedule("golden-weekly").cron().fields()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EVENTBRIDGE_PARSER.parse(schedule("golden-weekly").cron().quartzExpression()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ScheduledRun schedule(String id) {
        return FunctionCatalogue.ALL.stream().flatMap(f -> f.schedules().stream()).filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static ExecutionTime eventBridge(String scheduleExpression) {
        assertThat(scheduleExpression).startsWith("cron(").endsWith(")");
        return ExecutionTime.forCron(EVENTBRIDGE_PARSER.parse(scheduleExpression.substring(5, scheduleExpression.length() - 1)));
    }

    private static ExecutionTime local(ScheduledRun run) {
        return ExecutionTime.forCron(LOCAL_SCHEDULER_PARSER.parse(run.cron().quartzExpression()));
    }

    private static List<Instant> nextFive(ExecutionTime time, Instant from) {
        List<Instant> out = new ArrayList<>();
        ZonedDateTime t = from.atZone(ZoneOffset.UTC);
        for (int i = 0; i < 5; i++) {
            t = time.nextExecution(t).orElseThrow();
            out.add(t.toInstant());
        }
        return out;
    }
}
