package dev.evalops.golden;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.evalops.core.Json;
import dev.evalops.launcher.Invocation;
import dev.evalops.launcher.LauncherArgs;
import dev.evalops.launcher.LauncherCommand;

/**
 * {@code golden-promote-baseline --run <run id> [--by <name>] [--force] [--out <dir|s3://bucket>]}: the explicit
 * manual step that moves {@code eval_runs/golden/baseline.json}.
 */
public final class GoldenPromoteCommand implements LauncherCommand {
    @Override
    public String name() {
        return "golden-promote-baseline";
    }

    @Override
    public String usage() {
        return "golden-promote-baseline --run <run id> [--by <name>] [--force] [--out <dir|s3://bucket>]   make a golden run the baseline";
    }

    @Override
    public Invocation prepare(List<String> args) {
        LauncherArgs a = LauncherArgs.parse(name(), args, Set.of("run", "by", "out"), Set.of("force"));
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("action", "promote-baseline");
        event.put("runId", a.required("run"));
        event.put("by", a.option("by").orElse(System.getProperty("user.name", "cli")));
        event.put("force", a.flag("force"));
        return new Invocation.Handler(event, a.option("out").map(LauncherArgs::outputConfig).orElse(Map.of()));
    }
}
