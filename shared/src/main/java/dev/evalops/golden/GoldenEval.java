package dev.evalops.golden;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.artifacts.ArtifactStore;
import dev.evalops.artifacts.Inputs;
import dev.evalops.artifacts.Manifest;
import dev.evalops.artifacts.Pointer;
import dev.evalops.artifacts.RunRef;
import dev.evalops.artifacts.RunWriter;
import dev.evalops.core.BadInputException;
import dev.evalops.core.Json;
import dev.evalops.core.Outcome;
import dev.evalops.core.RunIds;
import dev.evalops.metrics.MetricDatum;
import dev.evalops.metrics.MetricNames;
import dev.evalops.metrics.MetricsSink;
import dev.evalops.router.ReplayRouterClient;
import dev.evalops.router.RouterClient;
import dev.evalops.router.RouterClients;
import dev.evalops.router.RouterOutcome;
import dev.evalops.router.RouterRequest;
import dev.evalops.trigger.Trigger;

/**
 * The weekly regression run: the versioned golden set through the router (live or replayed), scored, compared
 * with the baseline run, judged by the runbook's rules, written as one sanitized run (manifest last), published
 * to CloudWatch, and pointed to by {@code eval_runs/golden/latest.json}. The {@code baseline} pointer moves only
 * on an explicit {@code promote-baseline}.
 */
@ApplicationScoped
public class GoldenEval {
    public static final String KIND = "golden";
    public static final String LATEST = "latest";
    public static final String BASELINE = "baseline";
    static final Set<String> PROMOTE_FIELDS = new TreeSet<>(List.of("action", "runId", "by", "force", "reason"));
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern RUN_ID = Pattern.compile(KIND + "-(\\d{8})-\\d{4}-[0-9a-f]+");
    private static final Logger LOG = Logger.getLogger(GoldenEval.class);

    private final ArtifactStore store;
    private final Inputs inputs;
    private final MetricsSink metrics;
    private final RouterClients routers;
    private final GoldenConfig config;
    private final Clock clock;

    @Inject
    public GoldenEval(ArtifactStore store, Inputs inputs, MetricsSink metrics, RouterClients routers, GoldenConfig config, Clock clock) {
        this.store = store;
        this.inputs = inputs;
        this.metrics = metrics;
        this.routers = routers;
        this.config = config;
        this.clock = clock;
    }

    /** The handler's entry: a schedule runs the configured version; manual payloads {@code run} or {@code promote-baseline}. */
    public GoldenRunResult handle(Trigger trigger) {
        return switch (trigger) {
            case Trigger.Scheduled s -> run(GoldenRunRequest.defaults().withReason("schedule:" + ruleName(s.rule())));
            case Trigger.Manual m when m.action().equals("run") -> run(GoldenRunRequest.fromPayload(m.payload()));
            case Trigger.Manual m when m.action().equals("promote-baseline") -> promote(m.payload());
            case Trigger.Manual m -> throw new BadInputException("golden-set-eval: unknown action '" + m.action()
                    + "', expected run or promote-baseline");
            case Trigger.Alarm a -> throw new BadInputException("golden-set-eval is not an alarm target (got alarm " + a.alarmName()
                    + "); drift-response runs it with {\"action\":\"run\",\"reason\":\"alarm:<name>\"}");
        };
    }

