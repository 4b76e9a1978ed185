package dev.evalops.golden;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.evalops.artifacts.Inputs;
import dev.evalops.core.Json;

/**
 * Reads golden-shaped JSONL (a golden set, or any labeled batch in the same shape) row by row. A malformed row
 * becomes a {@link QuarantinedRow} naming its line and field; it never stops the read and never disappears.
 * Whether the result is good enough to run on is the caller's decision ({@link GoldenSet#requireUsable}).
 */
public final class GoldenSetReader {
    static final int MAX_ID_LENGTH = 128;
    private static final ObjectReader ROW = Json.mapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Inputs inputs;

    public GoldenSetReader(Inputs inputs) {
        this.inputs = inputs;
    }

    /** A golden set from {@code s3://...}, a local path or a key under the data root; {@code .gz} is gunzipped. */
    public GoldenSet read(String location) {
        String resolved = inputs.resolve(location);
        try (BufferedReader in = inputs.openText(resolved)) {
            return parse(in, resolved);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read golden set " + resolved + ": " + e.getMessage(), e);
        }
    }

    public Policy readPolicy(String location) {
        String resolved = inputs.resolve(location);
        return Policy.parse(inputs.readText(resolved), resolved);
    }

    /** Parses golden-shaped JSONL from any reader; {@code location} only names the source in messages. */
    public static GoldenSet parse(BufferedReader in, String location) throws IOException {
        List<GoldenExample> examples = new ArrayList<>();
        List<QuarantinedRow> quarantined = new ArrayList<>();
        Map<String, List<Integer>> linesById = new LinkedHashMap<>();
        int lineNo = 0;
        for (String line; (line = in.readLine()) != null;) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            Row row = parseRow(line, lineNo);
            if (row.problem != null) {
                quarantined.add(row.problem);
            } else {
                examples.add(row.example);
            }
            String id = row.example != null ? row.example.id() : row.problem.id();
            if (id != null) {
                linesById.computeIfAbsent(id, k -> new ArrayList<>(1)).add(lineNo);
            }
        }
        Map<String, List<Integer>> duplicates = new LinkedHashMap<>();
        linesById.forEach((id, lines) -> {
            if (lines.size() > 1) {
                duplicates.put(id, List.copyOf(lines));
            }
        });
        return new GoldenSet(location, examples, quarantined, duplicates);
    }

    private record Row(GoldenExample example, QuarantinedRow problem) {
    }

    private static Row parseRow(String line, int lineNo) {
        JsonNode node;
        try {
            node = ROW.readTree(line);
        } catch (JsonProcessingException e) {
            // Jackson's own message quotes the offending text, which may be a customer's words: only the column.
            return bad(lineNo, null, "(row)", "not valid JSON (column " + e.getLocation().getColumnNr() + ")");
        }
        if (node == null || !node.isObject()) {
            return bad(lineNo, null, "(row)", "expected a JSON object, got a JSON " + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
        }
        JsonNode idNode = node.get("id");
        String id = idNode != null && idNode.isTextual() && !idNode.asText().isBlank() && idNode.asText().length() <= MAX_ID_LENGTH
                ? idNode.asText() : null;
        if (id == null) {
            return bad(lineNo, null, "id", "expected a non-empty string of at most " + MAX_ID_LENGTH + " characters, got " + shape(idNode));
        }
        String[] values = new String[6];
        String[] fields = { "text", "channel", "intent", "team", "template" };
        for (int i = 0; i < fields.length; i++) {
            JsonNode v = node.get(fields[i]);
            if (v == null || !v.isTextual() || v.asText().isBlank()) {
                return bad(lineNo, id, fields[i], "expected a non-empty string, got " + shape(v));
            }
            values[i] = v.asText();
        }
        JsonNode tier = node.get("tier");
        if (tier == null || !tier.isInt() || tier.asInt() < 0 || tier.asInt() > 2) {
            return bad(lineNo, id, "tier", "expected 0, 1 or 2, got " + (tier != null && tier.isNumber() ? tier.asText() : shape(tier)));
        }
        return new Row(new GoldenExample(id, values[0], values[1], values[2], values[3], values[4], tier.asInt()), null);
    }

    private static Row bad(int line, String id, String field, String problem) {
        return new Row(null, new QuarantinedRow(line, id, field, problem));
    }

    /** What a field held, without its content (a text field may hold a customer's words). */
    private static String shape(JsonNode v) {
        if (v == null) {
            return "nothing (field missing)";
        }
        if (v.isTextual()) {
            return v.asText().isBlank() ? "an empty string" : "a string of " + v.asText().length() + " characters";
        }
        return "a JSON " + v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
}
