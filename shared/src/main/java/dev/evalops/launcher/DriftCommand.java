package dev.evalops.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code drift --event <file> [--out <dir|s3://bucket>]}: the drift-response handler with an alarm or manual payload. */
final class DriftCommand implements LauncherCommand {
    @Override
    public String name() {
        return "drift";
    }

    @Override
    public String usage() {
        return "drift --event <file.json> [--out <dir|s3://bucket>]   drift response to an alarm or manual payload (events/drift-response/)";
    }

    @Override
    public Invocation prepare(List<String> args) {
        LauncherArgs a = LauncherArgs.parse(name(), args, Set.of("event", "out"), Set.of());
        if (!a.positional().isEmpty()) {
            throw new dev.evalops.core.BadInputException("drift: unexpected argument " + a.positional().get(0) + " (usage: " + usage() + ")");
        }
        return new Invocation.Handler(InvokeCommand.readEvent(name(), Path.of(a.required("event"))),
                a.option("out").map(LauncherArgs::outputConfig).orElse(Map.of()));
    }
}
