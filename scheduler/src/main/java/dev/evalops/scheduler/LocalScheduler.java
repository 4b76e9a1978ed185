package dev.evalops.scheduler;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.evalops.schedule.ScheduledInvocation;
import dev.evalops.schedule.ScheduledInvoker;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.SkippedExecution;
import io.quarkus.scheduler.Trigger;

/**
 * One quarkus-scheduler job per catalogue schedule: the schedule's Quartz cron in UTC (what the EventBridge rule
 * fires on), running the invocation through {@link ScheduledInvoker}. A run still going at the next fire time
 * makes that fire a logged skip, not a second concurrent run.
 */
@ApplicationScoped
public class LocalScheduler {
    private static final Logger LOG = Logger.getLogger(LocalScheduler.class);

    private final Scheduler scheduler;

    LocalScheduler(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Registers the jobs; returns each schedule id with the next instant the scheduler will fire it. */
    public Map<String, Instant> schedule(List<ScheduledInvocation> invocations, ScheduledInvoker invoker) {
        Map<String, Instant> next = new LinkedHashMap<>();
        for (ScheduledInvocation inv : invocations) {
            Trigger trigger = scheduler.newJob(inv.run().id())
                    .setCron(inv.run().cron().quartzExpression())
                    .setTimeZone("UTC")
                    .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                    .setTask(execution -> invoker.run(inv, execution.getScheduledFireTime()))
                    .schedule();
            next.put(inv.run().id(), trigger.getNextFireTime());
        }
        return next;
    }

    void skipped(@Observes SkippedExecution skipped) {
        LOG.warnf("schedule %s: skipped the run due at %s, the previous one is still running (%s)", skipped.triggerId,
                skipped.fireTime, skipped.getDetail());
    }
}
