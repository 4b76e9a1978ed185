package dev.evalops.sanitize;

import java.util.Arrays;

/**
 * One text being sanitized, indexed in a single pass on first use: the digit runs, the 40-character base64 runs,
 * and the trigger keywords found at word starts. Triggers read this index instead of scanning the text themselves,
 * so the per-text cost is one pass plus a few regex attempts at real candidates.
 */
final class Text {
    static final int AWS_SECRET_LENGTH = 40;

    private static final byte OTHER = 0;
    private static final byte DIGIT = 1;
    private static final byte LETTER = 2;
    private static final byte BASE64_SYMBOL = 3;
    private static final byte OTHER_ALNUM = 4;
    private static final byte[] ASCII_CLASS = new byte[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            ASCII_CLASS[c] = DIGIT;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII_CLASS[c] = LETTER;
            ASCII_CLASS[c - 32] = LETTER;
        }
        ASCII_CLASS['+'] = BASE64_SYMBOL;
        ASCII_CLASS['/'] = BASE64_SYMBOL;
    }

    final String s;
    private final Keywords keywords;
    private boolean indexed;
    private int[] runStarts = new int[8];
    private int[] runEnds = new int[8];
    private int runCount;
    private int[] runShapes;
    private int[] groupDigits;
    private int[] base64Runs = new int[2];
    private int base64RunCount;
    /** Per keyword trigger (by its index in {@link Keywords}): where its keywords start, in order. */
    private int[][] keywordAt;
    private int[] keywordCount;

    Text(String s, Keywords keywords) {
        this.s = s;
        this.keywords = keywords;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    // ---- digit runs, by index: triggers walk them without searching again ----

    /** The index of the first digit run starting at or after {@code from} ({@link #runCount()} when none). */
    int runAtOrAfter(int from) {
        index();
        int i = Arrays.binarySearch(runStarts, 0, runCount, from);
        return i < 0 ? -i - 1 : i;
    }

    int runCount() {
        return runCount;
    }

    int runStart(int run) {
        return runStarts[run];
    }

    int runEnd(int run) {
        return runEnds[run];
    }

    /** The {@link DigitShape} bits of a run, all computed on first use. */
    int runShapes(int run) {
        if (runShapes == null) {
            runShapes = new int[runCount];
            for (int k = 0; k < runCount; k++) {
                runShapes[k] = DigitShape.of(this, k);
            }
        }
        return runShapes[run];
    }

    /**
     * The digits of the number starting with this run: this run and the next ones as long as at most two separators
     * (space, dot, dash, parentheses, no-break space) sit between them. "+1 (415) 555-2671" from "1": 11.
     */
    int groupDigits(int run) {
        if (groupDigits == null) {
            // One pass from the end: a run's group is its digits plus the group of the run it joins.
            groupDigits = new int[runCount];
            for (int k = runCount - 1; k >= 0; k--) {
                groupDigits[k] = runEnds[k] - runStarts[k] + (k + 1 < runCount && joined(k) ? groupDigits[k + 1] : 0);
            }
        }
        return groupDigits[run];
    }

    /** Whether run k and run k + 1 are one grouped number. */
    private boolean joined(int k) {
        int gap = runStarts[k + 1] - runEnds[k];
        return gap <= 2 && isSeparator(s.charAt(runEnds[k])) && (gap == 1 || isSeparator(s.charAt(runEnds[k] + 1)));
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '.' || c == '-' || c == '(' || c == ')' || c == '\u00A0';
    }

    /** The start of the first maximal run of exactly 40 base64 characters at or after {@code from}, or -1. */
    int nextAwsSecretRun(int from) {
        index();
        int i = Arrays.binarySearch(base64Runs, 0, base64RunCount, from);
        i = i < 0 ? -i - 1 : i;
        return i < base64RunCount ? base64Runs[i] : -1;
    }

    /** The first word start at or after {@code from} where a keyword of trigger number {@code trigger} begins, or -1. */
    int nextKeyword(int from, int trigger) {
        if (trigger < 0) {
            throw new IllegalStateException("keyword trigger not registered in Recognizers.KEYWORDS");
        }
        index();
        int n = keywordCount[trigger];
        if (n == 0) {
            return -1;
        }
        int i = Arrays.binarySearch(keywordAt[trigger], 0, n, from);
        i = i < 0 ? -i - 1 : i;
        return i < n ? keywordAt[trigger][i] : -1;
    }

    private void index() {
        if (indexed) {
            return;
        }
        indexed = true;
        keywordAt = new int[keywords.size()][];
        keywordCount = new int[keywords.size()];
        int n = s.length();
        byte prev = OTHER;
        int base64Start = -1;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            byte cls = c < 128 ? ASCII_CLASS[c] : Character.isLetterOrDigit(c) ? OTHER_ALNUM : OTHER;
            if (cls == DIGIT) {
                if (prev != DIGIT) {
                    addRun(i);
                }
            } else if (prev == DIGIT) {
                runEnds[runCount - 1] = i;
            }
            if (cls == LETTER && prev != LETTER && prev != DIGIT && prev != OTHER_ALNUM) {
                long rows = keywords.at(s, i);
                while (rows != 0) {
                    addKeyword(Long.numberOfTrailingZeros(rows), i);
                    rows &= rows - 1;
                }
            }
            if (cls == DIGIT || cls == LETTER || cls == BASE64_SYMBOL) {
                if (base64Start < 0) {
                    base64Start = i;
                }
            } else if (base64Start >= 0) {
                endBase64Run(base64Start, i);
                base64Start = -1;
            }
            prev = cls;
        }
        if (prev == DIGIT) {
            runEnds[runCount - 1] = n;
        }
        if (base64Start >= 0) {
            endBase64Run(base64Start, n);
        }
    }

    private void addRun(int start) {
        if (runCount == runStarts.length) {
            runStarts = Arrays.copyOf(runStarts, runCount * 2);
            runEnds = Arrays.copyOf(runEnds, runCount * 2);
        }
        runStarts[runCount++] = start;
    }

    private void addKeyword(int trigger, int at) {
        int[] list = keywordAt[trigger];
        int count = keywordCount[trigger];
        if (list == null) {
            list = keywordAt[trigger] = new int[4];
        } else if (count == list.length) {
            list = keywordAt[trigger] = Arrays.copyOf(list, count * 2);
        }
        list[count] = at;
        keywordCount[trigger] = count + 1;
    }

    private void endBase64Run(int start, int end) {
        if (end - start == AWS_SECRET_LENGTH) {
            if (base64RunCount == base64Runs.length) {
                base64Runs = Arrays.copyOf(base64Runs, base64RunCount * 2);
            }
            base64Runs[base64RunCount++] = start;
        }
    }
}
