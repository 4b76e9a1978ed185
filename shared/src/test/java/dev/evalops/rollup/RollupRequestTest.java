package dev.evalops.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.evalops.core.BadInputException;
import dev.evalops.core.Json;
import dev.evalops.trigger.Trigger;
import dev.evalops.trigger.TriggerParser;

class RollupRequestTest {

    @Test
    void theScheduleCoversTheSevenFullDaysBeforeItsDate() {
        RollupRequest r = RollupRequest.from(new Trigger.Scheduled(Instant.parse("2026-11-22T02:00:00Z"), "rule", "id"));
        assertThat(r).isEqualTo(new RollupRequest(LocalDate.parse("2026-11-15"), LocalDate.parse("2026-11-21"), Optional.empty()));
        assertThat(r.days()).isEqualTo(7);
        assertThat(r.isoWeekLabel()).isEmpty(); // Sunday to Saturday
    }

    @Test
    void manualWeekAndRange() throws Exception {
        RollupRequest week = RollupRequest.from(TriggerParser.parse(Json.mapper().readTree("{\"action\":\"run\",\"week\":\"2026-W47\"}")));
        assertThat(week.from()).isEqualTo(LocalDate.parse("2026-11-16"));
        assertThat(week.to()).isEqualTo(LocalDate.parse("2026-11-22"));
        assertThat(week.isoWeekLabel()).contains("2026-W47");
        RollupRequest range = RollupRequest.from(TriggerParser.parse(Json.mapper().readTree(
                "{\"action\":\"run\",\"from\":\"2026-11-16\",\"to\":\"2026-11-22\",\"previous\":\"rollup-20261115-0200-ab12\"}")));
        assertThat(range).isEqualTo(new RollupRequest(week.from(), week.to(), Optional.of("rollup-20261115-0200-ab12")));
        // ISO week 1 of 2027 starts in 2027-01-04; 2026 has 53 ISO weeks.
        assertThat(RollupRequest.isoWeek("2027-W01")).isEqualTo(LocalDate.parse("2027-01-04"));
        assertThat(RollupRequest.isoWeek("2026-W53")).isEqualTo(LocalDate.parse("2026-12-28"));
    }

    @Test
    void badRequestsSayWhatWasWrong() {
        assertThatThrownBy(() -> RollupRequest.isoWeek("2027-W53")).isInstanceOf(BadInputException.class).hasMessageContaining("no such ISO week");
        assertThatThrownBy(() -> RollupRequest.isoWeek("W47")).isInstanceOf(BadInputException.class).hasMessageContaining("expected an ISO week");
        assertThatThrownBy(() -> RollupRequest.from(new Trigger.Alarm(Trigger.Via.EVENTBRIDGE, "p95", "arn", Trigger.AlarmState.ALARM,
                Optional.empty(), "", Instant.now()))).isInstanceOf(BadInputException.class).hasMessageContaining("does not respond to alarms");
        assertThatThrownBy(() -> new RollupRequest(LocalDate.parse("2026-11-22"), LocalDate.parse("2026-11-16"), Optional.empty()))
                .hasMessageContaining("'to' 2026-11-16 is before 'from' 2026-11-22");
    }

    @Test
    void previousIsARunIdWithItsDateOrARunPrefix() {
        assertThat(WeeklyRollup.parseRun("rollup-20261115-0200-ab12").prefix()).isEqualTo("eval_runs/rollup/2026-11-15/rollup-20261115-0200-ab12/");
        assertThat(WeeklyRollup.parseRun("eval_runs/rollup/2026-11-15/rollup-x/").runId()).isEqualTo("rollup-x");
        assertThatThrownBy(() -> WeeklyRollup.parseRun("golden-20261115-0200-ab12")).isInstanceOf(BadInputException.class);
        assertThatThrownBy(() -> WeeklyRollup.parseRun("rollup-2026-11-15")).isInstanceOf(BadInputException.class);
    }
}
