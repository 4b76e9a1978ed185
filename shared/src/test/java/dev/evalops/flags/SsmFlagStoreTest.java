package dev.evalops.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.evalops.testing.AwsEmulator;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** Against the emulator's real SSM API: versions, history and racing writers. */
class SsmFlagStoreTest {
    record SafeMode(boolean enabled, List<String> alarms) {
    }

    private final AwsEmulator aws = AwsEmulator.get();
    private SsmFlagStore store;
    private String env;

    @BeforeEach
    void freshEnv() {
        env = aws.newEnv("flags");
        store = new SsmFlagStore(aws.ssm(), "/evalops/" + env);
    }

    @Test
    void readsTheInitialValueWrittenByInit() {
        Flag<SafeMode> flag = store.read("safe-mode", SafeMode.class).orElseThrow();
        assertThat(flag.value().enabled()).isFalse();
        assertThat(flag.version()).isEqualTo(1);
        assertThat(store.parameterName("safe-mode")).isEqualTo("/evalops/" + env + "/safe-mode");
    }

    @Test
    void aWriteOnAStaleVersionIsAConflictAndIsNotCurrent() {
        store.compareAndSet("safe-mode", new SafeMode(true, List.of("a")), 1);
        assertThatThrownBy(() -> store.compareAndSet("safe-mode", new SafeMode(false, List.of()), 1))
                .isInstanceOf(FlagConflictException.class)
                .hasMessageContaining("/evalops/" + env + "/safe-mode");
        // The losing write exists as version 3 in SSM, but readers resolve to the accepted version 2.
        Flag<SafeMode> current = store.read("safe-mode", SafeMode.class).orElseThrow();
        assertThat(current.version()).isEqualTo(2);
        assertThat(current.value()).isEqualTo(new SafeMode(true, List.of("a")));
        assertThat(store.history("safe-mode", SafeMode.class)).extracting(Flag::version).containsExactly(1L, 2L);
    }

    @Test
    void updateReassertsTheAcceptedValueOverALosingWrite() {
        store.compareAndSet("safe-mode", new SafeMode(true, List.of("a")), 1);
        assertThatThrownBy(() -> store.compareAndSet("safe-mode", new SafeMode(false, List.of()), 1))
                .isInstanceOf(FlagConflictException.class);
        // A reader of the raw parameter (the router) would now see the losing value: update() repairs that
        // even when it decides to change nothing.
        store.update("safe-mode", SafeMode.class, current -> Optional.empty());
        String raw = aws.ssm().getParameter(b -> b.name("/evalops/" + env + "/safe-mode")).parameter().value();
        assertThat(raw).contains("\"enabled\":true");
    }

    @Test
    void aPersonsEditInTheConsoleWins() {
        store.compareAndSet("safe-mode", new SafeMode(true, List.of("a")), 1);
        aws.ssm().putParameter(b -> b.name("/evalops/" + env + "/safe-mode").type(ParameterType.STRING).overwrite(true)
                .value("{\"enabled\":false,\"alarms\":[]}"));
        assertThat(store.read("safe-mode", SafeMode.class).orElseThrow().value().enabled()).isFalse();
    }

    @Test
    void tenRacingWritersMakeExactlyOneTransitionAndLoseNoAlarm() throws Exception {
        int writers = 10;
        AtomicInteger transitions = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Flag<SafeMode>>> results = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String alarm = "alarm-" + i;
            results.add(pool.submit(() -> {
                start.await();
                boolean[] turnedOn = new boolean[1];
                Flag<SafeMode> flag = store.update("safe-mode", SafeMode.class, current -> {
                    SafeMode now = current.orElseThrow();
                    turnedOn[0] = !now.enabled();
                    List<String> alarms = new ArrayList<>(now.alarms());
                    if (alarms.contains(alarm)) {
                        return Optional.empty();
                    }
                    alarms.add(alarm);
                    return Optional.of(new SafeMode(true, alarms));
                });
                if (turnedOn[0]) {
                    transitions.incrementAndGet();
                }
                return flag;
            }));
        }
        start.countDown();
        for (Future<Flag<SafeMode>> f : results) {
            assertThat(f.get().value().enabled()).isTrue();
        }
        pool.shutdown();

        assertThat(transitions).hasValue(1);
        SafeMode end = store.read("safe-mode", SafeMode.class).orElseThrow().value();
        assertThat(end.alarms()).hasSize(writers).doesNotHaveDuplicates();
        List<Flag<SafeMode>> history = store.history("safe-mode", SafeMode.class);
        assertThat(history.stream().filter(f -> f.value().enabled()).map(f -> f.value().alarms().size()))
                .as("each accepted version adds exactly one alarm").containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        String raw = aws.ssm().getParameter(b -> b.name("/evalops/" + env + "/safe-mode")).parameter().value();
        assertThat(raw).as("the newest physical version is the accepted one").contains("alarm-0").contains("alarm-9");
        for (int i = 0; i < writers; i++) {
            assertThat(raw).contains("alarm-" + i);
        }
    }

    @Test
    void aMissingParameterReadsAsEmptyAndIsCreatedWithVersionZero() {
        assertThat(store.read("maintenance", SafeMode.class)).isEmpty();
        Flag<SafeMode> created = store.compareAndSet("maintenance", new SafeMode(true, List.of()), 0);
        assertThat(created.version()).isEqualTo(1);
        assertThatThrownBy(() -> store.compareAndSet("maintenance", new SafeMode(false, List.of()), 0))
                .isInstanceOf(FlagConflictException.class).hasMessageContaining("created by another writer");
    }
}
