package dev.evalops.rollup;

import java.util.Map;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The real {@link RollupConfig} mapping (its defaults, as in production) with a few keys overridden. */
final class RollupTestConfig {
    private RollupTestConfig() {
    }

    static RollupConfig with(Map<String, String> overrides) {
        return new SmallRyeConfigBuilder()
                .withMapping(RollupConfig.class)
                .withSources(new PropertiesConfigSource(overrides, "test", 500))
                .build()
                .getConfigMapping(RollupConfig.class);
    }

    static RollupConfig defaults() {
        return with(Map.of());
    }
}
