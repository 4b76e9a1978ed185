package dev.evalops.rollup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.evalops.core.BadInputException;
import dev.evalops.core.Json;
import dev.evalops.launcher.Invocation;
import dev.evalops.launcher.LauncherArgs;
import dev.evalops.launcher.LauncherCommand;

/**
 * {@code ./evalops rollup --turns <dir|s3://...> (--week 2026-W47 | --from D --to D) [--previous <run>] --out <dir|s3://bucket>}:
 * the weekly-rollup handler with the manual payload, printing its JSON summary; exit 1 when a gate failed.
 */
public final class RollupCommand implements LauncherCommand {
    @Override
    public String name() {
        return "rollup";
    }

    @Override
    public String usage() {
        return "rollup --turns <dir|s3://bucket/turns> (--week 2026-W47 | --from YYYY-MM-DD --to YYYY-MM-DD) [--previous <run id>] --out <dir|s3://bucket>\n"
                + "      weekly report over a range of turn exports (default --turns: turns/ under --out); exit 1 when a gate fails";
    }

    @Override
    public Invocation prepare(List<String> args) {
        LauncherArgs a = LauncherArgs.parse("rollup", args, Set.of("turns", "week", "from", "to", "previous", "out"), Set.of());
        if (!a.positional().isEmpty()) {
            throw new BadInputException("rollup: unexpected arguments " + a.positional());
        }
        ObjectNode event = Json.mapper().createObjectNode().put("action", "run");
        if (a.option("week").isPresent()) {
            if (a.option("from").isPresent() || a.option("to").isPresent()) {
                throw new BadInputException("rollup: give either --week or --from/--to, not both");
            }
            event.put("week", a.required("week"));
        } else {
            event.put("from", a.required("from")).put("to", a.required("to"));
        }
        a.option("previous").ifPresent(p -> event.put("previous", p));
        Map<String, String> config = new LinkedHashMap<>(LauncherArgs.outputConfig(a.required("out")));
        a.option("turns").ifPresent(t -> config.put("evalops.rollup.turns-root",
                t.startsWith("s3://") ? t : java.nio.file.Path.of(t).toAbsolutePath().toString()));
        return new Invocation.Handler(event, config);
    }
}
