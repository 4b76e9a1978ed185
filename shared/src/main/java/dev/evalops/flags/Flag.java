package dev.evalops.flags;

import java.time.Instant;

/**
 * A flag value as accepted by the store, with the parameter version it was accepted at. The version is
 * what an optimistic writer hands back to {@link FlagStore#compareAndSet}.
 */
public record Flag<T>(String name, T value, long version, Instant modifiedAt) {
}
