package dev.evalops.sanitize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The non-overlapping findings of one text, by start; rows earlier in the table claim their spans first. */
final class Findings {
    private final TreeMap<Integer, Finding> byStart = new TreeMap<>();

    boolean overlaps(int start, int end) {
        Map.Entry<Integer, Finding> before = byStart.floorEntry(end - 1);
        return before != null && before.getValue().end() > start;
    }

    boolean covers(int position) {
        return overlaps(position, position + 1);
    }

    void add(Finding f) {
        byStart.put(f.start(), f);
    }

    boolean isEmpty() {
        return byStart.isEmpty();
    }

    List<Finding> list() {
        return new ArrayList<>(byStart.values());
    }
}
