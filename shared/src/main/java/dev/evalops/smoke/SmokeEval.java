package dev.evalops.smoke;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.artifacts.ArtifactStore;
import dev.evalops.artifacts.RunRef;
import dev.evalops.artifacts.RunWriter;
import dev.evalops.core.BadInputException;
import dev.evalops.core.Outcome;
import dev.evalops.core.RunIds;
import dev.evalops.flags.FlagStore;
import dev.evalops.metrics.MetricDatum;
import dev.evalops.metrics.MetricNames;
import dev.evalops.metrics.MetricsSink;
import dev.evalops.release.GateChange;
import dev.evalops.release.ReleaseGate;
import dev.evalops.release.ReleaseGates;
import dev.evalops.router.RouterClient;
import dev.evalops.router.RouterClients;
import dev.evalops.router.RouterOutcome;
import dev.evalops.router.RouterRequest;
import dev.evalops.safemode.SafeModeService;
import dev.evalops.sanitize.Sanitizer;
import dev.evalops.smoke.SmokeSuite.SmokeCase;
import dev.evalops.trigger.Trigger;

/**
 * The nightly canary: runs the suite against the live router, retries failing cases, judges 8/8, moves the
 * release gate, writes the evidence and publishes the metrics. Also answers the gate actions people and
 * pipelines send to the function.
 * <p>
 * Order matters: the suite is validated before any call; the gate follows the verdict before the artifacts are
 * written, so a red night blocks releases even if S3 is failing (the run then fails and is retried, and the
 * artifacts record exactly what the gate did); metrics go last.
 */
@ApplicationScoped
public class SmokeEval {
    static final String KIND = "smoke";
    private static final Logger LOG = Logger.getLogger(SmokeEval.class);
    private static final int MAX_REASON = 600;

    private final SuiteLoader suites;
    private final Supplier<RouterClient> routers;
    private final FlagStore flags;
    private final ReleaseGates gates;
    private final ArtifactStore store;
    private final MetricsSink metrics;
    private final int retries;
    private final Clock clock;

    /** The live router at {@code evalops.router.url}, a fresh client per run. */
    @Inject
    public SmokeEval(SuiteLoader suites, RouterClients routers, FlagStore flags, ReleaseGates gates, ArtifactStore store,
            MetricsSink metrics, SmokeConfig config, Clock clock) {
        this(suites, () -> routers.live(Optional.empty()), flags, gates, store, metrics, config, clock);
    }

    /** @param routers opens the client one run uses (and closes) */
    public SmokeEval(SuiteLoader suites, Supplier<RouterClient> routers, FlagStore flags, ReleaseGates gates, ArtifactStore store,
            MetricsSink metrics, SmokeConfig config, Clock clock) {
        if (config.retries() < 0) {
            throw new IllegalStateException("evalops.smoke.retries must be 0 or more, got " + config.retries());
        }
        this.suites = suites;
        this.routers = routers;
        this.flags = flags;
        this.gates = gates;
        this.store = store;
        this.metrics = metrics;
        this.retries = config.retries();
        this.clock = clock;
    }

    public SmokeResponse handle(Trigger trigger) {
        return switch (trigger) {
            case Trigger.Scheduled s -> run(Optional.empty(), false);
            case Trigger.Manual m -> manual(m);
            case Trigger.Alarm a -> throw new BadInputException("smoke-eval is started by its schedule or by hand, not by alarms (got alarm "
                    + a.alarmName() + "); manual payloads: {\"action\": \"run\" | \"gate-status\" | \"gate-open\" | \"gate-block\", ...}");
        };
    }

