package dev.evalops.functions.golden;

import java.util.Map;

import dev.evalops.router.sample.SampleRouter;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** The bundled sample router as the live router of the function under test ({@code evalops.router.url}). */
public class SampleRouterResource implements QuarkusTestResourceLifecycleManager {
    private SampleRouter router;

    @Override
    public Map<String, String> start() {
        router = SampleRouter.start();
        return Map.of("evalops.router.url", router.url().toString());
    }

    @Override
    public void stop() {
        if (router != null) {
            router.close();
        }
    }
}
