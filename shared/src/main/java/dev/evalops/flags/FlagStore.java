package dev.evalops.flags;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
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

    /**
     * {@link #update} for callers that report what they decided: {@code rule} turns the current value into a
     * decision, {@code toWrite} into the value to write (empty = leave the flag unchanged). Both may run several
     * times, so neither may have side effects.
     *
     * @return the last decision (the one the write stands on), the value it was made on, and the flag afterwards
     */
    default <T, D> Decided<T, D> decide(String flag, Class<T> type, Function<Optional<T>, D> rule, Function<D, Optional<T>> toWrite) {
        AtomicReference<Optional<T>> seen = new AtomicReference<>(Optional.empty());
        AtomicReference<D> decision = new AtomicReference<>();
        Flag<T> after = update(flag, type, current -> {
            D d = rule.apply(current);
            seen.set(current);
            decision.set(d);
            return toWrite.apply(d);
        });
        return new Decided<>(seen.get(), decision.get(), after);
    }

    /** What {@link #decide} did: {@code before} is empty when the flag did not exist. */
    record Decided<T, D>(Optional<T> before, D decision, Flag<T> after) {
    }

    /** Accepted values, oldest first (as far back as the parameter's history reaches). */
    <T> List<Flag<T>> history(String flag, Class<T> type);
}
