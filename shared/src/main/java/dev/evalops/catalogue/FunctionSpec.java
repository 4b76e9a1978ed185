package dev.evalops.catalogue;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

import dev.evalops.schedule.ScheduledRun;

/**
 * One Lambda function as deployed: the module {@code functions/<name>} it is built from, its size and time
 * budget, its schedules and what it may touch.
 *
 * @param reservedConcurrency caps parallel runs where a run loads the router (and reserves them from the account pool)
 */
public record FunctionSpec(String name, String description, int memoryMb, Duration timeout, OptionalInt reservedConcurrency,
        List<ScheduledRun> schedules, Needs needs) {
    public FunctionSpec {
        schedules = List.copyOf(schedules);
        if (memoryMb < 128 || memoryMb > 10240) {
            throw new IllegalArgumentException(name + ": Lambda memory is 128-10240 MB, got " + memoryMb);
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(15)) > 0) {
            throw new IllegalArgumentException(name + ": Lambda timeout is at most 15 minutes, got " + timeout);
        }
    }

    /** {@code evalops-<env>-<name>}. */
    public String functionName(String env) {
        return "evalops-" + env + "-" + name;
    }
}
