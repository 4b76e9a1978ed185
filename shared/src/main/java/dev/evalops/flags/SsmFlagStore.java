package dev.evalops.flags;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.evalops.core.BadInputException;
import dev.evalops.core.Json;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterAlreadyExistsException;
import software.amazon.awssdk.services.ssm.model.ParameterHistory;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.PutParameterResponse;

/**
 * Flags as JSON String parameters in SSM Parameter Store.
 * <p>
 * SSM has no conditional put, so optimistic concurrency is built on the parameter's version history:
 * every value we write carries {@code base_version}, the version it was decided on. A version is
 * <em>accepted</em> when its base is the previously accepted version (or when it has no base: a person
 * edited the parameter by hand, which always wins); a write whose base was already superseded is a
 * conflict and is ignored by every reader. The writer that lost re-reads, re-decides and writes again,
 * so when writers stop, the newest version is an accepted one — the router, which reads the parameter
 * directly, ends on the decided value.
 */
public final class SsmFlagStore implements FlagStore {
    static final String BASE_VERSION = "base_version";
    private static final Logger LOG = Logger.getLogger(SsmFlagStore.class);
    private static final Pattern FLAG_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final int MAX_ATTEMPTS = 30;

    private final SsmClient ssm;
    private final String prefix;

    public SsmFlagStore(SsmClient ssm, String prefix) {
        this.ssm = ssm;
        this.prefix = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
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
        return chain(flag).accepted().reduce((a, b) -> b).map(v -> toFlag(flag, v, type));
    }

    @Override
    public <T> List<Flag<T>> history(String flag, Class<T> type) {
        return chain(flag).accepted().map(v -> toFlag(flag, v, type)).toList();
    }

    @Override
    public <T> Flag<T> compareAndSet(String flag, T value, long expectedVersion) {
        String name = parameterName(flag);
        String body = withBase(value, expectedVersion);
        long written;
        try {
            PutParameterResponse put = ssm.putParameter(b -> b.name(name).type(ParameterType.STRING).value(body)
                    .overwrite(expectedVersion != 0));
            written = put.version();
        } catch (ParameterAlreadyExistsException e) {
            throw new FlagConflictException(name, expectedVersion, "the parameter was created by another writer");
        } catch (SdkException e) {
            throw describe("write", name, e);
        }
        if (expectedVersion != 0 && written == 1) {
            throw new FlagConflictException(name, expectedVersion, "the parameter had been deleted; it now holds only our write");
        }
        Chain chain = chain(flag);
        Optional<Version> ours = chain.accepted().filter(v -> v.version() == written).findFirst();
        if (ours.isEmpty()) {
            throw new FlagConflictException(name, expectedVersion, "our write became version " + written
                    + " but version " + chain.lastAcceptedBefore(written) + " was accepted first");
        }
        @SuppressWarnings("unchecked")
        Flag<T> flagValue = (Flag<T>) toFlag(flag, ours.get(), value.getClass());
        return flagValue;
    }

    @Override
    public <T> Flag<T> update(String flag, Class<T> type, Function<Optional<T>, Optional<T>> decide) {
        String name = parameterName(flag);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Chain chain = chain(flag);
            Optional<Version> current = chain.accepted().reduce((a, b) -> b);
            Optional<T> currentValue = current.map(v -> parse(name, v, type));
            Optional<T> next = decide.apply(currentValue);
            // A lost write on top of the accepted version is visible to direct readers: re-assert.
            boolean stale = current.isPresent() && chain.latestVersion() != current.get().version();
            if (next.isEmpty() && !stale) {
                return current.map(v -> toFlag(flag, v, type)).orElse(new Flag<>(flag, null, 0, null));
            }
            T value = next.orElseGet(() -> currentValue.orElseThrow());
            try {
                return compareAndSet(flag, value, current.map(Version::version).orElse(0L));
            } catch (FlagConflictException e) {
                LOG.debugf("flag %s: conflict on attempt %d, retrying", name, attempt);
                sleepJitter(attempt);
            }
        }
        throw new IllegalStateException("flag " + name + ": still conflicting after " + MAX_ATTEMPTS + " attempts");
    }

    private Chain chain(String flag) {
        String name = parameterName(flag);
        List<Version> versions = new ArrayList<>();
        try {
            for (var page : ssm.getParameterHistoryPaginator(b -> b.name(name).withDecryption(false))) {
                for (ParameterHistory h : page.parameters()) {
                    versions.add(new Version(h.version(), h.value(), h.lastModifiedDate(), baseOf(h.value())));
                }
            }
        } catch (ParameterNotFoundException e) {
            return new Chain(List.of());
        } catch (SdkException e) {
            throw describe("read", name, e);
        }
        versions.sort(Comparator.comparingLong(Version::version));
        return new Chain(versions);
    }

    private static OptionalLong baseOf(String value) {
        try {
            JsonNode node = Json.mapper().readTree(value);
            JsonNode base = node == null ? null : node.get(BASE_VERSION);
            return base != null && base.canConvertToLong() ? OptionalLong.of(base.asLong()) : OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    private static String withBase(Object value, long base) {
        JsonNode tree = FlagValues.sanitizedTree(value);
        if (!(tree instanceof ObjectNode object)) {
            throw new IllegalArgumentException("flag values must be JSON objects, got " + tree.getNodeType());
        }
        object.put(BASE_VERSION, base);
        return object.toString();
    }

    private <T> Flag<T> toFlag(String flag, Version v, Class<T> type) {
        return new Flag<>(flag, parse(parameterName(flag), v, type), v.version(), v.modified());
    }

    private static <T> T parse(String name, Version v, Class<T> type) {
        try {
            JsonNode tree = Json.mapper().readTree(v.value());
            if (tree instanceof ObjectNode object) {
                object.remove(BASE_VERSION);
            }
            return Json.mapper().treeToValue(tree, type);
        } catch (IOException e) {
            throw new BadInputException("parameter " + name + " version " + v.version() + " is not a valid "
                    + type.getSimpleName() + " JSON value: " + e.getMessage(), e);
        }
    }

    private static RuntimeException describe(String verb, String name, SdkException e) {
        return new IllegalStateException("cannot " + verb + " SSM parameter " + name + ": " + e.getMessage(), e);
    }

    private static void sleepJitter(int attempt) {
        long cap = Math.min(1000, 20L << Math.min(attempt, 6));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a flag update", e);
        }
    }

    private record Version(long version, String value, Instant modified, OptionalLong base) {
    }

    /** The parameter's retained versions and which of them are accepted. */
    private record Chain(List<Version> versions) {
        java.util.stream.Stream<Version> accepted() {
            List<Version> accepted = new ArrayList<>();
            for (Version v : versions) {
                // The oldest retained version anchors the chain (SSM keeps the last 100).
                if (accepted.isEmpty() || v.base().isEmpty() || v.base().getAsLong() == accepted.get(accepted.size() - 1).version()) {
                    accepted.add(v);
                }
            }
            return accepted.stream();
        }

        long latestVersion() {
            return versions.isEmpty() ? 0 : versions.get(versions.size() - 1).version();
        }

        long lastAcceptedBefore(long version) {
            return accepted().filter(v -> v.version() < version).mapToLong(Version::version).max().orElse(0);
        }
    }
}
