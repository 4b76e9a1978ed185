package dev.evalops.catalogue;

/**
 * One CloudWatch alarm on an EvalOps metric ({@code Env} dimension only), evaluated on the newest datapoint;
 * no data keeps the alarm's state, since the metrics arrive nightly or weekly.
 *
 * @param customerHarm        whether this alarm can mean customers are being hurt now: drift-response's
 *                            default for turning safe mode on (its config decides)
 * @param invokesDriftResponse alarm and OK actions invoke drift-response; all alarms notify people
 */
public record AlarmSpec(String id, String metric, Statistic statistic, Comparison comparison, double threshold,
        String description, boolean customerHarm, boolean invokesDriftResponse) {

    public enum Statistic {
        MINIMUM("Minimum"), MAXIMUM("Maximum");

        private final String cloudWatchName;

        Statistic(String cloudWatchName) {
            this.cloudWatchName = cloudWatchName;
        }

        public String cloudWatchName() {
            return cloudWatchName;
        }
    }

    public enum Comparison {
        GREATER_THAN, GREATER_THAN_OR_EQUAL, LESS_THAN
    }

    /** {@code evalops-<env>-<id>}: what drift-response sees as {@code alarmName}. */
    public String alarmName(String env) {
        return "evalops-" + env + "-" + id;
    }
}