    public GoldenRunResult run(GoldenRunRequest request) {
        Instant started = clock.instant();
        String version = request.goldenVersion() != null ? request.goldenVersion() : versionOf(request.golden()).orElse(config.version());
        if (!VERSION.matcher(version).matches()) {
            throw new BadInputException("golden-set-eval: goldenVersion '" + version + "' must match " + VERSION.pattern());
        }
        String goldenLocation = inputs.resolve(request.golden() != null ? request.golden() : config.root() + "/" + version + "/golden.jsonl");
        String policyLocation = inputs.resolve(request.policy() != null ? request.policy() : sibling(goldenLocation, "policy.json"));
        String reason = request.reason() != null ? request.reason() : "manual";

        // Everything that can be refused is checked before anything is written.
        GoldenSetReader reader = new GoldenSetReader(inputs);
        Policy policy = reader.readPolicy(policyLocation);
        GoldenSet set = reader.read(goldenLocation).requireUsable(config.maxBadRowShare());
        Optional<BaselineRun> baseline = loadBaseline(request.baseline());
        McNemar.test(0, 0).p(config.baseline().test()); // a misspelt evalops.golden.baseline.test fails before the router is called

        String runId = RunIds.newRunId(KIND, started);
        RunRef run = new RunRef(KIND, LocalDate.ofInstant(started, ZoneOffset.UTC), runId);
        List<RouterRequest> requests = set.examples().stream()
                .map(e -> new RouterRequest(e.id(), e.text(), e.channel(), runId, KIND)).toList();
        String mode = request.predictions() == null ? "live" : "replay";
        List<String> replayProblems = List.of();
        List<RouterOutcome> outcomes;
        try (RouterClient client = request.predictions() == null ? routers.live(Optional.empty()) : routers.replay(request.predictions())) {
            if (client instanceof ReplayRouterClient replay) {
                replayProblems = replay.problems().stream().map(Object::toString).toList();
            }
            outcomes = client.routeAll(requests);
        }

        GoldenMetrics m = GoldenScorer.score(set.examples(), outcomes, policy);
        List<PredictionRecord> predictions = PredictionRecord.of(set.examples(), outcomes);
        GoldenConfig.Baseline bc = config.baseline();
        BaselineComparison comparison = baseline
                .map(b -> BaselineComparer.compare(version, m, predictions, b, bc.test(), bc.alpha(), bc.confusionShifts())).orElse(null);
        ThresholdRecommendation threshold = ThresholdSweep.recommend(set.examples(), outcomes, policy, config.threshold().targetPrecision(),
                config.threshold().minAutoReplies());
        VerdictDecision decision = VerdictDecision.decide(m, comparison, GoldenGates.from(config.gates()));
        String baselineNote = comparison != null ? null
                : "No baseline yet (eval_runs/golden/baseline.json is not set): nothing to compare with. Promote a run you trust with "
                        + "golden-promote-baseline.";
        GoldenReport report = new GoldenReport(runId, started, reason, version, goldenLocation, policyLocation, policy, mode,
                request.predictions() == null ? null : inputs.resolve(request.predictions()), set.rows(), set.quarantined(), replayProblems,
                m, decision, comparison, baselineNote, threshold);

        String location = null;
        if (!request.dryRun()) {
            location = write(run, report, set, outcomes, predictions);
            metrics.publish(cloudWatch(m, clock.instant()));
            store.movePointer(run, LATEST, "golden-set-eval (" + reason + ")");
        }
        LOG.infof("golden run %s (%s, golden %s, %s): verdict %s; %d examples, %d unscored, %d quarantined; accuracy %.4f, macro F1 %.4f, "
                + "Tier 0 FN %d, Tier 2 gate violations %d%s", runId, reason, version, mode, decision.verdict(), m.n(), m.unscored(),
                set.quarantined().size(), m.accuracy(), m.macroF1(), m.tier0().falseNegatives(), m.tier2().gateViolations(),
                location == null ? " (dry run: nothing written)" : " -> " + location);
        return new GoldenRunResult(decision.verdict() == Verdict.PASS ? Outcome.PASS : Outcome.GATES_FAILED, "run", decision.verdict(),
                decision.reasons(), runId, location, version, reason, mode, request.dryRun(), m.n(), m.scored(), m.unscored(),
                set.quarantined().size(), m.accuracy(), m.macroF1(), m.tier0().falseNegatives(), m.tier2().gateViolations(),
                comparison == null ? null : comparison.baselineRunId(), comparison == null ? null : comparison.dropSignificant(),
                threshold.recommended() == null ? null : threshold.recommended().threshold());
    }

