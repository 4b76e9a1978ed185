package dev.evalops.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.evalops.core.Json;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Finds raw PII that got out: given the raw values a test fed in, scans what the code under test left behind
 * (every object of an S3 bucket, every file under a folder, captured log text) and reports each occurrence.
 * <p>
 * Usage, e.g. in a function's {@code @QuarkusTest} after invoking the handler with a PII-laden payload:
 *
 * <pre>{@code
 * PiiScan.of("jane.doe@example.com", "4111 1111 1111 1111", "+44 20 7946 0958")
 *         .bucket(EmulatorTestResource.bucket())   // every object, via AwsEmulator.get().s3(); .gz read decompressed
 *         .folder(tempDir)                          // every regular file below it (recursively; .gz too)
 *         .file(Path.of("target/quarkus.log"))     // one file, e.g. the log (see below)
 *         .text("captured stdout", capturedText)    // any text
 *         .assertNoLeaks();                         // AssertionError listing every hit; also fails if nothing was scanned
 * }</pre>
 *
 * {@link #hits()} returns the findings (source, line, char offset, value, form) for custom assertions;
 * {@link #sources()} lists what was scanned, so a test can also assert it looked at the objects it expected.
 * <p>
 * Each value is looked for as written, ignoring case, without separators (spaces, dashes, dots, parentheses: a card
 * "4111 1111 1111 1111" leaked as "4111111111111111" counts) and JSON-escaped. Values shorter than 4 characters
 * are refused: they would match anywhere. Offsets are character offsets in the UTF-8 decoded (and gunzipped) text.
 * <p>
 * Capturing a Quarkus app's log lines: the shared config puts the sanitizing filter on the console and file
 * handlers, so enable the file handler in the test (a {@code QuarkusTestProfile} returning
 * {@code quarkus.log.file.enabled=true} and {@code quarkus.log.file.path=target/<test>.log}) and {@link #file} it;
 * a handler a test adds itself is not filtered and would not show what production writes.
 */
public final class PiiScan {

    /** One raw value found: {@code source} is {@code s3://bucket/key}, a file path, or the name given to {@link #text}. */
    public record Hit(String source, int line, long offset, String value, String form) {
        @Override
        public String toString() {
            return source + " line " + line + " offset " + offset + ": \"" + value + "\" (" + form + ")";
        }
    }

    private record Needle(String value, String form, String lowerCaseText) {
    }

    private final List<Needle> needles = new ArrayList<>();
    private final List<Hit> hits = new ArrayList<>();
    private final Set<String> sources = new LinkedHashSet<>();

    private PiiScan(Collection<String> rawValues) {
        for (String v : new LinkedHashSet<>(rawValues)) {
            if (v == null || v.strip().length() < 4) {
                throw new IllegalArgumentException("PII values to scan for need at least 4 characters, got: " + v);
            }
            Map<String, String> forms = new LinkedHashMap<>();
            forms.put(v.toLowerCase(Locale.ROOT), "as written");
            String compact = v.replaceAll("[\\s\\-.()/]", "");
            if (compact.length() >= 6) {
                forms.putIfAbsent(compact.toLowerCase(Locale.ROOT), "without separators");
            }
            forms.putIfAbsent(jsonEscaped(v).toLowerCase(Locale.ROOT), "JSON-escaped");
            forms.forEach((text, form) -> needles.add(new Needle(v, form, text)));
        }
    }

    public static PiiScan of(Collection<String> rawValues) {
        return new PiiScan(rawValues);
    }

    public static PiiScan of(String... rawValues) {
        return new PiiScan(List.of(rawValues));
    }

    /** Every object of {@code bucket} on the shared emulator ({@link AwsEmulator#get()}). */
    public PiiScan bucket(String bucket) {
        return bucket(AwsEmulator.get().s3(), bucket, "");
    }

    /** Every object of {@code bucket} whose key starts with {@code prefix}. */
    public PiiScan bucket(S3Client s3, String bucket, String prefix) {
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
            byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(o.key())).asByteArray();
            text("s3://" + bucket + "/" + o.key(), decode(bytes, o.key()));
        }
        return this;
    }

    /** Every regular file under {@code root}. */
    public PiiScan folder(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).sorted().forEach(this::file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        return this;
    }

    public PiiScan file(Path file) {
        try {
            return text(file.toString(), decode(Files.readAllBytes(file), file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Any text, e.g. captured log output; {@code source} names it in the report. */
    public PiiScan text(String source, CharSequence text) {
        sources.add(source);
        String lower = text.toString().toLowerCase(Locale.ROOT);
        Set<String> seen = new LinkedHashSet<>();
        for (Needle n : needles) {
            for (int at = lower.indexOf(n.lowerCaseText()); at >= 0; at = lower.indexOf(n.lowerCaseText(), at + 1)) {
                boolean exact = text.toString().startsWith(n.value(), at);
                if (seen.add(n.value() + "@" + at)) {
                    hits.add(new Hit(source, line(lower, at), at, n.value(), exact ? "exact" : n.form().equals("as written") ? "ignoring case" : n.form()));
                }
            }
        }
        return this;
    }

    /** Every occurrence found so far, by source and offset. */
    public List<Hit> hits() {
        return hits.stream().sorted(Comparator.comparing(Hit::source).thenComparingLong(Hit::offset)).toList();
    }

    /** Everything scanned so far ({@code s3://...} keys, file paths, text names), in scan order. */
    public List<String> sources() {
        return List.copyOf(sources);
    }

    /** Fails listing every hit; also fails when nothing was scanned, so an empty bucket cannot pass by accident. */
    public PiiScan assertNoLeaks() {
        if (sources.isEmpty()) {
            throw new AssertionError("PiiScan scanned nothing: no object, file or text was given");
        }
        if (!hits.isEmpty()) {
            StringBuilder msg = new StringBuilder(hits.size() + " raw PII occurrence(s) in " + sources.size() + " scanned source(s):");
            hits().forEach(h -> msg.append("\n  ").append(h));
            throw new AssertionError(msg.toString());
        }
        return this;
    }

    private static String decode(byte[] bytes, String name) {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot gunzip " + name, e);
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String jsonEscaped(String v) {
        try {
            String quoted = Json.mapper().writeValueAsString(v);
            return quoted.substring(1, quoted.length() - 1);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int line(String text, int offset) {
        int line = 1;
        for (int i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
            line++;
        }
        return line;
    }
}
