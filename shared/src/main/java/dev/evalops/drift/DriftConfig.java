package dev.evalops.drift;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code evalops.drift.*}: how the drift alarm response reads alarms and gathers evidence (README "drift-response"). */
@ConfigMapping(prefix = "evalops.drift")
public interface DriftConfig {

    /**
     * Alarm-name patterns ({@code *} = any run of characters, {@code ?} = one) of alarms that mean customers can be
     * harmed by automated replies: these turn safe mode on. Checked before {@link #noHarmAlarms()}.
     */
    @WithDefault("*tier0*,*tier-0*,*tier2*,*tier-2*,*unsafe*,*smoke-red*,*macro-f1*,*intent-mix*,*intent-accuracy*,*task-accuracy*,"
            + "*golden*,*override*")
    List<String> harmAlarms();

    /**
     * Patterns of alarms that route-only cannot help (latency, cost, cache) and our own safe-mode alarm: recorded,
     * evidence gathered, safe mode unchanged.
     */
    @WithDefault("*latency*,*cost*,*cache*,*token*,*safe-mode*")
    List<String> noHarmAlarms();

    /** An alarm matching no pattern: treated as customer harm possible (true, protect customers first) or not. */
    @WithDefault("true")
    boolean unmatchedAlarmsHarm();

    /** How far back the problem-ticket sample looks into {@code turns/dt=...}. */
    @WithDefault("24")
    int lookbackHours();

    /** Turns in the labeling batch, 10 to 30 (fewer when the window holds fewer problem turns). */
    @WithDefault("20")
    int sampleSize();

    /** A turn with confidence below this counts as low confidence. */
    @WithDefault("0.6")
    double lowConfidenceThreshold();

    /** Prefix of the turn exports ({@code <prefix>/dt=YYYY-MM-DD/part-*.jsonl[.gz]}), relative to the data root or s3://. */
    @WithDefault("turns")
    String turnsPrefix();

    /**
     * {@code lambda} (asynchronous invoke of {@link #goldenFunction()}) or {@code inline} (the golden eval in this
     * process). Unset: {@code lambda} when a golden function is configured (the CDK stack sets it), else {@code inline}.
     */
    Optional<String> harness();

    /** Name or ARN of the golden-set-eval Lambda function the harness invokes ({@code EVALOPS_DRIFT_GOLDEN_FUNCTION}). */
    Optional<String> goldenFunction();

    /** Golden set version the harness runs. */
    @WithDefault("v1")
    String goldenVersion();

    /**
     * Where the exit guard reads alarm states: {@code cloudwatch} (DescribeAlarms) or {@code recorded} (the last
     * notifications, local runs). Unset: {@code cloudwatch} when the metrics (which the alarms watch) go to CloudWatch.
     */
    Optional<String> alarmStates();
}
