package dev.evalops.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.evalops.catalogue.FunctionCatalogue;
import dev.evalops.core.BadInputException;

class ScheduledInvocationTest {

    @Test
    void everyScheduleOfTheCatalogueByDefault() {
        assertThat(ScheduledInvocation.select(FunctionCatalogue.ALL, Optional.empty()))
                .extracting(s -> s.function().name() + "/" + s.run().id())
                .containsExactly("smoke-eval/smoke-nightly", "golden-set-eval/golden-weekly", "weekly-rollup/rollup-weekly");
    }

    @Test
    void onlyTheNamedFunctions() {
        assertThat(ScheduledInvocation.select(FunctionCatalogue.ALL, Optional.of("weekly-rollup, smoke-eval")))
                .extracting(s -> s.run().id()).containsExactly("smoke-nightly", "rollup-weekly");
    }

    @Test
    void namesWhatItDoesNotKnow() {
        assertThatThrownBy(() -> ScheduledInvocation.select(FunctionCatalogue.ALL, Optional.of("smoke")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("unknown function 'smoke'").hasMessageContaining("smoke-eval");
        assertThatThrownBy(() -> ScheduledInvocation.select(FunctionCatalogue.ALL, Optional.of("drift-response")))
                .isInstanceOf(BadInputException.class).hasMessageContaining("have no schedule");
        assertThatThrownBy(() -> ScheduledInvocation.byId(ScheduledInvocation.select(FunctionCatalogue.ALL, Optional.empty()), "nightly"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no schedule 'nightly'").hasMessageContaining("golden-weekly");
    }
}
