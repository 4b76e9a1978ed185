package dev.evalops.golden;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.evalops.core.BadInputException;
import dev.evalops.core.Json;
import dev.evalops.core.Outcome;
import dev.evalops.launcher.Invocation;
import dev.evalops.launcher.Launcher;
import dev.evalops.launcher.LauncherArgs;
import dev.evalops.launcher.LauncherCommand;
import dev.evalops.router.sample.SampleRouter;

/**
 * {@code demo [--out <dir>] [--latency-ms N]}: README's "run the main job locally on the default setup". Starts the
 * bundled sample router in-process and runs the golden-set-eval handler on the sample golden set
 * ({@code samples/golden/v1}), artifacts in a local folder ({@code evalops-data/}), metrics to the log. A completed
 * run exits 0 whatever its verdict: the sample router is imperfect on purpose, and finding that is the demo.
 */
public final class DemoCommand implements LauncherCommand {
    static final String SAMPLE = "samples/golden/v1/golden.jsonl";

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String usage() {
        return "demo [--out <dir>] [--latency-ms N]   the golden-set eval on the sample set against the bundled sample router, locally";
    }

    @Override
    public Invocation prepare(List<String> args) {
        LauncherArgs a = LauncherArgs.parse(name(), args, Set.of("out", "latency-ms"), Set.of());
        Path golden = Path.of(System.getProperty("evalops-launcher.repo-root", ".")).resolve(SAMPLE).toAbsolutePath().normalize();
        if (!Files.isRegularFile(golden)) {
            throw new BadInputException("demo: sample golden set not found at " + golden + " (run ./evalops from the repository)");
        }
        long latency;
        try {
            latency = Long.parseLong(a.option("latency-ms").orElse("0"));
        } catch (NumberFormatException e) {
            throw new BadInputException("demo: --latency-ms must be a number, got '" + a.option("latency-ms").get() + "'", e);
        }
        String out = a.option("out").orElse("evalops-data");
        return new Invocation.Direct(() -> {
            try (SampleRouter router = SampleRouter.start(SampleRouter.Options.defaults().latency(Duration.ofMillis(latency)))) {
                System.err.println("demo: sample router on " + router.url() + "; golden set " + golden + "; artifacts under "
                        + Path.of(out).toAbsolutePath().normalize());
                ObjectNode event = Json.mapper().createObjectNode();
                event.put("action", "run");
                event.put("golden", golden.toString());
                event.put("reason", "demo");
                Map<String, String> config = new LinkedHashMap<>(LauncherArgs.outputConfig(out));
                config.put("evalops.router.url", router.url().toString());
                config.put("evalops.router.api-key-source", "none");
                config.put("evalops.metrics.backend", "log");
                JsonNode result = Launcher.callHandler(new Invocation.Handler(event, config));
                Launcher.printJson(System.out, result);
                int code = Launcher.exitCode(result);
                if (code == Outcome.GATES_FAILED.exitCode() || code == Outcome.PASS.exitCode()) {
                    System.out.println("demo: verdict " + result.path("verdict").asText() + "; read " + result.path("location").asText()
                            + "/summary.md first");
                    return 0;
                }
                return code;
            }
        });
    }
}
