package dev.evalops.core;

/**
 * Input that EvalOps cannot use: an unknown trigger, a missing object, a malformed file. The message
 * always names the resource (file, line, field) so the on-call engineer can fix it without a debugger.
 */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
