package dev.evalops.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

import dev.evalops.config.EvalOpsConfig;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/** {@code evalops.metrics.backend}: {@code cloudwatch} in AWS, {@code log} for local runs. */
@ApplicationScoped
public class MetricsProducer {

    @Produces
    @ApplicationScoped
    MetricsSink metricsSink(EvalOpsConfig config, Instance<CloudWatchClient> cloudWatch) {
        String ns = config.metrics().namespace();
        return switch (config.metrics().backend()) {
            case "cloudwatch" -> new CloudWatchMetricsSink(cloudWatch.get(), ns, config.env());
            case "log" -> new LogMetricsSink(ns, config.env());
            default -> throw new IllegalStateException("evalops.metrics.backend must be cloudwatch or log, got: " + config.metrics().backend());
        };
    }
}