    private SmokeResponse manual(Trigger.Manual m) {
        return switch (m.action()) {
            case "run" -> {
                onlyFields(m, Set.of("suite", "dryRun"));
                yield run(optionalText(m, "suite"), optionalBoolean(m, "dryRun"));
            }
            case "gate-status" -> {
                onlyFields(m, Set.of());
                Optional<ReleaseGate> gate = gates.status();
                yield new GateResponse(gate.filter(g -> !g.blocked()).isPresent() ? Outcome.PASS : Outcome.GATES_FAILED,
                        m.action(), gates.parameter(), gate.orElse(null), null);
            }
            case "gate-open", "gate-block" -> {
                onlyFields(m, Set.of("by", "reason"));
                String by = m.text("by").orElse(null);
                String reason = m.text("reason").orElse(null);
                GateChange change = m.action().equals("gate-open") ? gates.open(by, reason) : gates.block(by, reason);
                LOG.infof("release gate %s: %s by %s (%s -> %s)", change.parameter(), change.action(), by,
                        change.before() == null ? "absent" : change.before().state(), change.after().state());
                yield new GateResponse(Outcome.PASS, m.action(), change.parameter(), change.after(), change.action());
            }
            default -> throw new BadInputException("manual trigger: unknown action '" + m.action()
                    + "' for smoke-eval (known: run, gate-status, gate-open, gate-block)");
        };
    }

    /** One run of the suite; red is a normal return. */
    public SmokeRunResult run(Optional<String> suiteLocation, boolean dryRun) {
        SmokeSuite suite = suites.load(suiteLocation);
        Instant started = clock.instant();
        String runId = RunIds.newRunId(KIND, started);
        MDC.put("run_id", runId);
        try (RouterClient router = routers.get();
                RunWriter out = store.begin(new RunRef(KIND, LocalDate.ofInstant(started, ZoneOffset.UTC), runId))) {
            LOG.infof("smoke run %s: suite '%s' (%d cases) from %s%s", runId, suite.name(), suite.cases().size(), suite.source(),
                    dryRun ? " (dry run: the gate and metrics are left alone)" : "");
            List<CaseResult> cases = execute(suite, router, runId, out.sanitizer());
            List<String> failed = cases.stream().filter(c -> !c.passed()).map(CaseResult::id).toList();
            List<String> flaky = cases.stream().filter(c -> c.status() == CaseResult.Status.FLAKY).map(CaseResult::id).toList();
            boolean green = failed.isEmpty();
            String reason = green ? cases.size() + "/" + cases.size() + " passed" + (flaky.isEmpty() ? "" : ", " + flaky.size() + " flaky")
                    : reason(cases);
            Long p95 = latencyP95(cases);

            GateChange gate = dryRun ? null : gates.afterSmokeRun(runId, green, failed, reason);
            SmokeRunResult result = new SmokeRunResult(green ? Outcome.PASS : Outcome.GATES_FAILED,
                    green ? SmokeRunResult.GREEN : SmokeRunResult.RED, runId, suite.name(), suite.source(), dryRun, cases.size(),
                    cases.size() - failed.size(), failed.size(), flaky.size(), failed, flaky, out.sanitizer().clean(reason), p95, gate,
                    out.location());
            out.writeJson("results.json", new SmokeResults(result, started, clock.instant(), retries, cases));
            out.writeMarkdown("summary.md", SmokeSummary.markdown(result, cases));
            out.commit();
            if (!dryRun) {
                metrics.publish(metrics(result, cases));
            }
            LOG.infof("smoke run %s: %s %d/%d passed, flaky %s, failed %s; gate %s; artifacts %s", runId, result.status(),
                    result.passed(), result.cases(), flaky, failed, describe(gate), out.location());
            return result;
        } finally {
            MDC.remove("run_id");
        }
    }

