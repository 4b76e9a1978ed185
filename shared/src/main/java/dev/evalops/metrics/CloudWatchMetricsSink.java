package dev.evalops.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.evalops.core.BadInputException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/**
 * PutMetricData into one namespace, every datum tagged with {@code Env}. Batches stay within the API's
 * limits (1000 datums and 30 dimensions per datum; our datums are small, far under the 1 MB payload cap).
 */
public final class CloudWatchMetricsSink implements MetricsSink {
    static final int MAX_DATUMS_PER_CALL = 1000;
    static final int MAX_DIMENSIONS = 30;

    private final CloudWatchClient cloudWatch;
    private final String namespace;
    private final String env;

    public CloudWatchMetricsSink(CloudWatchClient cloudWatch, String namespace, String env) {
        this.cloudWatch = cloudWatch;
        this.namespace = namespace;
        this.env = env;
    }

    @Override
    public void publish(List<dev.evalops.metrics.MetricDatum> data) {
        List<MetricDatum> batch = new ArrayList<>();
        for (dev.evalops.metrics.MetricDatum d : data) {
            batch.add(toCloudWatch(d));
            if (batch.size() == MAX_DATUMS_PER_CALL) {
                send(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            send(batch);
        }
    }

    private void send(List<MetricDatum> batch) {
        try {
            cloudWatch.putMetricData(b -> b.namespace(namespace).metricData(batch));
        } catch (SdkException e) {
            throw new IllegalStateException("CloudWatch PutMetricData to namespace " + namespace + " failed for "
                    + batch.size() + " datums: " + e.getMessage(), e);
        }
    }

    private MetricDatum toCloudWatch(dev.evalops.metrics.MetricDatum d) {
        if (!Double.isFinite(d.value())) {
            throw new BadInputException("metric " + d.name() + " has a non-finite value " + d.value() + " (CloudWatch rejects it)");
        }
        if (d.dimensions().size() + 1 > MAX_DIMENSIONS) {
            throw new BadInputException("metric " + d.name() + " has more than " + MAX_DIMENSIONS + " dimensions");
        }
        List<Dimension> dims = new ArrayList<>();
        dims.add(Dimension.builder().name(MetricNames.DIM_ENV).value(env).build());
        for (Map.Entry<String, String> e : d.dimensions().entrySet()) {
            dims.add(Dimension.builder().name(e.getKey()).value(e.getValue()).build());
        }
        return MetricDatum.builder()
                .metricName(d.name())
                .value(d.value())
                .unit(StandardUnit.fromValue(d.unit()))
                .timestamp(d.timestamp())
                .dimensions(dims)
                .build();
    }
}
