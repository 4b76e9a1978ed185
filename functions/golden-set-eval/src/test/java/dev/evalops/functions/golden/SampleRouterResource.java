package dev.evalops.functions.golden;

import java.util.Map;

import dev.evalops.router.sample.SampleRouter;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The bundled sample router as the live router of the function under test ({@code evalops.router.url}), with one
 * missed escalation injected ({@link #MISSED_TIER0}, a Tier 0 golden ticket answered as Tier 1): the sample router
 * itself passes the golden gates, so live runs here show the STOP path, replays of the recording the PASS path.
 */
public class SampleRouterResource implements QuarkusTestResourceLifecycleManager {
    /** The first Tier 0 ticket of samples/golden/v1/golden.jsonl (account.takeover). */
    static final String MISSED_TIER0 = "g-000013";

    private SampleRouter router;

    @Override
    public Map<String, String> start() {
        router = SampleRouter.start(SampleRouter.Options.defaults().fault(MISSED_TIER0, SampleRouter.Fault.WRONG_TIER));
        return Map.of("evalops.router.url", router.url().toString());
    }

    @Override
    public void stop() {
        if (router != null) {
            router.close();
        }
    }
}