    /** First attempt for every case at once, then one round per retry for the cases still failing. */
    private List<CaseResult> execute(SmokeSuite suite, RouterClient router, String runId, Sanitizer sanitizer) {
        Map<String, List<String>> pii = new LinkedHashMap<>();
        Map<String, List<CaseResult.Attempt>> attempts = new LinkedHashMap<>();
        for (SmokeCase c : suite.cases()) {
            pii.put(c.id(), TicketPii.spans(c.text()));
            attempts.put(c.id(), new ArrayList<>());
        }
        List<SmokeCase> pending = suite.cases();
        for (int n = 1; n <= 1 + retries && !pending.isEmpty(); n++) {
            SafeModeState safeMode = readSafeMode();
            List<RouterRequest> requests = new ArrayList<>();
            for (SmokeCase c : pending) {
                for (int s = 0; s < c.samples(); s++) {
                    requests.add(new RouterRequest(c.id(), c.text(), c.channel(), runId, KIND));
                }
            }
            List<RouterOutcome> outcomes = router.routeAll(requests);
            if (outcomes.size() != requests.size()) {
                throw new IllegalStateException("router client returned " + outcomes.size() + " outcomes for " + requests.size() + " requests");
            }
            Iterator<RouterOutcome> it = outcomes.iterator();
            List<SmokeCase> stillFailing = new ArrayList<>();
            for (SmokeCase c : pending) {
                List<RouterOutcome> mine = new ArrayList<>();
                for (int s = 0; s < c.samples(); s++) {
                    mine.add(it.next());
                }
                CaseResult.Attempt attempt = judge(c, n, mine, safeMode, pii.get(c.id()), sanitizer);
                attempts.get(c.id()).add(attempt);
                if (!attempt.passed()) {
                    stillFailing.add(c);
                    LOG.infof("smoke run %s: case %s attempt %d failed: %s", runId, c.id(), n, firstFailure(attempt));
                }
            }
            pending = stillFailing;
        }
        return suite.cases().stream().map(c -> {
            List<CaseResult.Attempt> a = attempts.get(c.id());
            CaseResult.Status status = !a.get(a.size() - 1).passed() ? CaseResult.Status.FAIL
                    : a.size() > 1 ? CaseResult.Status.FLAKY : CaseResult.Status.PASS;
            return new CaseResult(c.id(), c.description(), status, a);
        }).toList();
    }

