package dev.evalops.scheduler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Points the scheduler at a stand-in {@code evalops} script that records its arguments and the event, and exits 1. */
public class FakeLauncherProfile implements QuarkusTestProfile {
    static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("evalops-schedule-test");
            Path script = DIR.resolve("evalops");
            Files.writeString(script, """
                    #!/bin/sh
                    printf '%s\\n' "$@" > "$(dirname "$0")/args.txt"
                    cp "$4" "$(dirname "$0")/event.json"
                    exit 1
                    """);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("evalops.schedule.launcher", DIR.resolve("evalops").toString(), "evalops.env", "staging");
    }
}
