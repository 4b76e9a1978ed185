package dev.evalops.sanitize;

import java.util.function.Predicate;

/** The check a pattern match must pass (checksum, range, entropy, stop words). */
@FunctionalInterface
interface Validator {

    /** The accepted part of {@code text[start, end)} (possibly narrower), or null to reject the match. */
    Span accept(String text, int start, int end);

    /** Every match, as it is. */
    Validator ANY = (text, start, end) -> new Span(start, end);

    /** The whole match, when {@code test} holds for it. */
    static Validator whole(Predicate<String> test) {
        return (text, start, end) -> test.test(text.substring(start, end)) ? new Span(start, end) : null;
    }
}
