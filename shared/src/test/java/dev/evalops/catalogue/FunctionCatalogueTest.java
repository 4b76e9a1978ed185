package dev.evalops.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import dev.evalops.schedule.ScheduledRun;
import dev.evalops.testing.AwsEmulator;

class FunctionCatalogueTest {

    @Test
    void namesAndSchedulesAreUnique() {
        assertThat(FunctionCatalogue.ALL).extracting(FunctionSpec::name)
                .containsExactly("smoke-eval", "golden-set-eval", "weekly-rollup", "drift-response");
        List<String> ids = FunctionCatalogue.ALL.stream().flatMap(f -> f.schedules().stream()).map(ScheduledRun::id).toList();
        assertThat(ids).doesNotHaveDuplicates().containsExactly("smoke-nightly", "golden-weekly", "rollup-weekly");
        assertThat(AlarmCatalogue.ALL).extracting(AlarmSpec::id).doesNotHaveDuplicates();
    }

    @Test
    void invokesOnlyCatalogueFunctions() {
        FunctionCatalogue.ALL.forEach(f -> f.needs().invokes().forEach(i -> assertThat(FunctionCatalogue.find(i.function()))
                .as("%s invokes %s", f.name(), i.function()).isPresent()));
    }

    @Test
    void theStackWritesTheSameInitialFlagsAsTheEmulatorSetup() {
        assertThat(Parameters.SAFE_MODE_INITIAL).isEqualTo(AwsEmulator.SAFE_MODE_INITIAL);
        assertThat(Parameters.RELEASE_GATE_INITIAL).isEqualTo(AwsEmulator.RELEASE_GATE_INITIAL);
        assertThat(Parameters.path("prod", Parameters.SAFE_MODE)).isEqualTo("/evalops/prod/safe-mode");
    }

    @Test
    void routerCallersReadTheRouterKey() {
        assertThat(FunctionCatalogue.SMOKE.needs().parameters()).contains(new Needs.Grant(Parameters.ROUTER_API_KEY, Access.READ));
        assertThat(FunctionCatalogue.ROLLUP.needs().usesRouter()).isFalse();
        assertThat(FunctionCatalogue.ROLLUP.needs().parameters()).isEmpty();
    }

    @Test
    void rejectsWhatLambdaWouldRefuse() {
        assertThatThrownBy(() -> new FunctionSpec("x", "", 64, Duration.ofMinutes(1), OptionalInt.empty(), List.of(), Needs.none()))
                .hasMessageContaining("128-10240");
        assertThatThrownBy(() -> new FunctionSpec("x", "", 512, Duration.ofMinutes(16), OptionalInt.empty(), List.of(), Needs.none()))
                .hasMessageContaining("15 minutes");
        assertThatThrownBy(() -> Needs.none().reads("eval_runs/smoke")).hasMessageContaining("ending in '/'");
    }
}
