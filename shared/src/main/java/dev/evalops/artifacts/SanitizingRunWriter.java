package dev.evalops.artifacts;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.evalops.core.Json;
import dev.evalops.sanitize.Sanitizer;

/**
 * The serialization half of every {@link RunWriter}: turns values into sanitized bytes, hashes them and
 * keeps the manifest; subclasses only move bytes.
 */
abstract class SanitizingRunWriter implements RunWriter {
    private static final Pattern ARTIFACT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}(/[A-Za-z0-9][A-Za-z0-9._-]{0,127})?");
    private static final ObjectMapper PRETTY = Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

    private final RunRef run;
    private final Sanitizer sanitizer;
    private final Clock clock;
    private final Map<String, Manifest.Entry> written = new LinkedHashMap<>();
    /** Every name a put was started for: a put that failed halfway (e.g. a timeout) may still have landed. */
    private final Set<String> attempted = new LinkedHashSet<>();
    private boolean manifestAttempted;
    private boolean committed;
    private boolean closed;

    SanitizingRunWriter(RunRef run, Sanitizer sanitizer, Clock clock) {
        this.run = run;
        this.sanitizer = sanitizer;
        this.clock = clock;
    }

    /** Stores one artifact's bytes (overwriting an earlier write of the same name in this run). */
    protected abstract void put(String name, byte[] bytes, String contentType);

    /** Removes one artifact written by this run (abort path). */
    protected abstract void remove(String name);

    /** Stores the manifest: the commit point. */
    protected abstract void putManifest(byte[] bytes);

    @Override
    public RunRef run() {
        return run;
    }

    @Override
    public Sanitizer sanitizer() {
        return sanitizer;
    }

    @Override
    public void writeJson(String name, Object value) {
        JsonNode tree = sanitizer.clean(Json.mapper().valueToTree(value));
        store(name, bytes(PRETTY, tree), "application/json");
    }

    @Override
    public void writeJsonLines(String name, Iterable<?> rows) {
        StringBuilder out = new StringBuilder();
        ObjectMapper mapper = Json.mapper();
        for (Object row : rows) {
            JsonNode tree = sanitizer.clean(mapper.valueToTree(row));
            out.append(new String(bytes(mapper, tree), StandardCharsets.UTF_8)).append('\n');
        }
        store(name, out.toString().getBytes(StandardCharsets.UTF_8), "application/x-ndjson");
    }

    @Override
    public void writeCsv(String name, List<String> header, Iterable<? extends List<?>> rows) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).setRecordSeparator('\n').get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (List<?> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException(name + ": row has " + row.size() + " cells, header has " + header.size());
                }
                List<Object> cells = new ArrayList<>(row.size());
                for (Object cell : row) {
                    // Only numbers and booleans pass as they are: anything else prints as text, so it is cleaned as text.
                    cells.add(cell == null || cell instanceof Number || cell instanceof Boolean ? cell : sanitizer.clean(cell.toString()));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store(name, out.toString().getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    @Override
    public void writeMarkdown(String name, String markdown) {
        store(name, sanitizer.clean(markdown).getBytes(StandardCharsets.UTF_8), "text/markdown");
    }

    @Override
    public Manifest commit() {
        requireOpen();
        Manifest manifest = new Manifest(run.runId(), run.kind(), run.date().toString(), clock.instant(), location(),
                List.copyOf(written.values()));
        byte[] bytes = bytes(PRETTY, Json.mapper().valueToTree(manifest));
        manifestAttempted = true;
        putManifest(bytes);
        committed = true;
        return manifest;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!committed) {
            // The manifest goes first: a manifest must never outlive the artifacts it lists.
            List<String> names = new ArrayList<>();
            if (manifestAttempted) {
                names.add(Manifest.FILE_NAME);
            }
            names.addAll(attempted);
            RuntimeException first = null;
            for (String name : names) {
                try {
                    remove(name);
                } catch (RuntimeException e) {
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
            if (first != null) {
                throw new IllegalStateException("run " + run.runId() + " aborted, but some artifacts could not be removed", first);
            }
        }
    }

    private void store(String name, byte[] bytes, String contentType) {
        requireOpen();
        if (!ARTIFACT_NAME.matcher(name).matches() || name.equals(Manifest.FILE_NAME) || name.contains("..")) {
            throw new IllegalArgumentException("invalid artifact name: " + name);
        }
        attempted.add(name);
        put(name, bytes, contentType);
        written.put(name, new Manifest.Entry(name, bytes.length, sha256(bytes), contentType));
    }

    private void requireOpen() {
        if (committed || closed) {
            throw new IllegalStateException("run " + run.runId() + " is already " + (committed ? "committed" : "closed"));
        }
    }

    private static byte[] bytes(ObjectMapper mapper, JsonNode tree) {
        try {
            return mapper.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize artifact: " + e.getOriginalMessage(), e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
