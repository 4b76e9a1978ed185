package dev.evalops.smoke;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code evalops.smoke.*} (env {@code EVALOPS_SMOKE_*}); README "Smoke eval" lists them. */
@ConfigMapping(prefix = "evalops.smoke")
public interface SmokeConfig {

    /**
     * The suite override, relative to the data root (the analytics bucket, or the local data folder): used when
     * it exists and the trigger names no suite; otherwise the suite bundled in the function runs.
     */
    @WithDefault("smoke/suite.json")
    String suiteKey();

    /** How many times a failing case is run again; a case that passes on a retry is reported flaky. */
    @WithDefault("1")
    int retries();
}
