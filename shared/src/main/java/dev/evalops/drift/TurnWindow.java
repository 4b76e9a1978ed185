package dev.evalops.drift;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.evalops.artifacts.InputObject;
import dev.evalops.artifacts.Inputs;

/** The turn export files that can hold turns of a time window: every {@code dt=} partition the window touches. */
public final class TurnWindow {
    private final Inputs inputs;
    private final String prefix;

    public TurnWindow(Inputs inputs, String prefix) {
        this.inputs = inputs;
        this.prefix = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }

    /** @return locations in name order: partitions oldest first */
    public List<String> files(Instant from, Instant to) {
        List<String> files = new ArrayList<>();
        LocalDate last = to.atZone(ZoneOffset.UTC).toLocalDate();
        for (LocalDate d = from.atZone(ZoneOffset.UTC).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
            for (InputObject o : inputs.list(prefix + "/dt=" + d + "/")) {
                String name = o.fileName();
                if (name.endsWith(".jsonl") || name.endsWith(".jsonl.gz")) {
                    files.add(o.location());
                }
            }
        }
        return files;
    }
}
