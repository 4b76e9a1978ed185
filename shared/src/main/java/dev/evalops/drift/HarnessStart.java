package dev.evalops.drift;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * How the golden-set harness was started, for the decision log and the response.
 *
 * @param mode        {@code lambda-async} or {@code inline}
 * @param target      the function invoked, or the golden version run inline
 * @param requestId   Lambda's request id of the asynchronous invoke (find the run by it in the function's logs)
 * @param goldenRunId the run, when it ran inline (an async run's id is known only to the golden function)
 * @param verdict     the inline run's verdict
 * @param error       why it could not be started; null when {@code started}
 */
@RegisterForReflection
public record HarnessStart(boolean started, String mode, String target, String reason, Instant requestedAt, String requestId,
        String goldenRunId, String verdict, String location, String error) {

    public static HarnessStart failed(String target, String reason, Instant at, String error) {
        return new HarnessStart(false, null, target, reason, at, null, null, null, null, error);
    }
}
