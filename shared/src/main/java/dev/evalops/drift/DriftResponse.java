package dev.evalops.drift;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.evalops.artifacts.ArtifactStore;
import dev.evalops.artifacts.DecisionLog;
import dev.evalops.artifacts.RunRef;
import dev.evalops.artifacts.RunWriter;
import dev.evalops.core.BadInputException;
import dev.evalops.core.Outcome;
import dev.evalops.core.RunIds;
import dev.evalops.flags.Flag;
import dev.evalops.golden.Verdict;
import dev.evalops.safemode.ExitAssessment;
import dev.evalops.safemode.ExitGuard;
import dev.evalops.safemode.ExitRequest;
import dev.evalops.safemode.SafeModeChange;
import dev.evalops.safemode.SafeModeChange.Transition;
import dev.evalops.safemode.SafeModeService;
import dev.evalops.safemode.SafeModeState;
import dev.evalops.trigger.Trigger;
import dev.evalops.trigger.Trigger.AlarmState;

/**
 * The runbook "Quality regression in production": a customer-harm alarm turns safe mode on (route-only), every
 * ALARM gathers evidence (a problem-ticket labeling batch and a golden-set run), and safe mode ends only through
 * {@code exit-safe-mode} when the {@link ExitGuard} finds the evidence, or forced with a reason. Every transition
 * and refusal goes to the decision log. A handled alarm returns normally: Lambda's async invocation would retry a
 * thrown error.
 */
@ApplicationScoped
public class DriftResponse {
    public static final String KIND = "drift";
    static final String LABELING_BATCH = "labeling-batch.jsonl";
    static final List<String> ACTIONS = List.of("status", "enter-safe-mode", "exit-safe-mode", "evaluate-labeled-sample");
    private static final Logger LOG = Logger.getLogger(DriftResponse.class);

    private final SafeModeService safeMode;
    private final ExitGuard exitGuard;
    private final AlarmClassifier classifier;
    private final ProblemTurns problemTurns;
    private final GoldenHarness harness;
    private final LabeledSampleEvaluator evaluator;
    private final String goldenVersion;
    private final DecisionLog decisionLog;
    private final ArtifactStore store;
    private final Clock clock;

    @Inject
    public DriftResponse(DriftConfig config, SafeModeService safeMode, ExitGuard exitGuard, ProblemTurns problemTurns,
            GoldenHarness harness, LabeledSampleEvaluator evaluator, ArtifactStore store, Clock clock) {
        this(safeMode, exitGuard, AlarmClassifier.from(config), problemTurns, harness, config.goldenVersion(), evaluator, store, clock);
    }

    public DriftResponse(SafeModeService safeMode, ExitGuard exitGuard, AlarmClassifier classifier, ProblemTurns problemTurns,
            GoldenHarness harness, String goldenVersion, LabeledSampleEvaluator evaluator, ArtifactStore store, Clock clock) {
        this.safeMode = safeMode;
        this.exitGuard = exitGuard;
        this.classifier = classifier;
        this.problemTurns = problemTurns;
        this.harness = harness;
        this.evaluator = evaluator;
        this.goldenVersion = goldenVersion;
        this.decisionLog = new DecisionLog(store);
        this.store = store;
        this.clock = clock;
    }

    public DriftResult handle(Trigger trigger) {
        return switch (trigger) {
            case Trigger.Alarm alarm -> alarm.state() == AlarmState.ALARM ? onAlarm(alarm) : onRecovery(alarm);
            case Trigger.Manual manual -> manual(manual);
            case Trigger.Scheduled s -> throw new BadInputException("drift-response: got the schedule event of rule " + s.rule()
                    + "; expected a CloudWatch alarm (via EventBridge or as alarm action) or a manual action " + ACTIONS);
        };
    }

    private DriftResult manual(Trigger.Manual m) {
        return switch (m.action()) {
            case "status" -> status();
            case "enter-safe-mode" -> enter(required(m, "by"), required(m, "reason"));
            case "exit-safe-mode" -> exit(new ExitRequest(by(m), required(m, "reason"), m.flag("qaClean"), m.flag("force"), m.flag("dryRun")));
            case "evaluate-labeled-sample" -> evaluate(required(m, "batch"), m.text("run"));
            default -> throw new BadInputException("drift-response: unknown action '" + m.action() + "', expected one of " + ACTIONS);
        };
    }

