package dev.evalops.drift;

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
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.artifacts.ArtifactStore;
import dev.evalops.artifacts.Inputs;
import dev.evalops.artifacts.Manifest;
import dev.evalops.artifacts.RunRef;
import dev.evalops.artifacts.RunWriter;
import dev.evalops.core.BadInputException;
import dev.evalops.core.Json;
import dev.evalops.golden.GoldenArtifacts;
import dev.evalops.golden.GoldenConfig;
import dev.evalops.golden.GoldenGates;
import dev.evalops.golden.GoldenMetrics;
import dev.evalops.golden.GoldenScorer;
import dev.evalops.golden.GoldenSet;
import dev.evalops.golden.GoldenSetReader;
import dev.evalops.golden.Policy;
import dev.evalops.golden.PredictionRecord;
import dev.evalops.golden.VerdictDecision;
import dev.evalops.router.ReplayRouterClient;
import dev.evalops.router.RouterOutcome;
import dev.evalops.router.RouterRequest;

/**
 * evaluate-labeled-sample: a labeling batch, labeled, scored with the golden eval's reader, scorer, verdict rules
 * and artifacts against what production answered (the alarm's drift run's {@code predictions.jsonl}, replayed), and
 * stored as its own run beside the alarm's run: {@code eval_runs/drift/<date>/<alarm run id>-labeled-<time>/}.
 */
@ApplicationScoped
public class LabeledSampleEvaluator {
    static final String PREDICTIONS = "predictions.jsonl";
    static final List<String> NOTES = List.of(
            "Turn exports record no team or template: team_* and template_* figures are not measurable on a production sample.",
            "The batch is drawn from problem turns (Tier 0, errors, fallbacks, overrides, low confidence): accuracy is biased low "
                    + "and not comparable with the golden set's; Tier 0 misses and Tier 2 violations are what it is for.");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final ArtifactStore store;
    private final Inputs inputs;
    private final GoldenConfig golden;
    private final String goldenVersion;
    private final Clock clock;

    @Inject
    public LabeledSampleEvaluator(ArtifactStore store, Inputs inputs, GoldenConfig golden, DriftConfig drift, Clock clock) {
        this(store, inputs, golden, drift.goldenVersion(), clock);
    }

    public LabeledSampleEvaluator(ArtifactStore store, Inputs inputs, GoldenConfig golden, String goldenVersion, Clock clock) {
        this.store = store;
        this.inputs = inputs;
        this.golden = golden;
        this.goldenVersion = goldenVersion;
        this.clock = clock;
    }

