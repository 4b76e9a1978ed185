package dev.evalops.infra;

import java.util.List;

import dev.evalops.schedule.ScheduledRun;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * One EventBridge rule per catalogue schedule, invoking the function's live alias with EventBridge's own
 * Scheduled Event (no input override: the functions read {@code time}). Delivery is retried and what still
 * cannot be delivered lands in the dead-letter queue.
 */
public final class Schedules extends Construct {
    static final int DELIVERY_RETRIES = 3;
    static final Duration MAX_EVENT_AGE = Duration.hours(2);

    public Schedules(Construct scope, String id, String env, List<EvalFunction> functions, IQueue deadLetters) {
        super(scope, id);
        for (EvalFunction fn : functions) {
            for (ScheduledRun run : fn.spec().schedules()) {
                Rule.Builder.create(this, run.id())
                        .ruleName(run.ruleName(env))
                        .description(fn.spec().name() + ": " + run.description())
                        .schedule(Schedule.expression(run.cron().eventBridgeExpression()))
                        .targets(List.of(new LambdaFunction(fn.live(), LambdaFunctionProps.builder()
                                .retryAttempts(DELIVERY_RETRIES)
                                .maxEventAge(MAX_EVENT_AGE)
                                .deadLetterQueue(deadLetters)
                                .build())))
                        .build();
            }
        }
    }
}
