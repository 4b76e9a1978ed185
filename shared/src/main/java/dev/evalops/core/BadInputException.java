package dev.evalops.core;

import dev.evalops.sanitize.Sanitizer;

/**
 * Input that EvalOps cannot use: an unknown trigger, a missing object, a malformed file. The message
 * always names the resource (file, line, field) so the on-call engineer can fix it without a debugger.
 * <p>
 * The message is sanitized here: messages quote what they got, and they leave the process unfiltered as the
 * invocation error's {@code errorMessage} (and the launcher's output), not only through the log filter.
 */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(Sanitizer.forProcess().clean(message));
    }

    public BadInputException(String message, Throwable cause) {
        super(Sanitizer.forProcess().clean(message), cause);
    }
}
