package dev.evalops.router;

import java.util.List;

/** The system under evaluation, over HTTP (or replayed from recorded predictions). */
public interface RouterClient extends AutoCloseable {

    RouterOutcome route(RouterRequest request);

    /**
     * Routes many tickets with bounded concurrency; the result list is in request order and has exactly
     * one outcome per request.
     */
    List<RouterOutcome> routeAll(List<RouterRequest> requests);

    /** Releases connections; a client is used for one run. */
    @Override
    default void close() {
    }
}
