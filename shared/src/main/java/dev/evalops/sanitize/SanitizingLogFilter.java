package dev.evalops.sanitize;

import java.util.logging.Filter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;

import io.quarkus.logging.LoggingFilter;

/**
 * Sanitizes every log record before a handler formats it: the formatted message (parameters applied) is cleaned and
 * stored as the record's message without parameters, and the thrown exception is replaced by a
 * {@link SanitizedThrowable} (same class name and stack trace; messages of it, its causes and suppressed cleaned).
 * <p>
 * Enabled for every function by the shared {@code META-INF/microprofile-config.properties}
 * ({@code quarkus.log.console.filter} and {@code quarkus.log.file.filter} = {@value #NAME}). Placeholders use
 * {@link Sanitizer#forProcess()}: stable across the log lines of one process, unrelated to any run's artifacts.
 * Never rejects a record.
 */
@LoggingFilter(name = SanitizingLogFilter.NAME)
public final class SanitizingLogFilter implements Filter {
    public static final String NAME = "evalops-sanitizer";

    /** java.util.logging's own message formatting (MessageFormat parameters, resource bundles) for plain records. */
    private static final Formatter MESSAGE = new Formatter() {
        @Override
        public String format(LogRecord record) {
            return formatMessage(record);
        }
    };

    @Override
    public boolean isLoggable(LogRecord record) {
        sanitize(record, Sanitizer.forProcess());
        return true;
    }

    static void sanitize(LogRecord record, Sanitizer sanitizer) {
        if (record instanceof ExtLogRecord ext) {
            ext.setMessage(sanitizer.clean(ext.getFormattedMessage()), ExtLogRecord.FormatStyle.NO_FORMAT);
        } else {
            String clean = sanitizer.clean(MESSAGE.formatMessage(record));
            record.setResourceBundle(null);
            record.setResourceBundleName(null);
            record.setMessage(clean);
        }
        record.setParameters(null);
        Throwable thrown = record.getThrown();
        if (thrown != null && !(thrown instanceof SanitizedThrowable)) {
            record.setThrown(SanitizedThrowable.of(thrown, sanitizer));
        }
    }
}
