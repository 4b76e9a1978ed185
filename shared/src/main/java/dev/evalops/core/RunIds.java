package dev.evalops.core;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Run ids sort by time and say what ran: {@code golden-20261122-0200-7f3a}. */
public final class RunIds {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunIds() {
    }

    public static String newRunId(String kind, Instant at) {
        byte[] suffix = new byte[2];
        RANDOM.nextBytes(suffix);
        return kind + "-" + STAMP.format(at) + "-" + HexFormat.of().formatHex(suffix);
    }
}
