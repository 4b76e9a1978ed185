package dev.evalops.flags;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.core.BadInputException;
import dev.evalops.core.Json;

/**
 * Flags as JSON files ({@code <root>/flags/<name>.json}, all versions kept) for local runs. A file lock
 * (plus a JVM lock, since file locks are per process) makes read-decide-write atomic, so the same
 * optimistic-concurrency contract holds as with SSM.
 */
public final class LocalFlagStore implements FlagStore {
    private static final Pattern FLAG_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final ConcurrentHashMap<Path, Object> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path dir;
    private final String prefix;
    private final Clock clock;

    public LocalFlagStore(Path root, String prefix, Clock clock) {
        this.dir = root.toAbsolutePath().normalize().resolve("flags");
        this.prefix = prefix;
        this.clock = clock;
    }

    @Override
    public String parameterName(String flag) {
        if (flag == null || !FLAG_NAME.matcher(flag).matches()) {
            throw new IllegalArgumentException("invalid flag name: " + flag);
        }
        return prefix + "/" + flag;
    }

    @Override
    public <T> Optional<Flag<T>> read(String flag, Class<T> type) {
        List<Stored> versions = locked(flag, () -> load(flag));
        return versions.isEmpty() ? Optional.empty() : Optional.of(toFlag(flag, versions.get(versions.size() - 1), type));
    }

    @Override
    public <T> List<Flag<T>> history(String flag, Class<T> type) {
        return locked(flag, () -> load(flag)).stream().map(s -> toFlag(flag, s, type)).toList();
    }

    @Override
    public <T> Flag<T> compareAndSet(String flag, T value, long expectedVersion) {
        return locked(flag, () -> {
            List<Stored> versions = load(flag);
            long current = versions.isEmpty() ? 0 : versions.get(versions.size() - 1).version();
            if (current != expectedVersion) {
                throw new FlagConflictException(parameterName(flag), expectedVersion, "current version is " + current);
            }
            Stored stored = append(flag, versions, value);
            @SuppressWarnings("unchecked")
            Flag<T> result = (Flag<T>) toFlag(flag, stored, value.getClass());
            return result;
        });
    }

    @Override
    public <T> Flag<T> update(String flag, Class<T> type, Function<Optional<T>, Optional<T>> decide) {
        return locked(flag, () -> {
            List<Stored> versions = load(flag);
            Optional<Stored> current = versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
            Optional<T> next = decide.apply(current.map(s -> parse(flag, s, type)));
            if (next.isEmpty()) {
                return current.map(s -> toFlag(flag, s, type)).orElse(new Flag<>(flag, null, 0, null));
            }
            return toFlag(flag, append(flag, versions, next.get()), type);
        });
    }

    private Stored append(String flag, List<Stored> versions, Object value) {
        long next = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
        Stored stored = new Stored(next, FlagValues.sanitizedTree(value), clock.instant());
        List<Stored> all = new ArrayList<>(versions);
        all.add(stored);
        Path file = file(flag);
        Path tmp = file.resolveSibling("." + flag + ".tmp");
        try {
            Files.write(tmp, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(all));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write flag file " + file, e);
        }
        return stored;
    }

    private List<Stored> load(String flag) {
        Path file = file(flag);
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return List.of(Json.mapper().readValue(file.toFile(), Stored[].class));
        } catch (IOException e) {
            throw new BadInputException("flag file " + file + " is not valid: " + e.getMessage(), e);
        }
    }

    private <R> R locked(String flag, java.util.function.Supplier<R> action) {
        Path file = file(flag);
        synchronized (JVM_LOCKS.computeIfAbsent(file, f -> new Object())) {
            try {
                Files.createDirectories(dir);
                try (FileChannel channel = FileChannel.open(dir.resolve("." + flag + ".lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                    return action.get();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot lock flag " + file, e);
            }
        }
    }

    private Path file(String flag) {
        parameterName(flag);
        return dir.resolve(flag + ".json");
    }

    private <T> Flag<T> toFlag(String flag, Stored s, Class<T> type) {
        return new Flag<>(flag, parse(flag, s, type), s.version(), s.modifiedAt());
    }

    private <T> T parse(String flag, Stored s, Class<T> type) {
        try {
            return Json.mapper().treeToValue(s.value(), type);
        } catch (IOException e) {
            throw new BadInputException("flag " + file(flag) + " version " + s.version() + " is not a valid "
                    + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    @io.quarkus.runtime.annotations.RegisterForReflection
    record Stored(long version, JsonNode value, Instant modifiedAt) {
    }
}
