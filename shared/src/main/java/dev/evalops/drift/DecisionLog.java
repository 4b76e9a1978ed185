package dev.evalops.drift;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import dev.evalops.artifacts.ArtifactStore;
import dev.evalops.core.Json;

/**
 * Writes {@code decision_log/<date>/<timestamp>-<action>-<id>.json}, write-once (an audit entry cannot be
 * replaced), sanitized by the store. Keys sort by time within a day.
 */
public final class DecisionLog {
    public static final String PREFIX = "decision_log/";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final ArtifactStore store;

    public DecisionLog(ArtifactStore store) {
        this.store = store;
    }

    /** A fresh entry id: short, random, unique enough within one millisecond of one action. */
    public static String newId() {
        byte[] b = new byte[4];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** @return the entry's key under the store root */
    public String write(DecisionEntry entry) {
        String key = key(entry);
        store.putDocument(key, Json.mapper().valueToTree(entry));
        return key;
    }

    /** Where a key lives, for links in the response: {@code s3://bucket/decision_log/...} or a local path. */
    public String location(String key) {
        return store.root() + "/" + key;
    }

    static String key(DecisionEntry entry) {
        return PREFIX + entry.at().atZone(ZoneOffset.UTC).toLocalDate() + "/" + STAMP.format(entry.at()) + "-" + entry.action()
                + "-" + entry.id() + ".json";
    }
}