    static CaseResult.Attempt judge(SmokeCase c, int attempt, List<RouterOutcome> outcomes, SafeModeState safeMode, List<String> pii,
            Sanitizer sanitizer) {
        List<CaseResult.Call> calls = new ArrayList<>();
        List<RouterOutcome.Answered> answered = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            switch (outcomes.get(i)) {
                case RouterOutcome.Answered a -> {
                    answered.add(a);
                    calls.add(new CaseResult.Call(i + 1, null, 200, null, a.wallMillis(), a.attempts(), a.raw()));
                }
                case RouterOutcome.Failed f -> {
                    failures.add(f.kind() + (f.httpStatus() == null ? "" : " (HTTP " + f.httpStatus() + ")") + ": " + f.detail());
                    calls.add(new CaseResult.Call(i + 1, f.kind().name(), f.httpStatus(), f.detail(), f.wallMillis(), f.attempts(), null));
                }
            }
        }
        List<Check> checks = new ArrayList<>();
        checks.add(new Check(Check.ROUTER_ANSWERED, failures.isEmpty(), "a JSON answer to each of " + outcomes.size() + " call(s)",
                failures.isEmpty() ? outcomes.size() + " answered" : String.join("; ", failures.stream().distinct().toList())));
        if (!answered.isEmpty()) {
            Evidence evidence = new Evidence(answered, safeMode, pii);
            for (SmokeAssertion a : c.assertions()) {
                checks.add(a.judge(evidence));
            }
        }
        // Values from the router (an echoed address, say) must not reach results or logs as they came.
        List<Check> cleaned = checks.stream()
                .map(k -> new Check(k.kind(), k.passed(), sanitizer.clean(k.expected()), sanitizer.clean(k.actual()))).toList();
        return new CaseResult.Attempt(attempt, cleaned.stream().allMatch(Check::passed), safeMode.source() + (safeMode.enabled() ? " on" : " off"),
                calls, cleaned);
    }

    private static String describe(GateChange gate) {
        if (gate == null) {
            return "untouched (dry run)";
        }
        return gate.action() + " -> " + (gate.after() == null ? "absent" : gate.after().state() + " (set by " + gate.after().setBy() + ")");
    }

    private SafeModeState readSafeMode() {
        String name = flags.parameterName(SafeModeService.FLAG);
        return flags.read(SafeModeService.FLAG, JsonNode.class)
                .map(f -> new SafeModeState(f.value() != null && f.value().path("enabled").asBoolean(false), name + " v" + f.version()))
                .orElse(new SafeModeState(false, name + " (absent)"));
    }

    /**
     * One line for the gate and the page: "router unreachable: ..." when no failing case got a single answer for
     * the same reason, else each failing case with its first failed check.
     */
    static String reason(List<CaseResult> cases) {
        List<CaseResult> failed = cases.stream().filter(c -> !c.passed()).toList();
        List<CaseResult.Call> lastCalls = failed.stream().flatMap(c -> c.last().calls().stream()).toList();
        List<String> kinds = lastCalls.stream().map(CaseResult.Call::failure).distinct().toList();
        String text;
        if (kinds.size() == 1 && kinds.get(0) != null) {
            String kind = kinds.get(0);
            String what = switch (kind) {
                case "UNREACHABLE" -> "router unreachable";
                case "TIMEOUT" -> "router did not answer in time";
                case "SERVER_ERROR" -> "router failing with 5xx";
                case "THROTTLED" -> "router throttling (429)";
                case "CLIENT_ERROR" -> "router refused our requests (4xx: key or request wrong)";
                default -> "router answers unusable (" + kind + ")";
            };
            text = what + " (" + failed.size() + " of " + cases.size() + " cases got no answer): " + lastCalls.get(0).detail();
        } else {
            List<String> parts = new ArrayList<>();
            for (CaseResult c : failed) {
                parts.add(c.id() + " (" + firstFailure(c.last()) + ")");
            }
            text = failed.size() + " of " + cases.size() + " cases failed: " + String.join("; ", parts);
        }
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON - 1) + "…";
    }

    private static String firstFailure(CaseResult.Attempt attempt) {
        return attempt.checks().stream().filter(k -> !k.passed()).findFirst()
                .map(k -> k.kind() + ": expected " + k.expected() + ", got " + k.actual()).orElse("passed");
    }

    /** Nearest-rank p95 of every answered call's wall time in the run, retries included; null when none answered. */
    static Long latencyP95(List<CaseResult> cases) {
        double[] walls = cases.stream().flatMap(c -> c.attempts().stream()).flatMap(a -> a.calls().stream())
                .filter(call -> call.failure() == null).mapToDouble(CaseResult.Call::wallMs).toArray();
        if (walls.length == 0) {
            return null;
        }
        return (long) SmokeAssertion.nearestRank(walls, 95);
    }

    private List<MetricDatum> metrics(SmokeRunResult r, List<CaseResult> cases) {
        Instant at = clock.instant();
        List<MetricDatum> data = new ArrayList<>(List.of(
                MetricDatum.of(MetricNames.SMOKE_PASSED, r.outcome() == Outcome.PASS ? 1 : 0, "None", at),
                MetricDatum.count(MetricNames.SMOKE_FAILED_CASES, r.failed(), at),
                MetricDatum.count(MetricNames.SMOKE_FLAKY_CASES, r.flaky(), at)));
        if (r.latencyP95Ms() != null) {
            data.add(MetricDatum.of(MetricNames.SMOKE_LATENCY_P95, r.latencyP95Ms(), "Milliseconds", at));
        }
        return data;
    }

    private static void onlyFields(Trigger.Manual m, Set<String> allowed) {
        for (Iterator<String> it = m.payload().fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!f.equals("action") && !allowed.contains(f)) {
                throw new BadInputException("manual trigger '" + m.action() + "': unknown field '" + f + "'"
                        + (allowed.isEmpty() ? " (it takes none)" : " (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")"));
            }
        }
    }

    private static Optional<String> optionalText(Trigger.Manual m, String field) {
        JsonNode v = m.payload().get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new BadInputException("manual trigger '" + m.action() + "': field '" + field + "' is " + v
                    + ", expected a location (s3://bucket/key, a path, or a key under the data root)");
        }
        return Optional.of(v.asText());
    }

    private static boolean optionalBoolean(Trigger.Manual m, String field) {
        JsonNode v = m.payload().get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new BadInputException("manual trigger '" + m.action() + "': field '" + field + "' is " + v + ", expected true or false");
        }
        return v.booleanValue();
    }
}
