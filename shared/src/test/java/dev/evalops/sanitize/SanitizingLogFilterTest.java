package dev.evalops.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.junit.jupiter.api.Test;

/** The filter on records as JBoss LogManager (Quarkus) and plain java.util.logging build them. */
class SanitizingLogFilterTest {
    static final String EMAIL = "jane.doe@example.com";
    static final String CARD = "4111 1111 1111 1111";
    static final String PHONE = "+44 20 7946 0958";
    final SanitizingLogFilter filter = new SanitizingLogFilter();

    @Test
    void printfParametersAreAppliedThenCleaned() {
        ExtLogRecord r = new ExtLogRecord(Level.INFO, "ticket %s from %s: %s", ExtLogRecord.FormatStyle.PRINTF, getClass().getName());
        r.setParameters(new Object[] { "g-000123", EMAIL, "charge " + CARD + " twice" });
        assertThat(filter.isLoggable(r)).isTrue();
        assertThat(r.getFormattedMessage())
                .isEqualTo("ticket g-000123 from " + placeholder(EMAIL) + ": charge " + placeholder(CARD) + " twice");
        assertThat(r.getParameters()).isNull();
        assertThat(r.getFormatStyle()).isEqualTo(ExtLogRecord.FormatStyle.NO_FORMAT);
    }

    @Test
    void messageFormatAndPlainJulRecordsToo() {
        ExtLogRecord ext = new ExtLogRecord(Level.WARNING, "call {0} about {1}", ExtLogRecord.FormatStyle.MESSAGE_FORMAT, "x");
        ext.setParameters(new Object[] { PHONE, "order A1234" });
        filter.isLoggable(ext);
        assertThat(ext.getFormattedMessage()).isEqualTo("call " + placeholder(PHONE) + " about order A1234");

        LogRecord jul = new LogRecord(Level.INFO, "mail {0}");
        jul.setParameters(new Object[] { EMAIL });
        filter.isLoggable(jul);
        assertThat(jul.getMessage()).isEqualTo("mail " + placeholder(EMAIL));
        assertThat(jul.getParameters()).isNull();
    }

    @Test
    void exceptionMessagesCausesAndSuppressedAreCleanedStackTracesKept() {
        IllegalStateException cause = new IllegalStateException("card " + CARD + " declined");
        IOException top = new IOException("no account for " + EMAIL, cause);
        top.addSuppressed(new IllegalArgumentException("phone " + PHONE));
        ExtLogRecord r = new ExtLogRecord(Level.SEVERE, "run failed", ExtLogRecord.FormatStyle.NO_FORMAT, "x");
        r.setThrown(top);

        filter.isLoggable(r);

        Throwable t = r.getThrown();
        assertThat(t).isInstanceOf(SanitizedThrowable.class).hasToString("java.io.IOException: no account for " + placeholder(EMAIL));
        assertThat(t.getStackTrace()).isEqualTo(top.getStackTrace());
        assertThat(t.getCause()).hasToString("java.lang.IllegalStateException: card " + placeholder(CARD) + " declined");
        assertThat(t.getCause().getStackTrace()).isEqualTo(cause.getStackTrace());
        assertThat(t.getSuppressed()).singleElement().hasToString("java.lang.IllegalArgumentException: phone " + placeholder(PHONE));

        String printed = new PatternFormatter("%p %s%e%n").format(r);
        assertThat(printed).doesNotContain(EMAIL, CARD, PHONE, "jane.doe")
                .contains("java.io.IOException: no account for [EMAIL#", "Caused by: java.lang.IllegalStateException: card [CREDIT_CARD#",
                        "Suppressed: java.lang.IllegalArgumentException: phone [PHONE#",
                        "at dev.evalops.sanitize.SanitizingLogFilterTest.exceptionMessagesCausesAndSuppressedAreCleanedStackTracesKept");
    }

    @Test
    void filteringTwiceChangesNothingMore() {
        ExtLogRecord r = new ExtLogRecord(Level.INFO, "mail %s", ExtLogRecord.FormatStyle.PRINTF, "x");
        r.setParameters(new Object[] { EMAIL });
        r.setThrown(new RuntimeException(EMAIL));
        filter.isLoggable(r);
        String once = r.getFormattedMessage();
        Throwable thrown = r.getThrown();
        filter.isLoggable(r);
        assertThat(r.getFormattedMessage()).isEqualTo(once);
        assertThat(r.getThrown()).isSameAs(thrown);
    }

    @Test
    void cyclicCausesAndNullMessagesAreSafe() {
        RuntimeException a = new RuntimeException((String) null);
        RuntimeException b = new RuntimeException("b " + EMAIL);
        a.initCause(b);
        b.initCause(a);
        ExtLogRecord r = new ExtLogRecord(Level.SEVERE, null, ExtLogRecord.FormatStyle.NO_FORMAT, "x");
        r.setThrown(a);
        filter.isLoggable(r);
        assertThat(r.getThrown()).hasToString("java.lang.RuntimeException");
        assertThat(r.getThrown().getCause().getCause()).isSameAs(r.getThrown());
        assertThat(new PatternFormatter("%s%e").format(r)).doesNotContain(EMAIL).contains("CIRCULAR REFERENCE");
    }

    static String placeholder(String raw) {
        return Sanitizer.forProcess().clean(raw);
    }
}
