package dev.evalops.catalogue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import dev.evalops.schedule.Cron;
import dev.evalops.schedule.ScheduledRun;

/**
 * The four functions, once: the CDK stack deploys and schedules exactly these, and {@code ./evalops schedule}
 * runs the same schedules locally. Plain Java (no CDI, no Jackson) so the CDK app can read it.
 */
public final class FunctionCatalogue {
    public static final String SMOKE_EVAL = "smoke-eval";
    public static final String GOLDEN_SET_EVAL = "golden-set-eval";
    public static final String WEEKLY_ROLLUP = "weekly-rollup";
    public static final String DRIFT_RESPONSE = "drift-response";

    /** drift-response finds the golden-set function it starts here ({@code evalops.drift.golden-function}). */
    public static final String DRIFT_GOLDEN_FUNCTION_ENV = "EVALOPS_DRIFT_GOLDEN_FUNCTION";

    public static final FunctionSpec SMOKE = new FunctionSpec(SMOKE_EVAL,
            "Nightly 8/8 canary against the live router; red blocks releases",
            512, Duration.ofMinutes(3), OptionalInt.of(1),
            List.of(new ScheduledRun("smoke-nightly", Cron.parse("0 2 * * ? *"), "every day 02:00 UTC")),
            Needs.none().reads("smoke/").readsWrites("eval_runs/smoke/").writesOnce("decision_log/")
                    .readsWritesFlag(Parameters.RELEASE_GATE).readsFlag(Parameters.SAFE_MODE).callsRouter());

    public static final FunctionSpec GOLDEN = new FunctionSpec(GOLDEN_SET_EVAL,
            "Golden set through the router vs the baseline: accuracy, macro F1, Tier 0 FN, Tier 2 violations",
            1024, Duration.ofMinutes(15), OptionalInt.of(2),
            List.of(new ScheduledRun("golden-weekly", Cron.parse("0 2 ? * SUN *"), "Sunday 02:00 UTC")),
            Needs.none().reads("golden/").readsWrites("eval_runs/golden/").callsRouter());

    public static final FunctionSpec ROLLUP = new FunctionSpec(WEEKLY_ROLLUP,
            "A week of production turns into the Monday report, gates and drift flags",
            2048, Duration.ofMinutes(15), OptionalInt.empty(),
            List.of(new ScheduledRun("rollup-weekly", Cron.parse("0 2 ? * SUN *"), "Sunday 02:00 UTC")),
            Needs.none().reads("turns/").readsWrites("eval_runs/rollup/"));

    public static final FunctionSpec DRIFT = new FunctionSpec(DRIFT_RESPONSE,
            "Alarm response: safe mode on, problem sample, golden run; guarded way back",
            512, Duration.ofMinutes(5), OptionalInt.empty(),
            List.of(),
            // golden/ and labeling/: evaluate-labeled-sample reads the golden policy and the labeled batch people upload.
            Needs.none().reads("turns/").reads("eval_runs/golden/").reads("golden/").reads("labeling/").readsWrites("eval_runs/drift/")
                    .writesOnce("decision_log/")
                    .readsWritesFlag(Parameters.SAFE_MODE).describesAlarms()
                    .invokes(GOLDEN_SET_EVAL, DRIFT_GOLDEN_FUNCTION_ENV));

    public static final List<FunctionSpec> ALL = List.of(SMOKE, GOLDEN, ROLLUP, DRIFT);

    private FunctionCatalogue() {
    }

    public static Optional<FunctionSpec> find(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
