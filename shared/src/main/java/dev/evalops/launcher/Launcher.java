package dev.evalops.launcher;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.core.BadInputException;
import dev.evalops.core.Json;
import dev.evalops.core.Outcome;
import io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler;

/**
 * {@code ./evalops}: runs one command. Handler commands boot the function's packaged application and
 * call it through {@link QuarkusStreamHandler}, exactly as Lambda does, then map the result's
 * {@code outcome} to the exit code (0 pass, 1 gates failed, 2 bad input/usage, 3 internal error).
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("help")) {
            out.println("usage: ./evalops <command> [options]\n\ncommands:");
            Commands.ALL.forEach(c -> out.println("  " + c.usage()));
            out.println("\nexit codes: 0 pass, 1 gates failed / red / refused, 2 bad input or usage, 3 internal error");
            return args.isEmpty() ? Outcome.BAD_INPUT.exitCode() : 0;
        }
        String name = args.get(0);
        LauncherCommand command = Commands.find(name).orElse(null);
        if (command == null) {
            err.println("evalops: unknown command '" + name + "' (./evalops --help lists them)");
            return Outcome.BAD_INPUT.exitCode();
        }
        try {
            Invocation invocation = command.prepare(args.subList(1, args.size()));
            return switch (invocation) {
                case Invocation.Direct direct -> direct.action().call();
                case Invocation.Handler handler -> invokeHandler(handler, out);
            };
        } catch (Throwable t) {
            boolean bad = isBadInput(t);
            err.println("evalops " + name + ": " + (bad ? "bad input: " : "internal error: ") + rootMessage(t));
            if (!bad && Boolean.getBoolean("evalops-launcher.trace")) {
                t.printStackTrace(err);
            }
            return bad ? Outcome.BAD_INPUT.exitCode() : Outcome.INTERNAL_ERROR.exitCode();
        }
    }

    private static int invokeHandler(Invocation.Handler handler, PrintStream out) throws Exception {
        JsonNode result = callHandler(handler);
        printJson(out, result);
        return exitCode(result);
    }

    /** A command's result on its output: the shared mapper's JSON, indented for a person. */
    public static void printJson(PrintStream out, Object result) throws JsonProcessingException {
        out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
    }

    /**
     * The function's handler, in-process through the entry point Lambda calls, for commands that do more than
     * one invocation's worth of work (e.g. {@code demo} starts the sample router first). Returns its JSON result.
     */
    public static JsonNode callHandler(Invocation.Handler handler) throws Exception {
        for (Map.Entry<String, String> e : handler.config().entrySet()) {
            System.setProperty(e.getKey(), e.getValue());
        }
        byte[] event = Json.mapper().writeValueAsBytes(handler.event());
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        new QuarkusStreamHandler().handleRequest(new ByteArrayInputStream(event), response, new LocalContext());
        return Json.mapper().readTree(response.toByteArray());
    }

    /** The documented exit code for a handler result: its {@code outcome}, or 3 when it has none. */
    public static int exitCode(JsonNode result) {
        JsonNode outcome = result == null ? null : result.get("outcome");
        if (outcome == null || !outcome.isTextual()) {
            return Outcome.INTERNAL_ERROR.exitCode();
        }
        try {
            return Outcome.valueOf(outcome.asText()).exitCode();
        } catch (IllegalArgumentException e) {
            return Outcome.INTERNAL_ERROR.exitCode();
        }
    }

    /** By name as well as by type: the handler's exception may come through another class loader. */
    static boolean isBadInput(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BadInputException || c.getClass().getName().equals(BadInputException.class.getName())) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && (c.getMessage() == null || c.getMessage().equals(c.getCause().toString()))) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.toString() : c.getMessage();
    }

}
