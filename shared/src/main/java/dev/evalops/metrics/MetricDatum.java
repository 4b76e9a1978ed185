package dev.evalops.metrics;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import dev.evalops.sanitize.Sanitizer;

/**
 * One CloudWatch datapoint before the {@code Env} dimension is added. {@code unit} uses CloudWatch's
 * unit names ({@code Count}, {@code Milliseconds}, {@code Percent}, {@code None}, ...). Dimension values come from
 * data (a provider, an intent, a fallback reason of a turn export) and are sanitized here, for every sink; placeholders
 * are keyed per process ({@link Sanitizer#forProcess()}), so one value keeps one dimension within a run.
 */
public record MetricDatum(String name, double value, String unit, Map<String, String> dimensions, Instant timestamp) {
    public MetricDatum {
        Map<String, String> clean = new HashMap<>();
        dimensions.forEach((k, v) -> clean.put(k, Sanitizer.forProcess().clean(v)));
        dimensions = Map.copyOf(clean);
    }

    public static MetricDatum count(String name, double value, Instant at) {
        return new MetricDatum(name, value, "Count", Map.of(), at);
    }

    public static MetricDatum of(String name, double value, String unit, Instant at) {
        return new MetricDatum(name, value, unit, Map.of(), at);
    }

    public MetricDatum withDimension(String key, String value) {
        HashMap<String, String> dims = new HashMap<>(dimensions);
        dims.put(key, value);
        return new MetricDatum(name, this.value, unit, dims, timestamp);
    }
}
