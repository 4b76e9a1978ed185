package dev.evalops.artifacts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import dev.evalops.core.Json;

/**
 * The audit trail: {@code decision_log/<date>/<yyyyMMdd'T'HHmmss.SSS'Z'>-<action>-<id>.json}, write-once (an entry
 * cannot be replaced), sanitized by the store. Keys sort by time within a day. Safe mode and the release gate
 * write here.
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

    /** @param action path-safe, e.g. {@code exit-safe-mode}, {@code gate-blocked} */
    public static String key(Instant at, String action, String id) {
        return PREFIX + at.atZone(ZoneOffset.UTC).toLocalDate() + "/" + STAMP.format(at) + "-" + action + "-" + id + ".json";
    }

    /** Writes {@code entry} (any Jackson-serializable value) and returns its key under the store root. */
    public String write(Instant at, String action, String id, Object entry) {
        String key = key(at, action, id);
        store.putDocument(key, Json.mapper().valueToTree(entry));
        return key;
    }

    /** Where a key lives, for links in responses: {@code s3://bucket/decision_log/...} or a local path. */
    public String location(String key) {
        return store.root() + "/" + key;
    }
}
