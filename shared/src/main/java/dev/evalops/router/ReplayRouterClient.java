package dev.evalops.router;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.evalops.artifacts.Inputs;
import dev.evalops.core.Json;
import dev.evalops.router.RouterOutcome.FailureKind;

/**
 * Recorded predictions instead of live calls (CONTRACTS §1 "Replay mode"): one JSON object per line,
 * {@code {"id": "<golden id>", ...response fields...}}, read line by line through {@link Inputs} from
 * {@code s3://...} or a local path ({@code .gz} works too).
 * <ul>
 * <li>An id that is not in the recording answers {@code Failed(NOT_RECORDED)}.</li>
 * <li>A line that is not a JSON object, has no string {@code id}, has a field of the wrong type, or repeats an
 * id is skipped (the first occurrence of an id wins) and listed in {@link #problems()} with file and line;
 * it never stops the run.</li>
 * <li>Answers carry {@code attempts = 0} (nothing was called) and {@code wallMillis} = the recorded
 * {@code latency_ms} (0 when absent), so latency figures over a replay describe the recording.</li>
 * </ul>
 */
public final class ReplayRouterClient implements RouterClient {
    /** One line of the recording that was not used. */
    public record RecordingProblem(String location, long line, String reason) {
        @Override
        public String toString() {
            return location + ":" + line + ": " + reason;
        }
    }

    private record Recorded(RoutingDecision decision, JsonNode raw) {
    }

    private final String location;
    private final Map<String, Recorded> recorded;
    private final List<RecordingProblem> problems;

    private ReplayRouterClient(String location, Map<String, Recorded> recorded, List<RecordingProblem> problems) {
        this.location = location;
        this.recorded = recorded;
        this.problems = List.copyOf(problems);
    }

    /** Reads the whole recording now, so a missing file is a {@code BadInputException} before the run writes anything. */
    public static ReplayRouterClient load(Inputs inputs, String locationOrKey) {
        String location = inputs.resolve(locationOrKey);
        Map<String, Recorded> recorded = new HashMap<>();
        Map<String, Long> firstLine = new HashMap<>();
        List<RecordingProblem> problems = new ArrayList<>();
        try (BufferedReader in = inputs.openText(location)) {
            long lineNo = 0;
            for (String line; (line = in.readLine()) != null;) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String reason = parseLine(line, lineNo, recorded, firstLine);
                if (reason != null) {
                    problems.add(new RecordingProblem(location, lineNo, reason));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read recorded predictions " + location + ": " + e.getMessage(), e);
        }
        return new ReplayRouterClient(location, recorded, problems);
    }

    /** @return why the line was not used, or null when it was recorded */
    private static String parseLine(String line, long lineNo, Map<String, Recorded> recorded, Map<String, Long> firstLine) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            return "not JSON (error at " + JsonErrors.position(e) + ")";
        }
        if (!(node instanceof ObjectNode object)) {
            return "not a JSON object";
        }
        JsonNode id = object.get("id");
        if (id == null || !id.isTextual() || id.asText().isBlank()) {
            return "field id: missing or not a string";
        }
        ObjectNode response = object.deepCopy();
        response.remove("id");
        RoutingDecision decision;
        try {
            decision = Json.mapper().treeToValue(response, RoutingDecision.class);
        } catch (JsonProcessingException e) {
            return "field " + JsonErrors.field(e) + ": wrong type (id " + id.asText() + ")";
        }
        Long first = firstLine.putIfAbsent(id.asText(), lineNo);
        if (first != null) {
            return "duplicate id " + id.asText() + " (first recorded at line " + first + ", which is used)";
        }
        recorded.put(id.asText(), new Recorded(decision, response));
        return null;
    }

    public String location() {
        return location;
    }

    public int recordedCount() {
        return recorded.size();
    }

    /** Lines that were skipped, in file order. */
    public List<RecordingProblem> problems() {
        return problems;
    }

    @Override
    public RouterOutcome route(RouterRequest request) {
        Recorded r = recorded.get(request.ticketId());
        if (r == null) {
            return new RouterOutcome.Failed(request.ticketId(), FailureKind.NOT_RECORDED, "no prediction for this id in " + location, null, 0, 0);
        }
        long wall = r.decision().latencyMs() == null ? 0 : r.decision().latencyMs();
        // A copy: callers may annotate the raw answer.
        return new RouterOutcome.Answered(request.ticketId(), r.decision(), r.raw().deepCopy(), wall, 0);
    }

    @Override
    public List<RouterOutcome> routeAll(List<RouterRequest> requests) {
        return requests.stream().map(this::route).toList();
    }
}
