package dev.evalops.core;

/**
 * How a run ended, as the launcher's exit code and the handler result's {@code outcome} field.
 * A red smoke night or a failed gate is a normal result, not an invocation error: EventBridge would
 * retry a thrown error and re-run the whole job.
 */
public enum Outcome {
    /** Everything passed. */
    PASS(0),
    /** The job ran and its gates failed: smoke red, golden STOP/REGRESSION, rollup FAIL, exit refused. */
    GATES_FAILED(1),
    /** The trigger, the command line or an input was unusable; nothing was changed. */
    BAD_INPUT(2),
    /** Something inside EvalOps or AWS broke. */
    INTERNAL_ERROR(3);

    private final int exitCode;

    Outcome(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
