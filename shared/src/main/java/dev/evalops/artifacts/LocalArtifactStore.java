package dev.evalops.artifacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.core.Json;
import dev.evalops.sanitize.Sanitizer;

/**
 * The same layout as S3, in a folder: for local runs and for the "CloudWatch-only" setup where S3
 * export is off. A run is staged in a hidden folder and renamed into place after its manifest is
 * written, so a crashed run is never visible under its final name.
 */
public final class LocalArtifactStore implements ArtifactStore {
    private final Path root;
    private final Clock clock;

    public LocalArtifactStore(Path root, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.clock = clock;
    }

    @Override
    public String root() {
        return root.toString();
    }

    @Override
    public RunWriter begin(RunRef run) {
        Path target = root.resolve(run.prefix());
        if (Files.exists(target)) {
            throw new IllegalStateException("run already exists: " + target);
        }
        Path staging = target.resolveSibling("." + run.runId() + ".partial");
        // A process killed mid-run leaves its staging folder: never publish its stale files with this run.
        deleteTree(staging);
        try {
            Files.createDirectories(staging);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + staging, e);
        }
        return new SanitizingRunWriter(run, Sanitizer.forRun(), clock) {
            @Override
            protected void put(String name, byte[] bytes, String contentType) {
                write(staging.resolve(name), bytes);
            }

            @Override
            protected void remove(String name) {
                try {
                    Files.deleteIfExists(staging.resolve(name));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            protected void putManifest(byte[] bytes) {
                write(staging.resolve(Manifest.FILE_NAME), bytes);
                try {
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot publish run " + target, e);
                }
            }

            @Override
            public String location() {
                return target.toString();
            }

            @Override
            public void close() {
                try {
                    super.close();
                } finally {
                    deleteTree(staging);
                }
            }
        };
    }

    @Override
    public Optional<Manifest> manifest(RunRef run) {
        return read(root.resolve(run.prefix()).resolve(Manifest.FILE_NAME))
                .map(text -> parse(text, Manifest.class));
    }

    @Override
    public Optional<String> readArtifact(RunRef run, String name) {
        if (manifest(run).isEmpty()) {
            return Optional.empty();
        }
        return read(root.resolve(run.prefix()).resolve(name));
    }

    @Override
    public Pointer movePointer(RunRef run, String name, String movedBy) {
        if (manifest(run).isEmpty()) {
            throw new IllegalStateException("refusing to point " + name + " at incomplete run " + run.prefix() + " (no manifest)");
        }
        Pointer pointer = new Pointer(run.kind(), run.date().toString(), run.runId(), run.prefix(), clock.instant(), movedBy);
        Path file = pointerFile(run.kind(), name);
        Path tmp = file.resolveSibling("." + name + ".tmp");
        try {
            write(tmp, Json.mapper().writeValueAsBytes(pointer));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move pointer " + file, e);
        }
        return pointer;
    }

    @Override
    public Optional<Pointer> pointer(String kind, String name) {
        return read(pointerFile(kind, name)).map(text -> parse(text, Pointer.class));
    }

    @Override
    public List<RunRef> completedRuns(String kind, LocalDate from) {
        Path kindDir = root.resolve("eval_runs").resolve(kind);
        if (!Files.isDirectory(kindDir)) {
            return List.of();
        }
        List<RunRef> runs = new ArrayList<>();
        try (Stream<Path> dates = Files.list(kindDir)) {
            for (Path dateDir : dates.filter(Files::isDirectory).sorted().toList()) {
                LocalDate date;
                try {
                    date = LocalDate.parse(dateDir.getFileName().toString());
                } catch (RuntimeException notADate) {
                    continue;
                }
                if (date.isBefore(from)) {
                    continue;
                }
                try (Stream<Path> ids = Files.list(dateDir)) {
                    ids.filter(p -> Files.exists(p.resolve(Manifest.FILE_NAME)))
                            .map(p -> new RunRef(kind, date, p.getFileName().toString()))
                            .forEach(runs::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + kindDir, e);
        }
        runs.sort(Comparator.comparing(RunRef::date).thenComparing(RunRef::runId));
        return runs;
    }

    @Override
    public void putDocument(String key, JsonNode document) {
        Path file = resolveKey(key);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, Json.mapper().writeValueAsBytes(Sanitizer.forRun().clean(document)), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("document already exists and is write-once: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public List<String> listDocuments(String prefix) {
        Path base = root;
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        Path start = resolveKey(prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix);
        Path dir = Files.isDirectory(start) ? start : start.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(k -> k.startsWith(prefix))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    @Override
    public Optional<JsonNode> readDocument(String key) {
        return read(resolveKey(key)).map(text -> parse(text, JsonNode.class));
    }

    private Path pointerFile(String kind, String name) {
        RunRef.requireSafe("pointer name", name);
        RunRef.requireSafe("kind", kind);
        return root.resolve("eval_runs").resolve(kind).resolve(name + ".json");
    }

    private Path resolveKey(String key) {
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("key escapes the store root: " + key);
        }
        return file;
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static <T> T parse(String text, Class<T> type) {
        try {
            return Json.mapper().readValue(text, type);
        } catch (IOException e) {
            throw new IllegalStateException("corrupt " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean up " + dir, e);
        }
    }
}
