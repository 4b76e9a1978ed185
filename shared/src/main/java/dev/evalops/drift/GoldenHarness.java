package dev.evalops.drift;

/**
 * Starts a golden-set run with a reason (the alarm). In AWS: an asynchronous invoke of the golden-set-eval
 * function, so each function stays inside its own timeout; locally: inline.
 *
 * @see LambdaGoldenHarness
 */
public interface GoldenHarness {
    /** @throws IllegalStateException when the run could not be started (the message says why) */
    HarnessStart start(String goldenVersion, String reason);
}
