package dev.evalops.router.sample;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import dev.evalops.core.BadInputException;
import dev.evalops.launcher.Invocation;
import dev.evalops.launcher.LauncherArgs;
import dev.evalops.launcher.LauncherCommand;

/** {@code sample-router [--port N] [--latency-ms N] [--safe-mode]}: serves the sample router until killed. */
public final class SampleRouterCommand implements LauncherCommand {
    @Override
    public String name() {
        return "sample-router";
    }

    @Override
    public String usage() {
        return "sample-router [--port N] [--latency-ms N] [--safe-mode]   serve the sample ticket router on 127.0.0.1 until killed";
    }

    @Override
    public Invocation prepare(List<String> args) {
        LauncherArgs a = LauncherArgs.parse(name(), args, Set.of("port", "latency-ms"), Set.of("safe-mode"));
        int port = number(a, "port", 0, 0, 65535);
        int latency = number(a, "latency-ms", 0, 0, 600_000);
        SampleRouter.Options options = SampleRouter.Options.defaults().port(port).latency(Duration.ofMillis(latency)).safeMode(a.flag("safe-mode"));
        return new Invocation.Direct(() -> {
            SampleRouter router = SampleRouter.start(options);
            Runtime.getRuntime().addShutdownHook(new Thread(router::close));
            System.out.println("sample router listening on " + router.url() + " (latency " + latency + " ms, safe mode "
                    + (a.flag("safe-mode") ? "on" : "off") + "); set evalops.router.url=" + router.url() + "; Ctrl-C stops it");
            new CountDownLatch(1).await();
            return 0;
        });
    }

    private static int number(LauncherArgs a, String option, int fallback, int min, int max) {
        String value = a.option(option).orElse(null);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new BadInputException("sample-router: --" + option + " must be between " + min + " and " + max + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadInputException("sample-router: --" + option + " must be a number, got '" + value + "'", e);
        }
    }
}
