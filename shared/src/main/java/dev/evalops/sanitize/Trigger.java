package dev.evalops.sanitize;

import java.util.List;

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

    /** Decides from the text around a keyword at {@code at} whether a row's regex is worth trying there. */
    @FunctionalInterface
    interface Context {
        boolean test(String s, int at);
    }

    @FunctionalInterface
    interface Start {
        int at(Text text, int anchor);
    }

    /** The start of every digit run of the given shape; the match may begin at a '(' or '+' right before it. */
    static Trigger digits(DigitShape shape, boolean openerBefore) {
        int bit = shape.bit;
        return new Trigger() {
            @Override
            public int next(Text t, int from) {
                for (int run = t.runAtOrAfter(from), n = t.runCount(); run < n; run++) {
                    if ((t.runShapes(run) & bit) != 0) {
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

    /**
     * The first ':' of every run of hex digits and colons that holds a "::" or seven colons (an IPv6 address can
     * be nothing else), the match starting at the hex group before it.
     */
    static Trigger ipv6Colon() {
        return startingAt((t, from) -> {
            String s = t.s;
            for (int i = s.indexOf(':', from); i >= 0; i = s.indexOf(':', i + 1)) {
                int colons = 0;
                boolean compressed = false;
                int j = i;
                for (; j < s.length() && j - i < 46 && (s.charAt(j) == ':' || Character.digit(s.charAt(j), 16) >= 0); j++) {
                    if (s.charAt(j) == ':') {
                        colons++;
                        compressed |= j > i && s.charAt(j - 1) == ':';
                    }
                }
                if (compressed || colons >= 7) {
                    return i;
                }
                i = j - 1;
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
            for (int run = t.runAtOrAfter(from + 2), n = t.runCount(); run < n; run++) {
                int i = t.runStart(run);
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
    static Trigger numberAfterStreetWord(String[] suffixes) {
        return startingAt((t, from) -> {
            String s = t.s;
            for (int run = t.runAtOrAfter(Math.max(from, 2)), n = t.runCount(); run < n; run++) {
                int i = t.runStart(run);
                if (s.charAt(i - 1) == ' ' && (Character.isLetter(s.charAt(i - 2)) || s.charAt(i - 2) == '.')) {
                    for (String suffix : suffixes) {
                        int from2 = i - 1 - suffix.length();
                        if (from2 >= 0 && s.regionMatches(true, from2, suffix, 0, suffix.length())) {
                            return i;
                        }
                    }
                }
            }
            return -1;
        }, (t, at) -> wordStart(t.s, at - 1));
    }

    /** Words starting with one of {@code words} (ASCII case ignored), at a word start; see {@link Keywords}. */
    static KeywordTrigger words(String... words) {
        return new KeywordTrigger(List.of(words), false, null, 0);
    }

    /** Like {@link #words(String...)}, only where {@code context} holds (cheaper than the regex failing). */
    static KeywordTrigger words(Context context, String... words) {
        return new KeywordTrigger(List.of(words), false, context, 0);
    }

    /** Words that are exactly one of {@code words} (ASCII case ignored). */
    static KeywordTrigger wholeWords(List<String> words) {
        return new KeywordTrigger(words, true, null, 0);
    }

    /** Numbered by {@link Keywords} when the recognizer table is built (-1 until then: using it unregistered fails). */
    final class KeywordTrigger implements Trigger {
        final List<String> words;
        final boolean wholeWord;
        private final Context context;
        private final int startsBefore;
        int number = -1;

        private KeywordTrigger(List<String> words, boolean wholeWord, Context context, int startsBefore) {
            this.words = words;
            this.wholeWord = wholeWord;
            this.context = context;
            this.startsBefore = startsBefore;
        }

        /** The same keywords, the match starting {@code chars} before the keyword ("-----" before "BEGIN"). */
        KeywordTrigger startingBefore(int chars) {
            return new KeywordTrigger(words, wholeWord, context, chars);
        }

        @Override
        public int start(Text text, int anchor) {
            return anchor - startsBefore;
        }

        @Override
        public int next(Text text, int from) {
            for (int at = text.nextKeyword(from, number); at >= 0; at = text.nextKeyword(at + 1, number)) {
                if (context == null || context.test(text.s, at)) {
                    return at;
                }
            }
            return -1;
        }
    }

    // ---- contexts ----

    /** The word at {@code at}, then whitespace, then {@code next} (ASCII case ignored), then a capital if {@code thenCapital}. */
    static Context followedBy(String next, boolean thenCapital) {
        return (s, at) -> {
            int j = at;
            while (j < s.length() && Character.isLetter(s.charAt(j))) {
                j++;
            }
            int k = j;
            while (k < s.length() && (s.charAt(k) == ' ' || s.charAt(k) == '\t')) {
                k++;
            }
            int after = k + next.length();
            return k > j && s.regionMatches(true, k, next, 0, next.length())
                    && (!thenCapital || (after < s.length() && Character.isUpperCase(s.charAt(after))));
        };
    }

    /** A digit within {@code reach} characters. */
    static Context digitWithin(int reach) {
        return (s, at) -> {
            for (int j = at, end = Math.min(s.length(), at + reach); j < end; j++) {
                if (Text.isDigit(s.charAt(j))) {
                    return true;
                }
            }
            return false;
        };
    }

    /**
     * A sign-off word, maybe its second word ("regards", "you"), punctuation, a line break, then a capital: where the
     * sign-off rows' regexes can match ("Thanks for ..." cannot).
     */
    static Context signOffThenCapital() {
        return (s, at) -> {
            int j = wordEnd(s, at);
            int k = skipBlanks(s, j);
            for (String second : new String[] { "regards", "you", "thanks", "wishes", "truly" }) {
                if (s.regionMatches(true, k, second, 0, second.length()) && wordEnd(s, k) == k + second.length()) {
                    j = k + second.length();
                    break;
                }
            }
            j = skipBlanks(s, j);
            if (j < s.length() && ",:!.-–".indexOf(s.charAt(j)) >= 0) {
                j = skipBlanks(s, j + 1);
            }
            if (s.startsWith("\r\n", j)) {
                j += 2;
            } else if (j < s.length() && s.charAt(j) == '\n') {
                j++;
            } else if (s.startsWith("<br", j)) {
                j = s.indexOf('>', j) + 1;
            }
            j = skipBlanks(s, j);
            return j > 0 && j < s.length() && Character.isUpperCase(s.charAt(j));
        };
    }

    private static int wordEnd(String s, int at) {
        int j = at;
        while (j < s.length() && Character.isLetter(s.charAt(j))) {
            j++;
        }
        return j;
    }

    private static int skipBlanks(String s, int at) {
        int j = at;
        while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
            j++;
        }
        return j;
    }

    /** {@code before} right before the keyword. */
    static Context precededBy(String before) {
        return (s, at) -> at >= before.length() && s.startsWith(before, at - before.length());
    }

    /** A ':' or '=' within {@code reach} characters, or the word "is" / "was": where a keyword gets a value. */
    static Context assignmentWithin(int reach) {
        return (s, at) -> {
            for (int j = at, end = Math.min(s.length(), at + reach); j < end; j++) {
                char c = s.charAt(j);
                if (c == ':' || c == '=') {
                    return true;
                }
                if ((c == ' ' || c == '\t') && (s.regionMatches(true, j + 1, "is", 0, 2) || s.regionMatches(true, j + 1, "was", 0, 3))) {
                    return true;
                }
            }
            return false;
        };
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
