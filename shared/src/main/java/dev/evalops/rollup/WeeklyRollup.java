package dev.evalops.rollup;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.evalops.artifacts.ArtifactStore;
import dev.evalops.artifacts.Inputs;
import dev.evalops.artifacts.Pointer;
import dev.evalops.artifacts.RunRef;
import dev.evalops.artifacts.RunWriter;
import dev.evalops.core.BadInputException;
import dev.evalops.core.Json;
import dev.evalops.core.RunIds;
import dev.evalops.metrics.MetricsSink;
import dev.evalops.rollup.RollupReportBuilder.Previous;
import dev.evalops.trigger.Trigger;
import dev.evalops.turns.BadTurnLine;
import dev.evalops.turns.TurnExport;
import dev.evalops.turns.TurnExport.TurnFile;

/**
 * The weekly rollup: a range's turn exports into the Monday report ({@code eval_runs/rollup/<date>/<run_id>/}),
 * its CloudWatch metrics and the {@code latest} pointer. Order of effects: scan and build everything, write the
 * artifacts, commit (manifest last), publish metrics, then move {@code latest}; a failure before the commit
 * leaves nothing, a failure after it leaves a complete run that {@code latest} does not point at yet.
 */
@ApplicationScoped
public class WeeklyRollup {
    public static final String KIND = "rollup";
    public static final String LATEST = "latest";
    /** How far back a rollup to compare with is looked for when {@code latest} does not precede the range. */
    static final int PREVIOUS_LOOKBACK_DAYS = 35;
    private static final Logger LOG = Logger.getLogger(WeeklyRollup.class);
    private static final DateTimeFormatter RUN_ID_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final ArtifactStore store;
    private final Inputs inputs;
    private final MetricsSink metrics;
    private final RollupConfig config;
    private final Clock clock;

    public WeeklyRollup(ArtifactStore store, Inputs inputs, MetricsSink metrics, RollupConfig config, Clock clock) {
        this.store = store;
        this.inputs = inputs;
        this.metrics = metrics;
        this.config = config;
        this.clock = clock;
    }

    public RollupResult handle(Trigger trigger) {
        return run(RollupRequest.from(trigger));
    }

    public RollupResult run(RollupRequest request) {
        Instant now = clock.instant();
        String runId = RunIds.newRunId(KIND, now);
        RunRef run = new RunRef(KIND, now.atZone(ZoneOffset.UTC).toLocalDate(), runId);
        Optional<Previous> previous = previous(request);

        TurnExport export = new TurnExport(inputs, config.turnsRoot());
        LocalDate lastPartition = request.to().plusDays(config.lateArrivalDays());
        List<TurnFile> files = export.files(request.from(), lastPartition);
        if (files.isEmpty()) {
            throw new BadInputException("no turn files under " + export.root() + "/dt=" + request.from() + " .. dt=" + lastPartition
                    + " (expected *.jsonl.gz): nothing to roll up");
        }

        try (RunWriter writer = store.begin(run)) {
            RollupScan.Result scan = RollupScan.of(inputs, config).scan(files, request.from(), request.to(), writer.sanitizer(),
                    RollupScan.sampleSeed(runId));
            requireUsable(scan, export.root(), request);
            RollupReport report = RollupReportBuilder.build(runId, request, now, export.root(), scan, previous, config);
            RollupArtifacts.write(writer, report, scan, config.quarantineTotal());
            writer.commit();
            metrics.publish(RollupMetrics.of(report, now));
            moveLatest(run, request);
            LOG.infof("rollup %s: %s..%s, %d turns from %d files, verdict %s, %d anomalies", runId, request.from(), request.to(),
                    report.input().turns(), report.input().files(), report.gates().verdict(), report.weekOverWeek().anomalies().size());
            return RollupResult.of(report, writer.location());
        }
    }

