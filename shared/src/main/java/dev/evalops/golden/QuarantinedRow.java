package dev.evalops.golden;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A golden-set line that could not be used, kept (in {@code quarantine.jsonl}) instead of dropped. Never holds
 * the line's text: the problem names the field and what was wrong with it.
 */
@RegisterForReflection
public record QuarantinedRow(int line, String id, String field, String problem) {
}
