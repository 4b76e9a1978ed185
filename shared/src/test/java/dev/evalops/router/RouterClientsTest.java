package dev.evalops.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.evalops.artifacts.Inputs;
import dev.evalops.config.EvalOpsConfig;
import dev.evalops.core.BadInputException;
import dev.evalops.router.RouterOutcome.Answered;
import dev.evalops.router.sample.SampleRouter;
import dev.evalops.testing.AwsEmulator;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The CDI entry point with real config mapping; the bearer key from the SSM SecureString on the emulator. */
class RouterClientsTest {
    final AwsEmulator aws = AwsEmulator.get();
    @TempDir
    Path dir;
    SampleRouter router;

    @AfterEach
    void tearDown() {
        if (router != null) {
            router.close();
        }
    }

    RouterClients clients(Map<String, String> properties) {
        EvalOpsConfig config = new SmallRyeConfigBuilder()
                .withMapping(EvalOpsConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build()
                .getConfigMapping(EvalOpsConfig.class);
        return new RouterClients(config, aws::ssm, new Inputs(aws::s3, dir.toString()));
    }

    static RouterRequest ticket() {
        return new RouterRequest("s-1", "I forgot my password", "livechat", "smoke-20261122-0200-0001", "smoke");
    }

    @Test
    void sendsTheBearerKeyReadFromTheEnvironmentsSecureString() {
        String env = aws.newEnv("router-key");
        router = SampleRouter.start(SampleRouter.Options.defaults().apiKey(AwsEmulator.ROUTER_API_KEY));
        RouterClients clients = clients(Map.of("evalops.env", env, "evalops.router.api-key-source", "ssm",
                "evalops.router.url", router.url().toString()));
        try (RouterClient client = clients.live(Optional.empty())) {
            RouterOutcome outcome = client.route(ticket());
            assertThat(outcome).isInstanceOf(Answered.class);
            assertThat(((Answered) outcome).decision().intent()).isEqualTo("account.password_reset");
        }
    }

    @Test
    void withoutAKeySourceTheProtectedRouterRefusesTheCall() {
        router = SampleRouter.start(SampleRouter.Options.defaults().apiKey(AwsEmulator.ROUTER_API_KEY));
        try (RouterClient client = clients(Map.of("evalops.router.url", router.url().toString())).live(Optional.empty())) {
            RouterOutcome.Failed f = (RouterOutcome.Failed) client.route(ticket());
            assertThat(f.kind()).isEqualTo(RouterOutcome.FailureKind.CLIENT_ERROR);
            assertThat(f.httpStatus()).isEqualTo(401);
        }
    }

    @Test
    void theRunsUrlOverrideWinsOverTheConfiguredOne() {
        router = SampleRouter.start();
        try (RouterClient client = clients(Map.of("evalops.router.url", "http://127.0.0.1:1/route")).live(Optional.of(router.url().toString()))) {
            assertThat(client.route(ticket())).isInstanceOf(Answered.class);
        }
    }

    @Test
    void aMissingKeyParameterFailsBeforeAnyCallAndNamesTheParameter() {
        Map<String, String> p = new HashMap<>(Map.of("evalops.env", "no-such-env", "evalops.router.api-key-source", "ssm",
                "evalops.router.url", "http://127.0.0.1:1/route"));
        assertThatThrownBy(() -> clients(p).live(Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/evalops/no-such-env/router-api-key")
                .hasMessageNotContaining(AwsEmulator.ROUTER_API_KEY);
    }

    @Test
    void noUrlAnywhereIsBadInputAndSoIsAnUnknownKeySource() {
        assertThatThrownBy(() -> clients(Map.of()).live(Optional.empty()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("evalops.router.url");
        assertThatThrownBy(() -> clients(Map.of("evalops.router.url", "ftp://x/route")).live(Optional.empty()))
                .isInstanceOf(BadInputException.class).hasMessageContaining("http(s)");
        assertThatThrownBy(() -> clients(Map.of("evalops.router.url", "http://x/route", "evalops.router.api-key-source", "env")).live(Optional.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ssm or none");
    }
}
