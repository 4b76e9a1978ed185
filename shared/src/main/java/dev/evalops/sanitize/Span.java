package dev.evalops.sanitize;

/** The part of a pattern match a validator accepted (it may narrow the match, e.g. to the country length of an IBAN). */
record Span(int start, int end) {
}
