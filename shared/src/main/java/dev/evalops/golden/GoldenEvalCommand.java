package dev.evalops.golden;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code golden-eval --golden <file|s3://...> [--policy <file|s3://...>] (--predictions <file|s3://...> | --router <url>)
 * [--baseline <run>] --out <dir|s3://bucket> [--reason <text>] [--dry-run]}: the golden-set-eval handler with a manual
 * {@code run} payload. Prints the JSON result; exit 0 PASS, 1 STOP/INVESTIGATE_POLICY/REGRESSION, 2 bad input, 3 internal error.
 */
public final class GoldenEvalCommand implements LauncherCommand {
    @Override
    public String name() {
        return "golden-eval";
    }

    @Override
    public String usage() {
        return "golden-eval --golden <file|s3://..> [--policy <file|s3://..>] (--predictions <file|s3://..> | --router <url>) "
                + "[--baseline <run>] --out <dir|s3://bucket> [--reason <text>] [--dry-run]   golden-set regression run";
    }

    @Override
    public Invocation prepare(List<String> args) {
        LauncherArgs a = LauncherArgs.parse(name(), args, Set.of("golden", "policy", "predictions", "router", "baseline", "out", "reason"),
                Set.of("dry-run"));
        if (a.option("predictions").isPresent() == a.option("router").isPresent()) {
            throw new BadInputException(name() + ": give exactly one of --predictions <file|s3://...> (replay) or --router <url> (live)");
        }
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("action", "run");
        event.put("golden", location(a.required("golden")));
        a.option("policy").ifPresent(p -> event.put("policy", location(p)));
        a.option("predictions").ifPresent(p -> event.put("predictions", location(p)));
        a.option("baseline").ifPresent(b -> event.put("baseline", b));
        event.put("reason", a.option("reason").orElse("cli:golden-eval"));
        event.put("dryRun", a.flag("dry-run"));
        Map<String, String> config = new LinkedHashMap<>(LauncherArgs.outputConfig(a.required("out")));
        a.option("router").ifPresent(url -> config.put("evalops.router.url", url));
        return new Invocation.Handler(event, config);
    }

    /** A local file as an absolute path (the output folder becomes the data root, so relative paths would move). */
    static String location(String given) {
        if (given.startsWith("s3://")) {
            return given;
        }
        Path p = Path.of(given);
        return Files.exists(p) ? p.toAbsolutePath().normalize().toString() : given;
    }
}
