package dev.evalops.rollup;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.codec.digest.MurmurHash3;

import dev.evalops.artifacts.Inputs;
import dev.evalops.sanitize.Sanitizer;
import dev.evalops.turns.BadTurnLine;
import dev.evalops.turns.TurnExport.TurnFile;
import dev.evalops.turns.TurnReader;
import dev.evalops.turns.TurnRecord;

/**
 * Reads a range's turn files in parallel on a bounded pool, one file per task. Each worker thread aggregates
 * the files it reads into its own {@link RollupPartial} (no locks on the hot path; per-file counts are kept
 * apart in {@link FileStats}), and the workers' partials are merged at the end: {@code threads} partials, so
 * memory follows distinct users and the days in flight, not turns. (A partial per file, merged as each file
 * finishes, cost as much again in merging per-user maps as in building them.) Duplicates are dropped through
 * one shared {@link TurnIdIndex} before anything is counted.
 */
public final class RollupScan {
    private final Inputs inputs;
    private final int threads;
    private final int lateDays;
    private final double relativeAccuracy;
    private final int topN;
    private final int sampleSize;
    private final int quarantinePerFile;

    public RollupScan(Inputs inputs, int threads, int lateDays, double relativeAccuracy, int topN, int sampleSize, int quarantinePerFile) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.inputs = inputs;
        this.threads = threads;
        this.lateDays = lateDays;
        this.relativeAccuracy = relativeAccuracy;
        this.topN = topN;
        this.sampleSize = sampleSize;
        this.quarantinePerFile = quarantinePerFile;
    }

    static RollupScan of(Inputs inputs, RollupConfig config) {
        return new RollupScan(inputs, config.threads().orElse(Runtime.getRuntime().availableProcessors()), config.lateArrivalDays(),
                config.latencyRelativeAccuracy(), config.topN(), config.reviewSampleSize(), config.quarantinePerFile());
    }

    /** What the scan found: the merged aggregates, per-file counts in file order, and the quarantined lines. */
    public static final class Result {
        final RollupPartial totals;
        final List<FileStats> files;
        final List<BadTurnLine> quarantine;
        final Map<String, Long> badLinesByField;

        Result(RollupPartial totals, List<FileStats> files, List<BadTurnLine> quarantine, Map<String, Long> badLinesByField) {
            this.totals = totals;
            this.files = files;
            this.quarantine = quarantine;
            this.badLinesByField = badLinesByField;
        }

        /** Deduplicated turns in the range: what every aggregate is over. */
        public long turns() {
            return totals.turns;
        }

        public long lines() {
            return files.stream().mapToLong(FileStats::lines).sum();
        }

        public long badLines() {
            return files.stream().mapToLong(FileStats::badLines).sum();
        }

        /** Headline figures, for cross-checking the scan against another engine (the benchmark). */
        public long users() {
            return totals.users.size();
        }

        public double p95LatencyMs() {
            return RollupReportBuilder.quantile(totals.overallLatency(), 0.95, 0, Long.MAX_VALUE);
        }

        public double totalCostUsd() {
            return totals.costNanos / RollupPartial.NANOS_PER_USD;
        }

        public Map<String, Long> intentCounts() {
            Map<String, Long> counts = new TreeMap<>();
            totals.intents.forEach((k, v) -> counts.put(k, v[0]));
            return counts;
        }
    }

    /**
     * @param files      the partitions' files ({@code from .. to + lateDays})
     * @param sampleSeed seeds the review sample (the run id's hash)
     */
    public Result scan(List<TurnFile> files, LocalDate from, LocalDate to, Sanitizer sanitizer, long sampleSeed) {
        int firstDay = (int) from.toEpochDay();
        int lastDay = (int) to.toEpochDay();
        List<TurnFile> ordered = files.stream()
                .sorted(Comparator.comparing(TurnFile::partition).thenComparing(TurnFile::location))
                .toList();
        Map<Integer, Integer> perPartition = new TreeMap<>();
        ordered.forEach(f -> perPartition.merge((int) f.partition().toEpochDay(), 1, Integer::sum));
        TurnIdIndex index = new TurnIdIndex(lateDays, perPartition);
        TurnReader reader = new TurnReader(inputs, sanitizer, quarantinePerFile);
        RollupPartial totals = new RollupPartial(firstDay, lastDay - firstDay + 1, relativeAccuracy, topN, sampleSize);

        List<RollupPartial> workerPartials = java.util.Collections.synchronizedList(new ArrayList<>());
        ThreadLocal<RollupPartial> workerPartial = ThreadLocal.withInitial(() -> {
            RollupPartial p = totals.emptyCopy();
            workerPartials.add(p);
            return p;
        });
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, ordered.size())), daemonThreads());
        try {
            CompletionService<FileResult> done = new ExecutorCompletionService<>(pool);
            List<Future<FileResult>> futures = new ArrayList<>();
            // Submitted in partition order, so day sets of the index are released early (see TurnIdIndex).
            for (TurnFile f : ordered) {
                futures.add(done.submit(() -> readFile(f, reader, index, workerPartial.get(), firstDay, lastDay, sampleSeed)));
            }
            List<FileResult> results = new ArrayList<>(ordered.size());
            for (int i = 0; i < ordered.size(); i++) {
                results.add(take(done, futures));
            }
            // Every task is done (Future.get), so the workers' writes to their partials are visible here.
            workerPartials.forEach(totals::merge);
            results.sort(Comparator.comparing(r -> r.stats.file()));
            List<BadTurnLine> quarantine = new ArrayList<>();
            Map<String, Long> byField = new TreeMap<>();
            List<FileStats> stats = new ArrayList<>();
            for (FileResult r : results) {
                stats.add(r.stats);
                quarantine.addAll(r.quarantine);
                r.badByField.forEach((k, v) -> byField.merge(k, v, Long::sum));
            }
            return new Result(totals, List.copyOf(stats), quarantine, byField);
        } finally {
            pool.shutdownNow();
        }
    }

    private FileResult readFile(TurnFile f, TurnReader reader, TurnIdIndex index, RollupPartial partial, int firstDay, int lastDay,
            long sampleSeed) {
        int partitionDay = (int) f.partition().toEpochDay();
        long[] c = new long[5]; // out of range, duplicates, late, beyond window, counted
        List<BadTurnLine> quarantine = new ArrayList<>();
        Map<String, Long> byField = new TreeMap<>();
        var summary = reader.read(f.location(), (TurnRecord t) -> {
            int day = (int) Math.floorDiv(t.ts().getEpochSecond(), 86_400L);
            if (day < firstDay || day > lastDay) {
                c[0]++;
                return;
            }
            long[] h = MurmurHash3.hash128x64(t.turnId().getBytes(StandardCharsets.UTF_8));
            switch (index.firstSeen(day, partitionDay, h[0])) {
                case DUPLICATE -> {
                    c[1]++;
                    return;
                }
                case BEYOND_WINDOW -> c[3]++;
                case FIRST -> {
                }
            }
            if (day < partitionDay) {
                c[2]++;
            }
            c[4]++;
            partial.add(t, day, mix(h[1] ^ sampleSeed), MurmurHash3.hash128x64(t.userId().getBytes(StandardCharsets.UTF_8))[0]);
        }, bad -> {
            byField.merge(bad.field() == null ? "(line)" : bad.field(), 1L, Long::sum);
            if (quarantine.size() < quarantinePerFile) {
                quarantine.add(bad);
            }
        });
        index.fileDone(partitionDay);
        FileStats stats = new FileStats(f.location(), f.partition(), summary.lines(), summary.turns(), summary.badLines(), c[1], c[0], c[2],
                c[3], c[4], summary.damaged());
        return new FileResult(stats, quarantine, byField);
    }

    /** The seed of a run's review sample: different runs draw different samples, a re-read of one run the same. */
    public static long sampleSeed(String runId) {
        return MurmurHash3.hash128x64(runId.getBytes(StandardCharsets.UTF_8))[0];
    }

    /** SplitMix64's finalizer: spreads the seeded hash so every seed orders the turns independently. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static FileResult take(CompletionService<FileResult> done, List<Future<FileResult>> futures) {
        try {
            return done.take().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(x -> x.cancel(true));
            throw new IllegalStateException("rollup scan interrupted", e);
        } catch (ExecutionException e) {
            futures.forEach(x -> x.cancel(true));
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "rollup-scan-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private record FileResult(FileStats stats, List<BadTurnLine> quarantine, Map<String, Long> badByField) {
    }
}
