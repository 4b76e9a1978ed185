package dev.evalops.sanitize;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Replaces PII and secrets with typed, stable placeholders such as {@code [EMAIL#3f2a]}: e-mails, phones, cards,
 * IBANs, SSNs, IP addresses, AWS keys, JWTs, bearer tokens, keyword-adjacent secrets, street addresses and person
 * names where a cheap reliable signal exists. What is recognized, and how, is {@link Recognizers#TABLE} (README
 * "Sanitizer" shows it).
 * <p>
 * The placeholder is a keyed hash (HMAC-SHA256 of the type and the value's canonical form, first 16 bits), so one
 * value maps to one placeholder for one key, and nothing can be reversed or joined across keys. Keys:
 * {@link #forRun()} for a run's artifacts, {@link #forProcess()} for log lines, {@link #withKey(byte[])} where
 * placeholders must be reproducible. Thread-safe.
 */
public final class Sanitizer {
    private static final String HMAC = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    /** Creating a Matcher costs more than most scans: each thread keeps one per row and resets it to the next text. */
    private static final ThreadLocal<Matcher[]> MATCHERS = ThreadLocal.withInitial(
            () -> Recognizers.TABLE.stream().map(Recognizer::newMatcher).toArray(Matcher[]::new));
    /** A thread's matchers may keep its last text alive; only small ones. */
    private static final int RETAINED_TEXT_LIMIT = 4096;

    private final Mac prototype;
    /** Mac is not thread-safe; a keyed copy per thread, reused (doFinal resets it to the keyed state). */
    private final ThreadLocal<Mac> macs;

    private Sanitizer(byte[] key) {
        try {
            prototype = Mac.getInstance(HMAC);
            prototype.init(new SecretKeySpec(key.clone(), HMAC));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(HMAC + " unavailable", e);
        }
        macs = ThreadLocal.withInitial(this::copyOfPrototype);
    }

    /** A sanitizer with a fresh random secret: placeholders are stable within this instance only. */
    public static Sanitizer forRun() {
        return new Sanitizer(randomKey());
    }

    /** A sanitizer keyed by a configured secret (tests, or runs that must share placeholders). */
    public static Sanitizer withKey(byte[] key) {
        return new Sanitizer(key);
    }

    /**
     * The process-wide sanitizer for log lines: one random key per JVM (per Lambda execution environment), so the
     * same customer is recognizable across the log lines of one process but never matches a run's artifacts.
     */
    public static Sanitizer forProcess() {
        return ProcessKey.SANITIZER;
    }

    private static final class ProcessKey {
        static final Sanitizer SANITIZER = forRun();
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** {@code text} with every finding replaced by its placeholder; the same instance when nothing was found. */
    public String clean(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        List<Finding> found = findings(text);
        if (found.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8 * found.size());
        int pos = 0;
        for (Finding f : found) {
            out.append(text, pos, f.start()).append(placeholder(f.type(), text.substring(f.start(), f.end())));
            pos = f.end();
        }
        return out.append(text, pos, text.length()).toString();
    }

    /** Deep copy of a JSON tree with every string value (not field names) cleaned. */
    public JsonNode clean(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            String text = node.textValue();
            String clean = clean(text);
            return clean == text ? node : TextNode.valueOf(clean);
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            node.properties().forEach(e -> copy.set(e.getKey(), clean(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode();
            node.forEach(child -> copy.add(clean(child)));
            return copy;
        }
        return node;
    }

    /** What {@link #clean(String)} replaces, in text order, without overlaps. */
    public static List<Finding> findings(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Text t = new Text(text, Recognizers.KEYWORDS);
        Findings found = new Findings();
        Matcher[] matchers = MATCHERS.get();
        for (int i = 0; i < matchers.length; i++) {
            Recognizers.TABLE.get(i).scan(t, found, matchers[i]);
        }
        if (text.length() > RETAINED_TEXT_LIMIT) {
            for (Matcher m : matchers) {
                m.reset("");
            }
        }
        return found.isEmpty() ? List.of() : found.list();
    }

    String placeholder(PiiType type, String value) {
        Mac mac = macs.get();
        mac.update(type.name().getBytes(StandardCharsets.UTF_8));
        byte[] digest = mac.doFinal(type.canonical(value).getBytes(StandardCharsets.UTF_8));
        return "[" + type.name() + "#" + HEX.formatHex(digest, 0, 2) + "]";
    }

    /** Cloning the keyed Mac is cheaper than keying a new one. */
    private Mac copyOfPrototype() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(HMAC + " provider cannot clone", e);
        }
    }
}
