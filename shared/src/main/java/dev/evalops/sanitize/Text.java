package dev.evalops.sanitize;

import java.util.Arrays;

/** One text being sanitized, with the facts several triggers share computed once and only when asked for. */
final class Text {
    final String s;
    private int[] digitRuns;
    private int digitRunCount = -1;

    Text(String s) {
        this.s = s;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** The start of the first run of ASCII digits at or after {@code from}, or -1. */
    int nextDigitRun(int from) {
        if (digitRunCount < 0) {
            indexDigitRuns();
        }
        int i = Arrays.binarySearch(digitRuns, 0, digitRunCount, from);
        if (i < 0) {
            i = -i - 1;
        }
        return i < digitRunCount ? digitRuns[i] : -1;
    }

    private void indexDigitRuns() {
        int[] runs = new int[16];
        int count = 0;
        boolean inRun = false;
        for (int i = 0, n = s.length(); i < n; i++) {
            boolean digit = isDigit(s.charAt(i));
            if (digit && !inRun) {
                if (count == runs.length) {
                    runs = Arrays.copyOf(runs, count * 2);
                }
                runs[count++] = i;
            }
            inRun = digit;
        }
        digitRuns = runs;
        digitRunCount = count;
    }
}
