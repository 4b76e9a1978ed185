package dev.evalops.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dev.evalops.catalogue.FunctionSpec;
import dev.evalops.core.BadInputException;

/** One schedule of one function, as {@code ./evalops schedule} runs it. */
public record ScheduledInvocation(FunctionSpec function, ScheduledRun run) {

    /**
     * Every schedule of {@code catalogue}, or only those of the functions named in {@code only} (comma-separated).
     *
     * @throws BadInputException naming an unknown function and the known ones
     */
    public static List<ScheduledInvocation> select(List<FunctionSpec> catalogue, Optional<String> only) {
        Set<String> known = catalogue.stream().map(FunctionSpec::name).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        Optional<Set<String>> wanted = only.map(o -> Arrays.stream(o.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet()));
        wanted.ifPresent(w -> w.stream().filter(n -> !known.contains(n)).findFirst().ifPresent(n -> {
            throw new BadInputException("schedule: --only names unknown function '" + n + "' (known: " + String.join(", ", known) + ")");
        }));
        List<ScheduledInvocation> out = new ArrayList<>();
        for (FunctionSpec f : catalogue) {
            if (wanted.isEmpty() || wanted.get().contains(f.name())) {
                f.schedules().forEach(r -> out.add(new ScheduledInvocation(f, r)));
            }
        }
        if (out.isEmpty()) {
            throw new BadInputException("schedule: nothing to run: " + only.map(o -> "the functions in --only " + o + " have no schedule")
                    .orElse("the catalogue has no schedule"));
        }
        return out;
    }

    /** Finds one schedule by its id among {@code selected}. */
    public static ScheduledInvocation byId(List<ScheduledInvocation> selected, String id) {
        return selected.stream().filter(s -> s.run().id().equals(id)).findFirst().orElseThrow(() -> new BadInputException(
                "schedule: no schedule '" + id + "' (known: " + selected.stream().map(s -> s.run().id()).collect(Collectors.joining(", ")) + ")"));
    }
}
