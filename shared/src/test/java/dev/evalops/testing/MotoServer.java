package dev.evalops.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One moto server driven through {@code localstack/moto.sh} (which installs the pinned moto into a
 * project-local venv on first use). Each instance has its own state dir, so tests can run a private
 * server next to the shared one and kill it on purpose.
 */
public final class MotoServer implements AutoCloseable {
    /** First start installs moto into the venv: allow for a slow pip. */
    private static final long START_TIMEOUT_SECONDS = 600;

    private final Path script;
    private final Path stateDir;
    private final URI endpoint;

    private MotoServer(Path script, Path stateDir, URI endpoint) {
        this.script = script;
        this.stateDir = stateDir;
        this.endpoint = endpoint;
    }

    /**
     * Starts a server whose state lives in {@code stateDir}.
     *
     * @param runInit create the default bucket and parameters ({@code localstack/init.py})
     */
    public static MotoServer start(Path stateDir, boolean runInit) {
        Path script = RepoRoot.find().resolve("localstack/moto.sh");
        try {
            Files.createDirectories(stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + stateDir, e);
        }
        Path log = stateDir.resolve("moto-sh.log");
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), "start")
                .redirectError(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.put("MOTO_STATE_DIR", stateDir.toString());
        // If this JVM dies without running its shutdown hooks, moto.sh's watcher stops the server.
        env.put("MOTO_WATCH_PID", Long.toString(ProcessHandle.current().pid()));
        env.put("MOTO_SKIP_INIT", runInit ? "0" : "1");
        try {
            Process p = pb.start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(START_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("moto.sh start did not finish within " + START_TIMEOUT_SECONDS + "s; log " + log
                        + ":\n" + tail(log));
            }
            Optional<String> line = out.lines().filter(l -> l.startsWith("AWS_ENDPOINT_URL=")).findFirst();
            if (p.exitValue() != 0 || line.isEmpty()) {
                throw new IllegalStateException("moto.sh start failed (exit " + p.exitValue() + "); log " + log + ":\n" + tail(log));
            }
            return new MotoServer(script, stateDir, URI.create(line.get().substring("AWS_ENDPOINT_URL=".length()).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting moto", e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public Path stateDir() {
        return stateDir;
    }

    /** Kills the server abruptly (SIGKILL), as a crash would: in-flight and later calls fail. */
    public void kill() {
        pid().flatMap(ProcessHandle::of).ifPresent(h -> {
            h.destroyForcibly();
            h.onExit().orTimeout(10, TimeUnit.SECONDS).join();
        });
    }

    /** Stops the server and cleans its state; safe to call twice. */
    @Override
    public void close() {
        try {
            ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), "stop")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(stateDir.resolve("moto-sh.log").toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().put("MOTO_STATE_DIR", stateDir.toString());
            Process p = pb.start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script + " stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<Long> pid() {
        try {
            Path file = stateDir.resolve("pid");
            return Files.exists(file) ? Optional.of(Long.parseLong(Files.readString(file).trim())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
