package dev.evalops.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;

@QuarkusMainTest
class ScheduleMainWithoutLauncherTest {

    @Test
    @Launch(value = "--list", exitCode = 2)
    void saysHowToStartIt(LaunchResult result) {
        assertThat(result.getErrorOutput()).contains("start it with ./evalops schedule");
    }
}
