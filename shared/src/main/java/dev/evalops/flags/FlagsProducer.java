package dev.evalops.flags;

import java.nio.file.Path;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

import dev.evalops.config.EvalOpsConfig;
import software.amazon.awssdk.services.ssm.SsmClient;

/** {@code evalops.flags.backend}: {@code ssm} in AWS, {@code local} for local runs. */
@ApplicationScoped
public class FlagsProducer {

    @Produces
    @ApplicationScoped
    FlagStore flagStore(EvalOpsConfig config, Instance<SsmClient> ssm, Clock clock) {
        String prefix = config.flags().prefix().orElse("/evalops/" + config.env());
        return switch (config.flags().backend()) {
            case "ssm" -> new SsmFlagStore(ssm.get(), prefix);
            case "local" -> new LocalFlagStore(Path.of(config.artifacts().localRoot()), prefix, clock);
            default -> throw new IllegalStateException("evalops.flags.backend must be ssm or local, got: " + config.flags().backend());
        };
    }
}
