package dev.evalops.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.evalops.artifacts.Inputs;
import dev.evalops.artifacts.LocalArtifactStore;
import dev.evalops.core.Outcome;
import dev.evalops.flags.LocalFlagStore;
import dev.evalops.release.ReleaseGates;
import dev.evalops.router.HttpRouterClient;
import dev.evalops.router.RouterSettings;
import dev.evalops.router.sample.SampleRouter;
import dev.evalops.router.sample.SampleRouter.Fault;
import dev.evalops.router.sample.SampleRouter.Options;

/** The bundled suite over real HTTP against the sample router: 8/8 when it behaves, and each fault caught. */
class SmokeAgainstSampleRouterTest {
    @TempDir
    Path root;
    SampleRouter router;

    @AfterEach
    void tearDown() {
        if (router != null) {
            router.close();
        }
    }

    private SmokeRunResult run(Options options) {
        router = SampleRouter.start(options);
        Clock clock = Clock.systemUTC();
        LocalFlagStore flags = new LocalFlagStore(root, "/evalops/test", clock);
        LocalArtifactStore store = new LocalArtifactStore(root, clock);
        SmokeConfig config = new SmokeConfig() {
            public String suiteKey() {
                return "smoke/suite.json";
            }

            public int retries() {
                return 1;
            }
        };
        RouterSettings settings = RouterSettings.defaults(router.url()).withBackoffBase(Duration.ofMillis(5));
        SmokeEval eval = new SmokeEval(new SuiteLoader(new Inputs(() -> null, root.toString()), config),
                () -> new HttpRouterClient(settings, Optional.empty()), flags, new ReleaseGates(flags, store, clock), store, d -> {
                }, config, clock);
        return eval.run(Optional.empty(), false);
    }

    @Test
    void theBundledSuiteIsEightOfEightAgainstTheSampleRouter() {
        SmokeRunResult r = run(Options.defaults());
        assertThat(r.reason()).isEqualTo("8/8 passed");
        assertThat(r.outcome()).isEqualTo(Outcome.PASS);
        assertThat(router.requests()).isEqualTo(10);
    }

    @Test
    void safeModeOnTheRouterWithoutTheFlagIsCaught() {
        SmokeRunResult r = run(Options.defaults().safeMode(true));
        assertThat(r.failedCases()).containsExactly("safe-mode-respected");
    }

    @Test
    void eachFaultFailsTheCaseThatGuardsAgainstIt() {
        SmokeRunResult r = run(Options.defaults()
                .fault("tier0-legal-threat", Fault.WRONG_TIER)
                .fault("schema-holds", Fault.MALFORMED_JSON)
                .fault("ambiguous-no-auto-reply", Fault.UNGATED_AUTO_REPLY)
                .fault("tier2-password-reset", Fault.status(503)));
        assertThat(r.failedCases()).containsExactly("tier2-password-reset", "tier0-legal-threat", "ambiguous-no-auto-reply", "schema-holds");
        assertThat(r.reason()).contains("tier2-password-reset (router_answered: expected a JSON answer to each of 1 call(s), got SERVER_ERROR (HTTP 503)",
                "tier0-legal-threat (tier_equals: expected 0, got 1)", "ambiguous-no-auto-reply (action_is_not: expected not auto_reply, got auto_reply)",
                "schema-holds (router_answered: expected a JSON answer to each of 1 call(s), got INVALID_RESPONSE");
        // The router client retries 5xx twice, and the smoke eval retries the case once.
        assertThat(router.attempts("tier2-password-reset")).isEqualTo(6);
        assertThat(r.gate().after().failedCases()).isEqualTo(List.copyOf(r.failedCases()));
    }
}
