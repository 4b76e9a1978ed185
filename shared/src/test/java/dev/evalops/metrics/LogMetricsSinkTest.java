package dev.evalops.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class LogMetricsSinkTest {
    @Test
    void rendersTheDatapointCloudWatchWouldGetWithTheEnvDimension() {
        String line = new LogMetricsSink("EvalOps", "dev")
                .render(MetricDatum.count("SmokePassed", 1, Instant.parse("2026-11-22T02:00:00Z")).withDimension("Suite", "default"));
        assertThat(line).isEqualTo("{\"dimensions\":{\"Env\":\"dev\",\"Suite\":\"default\"},\"metric\":\"SmokePassed\",\"namespace\":\"EvalOps\","
                + "\"timestamp\":\"2026-11-22T02:00:00Z\",\"unit\":\"Count\",\"value\":1.0}");
    }
}
