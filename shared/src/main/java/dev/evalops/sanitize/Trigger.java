package dev.evalops.sanitize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A recognizer's prefilter: the positions its pattern could possibly match around. Regexes run only in a small
 * window at these positions, never over the whole text, which is what keeps the sanitizer fast on clean text.
 */
@FunctionalInterface
interface Trigger {

    /** The first position at or after {@code from} that a match must contain, or -1 when there is none. */
    int next(Text text, int from);

    /** Every occurrence of {@code c}. */
    static Trigger character(char c) {
        return (t, from) -> t.s.indexOf(c, from);
    }

    /** Every occurrence of a literal (case-sensitive). */
    static Trigger literal(String literal) {
        return (t, from) -> t.s.indexOf(literal, from);
    }

    /** The first digit of every run of ASCII digits. */
    static Trigger digitRun() {
        return Text::nextDigitRun;
    }

    /** The first digit of every digit run right after a word and one space ("Hauptstraße 12", "Via Roma 5"). */
    static Trigger digitRunAfterWord() {
        return (t, from) -> {
            String s = t.s;
            for (int i = t.nextDigitRun(Math.max(from, 2)); i >= 0; i = t.nextDigitRun(i + 1)) {
                char before = s.charAt(i - 2);
                if (s.charAt(i - 1) == ' ' && (Character.isLetter(before) || before == '.' || before == ',')) {
                    return i;
                }
            }
            return -1;
        };
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

    /** The start of every maximal run of exactly {@code length} base64 characters ({@code A-Za-z0-9+/}). */
    static Trigger base64Run(int length) {
        return (t, from) -> {
            String s = t.s;
            int n = s.length();
            int i = from;
            // A run that began before from was already looked at.
            while (i > 0 && i < n && isBase64(s.charAt(i - 1)) && isBase64(s.charAt(i))) {
                i++;
            }
            while (i < n) {
                while (i < n && !isBase64(s.charAt(i))) {
                    i++;
                }
                int start = i;
                while (i < n && isBase64(s.charAt(i))) {
                    i++;
                }
                if (i - start == length) {
                    return start;
                }
            }
            return -1;
        };
    }

    /**
     * Every place one of {@code words} starts at a word start (not preceded by a letter or digit). ASCII case is
     * ignored when {@code ignoreCase}; the pattern decides the rest.
     */
    static Trigger words(boolean ignoreCase, String... words) {
        @SuppressWarnings("unchecked")
        List<String>[] byFirst = new List[128];
        for (String w : words) {
            String word = ignoreCase ? w.toLowerCase(Locale.ROOT) : w;
            char first = word.charAt(0);
            if (first >= 128) {
                throw new IllegalArgumentException("trigger words start with an ASCII character: " + w);
            }
            if (byFirst[first] == null) {
                byFirst[first] = new ArrayList<>();
            }
            byFirst[first].add(word);
        }
        String[][] table = new String[128][];
        for (int c = 0; c < 128; c++) {
            if (byFirst[c] != null) {
                table[c] = byFirst[c].toArray(String[]::new);
            }
        }
        return (t, from) -> {
            String s = t.s;
            for (int i = from, n = s.length(); i < n; i++) {
                char c = s.charAt(i);
                if (c >= 128) {
                    continue;
                }
                String[] candidates = table[ignoreCase && c >= 'A' && c <= 'Z' ? c | 0x20 : c];
                if (candidates == null || (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1)))) {
                    continue;
                }
                for (String word : candidates) {
                    if (s.regionMatches(ignoreCase, i, word, 0, word.length())) {
                        return i;
                    }
                }
            }
            return -1;
        };
    }

    private static boolean isBase64(char c) {
        return Text.isAsciiLetter(c) || Text.isDigit(c) || c == '+' || c == '/';
    }
}
