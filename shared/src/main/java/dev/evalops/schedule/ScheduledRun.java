package dev.evalops.schedule;

/**
 * One recurring run of a function. In AWS it is the EventBridge rule {@link #ruleName(String)}; locally,
 * {@code ./evalops schedule} fires the same cron. Both deliver the plain EventBridge "Scheduled Event"
 * ({@link ScheduledEvent}): the functions take what they need (e.g. the week to roll up) from its {@code time}.
 */
public record ScheduledRun(String id, Cron cron, String description) {
    public ScheduledRun {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,40}")) {
            throw new IllegalArgumentException("schedule id must be lower-case words joined by '-', got: " + id);
        }
    }

    /** {@code evalops-<env>-<id>}, the rule's name in every account (and in local events' rule ARN). */
    public String ruleName(String env) {
        return "evalops-" + env + "-" + id;
    }
}
