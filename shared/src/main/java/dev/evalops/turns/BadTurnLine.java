package dev.evalops.turns;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One unusable line of a turn export, as quarantined: where it is, which field is wrong ({@code null} when
 * the whole line is: not JSON, not an object, empty) and why. {@code sample} is the line's start, already
 * sanitized, so a bad line can be shown to a person or put in an error message (null past the reader's
 * samples-per-file limit).
 */
@RegisterForReflection
public record BadTurnLine(String file, long line, String field, String reason, String sample) {

    /** {@code s3://.../part-0.jsonl.gz:17 field latency_ms: expected an integer, got a string}. */
    public String describe() {
        return file + ":" + line + (field == null ? " " : " field " + field + ": ") + reason;
    }
}
