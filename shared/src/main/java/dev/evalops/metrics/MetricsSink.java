package dev.evalops.metrics;

import java.util.List;

/** Where run metrics go: CloudWatch namespace {@code EvalOps} with an {@code Env} dimension, or the log. */
public interface MetricsSink {
    void publish(List<MetricDatum> data);
}
