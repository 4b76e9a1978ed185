package dev.evalops.flags;

/** Another writer changed the flag after we read it: re-read, re-decide, retry. */
public class FlagConflictException extends RuntimeException {
    private final String flag;
    private final long expectedVersion;

    public FlagConflictException(String flag, long expectedVersion, String detail) {
        super("flag " + flag + " changed concurrently (expected to write on top of version " + expectedVersion + "): " + detail);
        this.flag = flag;
        this.expectedVersion = expectedVersion;
    }

    public String flag() {
        return flag;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