    /**
     * @param runOverride the alarm's drift run (prefix or run id); by default the {@code sample.drift_run} the rows carry
     */
    public SampleEvaluation evaluate(String batch, Optional<String> runOverride) {
        String batchLocation = inputs.resolve(batch);
        // Everything that can be refused is checked before anything is written. The batch (a few dozen rows) is read
        // once: its rows are scored and, without field 'run', name the drift run they came from.
        String text = inputs.readText(batchLocation);
        GoldenSet set = parse(text, batchLocation).requireUsable(1.0);
        RunRef alarmRun = runOverride.map(LabeledSampleEvaluator::parseRun).orElseGet(() -> runOfRows(text, batchLocation));
        Manifest manifest = store.manifest(alarmRun).orElseThrow(() -> new BadInputException("evaluate-labeled-sample: drift run "
                + alarmRun.prefix() + " does not exist in " + store.root() + " (or never completed)"));
        if (manifest.artifacts().stream().noneMatch(a -> a.name().equals(PREDICTIONS))) {
            throw new BadInputException("evaluate-labeled-sample: drift run " + alarmRun.prefix() + " has no " + PREDICTIONS
                    + " (its sample failed, or it is not an alarm's run)");
        }
        String predictions = store.root() + "/" + alarmRun.prefix() + PREDICTIONS;
        String policyLocation = inputs.resolve(golden.root() + "/" + goldenVersion + "/policy.json");
        Policy policy = new GoldenSetReader(inputs).readPolicy(policyLocation);
        ReplayRouterClient replay = ReplayRouterClient.load(inputs, predictions);

        Instant now = clock.instant();
        RunRef run = new RunRef(DriftResponse.KIND, alarmRun.date(), alarmRun.runId() + "-labeled-" + STAMP.format(now));
        List<RouterOutcome> outcomes = replay.routeAll(set.examples().stream()
                .map(e -> new RouterRequest(e.id(), e.text(), e.channel(), run.runId(), DriftResponse.KIND)).toList());
        GoldenMetrics m = GoldenScorer.score(set.examples(), outcomes, policy);
        List<PredictionRecord> records = PredictionRecord.of(set.examples(), outcomes);
        VerdictDecision decision = VerdictDecision.decide(m, null, GoldenGates.from(golden.gates()));
        LabeledSampleReport report = new LabeledSampleReport(run.runId(), now, "labeled sample of drift run " + alarmRun.runId(),
                decision.verdict(), decision.reasons(), decision.gates(), alarmRun.prefix(), batchLocation, predictions, policyLocation, policy,
                set.rows(), set.quarantined(), replay.problems().stream().map(Object::toString).toList(), NOTES, m);
        String location;
        try (RunWriter w = store.begin(run)) {
            w.writeJson(GoldenArtifacts.METRICS, report);
            GoldenArtifacts.writeScoring(w, set.examples(), outcomes, records, m, policy);
            w.writeJsonLines(GoldenArtifacts.QUARANTINE, set.quarantined());
            w.commit();
            location = w.location();
        }
        return new SampleEvaluation(run.runId(), location, alarmRun.prefix(), batchLocation, decision.verdict(), decision.reasons(),
                set.rows(), set.quarantined().size(), m.n(), m.scored(), m.unscored(), m.accuracy(), m.tier0().falseNegatives(),
                m.tier2().gateViolations(), m.tier2().unsafeAutomations(), NOTES);
    }

    /** {@code eval_runs/drift/<date>/<id>/} or a bare drift run id ({@code drift-20261122-1403-ab12}, the date is in it). */
    static RunRef parseRun(String run) {
        try {
            if (run.contains("/")) {
                RunRef ref = RunRef.parsePrefix(run);
                if (!ref.kind().equals(DriftResponse.KIND)) {
                    throw new BadInputException("evaluate-labeled-sample: run " + run + " is a " + ref.kind() + " run, expected a drift run");
                }
                return ref;
            }
            String[] parts = run.split("-");
            if (parts.length < 3 || !parts[0].equals(DriftResponse.KIND)) {
                throw new BadInputException("evaluate-labeled-sample: run '" + run + "' is not a drift run id (drift-YYYYMMDD-HHMM-xxxx)");
            }
            return new RunRef(DriftResponse.KIND, LocalDate.parse(parts[1], DateTimeFormatter.BASIC_ISO_DATE), run);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new BadInputException("evaluate-labeled-sample: field 'run' is '" + run + "', expected eval_runs/drift/<date>/<run_id>/ "
                    + "or a drift run id: " + e.getMessage(), e);
        }
    }

    private static GoldenSet parse(String text, String location) {
        try {
            return GoldenSetReader.parse(new BufferedReader(new StringReader(text)), location);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
    }

    /** The one drift run the batch's rows come from ({@code sample.drift_run}). */
    private static RunRef runOfRows(String text, String batchLocation) {
        TreeSet<String> runs = text.lines().map(LabeledSampleEvaluator::driftRunOf).flatMap(Optional::stream)
                .collect(Collectors.toCollection(TreeSet::new));
        if (runs.size() != 1) {
            throw new BadInputException("evaluate-labeled-sample: " + batchLocation + (runs.isEmpty()
                    ? " has no row with sample.drift_run" : " mixes rows of " + runs.size() + " drift runs " + runs)
                    + "; expected the rows of one labeling batch, or give field 'run'");
        }
        return parseRun(runs.first());
    }

    /** A malformed line is the golden reader's to report; here it just names no run. */
    private static Optional<String> driftRunOf(String line) {
        if (line.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode run = Json.mapper().readTree(line).path("sample").path("drift_run");
            return run.isTextual() && !run.asText().isBlank() ? Optional.of(run.asText()) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
