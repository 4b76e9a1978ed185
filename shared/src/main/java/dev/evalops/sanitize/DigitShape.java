package dev.evalops.sanitize;

import static dev.evalops.sanitize.Text.isAsciiLetter;
import static dev.evalops.sanitize.Text.isDigit;

/**
 * What a digit run could start, judged once per run from cheap facts (its length, the characters around it, the
 * digits of the grouped number it begins), so each digit row's regex runs only where its shape fits.
 */
enum DigitShape {
    /** 13+ digits, grouped or not. */
    CARD,
    /** Runs of 3, 2 and 4 digits joined by the same single space or dash. */
    SSN,
    /** Four runs of 1-3 digits joined by single dots. */
    IPV4,
    /** After a '+', or starting 00; 8+ digits. */
    INTERNATIONAL,
    /** Three digits in parentheses or followed by a space, dot or dash; 10 digits. */
    NANP,
    /** 0 and another digit; 10+ digits. */
    TRUNK,
    /** 1-5 digits, an optional letter, a space, a capital or digit, and a street suffix within 100 characters. */
    HOUSE_NUMBER,
    /** 1-4 digits, optional bis/ter and comma, a space, then rue/avenue/boulevard/place... */
    FRENCH_HOUSE_NUMBER;

    final int bit = 1 << ordinal();

    private static final String[] FRENCH_STREET_TYPES = { "rue", "avenue", "av.", "boulevard", "bd", "place", "chemin", "allée",
        "impasse", "quai", "cours" };

    /** The bits of every shape digit run {@code run} of {@code t} has. */
    static int of(Text t, int run) {
        String s = t.s;
        int n = s.length();
        int start = t.runStart(run);
        int end = t.runEnd(run);
        int len = end - start;
        char before = start > 0 ? s.charAt(start - 1) : ' ';
        char after = end < n ? s.charAt(end) : ' ';
        int bits = 0;
        int group = after == ' ' || after == '.' || after == '-' || after == ')' || after == '\u00A0' ? t.groupDigits(run) : len;
        if (group >= 13) {
            bits |= CARD.bit;
        }
        if (len == 3 && (after == '-' || after == ' ') && ssn(t, run, end)) {
            bits |= SSN.bit;
        }
        if (len <= 3 && after == '.' && ipv4(t, run)) {
            bits |= IPV4.bit;
        }
        if (group >= 8 && (before == '+' || (len >= 2 && s.charAt(start) == '0' && s.charAt(start + 1) == '0'))) {
            bits |= INTERNATIONAL.bit;
        }
        if (len == 3 && group >= 10 && (after == ' ' || after == '.' || after == '-' || (after == ')' && before == '('))) {
            bits |= NANP.bit;
        }
        if (len >= 2 && group >= 10 && s.charAt(start) == '0') {
            bits |= TRUNK.bit;
        }
        if (len <= 5 && houseNumber(t, end)) {
            bits |= HOUSE_NUMBER.bit;
        }
        if (len <= 4 && frenchHouseNumber(s, end)) {
            bits |= FRENCH_HOUSE_NUMBER.bit;
        }
        return bits;
    }

    private static boolean ssn(Text t, int run, int end) {
        String s = t.s;
        return run + 2 < t.runCount() && t.runStart(run + 1) == end + 1 && t.runEnd(run + 1) == end + 3
                && s.charAt(end + 3) == s.charAt(end) && t.runStart(run + 2) == end + 4 && t.runEnd(run + 2) - t.runStart(run + 2) == 4;
    }

    private static boolean ipv4(Text t, int run) {
        if (run + 3 >= t.runCount()) {
            return false;
        }
        for (int k = run + 1; k < run + 4; k++) {
            if (t.runEnd(k) - t.runStart(k) > 3 || t.runStart(k) != t.runEnd(k - 1) + 1 || t.s.charAt(t.runEnd(k - 1)) != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean houseNumber(Text t, int end) {
        String s = t.s;
        int j = end;
        if (j < s.length() && isAsciiLetter(s.charAt(j))) {
            j++;
        }
        if (j + 1 >= s.length() || s.charAt(j) != ' ' || !(Character.isUpperCase(s.charAt(j + 1)) || isDigit(s.charAt(j + 1)))) {
            return false;
        }
        int suffix = t.nextKeyword(j, Recognizers.STREET_SUFFIX_WORDS.number);
        return suffix >= 0 && suffix - j <= 100;
    }

    private static boolean frenchHouseNumber(String s, int end) {
        int j = end;
        if (j + 1 < s.length() && s.charAt(j) == ' ' && (s.charAt(j + 1) == 'b' || s.charAt(j + 1) == 't')) {
            j++;
        }
        if (s.startsWith("bis", j) || s.startsWith("ter", j)) {
            j += 3;
        }
        if (j < s.length() && s.charAt(j) == ',') {
            j++;
        }
        if (j + 1 >= s.length() || s.charAt(j) != ' ' || "rRaAbBpPcCiIqQ".indexOf(s.charAt(j + 1)) < 0) {
            return false;
        }
        for (String type : FRENCH_STREET_TYPES) {
            if (s.regionMatches(true, j + 1, type, 0, type.length())) {
                return true;
            }
        }
        return false;
    }
}