    // ---- alarms ------------------------------------------------------------------------------------------------

    private DriftResult onAlarm(Trigger.Alarm alarm) {
        AlarmClassifier.AlarmClass cls = classifier.classify(alarm.alarmName());
        AlarmView view = AlarmView.of(alarm, cls);
        Instant now = clock.instant();
        RunRef run = new RunRef(KIND, now.atZone(ZoneOffset.UTC).toLocalDate(), RunIds.newRunId(KIND, now));
        List<String> done = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> evidence = new ArrayList<>();

        SafeModeChange change = null;
        String result;
        if (cls.customerHarmPossible()) {
            change = safeMode.raise(alarm.alarmName(), alarm.time(), alarm.reason(), run.prefix());
            result = switch (change.transition()) {
                case TURNED_ON -> "safe-mode-on";
                case ALARM_ADDED -> "alarm-added";
                default -> "alarm-refreshed";
            };
            done.add(switch (change.transition()) {
                case TURNED_ON -> "safe mode turned ON (route-only) by alarm " + alarm.alarmName();
                case ALARM_ADDED -> "safe mode was already on since " + change.after().since() + "; alarm " + alarm.alarmName()
                        + " added to the episode";
                default -> "safe mode was already on since " + change.after().since() + "; alarm " + alarm.alarmName()
                        + " was already recorded, last_seen refreshed";
            } + " (" + safeMode.parameterName() + " version " + change.version() + ")");
        } else {
            result = "recorded-no-harm";
            done.add("alarm " + alarm.alarmName() + " cannot harm customers through automated replies (" + cls.rule()
                    + "): safe mode left as it is");
        }

        String driftRun;
        SampleSummary sample = null;
        HarnessStart started = null;
        boolean evidenceFailed = false;
        if (change == null || change.claimedEvidence()) {
            Evidence gathered = gatherEvidence(run, view);
            driftRun = gathered.location();
            sample = gathered.sample();
            started = gathered.harness();
            done.addAll(gathered.done());
            warnings.addAll(gathered.failures());
            evidenceFailed = !gathered.failures().isEmpty();
            evidence.addAll(gathered.links());
        } else {
            driftRun = change.after().evidenceRun();
            done.add("evidence for this episode is already being gathered in " + driftRun + ": no second sample or golden run");
            evidence.add(store.root() + "/" + driftRun);
        }

        SafeModeState after = change != null ? change.after() : safeMode.current().value();
        safeMode.publish(after).ifPresent(warnings::add);
        String key = log(new DecisionEntry(DecisionLog.newId(), clock.instant(), "alarm", result,
                "cloudwatch:" + alarm.alarmName(), alarm.reason(), view, change == null ? null : change.before(), after, evidence,
                List.of(), false, null));
        done.add("decision logged: " + key);
        return new DriftResult(evidenceFailed ? Outcome.INTERNAL_ERROR : Outcome.PASS, "alarm", result, done, flagAfter(change), view, decisionLog.location(key), driftRun, sample,
                started, null, null, warnings);
    }

    /** OK / INSUFFICIENT_DATA: recorded, never an automatic exit. */
    private DriftResult onRecovery(Trigger.Alarm alarm) {
        AlarmClassifier.AlarmClass cls = classifier.classify(alarm.alarmName());
        AlarmView view = AlarmView.of(alarm, cls);
        SafeModeChange change = safeMode.recordAlarmState(alarm.alarmName(), alarm.state(), alarm.time(), alarm.reason());
        List<String> done = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String state = alarm.state().name().toLowerCase(Locale.ROOT).replace('_', '-');
        if (change.transition() == Transition.ALARM_STATE_RECORDED) {
            done.add("alarm " + alarm.alarmName() + " is " + alarm.state() + ": recorded on the safe-mode episode ("
                    + safeMode.parameterName() + " version " + change.version() + ")");
        } else {
            done.add("alarm " + alarm.alarmName() + " is " + alarm.state() + ": not part of a safe-mode episode, nothing to update");
        }
        if (change.after().enabled()) {
            done.add("safe mode stays ON: it ends only through exit-safe-mode once the exit guard is satisfied");
        }
        safeMode.publish(change.after()).ifPresent(warnings::add);
        String key = log(new DecisionEntry(DecisionLog.newId(), clock.instant(), "alarm-" + state,
                change.wrote() ? "recorded" : "unchanged", "cloudwatch:" + alarm.alarmName(), alarm.reason(), view, change.before(),
                change.after(), List.of(), List.of(), false, null));
        done.add("decision logged: " + key);
        return new DriftResult(Outcome.PASS, "alarm-" + state, change.wrote() ? "recorded" : "unchanged", done, flagAfter(change), view,
                decisionLog.location(key), null, null, null, null, null, warnings);
    }