    /**
     * Points {@code eval_runs/golden/baseline.json} at a completed run: the only way the baseline moves. A run
     * whose verdict is not PASS is refused unless {@code force} (recorded in the pointer's {@code updated_by}).
     */
    public GoldenRunResult promoteBaseline(String runIdOrPrefix, String by, boolean force) {
        RunRef ref = completedRun(runIdOrPrefix, "promote-baseline");
        JsonNode doc = readJson(ref, GoldenArtifacts.METRICS)
                .orElseThrow(() -> new BadInputException("promote-baseline: run " + ref.runId() + " has no " + GoldenArtifacts.METRICS));
        Verdict verdict = Verdict.valueOf(doc.path("verdict").asText("REGRESSION"));
        String who = by == null ? "manual" : by;
        if (verdict != Verdict.PASS && !force) {
            return promotion(Outcome.GATES_FAILED, ref, doc, verdict, List.of("refused: run " + ref.runId() + " has verdict " + verdict
                    + "; promote it anyway with force: true"), store.pointer(KIND, BASELINE).map(Pointer::runId).orElse(null));
        }
        Pointer p = store.movePointer(ref, BASELINE, "promote-baseline by " + who + (force && verdict != Verdict.PASS ? " (forced, verdict " + verdict + ")" : ""));
        LOG.infof("golden baseline -> %s (by %s%s)", ref.runId(), who, force ? ", force" : "");
        return promotion(Outcome.PASS, ref, doc, verdict, List.of("baseline now " + p.prefix()), ref.runId());
    }

    private GoldenRunResult promote(JsonNode payload) {
        GoldenRunRequest.requireKnownFields(payload, PROMOTE_FIELDS, "promote-baseline");
        String runId = GoldenRunRequest.text(payload, "runId");
        if (runId == null) {
            throw new BadInputException("golden-set-eval promote-baseline: field 'runId' is required (the golden run to promote)");
        }
        return promoteBaseline(runId, GoldenRunRequest.text(payload, "by"), GoldenRunRequest.flag(payload, "force"));
    }

    private GoldenRunResult promotion(Outcome outcome, RunRef ref, JsonNode doc, Verdict verdict, List<String> reasons, String baseline) {
        return new GoldenRunResult(outcome, "promote-baseline", verdict, reasons, ref.runId(), store.root() + "/" + ref.prefix(),
                doc.path("golden_version").asText(null), doc.path("reason").asText(null), doc.path("mode").asText(null), false,
                intOrNull(doc, "n"), intOrNull(doc, "scored"), intOrNull(doc, "unscored"), intOrNull(doc, "quarantined"),
                doc.path("accuracy").isNumber() ? doc.get("accuracy").asDouble() : null,
                doc.path("macro_f1").isNumber() ? doc.get("macro_f1").asDouble() : null,
                intOrNull(doc.path("tier0"), "false_negatives"), intOrNull(doc.path("tier2"), "gate_violations"), baseline, null, null);
    }

    private String write(RunRef run, GoldenReport report, GoldenSet set, List<RouterOutcome> outcomes, List<PredictionRecord> predictions) {
        try (RunWriter w = store.begin(run)) {
            GoldenArtifacts.writeScoring(w, set.examples(), outcomes, predictions, report.metrics(), report.policy());
            w.writeJsonLines(GoldenArtifacts.QUARANTINE, set.quarantined());
            w.writeJson(GoldenArtifacts.THRESHOLD, report.threshold());
            w.writeJson(GoldenArtifacts.METRICS, report.metricsDocument());
            List<String> names = new ArrayList<>(List.of(GoldenArtifacts.SUMMARY, GoldenArtifacts.METRICS, GoldenArtifacts.CONFUSION, GoldenArtifacts.PER_INTENT,
                    GoldenArtifacts.TIER0, GoldenArtifacts.TIER2, GoldenArtifacts.MISROUTES, GoldenArtifacts.PREDICTIONS,
                    GoldenArtifacts.QUARANTINE, GoldenArtifacts.THRESHOLD, Manifest.FILE_NAME));
            w.writeMarkdown(GoldenArtifacts.SUMMARY, GoldenSummary.render(report, names));
            w.commit();
            return w.location();
        }
    }

    /** The CloudWatch datapoints (the sink adds {@code Env}). */
    static List<MetricDatum> cloudWatch(GoldenMetrics m, Instant at) {
        return List.of(
                MetricDatum.of(MetricNames.ACCURACY, m.accuracy(), "None", at),
                MetricDatum.of(MetricNames.MACRO_F1, m.macroF1(), "None", at),
                MetricDatum.count(MetricNames.TIER0_FALSE_NEGATIVES, m.tier0().falseNegatives(), at),
                MetricDatum.count(MetricNames.TIER2_GATE_VIOLATIONS, m.tier2().gateViolations(), at),
                MetricDatum.count(MetricNames.UNSCORED, m.unscored(), at));
    }

