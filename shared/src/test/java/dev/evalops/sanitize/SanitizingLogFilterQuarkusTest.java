package dev.evalops.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;

import org.jboss.logging.Logger;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.handlers.ConsoleHandler;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The filter in a running Quarkus application, configured only by shared's microprofile-config.properties: the
 * console handler (what Lambda ships to CloudWatch) carries it, and a file handler writes no raw value, neither in
 * messages nor in exceptions. Function modules' own tests exercise it again through their handlers.
 */
@QuarkusTest
@TestProfile(SanitizingLogFilterQuarkusTest.FileLog.class)
class SanitizingLogFilterQuarkusTest {
    static final Path LOG = Path.of("target", "sanitizer-quarkus-test.log");
    static final String EMAIL = "maria.garcia@example.com";
    static final String CARD = "5500-0000-0000-0004";
    static final String IBAN = "DE89 3704 0044 0532 0130 00";

    /** Turns the file handler on, so the test can read what a handler really wrote. */
    public static class FileLog implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.file.enabled", "true", "quarkus.log.file.path", LOG.toString());
        }
    }

    @Inject
    LogProbeHandler probe;

    @Test
    void theConsoleHandlerSanitizes() {
        List<ConsoleHandler> consoles = new ArrayList<>();
        collect(java.util.logging.Logger.getLogger("").getHandlers(), consoles);
        assertThat(consoles).isNotEmpty();
        for (ConsoleHandler console : consoles) {
            ExtLogRecord r = new ExtLogRecord(Level.INFO, "refund to %s", ExtLogRecord.FormatStyle.PRINTF, getClass().getName());
            r.setParameters(new Object[] { IBAN });
            console.isLoggable(r);
            assertThat(r.getFormattedMessage()).isEqualTo("refund to " + Sanitizer.forProcess().clean(IBAN));
        }
    }

    @Test
    void logLinesAndExceptionsReachTheFileSanitized() throws IOException {
        Logger log = Logger.getLogger(SanitizingLogFilterQuarkusTest.class);
        String marker = "marker-" + System.nanoTime();
        log.errorf(new IllegalArgumentException("bad row: " + CARD, new IOException("owner " + EMAIL)),
                "%s ticket g-000123 from %s, pay %s", marker, EMAIL, IBAN);

        String written = Files.readString(LOG);
        assertThat(written).contains(marker + " ticket g-000123 from [EMAIL#", ", pay [IBAN#",
                "java.lang.IllegalArgumentException: bad row: [CREDIT_CARD#", "Caused by: java.io.IOException: owner [EMAIL#",
                "at dev.evalops.sanitize.SanitizingLogFilterQuarkusTest.logLinesAndExceptionsReachTheFileSanitized");
        assertThat(written).doesNotContain(EMAIL, CARD, IBAN);
    }

    @Test
    void aHandlerLoggingItsRawEventLeaksNothing() throws IOException {
        String phone = "+1 (415) 555-2671";
        String text = "I am Ana, call " + phone + " or mail " + EMAIL + " about order A1234";
        assertThat(probe.handleRequest(text, null)).isEqualTo("ok");

        String written = Files.readString(LOG);
        assertThat(written).contains("probe got ticket text: I am Ana, call [PHONE#", "about order A1234",
                "java.lang.IllegalArgumentException: cannot route: I am Ana, call [PHONE#");
        assertThat(written).doesNotContain(phone, EMAIL);
    }

    private static void collect(Handler[] handlers, List<ConsoleHandler> out) {
        for (Handler h : handlers) {
            if (h instanceof ConsoleHandler c) {
                out.add(c);
            }
            if (h instanceof ExtHandler ext) {
                collect(ext.getHandlers(), out);
            }
        }
    }
}
