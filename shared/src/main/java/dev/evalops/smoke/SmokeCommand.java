package dev.evalops.smoke;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.evalops.core.BadInputException;
import dev.evalops.core.Json;
import dev.evalops.launcher.Invocation;
import dev.evalops.launcher.LauncherArgs;
import dev.evalops.launcher.LauncherCommand;
import dev.evalops.router.sample.SampleRouter;

/**
 * {@code smoke --router <url> [--suite <file|s3://...>] --out <dir|s3://bucket> [--dry-run]}: one run through the
 * smoke-eval handler; prints the JSON summary, exits 1 when red. {@code --sample-router} instead of {@code --router}
 * serves the sample router in this process for the run.
 */
public final class SmokeCommand implements LauncherCommand {
    @Override
    public String name() {
        return "smoke";
    }

    @Override
    public String usage() {
        return "smoke --router <url>|--sample-router [--suite <file|s3://...>] [--out <dir|s3://bucket>] [--dry-run]   run the smoke suite (exit 1 when red)";
    }

    @Override
    public Invocation prepare(List<String> args) {
        LauncherArgs a = LauncherArgs.parse(name(), args, Set.of("router", "suite", "out"), Set.of("dry-run", "sample-router"));
        if (!a.positional().isEmpty()) {
            throw new BadInputException("smoke: unexpected argument " + a.positional().get(0));
        }
        if (a.flag("sample-router") && a.option("router").isPresent()) {
            throw new BadInputException("smoke: give --router <url> or --sample-router, not both");
        }
        Map<String, String> config = new HashMap<>(a.option("out").map(LauncherArgs::outputConfig).orElse(Map.of()));
        a.option("router").ifPresent(url -> config.put("evalops.router.url", url));
        if (a.flag("sample-router")) {
            // Lives until the launcher exits; the handler runs in this JVM.
            config.put("evalops.router.url", SampleRouter.start().url().toString());
        }
        ObjectNode event = Json.mapper().createObjectNode().put("action", "run");
        // A local file is made absolute, so it is not taken for a key under an s3:// --out.
        a.option("suite").map(s -> !s.startsWith("s3://") && Files.exists(Path.of(s)) ? Path.of(s).toAbsolutePath().toString() : s)
                .ifPresent(s -> event.put("suite", s));
        event.put("dryRun", a.flag("dry-run"));
        return new Invocation.Handler(event, config);
    }
}
