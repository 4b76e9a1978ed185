package dev.evalops.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.evalops.catalogue.AlarmCatalogue;
import dev.evalops.catalogue.AlarmSpec;
import dev.evalops.metrics.MetricNames;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.CreateAlarmOptions;
import software.amazon.awscdk.services.cloudwatch.IAlarmAction;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.LambdaAction;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * The catalogue's alarms on the EvalOps metrics, each notifying people through one SNS topic and, where the
 * catalogue says so, invoking drift-response on ALARM and on OK (it records both and never leaves safe mode
 * by itself). Plus the plumbing alarms people need: a function that threw, a dead letter waiting.
 */
public final class EvalOpsAlarms extends Construct {
    /** The metrics arrive nightly or weekly: judge the newest datapoint, and keep the state while none comes. */
    static final Duration PERIOD = Duration.hours(1);

    private final Topic topic;
    private final List<Alarm> alarms = new ArrayList<>();

    public EvalOpsAlarms(Construct scope, String id, StackSettings settings, List<EvalFunction> functions,
            Optional<EvalFunction> driftResponse, IQueue deadLetters) {
        super(scope, id);
        // CloudWatch can only publish to an encrypted topic whose key policy lets it use the key (not aws/sns);
        // the grant is the one AWS documents for alarm notifications.
        Key key = Key.Builder.create(this, "TopicKey")
                .description("EvalOps " + settings.env() + " alarm topic")
                .enableKeyRotation(true)
                .removalPolicy(settings.production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
        key.grant(new ServicePrincipal("cloudwatch.amazonaws.com"), "kms:Decrypt", "kms:GenerateDataKey*");
        topic = Topic.Builder.create(this, "Topic")
                .topicName("evalops-" + settings.env() + "-alarms")
                .displayName("EvalOps " + settings.env() + " alarms")
                .masterKey(key)
                .enforceSsl(true)
                .build();
        settings.alarmEmail().ifPresent(email -> topic.addSubscription(new EmailSubscription(email)));
        SnsAction people = new SnsAction(topic);
        Optional<LambdaAction> responder = driftResponse.map(d -> new LambdaAction(d.live()));

        for (AlarmSpec spec : AlarmCatalogue.ALL) {
            Alarm alarm = Metric.Builder.create()
                    .namespace(MetricNames.NAMESPACE)
                    .metricName(spec.metric())
                    .dimensionsMap(Map.of(MetricNames.DIM_ENV, settings.env()))
                    .statistic(spec.statistic().cloudWatchName())
                    .period(PERIOD)
                    .build()
                    .createAlarm(this, spec.id(), CreateAlarmOptions.builder()
                            .alarmName(spec.alarmName(settings.env()))
                            .alarmDescription(spec.description())
                            .threshold(spec.threshold())
                            .comparisonOperator(operator(spec.comparison()))
                            .evaluationPeriods(1)
                            .datapointsToAlarm(1)
                            .treatMissingData(TreatMissingData.IGNORE)
                            .build());
            List<IAlarmAction> actions = new ArrayList<>(List.of(people));
            if (spec.invokesDriftResponse()) {
                responder.ifPresent(actions::add);
            }
            actions.forEach(a -> {
                alarm.addAlarmAction(a);
                alarm.addOkAction(a);
            });
            alarms.add(alarm);
        }

        for (EvalFunction fn : functions) {
            Alarm errors = fn.function().metricErrors(MetricOptions.builder()
                    .period(Duration.minutes(5)).statistic("Sum").build())
                    .createAlarm(this, fn.spec().name() + "-errors", CreateAlarmOptions.builder()
                            .alarmName(fn.spec().functionName(settings.env()) + "-errors")
                            .alarmDescription(fn.spec().name() + " threw: the run did not finish (see its log group)")
                            .threshold(1)
                            .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                            .evaluationPeriods(1)
                            .treatMissingData(TreatMissingData.NOT_BREACHING)
                            .build());
            errors.addAlarmAction(people);
            alarms.add(errors);
        }
        Alarm dlq = deadLetters.metricApproximateNumberOfMessagesVisible(MetricOptions.builder()
                .period(Duration.minutes(5)).statistic("Maximum").build())
                .createAlarm(this, "dead-letters", CreateAlarmOptions.builder()
                        .alarmName("evalops-" + settings.env() + "-dead-letters")
                        .alarmDescription("A scheduled or alarm-triggered run could not be delivered or failed after its retry: see the queue")
                        .threshold(1)
                        .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                        .evaluationPeriods(1)
                        .treatMissingData(TreatMissingData.NOT_BREACHING)
                        .build());
        dlq.addAlarmAction(people);
        alarms.add(dlq);
    }

    static ComparisonOperator operator(AlarmSpec.Comparison c) {
        return switch (c) {
            case GREATER_THAN -> ComparisonOperator.GREATER_THAN_THRESHOLD;
            case GREATER_THAN_OR_EQUAL -> ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD;
            case LESS_THAN -> ComparisonOperator.LESS_THAN_THRESHOLD;
        };
    }

    public Topic topic() {
        return topic;
    }

    public List<Alarm> alarms() {
        return List.copyOf(alarms);
    }
}
