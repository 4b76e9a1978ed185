package dev.evalops.functions.smoke;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import dev.evalops.core.Json;
import dev.evalops.router.sample.SampleRouter;
import dev.evalops.router.sample.SampleRouter.Fault;
import dev.evalops.testing.AwsEmulator;
import dev.evalops.testing.EmulatorTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The router the smoke eval under test calls, by scenario ({@code @ResourceArg(name = "scenario")}):
 * <ul>
 * <li>{@code green}: the sample router as it is;</li>
 * <li>{@code red}: misbehaving on purpose: wrong tier for the fraud case, a slow answer for the latency case, the
 * ticket text (with its e-mail addresses) echoed for the PII case;</li>
 * <li>{@code echo}: every ticket's text echoed back in {@code fallback_reason} (PII included);</li>
 * <li>{@code down}: nothing listens at the configured URL.</li>
 * </ul>
 * Like the production router, the sample router reads safe mode from the environment's SSM flag on every request.
 */
public class SampleRouterResource implements QuarkusTestResourceLifecycleManager {
    public static final Duration SLOW = Duration.ofMillis(5200);
    private String scenario;
    private SampleRouter router;

    @Override
    public void init(Map<String, String> args) {
        scenario = args.getOrDefault("scenario", "green");
    }

    @Override
    public Map<String, String> start() {
        if (scenario.equals("down")) {
            return Map.of("evalops.router.url", "http://127.0.0.1:" + closedPort() + "/route");
        }
        SampleRouter.Options options = SampleRouter.Options.defaults().safeMode(SampleRouterResource::safeModeFlag);
        if (scenario.equals("red")) {
            options = options.fault("tier0-fraud-chargeback", Fault.WRONG_TIER)
                    .fault("latency-and-cost", Fault.slow(SLOW))
                    .fault("pii-not-echoed", Fault.ECHO_TEXT);
        } else if (scenario.equals("echo")) {
            options = options.everyTicket(Fault.ECHO_TEXT);
        } else if (!scenario.equals("green")) {
            throw new IllegalArgumentException("scenario must be green, red, echo or down: " + scenario);
        }
        router = SampleRouter.start(options);
        return Map.of("evalops.router.url", router.url().toString());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(router, new TestInjector.AnnotatedAndMatchesType(InjectSampleRouter.class, SampleRouter.class));
    }

    @Override
    public void stop() {
        if (router != null) {
            router.close();
        }
    }

    private static boolean safeModeFlag() {
        String value = AwsEmulator.get().ssm().getParameter(b -> b.name("/evalops/" + EmulatorTestResource.env() + "/safe-mode"))
                .parameter().value();
        try {
            return Json.mapper().readTree(value).path("enabled").asBoolean(false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
