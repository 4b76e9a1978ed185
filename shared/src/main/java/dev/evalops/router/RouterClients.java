package dev.evalops.router;

import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import dev.evalops.artifacts.Inputs;
import dev.evalops.catalogue.Parameters;
import dev.evalops.config.EvalOpsConfig;
import dev.evalops.core.BadInputException;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Where jobs get their {@link RouterClient}, one per run (close it when the run ends):
 * {@link #live(Optional)} calls the router at {@code evalops.router.url} (or the run's override),
 * {@link #replay(String)} answers from recorded predictions.
 * <p>
 * The bearer key is read from SSM once per live client ({@code evalops.router.api-key-source=ssm}), so a
 * rotated key is picked up by the next run and a missing parameter fails the run before it writes anything.
 */
@ApplicationScoped
public class RouterClients {
    private final EvalOpsConfig config;
    private final Supplier<SsmClient> ssm;
    private final Inputs inputs;

    @Inject
    public RouterClients(EvalOpsConfig config, Instance<SsmClient> ssm, Inputs inputs) {
        this(config, ssm::get, inputs);
    }

    /** @param ssm resolved only when the key source is {@code ssm} */
    public RouterClients(EvalOpsConfig config, Supplier<SsmClient> ssm, Inputs inputs) {
        this.config = config;
        this.ssm = ssm;
        this.inputs = inputs;
    }

    public RouterClient live(Optional<String> urlOverride) {
        EvalOpsConfig.Router router = config.router();
        String url = urlOverride.filter(u -> !u.isBlank()).or(router::url).filter(u -> !u.isBlank())
                .orElseThrow(() -> new BadInputException("no router URL: set evalops.router.url (EVALOPS_ROUTER_URL) or pass one for the run"));
        RouterSettings settings = RouterSettings.from(router, url);
        return new HttpRouterClient(settings, apiKey(router));
    }

    public ReplayRouterClient replay(String location) {
        return ReplayRouterClient.load(inputs, location);
    }

    private Optional<String> apiKey(EvalOpsConfig.Router router) {
        return switch (router.apiKeySource()) {
            case "none" -> Optional.empty();
            case "ssm" -> Optional.of(RouterApiKey.fromSsm(ssm.get(),
                    router.apiKeyParameter().orElse(Parameters.path(config.env(), Parameters.ROUTER_API_KEY))));
            default -> throw new IllegalStateException("evalops.router.api-key-source must be ssm or none, got: " + router.apiKeySource());
        };
    }
}
