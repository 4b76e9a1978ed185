package dev.evalops.router;

import java.util.List;

/** The system under evaluation, over HTTP (or replayed from recorded predictions). */
public interface RouterClient {

    RouterOutcome route(RouterRequest request);

    /**
     * Routes many tickets with bounded concurrency; the result list is in request order and has exactly
     * one outcome per request.
     */
    List<RouterOutcome> routeAll(List<RouterRequest> requests);
}
