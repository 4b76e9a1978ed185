package dev.evalops.sanitize;

/** One recognized value: {@code text.substring(start, end)} is replaced by a {@code [TYPE#xxxx]} placeholder. */
public record Finding(PiiType type, int start, int end) {
}
