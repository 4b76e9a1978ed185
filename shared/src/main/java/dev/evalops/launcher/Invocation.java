package dev.evalops.launcher;

import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

/** What a launcher command runs. */
public sealed interface Invocation {

    /**
     * The function's real handler, in-process, through the same entry point Lambda calls. {@code config}
     * entries are Quarkus config overrides applied as system properties before the application boots.
     */
    record Handler(JsonNode event, Map<String, String> config) implements Invocation {
    }

    /** A command that needs no function (generators, the sample router); returns the exit code. */
    record Direct(Callable<Integer> action) implements Invocation {
    }
}
