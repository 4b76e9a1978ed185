package dev.evalops.sanitize;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What a log handler prints instead of a logged exception: the original class name, sanitized message and the
 * original stack trace, with causes and suppressed exceptions replaced the same way. An exception's message cannot
 * be changed, and exception messages often quote input ("bad field text: 'card 4111 ...'").
 */
final class SanitizedThrowable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String originalClassName;

    private SanitizedThrowable(String originalClassName, String message) {
        super(message);
        this.originalClassName = originalClassName;
    }

    static SanitizedThrowable of(Throwable t, Sanitizer sanitizer) {
        return copy(t, sanitizer, new IdentityHashMap<>());
    }

    private static SanitizedThrowable copy(Throwable t, Sanitizer sanitizer, Map<Throwable, SanitizedThrowable> done) {
        SanitizedThrowable seen = done.get(t);
        if (seen != null) {
            return seen;
        }
        SanitizedThrowable copy = new SanitizedThrowable(t.getClass().getName(), sanitizer.clean(t.getLocalizedMessage()));
        done.put(t, copy);
        copy.setStackTrace(t.getStackTrace());
        if (t.getCause() != null && t.getCause() != t) {
            copy.initCause(copy(t.getCause(), sanitizer, done));
        }
        for (Throwable suppressed : t.getSuppressed()) {
            copy.addSuppressed(copy(suppressed, sanitizer, done));
        }
        return copy;
    }

    /** The stack trace is the original's (set in {@link #copy}); capturing this one's would be wasted work. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    /** Reads like the original in a stack trace: {@code java.io.IOException: [EMAIL#3f2a] not found}. */
    @Override
    public String toString() {
        String message = getLocalizedMessage();
        return message == null ? originalClassName : originalClassName + ": " + message;
    }
}
