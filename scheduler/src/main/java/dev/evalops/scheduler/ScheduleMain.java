package dev.evalops.scheduler;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;

import dev.evalops.catalogue.FunctionCatalogue;
import dev.evalops.config.EvalOpsConfig;
import dev.evalops.core.BadInputException;
import dev.evalops.core.Outcome;
import dev.evalops.launcher.LauncherArgs;
import dev.evalops.schedule.ScheduledInvocation;
import dev.evalops.schedule.ScheduledInvoker;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * {@code ./evalops schedule [--only <function,...>] [--out <dir|s3://bucket>] [--list] [--run-now <schedule-id>]}:
 * runs the catalogue's schedules until stopped (local soak runs, container deployments).
 */
@QuarkusMain
public class ScheduleMain implements QuarkusApplication {
    static final String USAGE = "usage: ./evalops schedule [--only <function,...>] [--out <dir|s3://bucket>] [--list] [--run-now <schedule-id>]\n"
            + "  runs the functions on the deployed schedules (UTC) until stopped; each run is ./evalops invoke <function>\n"
            + "  --list      print the schedules and their next run, then exit\n"
            + "  --run-now   run one schedule once, now, and exit with its exit code";
    private static final Logger LOG = Logger.getLogger(ScheduleMain.class);

    private final LocalScheduler local;
    private final EvalOpsConfig config;
    private final ScheduleConfig scheduleConfig;

    ScheduleMain(LocalScheduler local, EvalOpsConfig config, ScheduleConfig scheduleConfig) {
        this.local = local;
        this.config = config;
        this.scheduleConfig = scheduleConfig;
    }

    @Override
    public int run(String... args) {
        PrintStream out = System.out;
        try {
            LauncherArgs a = LauncherArgs.parse("schedule", List.of(args), Set.of("only", "out", "run-now"), Set.of("list", "help"));
            if (a.flag("help")) {
                out.println(USAGE);
                return 0;
            }
            if (!a.positional().isEmpty()) {
                throw new BadInputException("schedule: unexpected argument '" + a.positional().get(0) + "'\n" + USAGE);
            }
            List<ScheduledInvocation> selected = ScheduledInvocation.select(FunctionCatalogue.ALL, a.option("only"));
            try (ScheduledInvoker invoker = new ScheduledInvoker(launcher(), config.env(), a.option("out"))) {
                if (a.option("run-now").isPresent()) {
                    return invoker.run(ScheduledInvocation.byId(selected, a.option("run-now").get()), Instant.now());
                }
                Map<String, Instant> next = local.schedule(selected, invoker);
                out.printf("%-14s %-16s %-22s %s%n", "schedule", "function", "cron (UTC)", "next run");
                for (ScheduledInvocation s : selected) {
                    out.printf("%-14s %-16s %-22s %s%n", s.run().id(), s.function().name(), s.run().cron().eventBridgeExpression(),
                            next.get(s.run().id()).truncatedTo(ChronoUnit.SECONDS));
                }
                if (a.flag("list")) {
                    return 0;
                }
                LOG.infof("schedule: %d schedule(s) armed in env %s; stop with Ctrl-C (runs in flight are stopped too)", selected.size(), config.env());
                Quarkus.waitForExit();
                return 0;
            }
        } catch (BadInputException e) {
            System.err.println("evalops " + e.getMessage());
            return Outcome.BAD_INPUT.exitCode();
        }
    }

    private Path launcher() {
        Path path = Path.of(scheduleConfig.launcher().orElseThrow(() -> new BadInputException(
                "schedule: start it with ./evalops schedule (or set evalops.schedule.launcher to the evalops script)")));
        if (!Files.isExecutable(path)) {
            throw new BadInputException("schedule: launcher " + path + " is not an executable file (evalops.schedule.launcher)");
        }
        return path;
    }
}
