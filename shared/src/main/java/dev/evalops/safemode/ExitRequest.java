package dev.evalops.safemode;

/**
 * A person asking to leave safe mode. {@code qaClean} is their attestation that manual QA of the router's
 * recent replies is clean; {@code force} overrides the guard and is recorded as forced.
 */
public record ExitRequest(String by, String reason, boolean qaClean, boolean force, boolean dryRun) {
}
