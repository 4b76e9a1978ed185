package dev.evalops.turns;

/**
 * One String per distinct value of the low-cardinality fields (intent, provider, model, action, ...) instead of
 * one per line: the parser's String allocation was the largest single cost of a scan, and a pooled String
 * also arrives with its hash cached for the aggregation maps. A small fixed table, one per file scan (no
 * locking); a value that finds no slot is returned as a fresh String, so a field that turns out to be
 * high-cardinality only loses the benefit, never correctness.
 */
final class ValuePool {
    private static final int SLOTS = 512;
    private static final int MAX_LENGTH = 64;
    private static final int PROBES = 8;

    private final String[] table = new String[SLOTS];

    String get(char[] chars, int off, int len) {
        if (len > MAX_LENGTH) {
            return new String(chars, off, len);
        }
        int h = 0;
        for (int i = off; i < off + len; i++) {
            h = 31 * h + chars[i]; // String.hashCode's formula, so a hit can be checked against the cached hash first
        }
        int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
        for (int probe = 0; probe < PROBES; probe++, slot = (slot + 1) & (SLOTS - 1)) {
            String s = table[slot];
            if (s == null) {
                s = new String(chars, off, len);
                table[slot] = s;
                return s;
            }
            if (s.hashCode() == h && same(s, chars, off, len)) {
                return s;
            }
        }
        return new String(chars, off, len);
    }

    private static boolean same(String s, char[] chars, int off, int len) {
        if (s.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) != chars[off + i]) {
                return false;
            }
        }
        return true;
    }
}
