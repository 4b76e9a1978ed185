package dev.evalops.metrics;

import java.time.Instant;
import java.util.Map;

/**
 * One CloudWatch datapoint before the {@code Env} dimension is added. {@code unit} uses CloudWatch's
 * unit names ({@code Count}, {@code Milliseconds}, {@code Percent}, {@code None}, ...).
 */
public record MetricDatum(String name, double value, String unit, Map<String, String> dimensions, Instant timestamp) {
    public MetricDatum {
        dimensions = Map.copyOf(dimensions);
    }

    public static MetricDatum count(String name, double value, Instant at) {
        return new MetricDatum(name, value, "Count", Map.of(), at);
    }

    public static MetricDatum of(String name, double value, String unit, Instant at) {
        return new MetricDatum(name, value, unit, Map.of(), at);
    }

    public MetricDatum withDimension(String key, String value) {
        java.util.HashMap<String, String> dims = new java.util.HashMap<>(dimensions);
        dims.put(key, value);
        return new MetricDatum(name, this.value, unit, dims, timestamp);
    }
}