    /** @param failures steps that could not be done: the alarm is handled, the evidence is incomplete */
    private record Evidence(String location, SampleSummary sample, HarnessStart harness, List<String> done, List<String> failures,
            List<String> links) {
    }

    /**
     * Sample, then start the harness, then write the drift run that documents both. A failed step is reported,
     * not thrown: safe mode is already on and the alarm must count as handled.
     */
    private Evidence gatherEvidence(RunRef run, AlarmView alarm) {
        List<String> done = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<String> links = new ArrayList<>();
        Instant now = clock.instant();
        ProblemTurns.Sampled sampled = null;
        String sampleError = null;
        try {
            sampled = problemTurns.sample(now, seed(run));
        } catch (RuntimeException e) {
            sampleError = "could not sample problem turns: " + e.getMessage();
            LOG.warnf("%s: %s", run.runId(), sampleError);
        }
        // golden-set-eval records the reason; "alarm:<name>" is the form its README documents for drift runs.
        String reason = "alarm:" + alarm.name() + " " + alarm.state() + " at " + alarm.time() + " (drift run " + run.runId() + ")";
        HarnessStart started = startHarness(run, reason, now);
        String location = null;
        SampleSummary summary;
        try (RunWriter w = store.begin(run)) {
            w.writeJson("alarm.json", alarm);
            if (sampled != null) {
                List<LabelingRow> rows = sampled.sample().rows().stream().map(r -> r.withDriftRun(run.prefix())).toList();
                w.writeJsonLines(LABELING_BATCH, rows);
                w.writeJsonLines(LabeledSampleEvaluator.PREDICTIONS, rows.stream().map(LabelingRow::recordedPrediction).toList());
                if (!sampled.quarantined().isEmpty()) {
                    w.writeJsonLines("quarantine.jsonl", sampled.quarantined());
                }
                summary = SampleSummary.of(sampled, artifact(w.location(), LABELING_BATCH));
            } else {
                summary = SampleSummary.failed(sampleError);
            }
            w.writeJson("sample-summary.json", summary);
            w.writeJson("harness.json", started);
            w.commit();
            location = w.location();
        } catch (RuntimeException e) {
            failures.add("drift run " + run.runId() + " could not be written: " + e.getMessage());
            summary = sampled != null ? SampleSummary.of(sampled, null) : SampleSummary.failed(sampleError);
        }
        if (location != null) {
            links.add(location);
        }
        if (sampled != null) {
            done.add("sampled " + summary.size() + " problem turns of " + summary.problemTurns() + " in the last "
                    + java.time.Duration.between(summary.from(), summary.to()).toHours() + " h (" + summary.population() + ")"
                    + (location != null ? " into " + summary.labelingBatch() : "")
                    + (Boolean.TRUE.equals(summary.underfilled()) ? "; fewer than " + ProblemSampler.MIN_SIZE + " problem turns in the window" : "")
                    + (sampled.badLines() > 0 ? "; " + sampled.badLines() + " bad lines quarantined" : ""));
            if (location != null) {
                links.add(summary.labelingBatch());
            }
        } else {
            failures.add(sampleError);
        }
        if (started.started()) {
            done.add("golden-set run requested (" + started.mode() + ", " + started.target()
                    + (started.requestId() != null ? ", request id " + started.requestId() : "")
                    + (started.goldenRunId() != null ? ", run " + started.goldenRunId() + " verdict " + started.verdict() : "") + ")");
            Optional.ofNullable(started.location()).ifPresent(links::add);
            Optional.ofNullable(started.requestId()).map(id -> "lambda:" + started.target() + "#" + id).ifPresent(links::add);
        } else {
            failures.add(started.error());
        }
        return new Evidence(location, summary, started, done, failures, links);
    }

