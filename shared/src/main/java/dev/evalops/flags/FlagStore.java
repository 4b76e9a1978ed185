package dev.evalops.flags;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * JSON-valued operational flags ({@code safe-mode}, {@code release-gate}) under
 * {@code /evalops/<env>/<name>} in SSM Parameter Store, with optimistic concurrency on the parameter
 * version: two writers racing cannot silently overwrite each other. Every string value is sanitized on write
 * ({@link dev.evalops.sanitize.Sanitizer}), like an artifact: reasons and {@code set_by} are free text from people
 * and alarms, and the stored (sanitized) value is what {@link #read} and the write methods return.
 */
public interface FlagStore {

    /** The full parameter name of a flag, e.g. {@code /evalops/prod/safe-mode}. */
    String parameterName(String flag);

    <T> Optional<Flag<T>> read(String flag, Class<T> type);

    /**
     * Writes {@code value} only if the flag is still at {@code expectedVersion} (0 = must not exist yet).
     *
     * @throws FlagConflictException when another writer got there first; nothing of ours is left current
     */
    <T> Flag<T> compareAndSet(String flag, T value, long expectedVersion);

    /**
     * Read-decide-write with retries on conflict. {@code decide} sees the current value (empty if the
     * flag does not exist) and returns the new value, or empty to leave the flag unchanged. It may run
     * several times, so it must not have side effects.
     *
     * @return the flag as it stands after the update (or unchanged)
     */
    <T> Flag<T> update(String flag, Class<T> type, Function<Optional<T>, Optional<T>> decide);

    /** Accepted values, oldest first (as far back as the parameter's history reaches). */
    <T> List<Flag<T>> history(String flag, Class<T> type);
}