    /** The run fails only when the data is unusable; the message says why, with the first bad lines (sanitized). */
    private void requireUsable(RollupScan.Result scan, String root, RollupRequest request) {
        long lines = scan.lines();
        long bad = scan.badLines();
        if (lines == 0) {
            throw new BadInputException("turn files under " + root + " for " + request.from() + ".." + request.to() + " hold no lines");
        }
        double share = (double) bad / lines;
        if (share > config.maxBadLineShare()) {
            throw new BadInputException(String.format(java.util.Locale.ROOT,
                    "%d of %d lines (%.1f%%) under %s are unusable, above evalops.rollup.max-bad-line-share %.1f%%; first: %s", bad, lines,
                    100 * share, root, 100 * config.maxBadLineShare(), scan.quarantine.stream().limit(3).map(BadTurnLine::describe).toList()));
        }
        if (scan.turns() == 0) {
            throw new BadInputException("no usable turn dated " + request.from() + ".." + request.to() + " under " + root + " (" + lines
                    + " lines, " + bad + " bad)");
        }
    }

    /**
     * The explicit {@code previous} run, else the newest completed rollup whose range ends before this one starts:
     * {@code latest} when it qualifies (a re-run of a week must not compare the week with itself).
     */
    Optional<Previous> previous(RollupRequest request) {
        if (request.previous().isPresent()) {
            RunRef ref = parseRun(request.previous().get());
            RollupReport report = readReport(ref).orElseThrow(() -> new BadInputException("previous rollup " + request.previous().get()
                    + " not found: no completed run with " + RollupArtifacts.METRICS + " at " + store.root() + "/" + ref.prefix()));
            return Optional.of(new Previous(ref.runId(), report));
        }
        Optional<RunRef> latest = store.pointer(KIND, LATEST).map(Pointer::run);
        if (latest.isPresent()) {
            Optional<RollupReport> report = readReport(latest.get()).filter(r -> r.range().to().isBefore(request.from()));
            if (report.isPresent()) {
                return Optional.of(new Previous(latest.get().runId(), report.get()));
            }
        }
        List<RunRef> candidates = new ArrayList<>(store.completedRuns(KIND, request.from().minusDays(PREVIOUS_LOOKBACK_DAYS)));
        candidates.sort(Comparator.comparing(RunRef::date).thenComparing(RunRef::runId).reversed());
        for (RunRef ref : candidates) {
            Optional<RollupReport> report = readReport(ref).filter(r -> r.range().to().isBefore(request.from()));
            if (report.isPresent()) {
                return Optional.of(new Previous(ref.runId(), report.get()));
            }
        }
        return Optional.empty();
    }

    /** {@code latest} follows the newest week: a backfill of an older week leaves it where it is. */
    private void moveLatest(RunRef run, RollupRequest request) {
        Optional<RollupReport> current = store.pointer(KIND, LATEST).map(Pointer::run).flatMap(this::readReport);
        if (current.isEmpty() || !request.to().isBefore(current.get().range().to())) {
            store.movePointer(run, LATEST, "weekly-rollup");
        }
    }

    private Optional<RollupReport> readReport(RunRef ref) {
        return store.readArtifact(ref, RollupArtifacts.METRICS).map(text -> {
            try {
                return Json.mapper().readValue(text, RollupReport.class);
            } catch (IOException e) {
                throw new BadInputException("rollup " + ref.runId() + ": " + RollupArtifacts.METRICS + " is unreadable: " + e.getMessage(), e);
            }
        });
    }

    /** A run id ({@code rollup-20261115-0200-ab12}, its date is in it) or a run prefix ({@code eval_runs/rollup/...}). */
    static RunRef parseRun(String run) {
        if (run.startsWith("eval_runs/")) {
            try {
                return RunRef.parsePrefix(run);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("previous: " + e.getMessage());
            }
        }
        String[] parts = run.split("-");
        if (parts.length < 3 || !parts[0].equals(KIND)) {
            throw new BadInputException("previous: '" + run + "' is not a rollup run id (rollup-YYYYMMDD-HHMM-xxxx) or run prefix");
        }
        try {
            return new RunRef(KIND, LocalDate.parse(parts[1], RUN_ID_DATE), run);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new BadInputException("previous: '" + run + "' is not a rollup run id (rollup-YYYYMMDD-HHMM-xxxx): " + e.getMessage());
        }
    }
}