    private HarnessStart startHarness(RunRef run, String reason, Instant now) {
        try {
            return harness.start(goldenVersion, reason);
        } catch (RuntimeException e) {
            LOG.warnf("%s: %s", run.runId(), e.getMessage());
            return HarnessStart.failed(goldenVersion, reason, now, e.getMessage());
        }
    }

    private String log(DecisionEntry entry) {
        return decisionLog.write(entry.at(), entry.action(), entry.id(), entry);
    }

    /** An artifact's location in a run folder, whichever store wrote it (S3 locations end in a slash, local ones do not). */
    static String artifact(String runLocation, String name) {
        return runLocation.endsWith("/") ? runLocation + name : runLocation + "/" + name;
    }

    /** Stable per run: the same run id re-draws the same batch from the same turns. */
    private static long seed(RunRef run) {
        return run.runId().hashCode();
    }

    // ---- manual ------------------------------------------------------------------------------------------------

    private DriftResult status() {
        Flag<SafeModeState> flag = safeMode.current();
        List<String> done = new ArrayList<>();
        ExitAssessment exit = null;
        if (flag.value().enabled()) {
            exit = exitGuard.assess(flag.value(), false);
            done.add("safe mode is ON since " + flag.value().since() + " (" + flag.value().reason() + ")");
            done.add("to exit: " + (exit.missing().size() == 1 ? "only the QA attestation (qaClean) is missing" : String.join("; ", exit.missing())));
        } else {
            done.add("safe mode is OFF");
        }
        List<String> warnings = new ArrayList<>();
        safeMode.publish(flag.value()).ifPresent(warnings::add);
        return new DriftResult(Outcome.PASS, "status", flag.value().enabled() ? "on" : "off", done,
                SafeModeStatus.of(safeMode.parameterName(), flag), null, null, null, null, null, exit, null, warnings);
    }

    private DriftResult enter(String by, String reason) {
        SafeModeChange change = safeMode.enter(by, reason);
        List<String> done = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String result = change.transition() == Transition.TURNED_ON ? "safe-mode-on" : "already-on";
        done.add(change.transition() == Transition.TURNED_ON
                ? "safe mode turned ON (route-only) by " + by + " (" + safeMode.parameterName() + " version " + change.version() + ")"
                : "safe mode was already on since " + change.after().since() + " (" + change.after().reason() + "): left as it is");
        safeMode.publish(change.after()).ifPresent(warnings::add);
        String key = log(new DecisionEntry(DecisionLog.newId(), clock.instant(), "enter-safe-mode", result, by, reason,
                null, change.before(), change.after(), List.of(), List.of(), false, null));
        done.add("decision logged: " + key);
        return new DriftResult(Outcome.PASS, "enter-safe-mode", result, done, flagAfter(change), null, decisionLog.location(key), null,
                null, null, null, null, warnings);
    }

