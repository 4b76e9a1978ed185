package dev.evalops.launcher;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.evalops.core.BadInputException;
import dev.evalops.core.Json;

/**
 * {@code safe-mode status | enter --by --reason | exit --by --reason [--qa-clean] [--force] [--dry-run]}: the
 * drift-response function's manual actions, built as the same payloads a person would send with
 * {@code aws lambda invoke}.
 */
final class SafeModeCommand implements LauncherCommand {
    private static final String USAGE = "safe-mode status | enter --by <who> --reason <why> | exit --by <who> --reason <why> "
            + "[--qa-clean] [--force] [--dry-run]  [--out <dir|s3://bucket>]";

    @Override
    public String name() {
        return "safe-mode";
    }

    @Override
    public String usage() {
        return USAGE + "   show, enter or leave safe mode (exit is guarded)";
    }

    @Override
    public Invocation prepare(List<String> args) {
        LauncherArgs a = LauncherArgs.parse(name(), args, Set.of("by", "reason", "out"), Set.of("qa-clean", "force", "dry-run"));
        if (a.positional().size() != 1) {
            throw new BadInputException("safe-mode: expected one of status, enter, exit (usage: " + USAGE + ")");
        }
        String verb = a.positional().get(0);
        ObjectNode payload = Json.mapper().createObjectNode();
        switch (verb) {
            case "status" -> {
                only(a, verb, Set.of("out"));
                payload.put("action", "status");
            }
            case "enter" -> {
                only(a, verb, Set.of("by", "reason", "out"));
                payload.put("action", "enter-safe-mode").put("by", a.required("by")).put("reason", a.required("reason"));
            }
            case "exit" -> {
                payload.put("action", "exit-safe-mode").put("by", a.required("by")).put("reason", a.required("reason"))
                        .put("qaClean", a.flag("qa-clean")).put("force", a.flag("force")).put("dryRun", a.flag("dry-run"));
            }
            default -> throw new BadInputException("safe-mode: unknown action '" + verb + "', expected status, enter or exit");
        }
        return new Invocation.Handler(payload, a.option("out").map(LauncherArgs::outputConfig).orElse(Map.of()));
    }

    private static void only(LauncherArgs a, String verb, Set<String> allowed) {
        for (String option : List.of("by", "reason", "qa-clean", "force", "dry-run")) {
            if (!allowed.contains(option) && a.option(option).isPresent()) {
                throw new BadInputException("safe-mode " + verb + ": option --" + option + " does not apply (usage: " + USAGE + ")");
            }
        }
    }
}
