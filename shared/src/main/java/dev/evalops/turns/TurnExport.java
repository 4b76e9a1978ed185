package dev.evalops.turns;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.evalops.artifacts.InputObject;
import dev.evalops.artifacts.Inputs;

/**
 * The sanitized turn export's layout: {@code <root>/dt=YYYY-MM-DD/*.jsonl.gz} (plain {@code .jsonl} is read too).
 * Lists one day partition at a time, so a job over a week never lists years of exports.
 */
public final class TurnExport {
    private final Inputs inputs;
    private final String root;

    /** @param root {@code turns}, {@code s3://bucket/turns} or a local folder */
    public TurnExport(Inputs inputs, String root) {
        this.inputs = inputs;
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    /** The resolved root, for messages. */
    public String root() {
        return inputs.resolve(root);
    }

    /** The turn files of the partitions {@code from .. to} (both included), day by day, each day in name order. */
    public List<TurnFile> files(LocalDate from, LocalDate to) {
        List<TurnFile> files = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            files.addAll(files(day));
        }
        return files;
    }

    /** The turn files of one day's partition in name order; empty when the partition is missing. */
    private List<TurnFile> files(LocalDate day) {
        return inputs.list(root + "/dt=" + day).stream()
                .filter(o -> o.location().endsWith(".jsonl.gz") || o.location().endsWith(".jsonl"))
                .map(o -> new TurnFile(day, o))
                .toList();
    }

    /** One file of a day partition. */
    public record TurnFile(LocalDate partition, InputObject object) {
        public String location() {
            return object.location();
        }
    }
}