    private DriftResult exit(ExitRequest request) {
        Flag<SafeModeState> flag = safeMode.current();
        SafeModeState state = flag.value();
        List<String> done = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (!state.enabled()) {
            done.add("safe mode is already OFF: nothing to exit");
            return new DriftResult(Outcome.PASS, "exit-safe-mode", "already-off", done,
                    SafeModeStatus.of(safeMode.parameterName(), flag), null, null, null, null, null, null, null, warnings);
        }
        ExitAssessment assessment = exitGuard.assess(state, request.qaClean());
        List<String> evidence = evidenceOf(state, assessment);
        if (request.dryRun()) {
            done.add(assessment.ready() ? "dry run: the exit guard is satisfied, exit-safe-mode would turn safe mode off"
                    : "dry run: exit-safe-mode would be refused: " + String.join("; ", assessment.missing()));
            return new DriftResult(assessment.ready() ? Outcome.PASS : Outcome.GATES_FAILED, "exit-safe-mode", "dry-run", done,
                    SafeModeStatus.of(safeMode.parameterName(), flag), null, null, null, null, null, assessment, null, warnings);
        }
        String result;
        SafeModeChange change = null;
        boolean forced = !assessment.ready() && request.force();
        if (assessment.ready() || forced) {
            SafeModeState.ExitRecord record = new SafeModeState.ExitRecord(clock.instant(), request.by(), request.reason(), forced,
                    request.qaClean(), state.since(), state.alarmNames(),
                    assessment.goldenRun() == null ? null : assessment.goldenRun().location(), forced ? assessment.missing() : List.of());
            change = safeMode.exit(state, record);
            if (change.transition() == Transition.TURNED_OFF) {
                result = forced ? "forced-exit" : "exited";
                done.add("safe mode turned OFF by " + request.by() + (forced ? ", FORCED over: " + String.join("; ", assessment.missing())
                        : ": every alarm OK, golden run " + assessment.goldenRun().runId() + " PASS, QA attested")
                        + " (" + safeMode.parameterName() + " version " + change.version() + ")");
            } else if (change.transition() == Transition.ALREADY_OFF) {
                result = "already-off";
                done.add("safe mode was turned off by someone else meanwhile: nothing to exit");
            } else {
                result = "exit-refused";
                done.add("exit refused: the episode changed while it was being assessed (now alarms "
                        + change.after().alarmNames() + "); assess again");
            }
        } else {
            result = "exit-refused";
            done.add("exit refused, safe mode stays ON; missing: " + String.join("; ", assessment.missing()));
        }
        SafeModeState after = change != null ? change.after() : state;
        safeMode.publish(after).ifPresent(warnings::add);
        String key = log(new DecisionEntry(DecisionLog.newId(), clock.instant(), "exit-safe-mode", result, request.by(),
                request.reason(), null, state, after, evidence, result.equals("exited") ? List.of() : assessment.missing(), forced,
                assessment));
        done.add("decision logged: " + key);
        Outcome outcome = result.equals("exit-refused") ? Outcome.GATES_FAILED : Outcome.PASS;
        SafeModeStatus status = change != null ? flagAfter(change) : SafeModeStatus.of(safeMode.parameterName(), flag);
        return new DriftResult(outcome, "exit-safe-mode", result, done, status, null, decisionLog.location(key), null, null, null,
                assessment, null, warnings);
    }

    private DriftResult evaluate(String batch, Optional<String> run) {
        SampleEvaluation e = evaluator.evaluate(batch, run);
        List<String> done = new ArrayList<>();
        done.add("scored " + e.scored() + " labeled turns of " + e.rows() + " rows (" + e.quarantined() + " quarantined, " + e.unscored()
                + " unscored) against drift run " + e.alarmRun() + ": verdict " + e.verdict()
                + (e.verdictReasons().isEmpty() ? "" : " (" + String.join("; ", e.verdictReasons()) + ")"));
        done.add("metrics stored in " + e.location());
        return new DriftResult(e.verdict() == Verdict.PASS ? Outcome.PASS : Outcome.GATES_FAILED, "evaluate-labeled-sample",
                e.verdict().name(), done, null, null, null, e.location(), null, null, null, e, List.of());
    }

    private List<String> evidenceOf(SafeModeState state, ExitAssessment assessment) {
        List<String> links = new ArrayList<>();
        Optional.ofNullable(state.evidenceRun()).map(r -> store.root() + "/" + r).ifPresent(links::add);
        Optional.ofNullable(assessment.goldenRun()).map(g -> g.location()).ifPresent(links::add);
        assessment.alarms().forEach(a -> links.add(assessment.alarmSource() + ":" + a.name() + "=" + a.stateNow()));
        return links;
    }

    private SafeModeStatus flagAfter(SafeModeChange change) {
        if (change == null) {
            return SafeModeStatus.of(safeMode.parameterName(), safeMode.current());
        }
        return new SafeModeStatus(safeMode.parameterName(), change.version(), change.after());
    }

    private static String by(Trigger.Manual m) {
        // CONTRACTS §4's example names the approver approvedBy; the issue says by. Both are accepted.
        return m.text("by").or(() -> m.text("approvedBy"))
                .orElseThrow(() -> new BadInputException("exit-safe-mode: field 'by' (who asks, or 'approvedBy') is required"));
    }

    private static String required(Trigger.Manual m, String field) {
        return m.text(field).orElseThrow(() -> new BadInputException(m.action() + ": field '" + field + "' is required (a non-empty string)"));
    }
}
