package dev.evalops.sanitize;

import java.util.List;
import java.util.Locale;

/**
 * A recognizer's prefilter: the few places its pattern can match, found from {@link Text}'s one-pass index or an
 * {@code indexOf}, plus cheap shape checks (a card needs 13 digits, an SSN a 3-2-4 shape), so the regex runs once
 * per real candidate and never over clean text.
 */
interface Trigger {

    /** The first anchor at or after {@code from} (a position the match contains), or -1 when there is none. */
    int next(Text text, int from);

    /** Where a match around {@code anchor} starts: the regex is tried there, once. */
    default int start(Text text, int anchor) {
        return anchor;
    }

    /** Decides from the digit run at {@code start} (ending at {@code end}) whether a row's regex is worth trying. */
    @FunctionalInterface
    interface DigitShape {
        boolean test(Text t, int start, int end);
    }

    @FunctionalInterface
    interface Start {
        int at(Text text, int anchor);
    }

    /** Every occurrence of a literal. */
    static Trigger literal(String literal) {
        return (t, from) -> t.s.indexOf(literal, from);
    }

    /** The start of every digit run of the given shape; the match may begin at a '(' or '+' right before it. */
    static Trigger digits(DigitShape shape, boolean openerBefore) {
        return new Trigger() {
            @Override
            public int next(Text t, int from) {
                for (int run = t.runAtOrAfter(from), n = t.runCount(); run < n; run++) {
                    if (shape.test(t, t.runStart(run), t.runEnd(run))) {
                        return t.runStart(run);
                    }
                }
                return -1;
            }

            @Override
            public int start(Text t, int anchor) {
                if (openerBefore && anchor > 0) {
                    char before = t.s.charAt(anchor - 1);
                    if (before == '(' || before == '+') {
                        return anchor - 1;
                    }
                }
                return anchor;
            }
        };
    }

    /** Anchors found by {@code anchors}, with the match starting where {@code start} says. */
    static Trigger startingAt(Trigger anchors, Start start) {
        return new Trigger() {
            @Override
            public int next(Text text, int from) {
                return anchors.next(text, from);
            }

            @Override
            public int start(Text text, int anchor) {
                return start.at(text, anchor);
            }
        };
    }

    /** Every '@', the match starting where the local part before it does (at most 64 characters back). */
    static Trigger emailAt() {
        return startingAt((t, from) -> t.s.indexOf('@', from), (t, at) -> {
            int i = at;
            while (i > 0 && at - i < 64 && isLocalPart(t.s.charAt(i - 1))) {
                i--;
            }
            return i;
        });
    }

    /** Every "::", and every ':' between two hex digits, the match starting at the hex group before it. */
    static Trigger ipv6Colon() {
        return startingAt((t, from) -> {
            String s = t.s;
            for (int i = s.indexOf(':', from); i >= 0; i = s.indexOf(':', i + 1)) {
                boolean colonAfter = i + 1 < s.length() && s.charAt(i + 1) == ':';
                boolean hexAround = i > 0 && i + 1 < s.length() && Character.digit(s.charAt(i - 1), 16) >= 0
                        && Character.digit(s.charAt(i + 1), 16) >= 0;
                if (colonAfter || hexAround) {
                    return i;
                }
            }
            return -1;
        }, (t, at) -> {
            int i = at;
            while (i > 0 && at - i < 4 && Character.digit(t.s.charAt(i - 1), 16) >= 0) {
                i--;
            }
            return i;
        });
    }

    /** Two letters at a word start followed by two digits: an IBAN's country code and check digits. */
    static Trigger lettersThenDigits() {
        return (t, from) -> {
            String s = t.s;
            for (int i = t.nextDigitRun(from + 2); i >= 0; i = t.nextDigitRun(i + 1)) {
                if (i + 1 < s.length() && Text.isDigit(s.charAt(i + 1))
                        && Text.isAsciiLetter(s.charAt(i - 1)) && Text.isAsciiLetter(s.charAt(i - 2))
                        && (i == 2 || !Character.isLetterOrDigit(s.charAt(i - 3)))) {
                    return i - 2;
                }
            }
            return -1;
        };
    }

    /** The start of every maximal run of exactly 40 base64 characters (the length of an AWS secret key). */
    static Trigger awsSecretRun() {
        return Text::nextAwsSecretRun;
    }

    /**
     * A house number after a compound street name ("Hauptstraße 12", "Keizersgracht 123"), the match starting at that
     * word.
     */
    static Trigger numberAfterStreetWord(List<String> suffixes) {
        return startingAt((t, from) -> {
            String s = t.s;
            for (int i = t.nextDigitRun(Math.max(from, 2)); i >= 0; i = t.nextDigitRun(i + 1)) {
                if (s.charAt(i - 1) == ' ') {
                    String word = s.substring(wordStart(s, i - 1), i - 1).toLowerCase(Locale.ROOT);
                    if (suffixes.stream().anyMatch(word::endsWith)) {
                        return i;
                    }
                }
            }
            return -1;
        }, (t, at) -> wordStart(t.s, at - 1));
    }

    /** Words starting with one of {@code words} (ASCII case ignored), at a word start; see {@link Keywords}. */
    static KeywordTrigger words(String... words) {
        return new KeywordTrigger(List.of(words), false);
    }

    /** Words that are exactly one of {@code words} (ASCII case ignored). */
    static KeywordTrigger wholeWords(List<String> words) {
        return new KeywordTrigger(words, true);
    }

    /** Numbered by {@link Keywords} when the recognizer table is built. */
    final class KeywordTrigger implements Trigger {
        final List<String> words;
        final boolean wholeWord;
        int number;

        private KeywordTrigger(List<String> words, boolean wholeWord) {
            this.words = words;
            this.wholeWord = wholeWord;
        }

        @Override
        public int next(Text text, int from) {
            return text.nextKeyword(from, number);
        }
    }

    private static int wordStart(String s, int end) {
        int i = end;
        while (i > 0 && (Character.isLetter(s.charAt(i - 1)) || s.charAt(i - 1) == '-' || s.charAt(i - 1) == '.')) {
            i--;
        }
        return i;
    }

    private static boolean isLocalPart(char c) {
        return Text.isAsciiLetter(c) || Text.isDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }
}