    private Optional<BaselineRun> loadBaseline(String explicit) {
        RunRef ref;
        if (explicit != null) {
            ref = completedRun(explicit, "baseline");
        } else {
            Optional<Pointer> pointer = store.pointer(KIND, BASELINE);
            if (pointer.isEmpty()) {
                return Optional.empty();
            }
            ref = pointer.get().run();
        }
        JsonNode metricsDoc = readJson(ref, GoldenArtifacts.METRICS)
                .orElseThrow(() -> new BadInputException("baseline run " + ref.runId() + " has no readable " + GoldenArtifacts.METRICS
                        + " under " + store.root() + "/" + ref.prefix()));
        List<PredictionRecord> rows = store.readArtifact(ref, GoldenArtifacts.PREDICTIONS).map(text -> parsePredictions(ref, text)).orElse(null);
        return Optional.of(new BaselineRun(ref.runId(), metricsDoc, rows));
    }

    /** A run id ({@code golden-20261122-0200-7f3a}, dated by its name) or a run prefix, which must be complete. */
    RunRef completedRun(String idOrPrefix, String what) {
        RunRef ref;
        if (idOrPrefix.contains("/")) {
            try {
                ref = RunRef.parsePrefix(idOrPrefix);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(what + ": " + e.getMessage(), e);
            }
        } else {
            Matcher m = RUN_ID.matcher(idOrPrefix);
            if (!m.matches()) {
                throw new BadInputException(what + ": '" + idOrPrefix + "' is not a golden run id (golden-YYYYMMDD-HHMM-xxxx) or run prefix");
            }
            try {
                ref = new RunRef(KIND, LocalDate.parse(m.group(1), DateTimeFormatter.BASIC_ISO_DATE), idOrPrefix);
            } catch (DateTimeParseException e) {
                throw new BadInputException(what + ": run id '" + idOrPrefix + "' has no valid date", e);
            }
        }
        if (!ref.kind().equals(KIND) || store.manifest(ref).isEmpty()) {
            throw new BadInputException(what + ": no completed golden run " + ref.runId() + " at " + store.root() + "/" + ref.prefix());
        }
        return ref;
    }

    private Optional<JsonNode> readJson(RunRef ref, String name) {
        return store.readArtifact(ref, name).map(text -> {
            try {
                return Json.mapper().readTree(text);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("run " + ref.runId() + ": " + name + " is not valid JSON: " + e.getOriginalMessage(), e);
            }
        });
    }

    private static List<PredictionRecord> parsePredictions(RunRef ref, String text) {
        List<PredictionRecord> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new StringReader(text))) {
            int lineNo = 0;
            for (String line; (line = in.readLine()) != null;) {
                lineNo++;
                if (!line.isBlank()) {
                    try {
                        rows.add(Json.mapper().readValue(line, PredictionRecord.class));
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException("baseline run " + ref.runId() + ": " + GoldenArtifacts.PREDICTIONS + " line " + lineNo
                                + " is not a prediction record: " + e.getOriginalMessage(), e);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** {@code .../golden/v3/golden.jsonl} → {@code v3}. */
    private static Optional<String> versionOf(String goldenLocation) {
        if (goldenLocation == null) {
            return Optional.empty();
        }
        String[] parts = goldenLocation.replace('\\', '/').split("/");
        return parts.length >= 2 && VERSION.matcher(parts[parts.length - 2]).matches() ? Optional.of(parts[parts.length - 2]) : Optional.empty();
    }

    private static String sibling(String location, String name) {
        int slash = location.lastIndexOf('/');
        return slash < 0 ? name : location.substring(0, slash + 1) + name;
    }

    private static String ruleName(String ruleArn) {
        if (ruleArn == null) {
            return "unknown-rule";
        }
        int slash = ruleArn.lastIndexOf('/');
        return slash < 0 ? ruleArn : ruleArn.substring(slash + 1);
    }

    private static Integer intOrNull(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isNumber() ? v.asInt() : null;
    }
}
