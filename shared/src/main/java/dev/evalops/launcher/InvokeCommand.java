package dev.evalops.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.core.BadInputException;
import dev.evalops.core.Json;

/** {@code invoke <function> --event <file> [--out <dir|s3://bucket>]}: the handler with a payload file, as Lambda would. */
final class InvokeCommand implements LauncherCommand {
    @Override
    public String name() {
        return "invoke";
    }

    @Override
    public String usage() {
        return "invoke <function> --event <file.json> [--out <dir|s3://bucket>]   run a function's handler with a trigger payload";
    }

    @Override
    public Invocation prepare(List<String> args) {
        LauncherArgs a = LauncherArgs.parse("invoke", args, Set.of("event", "out"), Set.of());
        return new Invocation.Handler(readEvent("invoke", Path.of(a.required("event"))),
                a.option("out").map(LauncherArgs::outputConfig).orElse(Map.of()));
    }

    /** A trigger payload file, as JSON; unreadable or empty is bad input naming the file. */
    static JsonNode readEvent(String command, Path file) {
        JsonNode event;
        try {
            event = Json.mapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new BadInputException(command + ": cannot read event file " + file + ": " + e.getMessage(), e);
        }
        if (event == null) {
            throw new BadInputException(command + ": event file " + file + " is empty");
        }
        return event;
    }
}
