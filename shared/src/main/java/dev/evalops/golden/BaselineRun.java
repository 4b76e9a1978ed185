package dev.evalops.golden;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A completed golden run as a later run compares with it: its {@code metrics.json} and its
 * {@code predictions.jsonl} rows (null when the run has none to pair with).
 */
public record BaselineRun(String runId, JsonNode metrics, List<PredictionRecord> predictions) {
}
