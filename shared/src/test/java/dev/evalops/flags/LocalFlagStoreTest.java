package dev.evalops.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFlagStoreTest {
    record Gate(String state, List<String> notes) {
    }

    @TempDir
    Path root;

    @Test
    void compareAndSetRejectsAStaleVersion() {
        FlagStore store = new LocalFlagStore(root, "/evalops/test", Clock.systemUTC());
        Flag<Gate> first = store.compareAndSet("release-gate", new Gate("open", List.of()), 0);
        assertThat(first.version()).isEqualTo(1);
        store.compareAndSet("release-gate", new Gate("blocked", List.of("a")), 1);

        assertThatThrownBy(() -> store.compareAndSet("release-gate", new Gate("open", List.of("stale")), 1))
                .isInstanceOf(FlagConflictException.class)
                .hasMessageContaining("/evalops/test/release-gate")
                .hasMessageContaining("current version is 2");
        assertThat(store.read("release-gate", Gate.class).orElseThrow().value().state()).isEqualTo("blocked");
        assertThat(store.history("release-gate", Gate.class)).extracting(f -> f.value().state()).containsExactly("open", "blocked");
    }

    @Test
    void freeTextIsStoredSanitized() throws Exception {
        FlagStore store = new LocalFlagStore(root, "/evalops/test", Clock.systemUTC());
        Flag<Gate> written = store.compareAndSet("release-gate", new Gate("blocked", List.of("by jane.doe@example.com", "INC-2211")), 0);
        assertThat(written.value().notes()).element(0).asString().startsWith("by [EMAIL#").doesNotContain("jane");
        assertThat(written.value().notes()).element(1).isEqualTo("INC-2211");
        try (var files = java.nio.file.Files.walk(root)) {
            for (Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                assertThat(java.nio.file.Files.readString(f)).doesNotContain("jane.doe@example.com");
            }
        }
    }

    @Test
    void concurrentUpdatesLoseNothing() throws Exception {
        FlagStore store = new LocalFlagStore(root, "/evalops/test", Clock.systemUTC());
        int writers = 10;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String note = "alarm-" + i;
            futures.add(pool.submit(() -> {
                start.await();
                return store.update("safe-mode", Gate.class, current -> {
                    List<String> notes = new ArrayList<>(current.map(Gate::notes).orElse(List.of()));
                    notes.add(note);
                    return Optional.of(new Gate("on", notes));
                });
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertThat(store.read("safe-mode", Gate.class).orElseThrow().value().notes()).hasSize(writers);
        assertThat(store.history("safe-mode", Gate.class)).hasSize(writers);
    }

    @Test
    void updateThatDecidesNothingWritesNothing() {
        FlagStore store = new LocalFlagStore(root, "/evalops/test", Clock.systemUTC());
        Flag<Gate> none = store.update("safe-mode", Gate.class, current -> Optional.empty());
        assertThat(none.version()).isZero();
        assertThat(store.read("safe-mode", Gate.class)).isEmpty();
    }
}
