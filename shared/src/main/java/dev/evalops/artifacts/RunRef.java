package dev.evalops.artifacts;

import java.time.LocalDate;
import java.util.regex.Pattern;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One run of one job: its artifacts live under {@code eval_runs/<kind>/<YYYY-MM-DD>/<run_id>/}. */
@RegisterForReflection
public record RunRef(String kind, LocalDate date, String runId) {
    private static final Pattern SAFE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}", Pattern.CASE_INSENSITIVE);

    public RunRef {
        requireSafe("kind", kind);
        requireSafe("run id", runId);
        if (date == null) {
            throw new IllegalArgumentException("run date is required");
        }
    }

    /** Key prefix relative to the store root, with a trailing slash. */
    public String prefix() {
        return "eval_runs/" + kind + "/" + date + "/" + runId + "/";
    }

    /** Parses the prefix form back, e.g. {@code eval_runs/golden/2026-11-22/golden-...}. */
    public static RunRef parsePrefix(String prefix) {
        String p = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        String[] parts = p.split("/");
        if (parts.length != 4 || !parts[0].equals("eval_runs")) {
            throw new IllegalArgumentException("not a run prefix (eval_runs/<kind>/<date>/<run_id>): " + prefix);
        }
        return new RunRef(parts[1], LocalDate.parse(parts[2]), parts[3]);
    }

    static void requireSafe(String what, String value) {
        if (value == null || !SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must match " + SAFE.pattern() + ", got: " + value);
        }
    }
}
