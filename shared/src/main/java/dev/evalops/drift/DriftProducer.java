package dev.evalops.drift;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

import dev.evalops.artifacts.ArtifactStore;
import dev.evalops.artifacts.Inputs;
import dev.evalops.config.EvalOpsConfig;
import dev.evalops.golden.GoldenEval;
import dev.evalops.safemode.AlarmStates;
import dev.evalops.safemode.CloudWatchAlarmStates;
import dev.evalops.safemode.ExitGuard;
import dev.evalops.safemode.GoldenRuns;
import dev.evalops.safemode.RecordedAlarmStates;
import dev.evalops.safemode.SafeModeService;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** Picks the AWS or local edge of the drift response from {@code evalops.drift.*}; AWS clients are built only when used. */
@ApplicationScoped
public class DriftProducer {

    @Produces
    @ApplicationScoped
    ExitGuard exitGuard(DriftConfig config, EvalOpsConfig evalops, SafeModeService safeMode, Instance<CloudWatchClient> cloudWatch,
            ArtifactStore store) {
        String source = config.alarmStates().orElse(evalops.metrics().backend().equals("cloudwatch") ? "cloudwatch" : "recorded");
        AlarmStates states = switch (source) {
            case "cloudwatch" -> new CloudWatchAlarmStates(cloudWatch.get());
            case "recorded" -> new RecordedAlarmStates(safeMode);
            default -> throw new IllegalStateException("evalops.drift.alarm-states must be cloudwatch or recorded, got: " + source);
        };
        return new ExitGuard(states, new GoldenRuns(store));
    }

    @Produces
    @ApplicationScoped
    ProblemTurns problemTurns(DriftConfig config, Inputs inputs) {
        return new ProblemTurns(inputs, config.turnsPrefix(), Duration.ofHours(config.lookbackHours()), config.sampleSize(),
                config.lowConfidenceThreshold());
    }

    @Produces
    @ApplicationScoped
    GoldenHarness goldenHarness(DriftConfig config, Instance<LambdaClient> lambda, Instance<GoldenEval> golden, Clock clock) {
        String harness = config.harness().orElse(config.goldenFunction().isPresent() ? "lambda" : "inline");
        return switch (harness) {
            case "lambda" -> new LambdaGoldenHarness(lambda.get(), config.goldenFunction().orElseThrow(() -> new IllegalStateException(
                    "evalops.drift.harness=lambda needs evalops.drift.golden-function (EVALOPS_DRIFT_GOLDEN_FUNCTION)")), clock);
            case "inline" -> new InlineGoldenHarness(golden.get(), clock);
            default -> throw new IllegalStateException("evalops.drift.harness must be lambda or inline, got: " + harness);
        };
    }
}
