package dev.evalops.sanitize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The trigger keywords of every row in one trie over lower-case ASCII letters, so finding them costs one walk per
 * word start instead of one scan per row. A keyword matches where a word starts with it ("pass" in "password"), or,
 * for a whole-word trigger, where the word is exactly it ("St" but not "still").
 */
final class Keywords {
    /** children[node * 26 + letter]: the child node, 0 for none (the root is never a child). */
    private int[] children = new int[26 * 16];
    private long[] rows = new long[16];
    private long[] wholeWordRows = new long[16];
    private int nodes = 1;
    private final List<Trigger.KeywordTrigger> triggers = new ArrayList<>();

    /** Registers a keyword trigger and gives it its number. */
    void add(Trigger.KeywordTrigger trigger) {
        if (triggers.size() == Long.SIZE) {
            throw new IllegalStateException("more than 64 keyword triggers");
        }
        trigger.number = triggers.size();
        long bit = 1L << trigger.number;
        triggers.add(trigger);
        for (String w : trigger.words) {
            String word = w.toLowerCase(Locale.ROOT);
            int node = 0;
            for (int i = 0; i < word.length(); i++) {
                int c = word.charAt(i) - 'a';
                if (c < 0 || c >= 26) {
                    throw new IllegalArgumentException("trigger keywords are ASCII letters: " + w);
                }
                int child = children[node * 26 + c];
                if (child == 0) {
                    child = newNode();
                    children[node * 26 + c] = child;
                }
                node = child;
            }
            if (trigger.wholeWord) {
                wholeWordRows[node] |= bit;
            } else {
                rows[node] |= bit;
            }
        }
    }

    int size() {
        return triggers.size();
    }

    /** Bit n set: trigger number n has a keyword the word at {@code i} starts with (or is, for whole-word ones). */
    long at(String s, int i) {
        long found = 0;
        int node = 0;
        for (int j = i, n = s.length(); j < n; j++) {
            char ch = s.charAt(j);
            int c = (ch | 0x20) - 'a';
            if (c < 0 || c >= 26 || ch > 'z') {
                break;
            }
            node = children[node * 26 + c];
            if (node == 0) {
                break;
            }
            found |= rows[node];
            if (wholeWordRows[node] != 0 && (j + 1 == n || !Character.isLetter(s.charAt(j + 1)))) {
                found |= wholeWordRows[node];
            }
        }
        return found;
    }

    private int newNode() {
        if (nodes == rows.length) {
            rows = Arrays.copyOf(rows, nodes * 2);
            wholeWordRows = Arrays.copyOf(wholeWordRows, nodes * 2);
            children = Arrays.copyOf(children, nodes * 2 * 26);
        }
        return nodes++;
    }
}
