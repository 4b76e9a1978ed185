package dev.evalops.schedule;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A schedule in EventBridge's six-field cron form ({@code minutes hours day-of-month month day-of-week year},
 * always UTC), rendered for the two places that run it: the EventBridge rule ({@link #eventBridgeExpression()})
 * and the local quarkus-scheduler ({@link #quartzExpression()}). The two syntaxes differ only by Quartz's leading
 * seconds field: both number the week 1-7 from Sunday, both accept {@code SUN-SAT}, {@code L}, {@code W},
 * {@code #} and need {@code ?} in one of the two day fields, so one string serves both.
 */
public record Cron(String minutes, String hours, String dayOfMonth, String month, String dayOfWeek, String year) {
    private static final Pattern FIELD = Pattern.compile("[0-9A-Z*?,/#LW-]+");

    public Cron {
        List<String> fields = List.of(minutes, hours, dayOfMonth, month, dayOfWeek, year);
        for (String f : fields) {
            if (f == null || !FIELD.matcher(f).matches()) {
                throw new IllegalArgumentException("cron field '" + f + "' is not an EventBridge cron field");
            }
        }
        if (dayOfMonth.equals("?") == dayOfWeek.equals("?")) {
            throw new IllegalArgumentException("EventBridge cron needs '?' in exactly one of day-of-month and day-of-week, got '"
                    + dayOfMonth + "' and '" + dayOfWeek + "'");
        }
    }

    /** Parses the six fields as written inside EventBridge's {@code cron(...)}, e.g. {@code "0 2 ? * SUN *"}. */
    public static Cron parse(String sixFields) {
        String[] f = sixFields.trim().toUpperCase(Locale.ROOT).split("\\s+");
        if (f.length != 6) {
            throw new IllegalArgumentException("EventBridge cron has 6 fields (minutes hours day-of-month month day-of-week year), got "
                    + f.length + ": '" + sixFields + "'");
        }
        return new Cron(f[0], f[1], f[2], f[3], f[4], f[5]);
    }

    /** The six fields, space-separated. */
    public String fields() {
        return String.join(" ", minutes, hours, dayOfMonth, month, dayOfWeek, year);
    }

    /** {@code cron(0 2 ? * SUN *)}: an EventBridge rule's ScheduleExpression. */
    public String eventBridgeExpression() {
        return "cron(" + fields() + ")";
    }

    /** {@code 0 0 2 ? * SUN *}: quarkus-scheduler's default (Quartz) cron syntax, evaluated in UTC. */
    public String quartzExpression() {
        return "0 " + fields();
    }
}
