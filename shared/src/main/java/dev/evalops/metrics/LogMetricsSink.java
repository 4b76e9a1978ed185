package dev.evalops.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.evalops.core.Json;

/**
 * The local variant: the same datapoints CloudWatch would get (Env dimension included), one JSON line
 * each on the {@code evalops.metrics} logger.
 */
public final class LogMetricsSink implements MetricsSink {
    private static final Logger LOG = Logger.getLogger("evalops.metrics");

    private final String namespace;
    private final String env;

    public LogMetricsSink(String namespace, String env) {
        this.namespace = namespace;
        this.env = env;
    }

    @Override
    public void publish(List<MetricDatum> data) {
        for (MetricDatum d : data) {
            LOG.info(render(d));
        }
    }

    String render(MetricDatum d) {
        Map<String, String> dims = new TreeMap<>(d.dimensions());
        dims.put(MetricNames.DIM_ENV, env);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("namespace", namespace);
        line.put("metric", d.name());
        line.put("value", d.value());
        line.put("unit", d.unit());
        line.put("dimensions", dims);
        line.put("timestamp", d.timestamp().toString());
        try {
            return Json.mapper().writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
