package dev.evalops.golden;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import dev.evalops.artifacts.ArtifactStore;
import dev.evalops.artifacts.Inputs;
import dev.evalops.config.EvalOpsConfig;
import dev.evalops.metrics.MetricsSink;
import dev.evalops.router.RouterClients;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** A {@link GoldenEval} on a local data root, configured by properties, for tests that need a real golden run. */
public final class LocalGoldenEval {
    private LocalGoldenEval() {
    }

    public static GoldenEval create(Path root, ArtifactStore artifacts, MetricsSink sink, Clock clock, Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(EvalOpsConfig.class).withMapping(GoldenConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        Inputs inputs = new Inputs(() -> {
            throw new AssertionError("local test: no S3");
        }, root.toString());
        RouterClients routers = new RouterClients(config.getConfigMapping(EvalOpsConfig.class), () -> {
            throw new AssertionError("local test: no SSM");
        }, inputs);
        return new GoldenEval(artifacts, inputs, sink, routers, config.getConfigMapping(GoldenConfig.class), clock);
    }
}
