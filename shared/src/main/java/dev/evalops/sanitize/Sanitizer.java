package dev.evalops.sanitize;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Replaces PII and secrets with typed, run-stable placeholders such as {@code [EMAIL#3f2a]}.
 * The placeholder is a keyed hash (HMAC-SHA256 with a per-run secret), so the same value maps to the
 * same placeholder within one run and cannot be reversed or joined across runs.
 * <p>
 * FOUNDATION VERSION: recognizes e-mail addresses only; the full recognizer set is issue #7.
 */
public final class Sanitizer {
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    private final byte[] key;

    private Sanitizer(byte[] key) {
        this.key = key.clone();
    }

    /** A sanitizer with a fresh random secret: placeholders are stable within this instance only. */
    public static Sanitizer forRun() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new Sanitizer(key);
    }

    /** A sanitizer keyed by a configured secret (tests, or runs that must share placeholders). */
    public static Sanitizer withKey(byte[] key) {
        return new Sanitizer(key);
    }

    public String clean(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = EMAIL.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(placeholder("EMAIL", m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Deep copy of a JSON tree with every string value (not field names) cleaned. */
    public JsonNode clean(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return TextNode.valueOf(clean(node.textValue()));
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

    String placeholder(String type, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(type.getBytes(StandardCharsets.UTF_8));
            byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return "[" + type + "#" + HexFormat.of().formatHex(digest, 0, 2) + "]";
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
