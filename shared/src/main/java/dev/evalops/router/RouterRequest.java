package dev.evalops.router;

/** One ticket sent to the router under evaluation; {@code runId}/{@code kind} go in the request's {@code eval} block. */
public record RouterRequest(String ticketId, String text, String channel, String runId, String kind) {
}
