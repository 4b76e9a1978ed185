package dev.evalops.smoke;

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
 * {@code gate status | open --reason <text> | block --reason <text> [--by <name>] [--data <dir|s3://bucket>]}: the
 * release gate through the smoke-eval handler. {@code status} exits 0 when open, 1 when blocked or absent.
 */
public final class GateCommand implements LauncherCommand {
    @Override
    public String name() {
        return "gate";
    }

    @Override
    public String usage() {
        return "gate status|open|block [--reason <text>] [--by <name>] [--data <dir|s3://bucket>]   the release gate (status exits 1 when blocked)";
    }

    @Override
    public Invocation prepare(List<String> args) {
        LauncherArgs a = LauncherArgs.parse(name(), args, Set.of("reason", "by", "data"), Set.of());
        if (a.positional().size() != 1 || !Set.of("status", "open", "block").contains(a.positional().get(0))) {
            throw new BadInputException("gate: expected one of status, open, block; got " + a.positional());
        }
        String op = a.positional().get(0);
        ObjectNode event = Json.mapper().createObjectNode().put("action", "gate-" + op);
        if (op.equals("status")) {
            if (a.option("reason").isPresent() || a.option("by").isPresent()) {
                throw new BadInputException("gate status takes no --reason or --by");
            }
        } else {
            event.put("reason", a.required("reason"));
            event.put("by", a.option("by").orElse(System.getProperty("user.name")));
        }
        return new Invocation.Handler(event, a.option("data").map(LauncherArgs::outputConfig).orElse(Map.of()));
    }
}
