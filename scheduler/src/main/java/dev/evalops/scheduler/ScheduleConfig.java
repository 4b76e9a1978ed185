package dev.evalops.scheduler;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** {@code evalops.schedule.*}: how {@code ./evalops schedule} starts each run. */
@ConfigMapping(prefix = "evalops.schedule")
public interface ScheduleConfig {
    /** The {@code evalops} script each run goes through; {@code ./evalops schedule} sets it to itself. */
    Optional<String> launcher();
}
