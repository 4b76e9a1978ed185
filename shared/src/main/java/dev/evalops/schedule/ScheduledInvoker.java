package dev.evalops.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

import dev.evalops.core.Json;

/**
 * Runs a scheduled invocation the way an operator would: {@code ./evalops invoke <function> --event <file>} in its
 * own process, with the Scheduled Event EventBridge would have sent at that fire time. A process per run keeps each
 * function's application, memory and failures its own, as in Lambda.
 */
public final class ScheduledInvoker implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ScheduledInvoker.class);

    private final Path launcher;
    private final String env;
    private final Optional<String> out;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();

    /**
     * @param launcher the repo's {@code evalops} script
     * @param out      passed on as {@code --out} (a folder or {@code s3://bucket}); empty = the functions' own config
     */
    public ScheduledInvoker(Path launcher, String env, Optional<String> out) {
        this.launcher = launcher;
        this.env = env;
        this.out = out;
    }

    /** Runs it and waits; returns the launcher's exit code (0 pass, 1 gates failed, 2 bad input, 3 internal error). */
    public int run(ScheduledInvocation invocation, Instant fireTime) {
        String fn = invocation.function().name();
        Path event = null;
        try {
            event = Files.createTempFile("evalops-" + invocation.run().id() + "-", ".json");
            Files.writeString(event, Json.mapper().writeValueAsString(ScheduledEvent.render(invocation.run(), env, fireTime)));
            List<String> command = new ArrayList<>(List.of(launcher.toString(), "invoke", fn, "--event", event.toString()));
            out.ifPresent(o -> command.addAll(List.of("--out", o)));
            LOG.infof("schedule %s: %s fires for %s", invocation.run().id(), fn, fireTime);
            Instant started = Instant.now();
            Process process = new ProcessBuilder(command).inheritIO().start();
            running.add(process);
            int code;
            try {
                code = process.waitFor();
            } finally {
                running.remove(process);
            }
            String took = Duration.between(started, Instant.now()).toString();
            if (code <= 1) {
                LOG.infof("schedule %s: %s exited %d (%s) after %s", invocation.run().id(), fn, code, code == 0 ? "pass" : "gates failed", took);
            } else {
                LOG.errorf("schedule %s: %s exited %d (%s) after %s", invocation.run().id(), fn, code, code == 2 ? "bad input" : "internal error", took);
            }
            return code;
        } catch (IOException e) {
            throw new UncheckedIOException("schedule " + invocation.run().id() + ": cannot start " + launcher + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("schedule " + invocation.run().id() + ": interrupted while " + fn + " ran", e);
        } finally {
            if (event != null) {
                try {
                    Files.deleteIfExists(event);
                } catch (IOException ignored) {
                    // a stray temp file is harmless; the run's own outcome is what matters
                }
            }
        }
    }

    /** Stops the runs in flight (on shutdown), so no function outlives the scheduler. */
    @Override
    public void close() {
        running.forEach(p -> {
            LOG.warnf("schedule: stopping a run in flight (pid %d)", p.pid());
            p.destroy();
        });
    }
}
