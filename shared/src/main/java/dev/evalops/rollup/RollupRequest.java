package dev.evalops.rollup;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.evalops.core.BadInputException;
import dev.evalops.trigger.Trigger;

/**
 * Which days a rollup covers and which run it compares against. Schedule: the 7 full UTC days before the
 * trigger's date. Manual: {@code {"action":"run","from":"2026-11-16","to":"2026-11-22"}} or
 * {@code {"action":"run","week":"2026-W47"}} (ISO week, Monday to Sunday), optional {@code "previous"} (a run id
 * or run prefix; default: the {@code latest} pointer).
 */
public record RollupRequest(LocalDate from, LocalDate to, Optional<String> previous) {
    /** Longer ranges are a typo, not a week: the report and the gates are about a week. */
    static final int MAX_DAYS = 31;
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    public RollupRequest {
        if (to.isBefore(from)) {
            throw new BadInputException("weekly-rollup: range 'to' " + to + " is before 'from' " + from);
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new BadInputException("weekly-rollup: range " + from + ".." + to + " is longer than " + MAX_DAYS + " days");
        }
    }

    public static RollupRequest from(Trigger trigger) {
        return switch (trigger) {
            case Trigger.Scheduled s -> {
                LocalDate day = s.time().atZone(ZoneOffset.UTC).toLocalDate();
                yield new RollupRequest(day.minusDays(7), day.minusDays(1), Optional.empty());
            }
            case Trigger.Manual m -> manual(m);
            case Trigger.Alarm a -> throw new BadInputException("weekly-rollup does not respond to alarms (got alarm " + a.alarmName()
                    + "); expected a schedule or {\"action\":\"run\", \"week\": \"2026-W47\"} / {\"action\":\"run\", \"from\": ..., \"to\": ...}");
        };
    }

    private static RollupRequest manual(Trigger.Manual m) {
        if (!m.action().equals("run")) {
            throw new BadInputException("weekly-rollup: unknown action '" + m.action() + "', expected 'run'");
        }
        Optional<String> week = m.text("week");
        Optional<String> from = m.text("from");
        Optional<String> to = m.text("to");
        Optional<String> previous = m.text("previous");
        if (week.isPresent()) {
            if (from.isPresent() || to.isPresent()) {
                throw new BadInputException("weekly-rollup: give either 'week' or 'from'/'to', not both");
            }
            LocalDate monday = isoWeek(week.get());
            return new RollupRequest(monday, monday.plusDays(6), previous);
        }
        if (from.isEmpty() || to.isEmpty()) {
            throw new BadInputException("weekly-rollup: manual run needs 'week' (e.g. \"2026-W47\") or both 'from' and 'to' (YYYY-MM-DD); got "
                    + (from.isPresent() ? "'from' only" : to.isPresent() ? "'to' only" : "neither"));
        }
        return new RollupRequest(date("from", from.get()), date("to", to.get()), previous);
    }

    /** The Monday of an ISO week such as {@code 2026-W47}. */
    static LocalDate isoWeek(String week) {
        var m = WEEK.matcher(week);
        if (!m.matches()) {
            throw new BadInputException("weekly-rollup: field 'week' is '" + week + "', expected an ISO week such as 2026-W47");
        }
        try {
            return LocalDate.parse(week + "-1", DateTimeFormatter.ISO_WEEK_DATE);
        } catch (DateTimeParseException e) {
            throw new BadInputException("weekly-rollup: field 'week' is '" + week + "': no such ISO week");
        }
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadInputException("weekly-rollup: field '" + field + "' is '" + value + "', expected a date YYYY-MM-DD");
        }
    }

    public int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** {@code 2026-W47} when the range is exactly one ISO week, else empty. */
    public Optional<String> isoWeekLabel() {
        if (days() != 7 || from.getDayOfWeek() != java.time.DayOfWeek.MONDAY) {
            return Optional.empty();
        }
        return Optional.of(String.format("%d-W%02d", from.get(IsoFields.WEEK_BASED_YEAR), from.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
    }
}
