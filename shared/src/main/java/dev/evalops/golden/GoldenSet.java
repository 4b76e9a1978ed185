package dev.evalops.golden;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.evalops.core.BadInputException;

/**
 * A validated golden set: the usable examples in file order, the quarantined rows, and the ids that occur
 * more than once (id → line numbers).
 */
public record GoldenSet(String location, List<GoldenExample> examples, List<QuarantinedRow> quarantined,
        Map<String, List<Integer>> duplicateIds) {

    public GoldenSet {
        examples = List.copyOf(examples);
        quarantined = List.copyOf(quarantined);
        duplicateIds = Map.copyOf(duplicateIds);
    }

    /** Rows read (usable + quarantined; blank lines are not rows). */
    public int rows() {
        return examples.size() + quarantined.size();
    }

    public double badShare() {
        return rows() == 0 ? 0 : (double) quarantined.size() / rows();
    }

    /**
     * Refuses a set that cannot be trusted: duplicated ids (a paired comparison would be ambiguous), no usable
     * row, or more malformed rows than {@code maxBadShare}.
     */
    public GoldenSet requireUsable(double maxBadShare) {
        if (!duplicateIds.isEmpty()) {
            String listed = duplicateIds.entrySet().stream().sorted(Map.Entry.comparingByKey()).limit(10)
                    .map(e -> e.getKey() + " (lines " + e.getValue().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")")
                    .collect(Collectors.joining("; "));
            throw new BadInputException("golden set " + location + ": " + duplicateIds.size() + " duplicated id(s): " + listed);
        }
        if (examples.isEmpty()) {
            throw new BadInputException("golden set " + location + ": no usable example (" + quarantined.size() + " malformed row(s)"
                    + firstProblems() + ")");
        }
        if (badShare() > maxBadShare) {
            throw new BadInputException(String.format(java.util.Locale.ROOT,
                    "golden set %s: %d of %d rows (%.1f%%) are malformed, more than the allowed %.1f%% (evalops.golden.max-bad-row-share)%s",
                    location, quarantined.size(), rows(), 100 * badShare(), 100 * maxBadShare, firstProblems()));
        }
        return this;
    }

    private String firstProblems() {
        if (quarantined.isEmpty()) {
            return "";
        }
        return "; first: " + quarantined.stream().limit(5)
                .map(q -> "line " + q.line() + " field '" + q.field() + "': " + q.problem())
                .collect(Collectors.joining("; "));
    }
}
