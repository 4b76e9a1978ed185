package dev.evalops.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.evalops.artifacts.Inputs;
import dev.evalops.rollup.RollupScan;
import dev.evalops.sanitize.Sanitizer;
import dev.evalops.turns.SyntheticTurns;
import dev.evalops.turns.TurnExport;
import dev.evalops.turns.TurnSinks;

/**
 * The weekly rollup's scan against DuckDB on the same gzipped JSONL week, side by side in one JVM, same files,
 * same number of threads: {@code ./evalops bench RollupBench [turns[,turns...]] [--threads N] [--files-per-day F] [--reps R]}
 * (default 1000000,10000000 turns, threads = cores, 4 files a day, 2 repetitions, best of them reported).
 * <p>
 * Ours: {@link RollupScan} (validate every line, dedup turn ids, every aggregate of the report in one pass).
 * DuckDB: {@code read_ndjson} with the export's schema into a table, dedup on {@code turn_id}, then the same
 * aggregates as SQL (intent counts, p50/p95/p99 per provider and overall, cost per provider/model, per-user totals
 * and their percentiles, top users, fallback and error classes, per-day rates, top 10 by cost, accuracy figures,
 * a 50-row reservoir sample). The data is the generator's clean variant, so both engines see the same valid rows
 * and their results are cross-checked. Peak heap is ours (DuckDB works off-heap): the sum of the heap pools' peaks
 * during the scan, and what its result retains after a GC. Besides wall-clock turns/s it prints turns per CPU-second
 * of the process, which other load on a shared machine sways much less.
 */
public final class RollupBench {
    static final LocalDate START = LocalDate.parse("2026-11-16");

    public static void main(String[] args) throws Exception {
        List<Long> sizes = new ArrayList<>();
        int threads = Runtime.getRuntime().availableProcessors();
        int filesPerDay = 4;
        int reps = 2;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--files-per-day" -> filesPerDay = Integer.parseInt(args[++i]);
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                default -> Stream.of(args[i].split(",")).map(String::trim).map(Long::parseLong).forEach(sizes::add);
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(1_000_000L, 10_000_000L);
        }
        System.out.printf(Locale.ROOT, "RollupBench: %d threads, %d files/day, max heap %d MB, %s%n", threads, filesPerDay,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.version());
        Path root = Files.createTempDirectory("rollup-bench-");
        try {
            // Warm both engines up on a small week first: the JIT and DuckDB's first query would otherwise be timed.
            Path warm = generate(root.resolve("warmup"), 200_000, filesPerDay, threads);
            ours(warm, threads);
            duckdb(warm, threads);
            for (long n : sizes) {
                Path dir = generate(root.resolve("turns-" + n), n, filesPerDay, threads);
                Run best = null;
                Run bestDuck = null;
                Run bestCpu = null;
                Run bestDuckCpu = null;
                for (int r = 0; r < reps; r++) {
                    Run o = ours(dir, threads);
                    Run d = duckdb(dir, threads);
                    System.out.printf(Locale.ROOT, "  rep %d: ours %.2f s (%,.0f turns/s, %,.0f per CPU-s, peak heap %d MB), "
                            + "duckdb %.2f s (%,.0f turns/s, %,.0f per CPU-s)%n", r + 1, o.seconds, o.turnsPerSecond(), o.turnsPerCpuSecond(),
                            o.peakHeapMb, d.seconds, d.turnsPerSecond(), d.turnsPerCpuSecond());
                    best = best == null || o.seconds < best.seconds ? o : best;
                    bestDuck = bestDuck == null || d.seconds < bestDuck.seconds ? d : bestDuck;
                    bestCpu = bestCpu == null || o.cpuSeconds < bestCpu.cpuSeconds ? o : bestCpu;
                    bestDuckCpu = bestDuckCpu == null || d.cpuSeconds < bestDuckCpu.cpuSeconds ? d : bestDuckCpu;
                }
                crossCheck(best, bestDuck);
                System.out.printf(Locale.ROOT, "%,d turns (%,d MB gzipped), best of %d: ours %,.0f turns/s (%.2f s), DuckDB %,.0f turns/s (%.2f s), "
                        + "ratio ours/DuckDB %.2f; per CPU-second ours %,.0f, DuckDB %,.0f, ratio %.2f; ours peak heap %d MB, retained after GC %d MB; "
                        + "p95 ours %.1f ms vs DuckDB exact %.1f ms (%.3f%% apart)%n", best.turns, size(dir) >> 20, reps, best.turnsPerSecond(),
                        best.seconds, bestDuck.turnsPerSecond(), bestDuck.seconds, best.turnsPerSecond() / bestDuck.turnsPerSecond(),
                        bestCpu.turnsPerCpuSecond(), bestDuckCpu.turnsPerCpuSecond(), bestCpu.turnsPerCpuSecond() / bestDuckCpu.turnsPerCpuSecond(),
                        best.peakHeapMb, best.retainedMb, best.p95, bestDuck.p95, 100 * Math.abs(best.p95 - bestDuck.p95) / bestDuck.p95);
                deleteTree(dir);
            }
        } finally {
            deleteTree(root);
        }
    }

    /** {@code cpuSeconds}: the process's CPU time during the run (DuckDB's native threads included). */
    record Run(long turns, double seconds, double cpuSeconds, long peakHeapMb, long retainedMb, double p95, long users, double costUsd,
            Map<String, Long> intents) {
        double turnsPerSecond() {
            return turns / seconds;
        }

        /** Turns per CPU-second: what the engine costs, much less swayed than wall time by other load on a shared machine. */
        double turnsPerCpuSecond() {
            return turns / cpuSeconds;
        }
    }

    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    static Path generate(Path dir, long turns, int filesPerDay, int threads) {
        long t0 = System.nanoTime();
        SyntheticTurns.Summary s = new SyntheticTurns(SyntheticTurns.Options.clean(START, 7, (int) (turns / 7), filesPerDay, 42))
                .generate(TurnSinks.folder(dir), threads);
        System.out.printf(Locale.ROOT, "generated %,d turns in %d files in %.1f s%n", s.turns(), s.files().size(), (System.nanoTime() - t0) / 1e9);
        return dir;
    }

    static Run ours(Path dir, int threads) {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        double cpu0 = cpuSeconds();
        long t0 = System.nanoTime();
        Inputs inputs = new Inputs(() -> null, dir.toString());
        TurnExport export = new TurnExport(inputs, dir.toString());
        List<TurnExport.TurnFile> files = export.files(START, START.plusDays(7));
        RollupScan.Result result = new RollupScan(inputs, threads, 1, 0.005, 10, 50, 20)
                .scan(files, START, START.plusDays(6), Sanitizer.forRun(), RollupScan.sampleSeed("rollup-bench"));
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = cpuSeconds() - cpu0;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
        System.gc();
        long retained = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
        return new Run(result.turns(), seconds, cpu, peak, retained, result.p95LatencyMs(), result.users(), result.totalCostUsd(), result.intentCounts());
    }

    static Run duckdb(Path dir, int threads) throws SQLException {
        double cpu0 = cpuSeconds();
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads = " + threads);
            s.execute("SET preserve_insertion_order = false");
            String glob = dir.toAbsolutePath() + "/dt=*/*.jsonl.gz";
            s.execute("CREATE TEMP TABLE raw AS SELECT * FROM read_ndjson('" + glob + "', compression = 'gzip', ignore_errors = true, columns = {"
                    + "turn_id: 'VARCHAR', ts: 'TIMESTAMP', user_id: 'VARCHAR', tenant: 'VARCHAR', channel: 'VARCHAR', intent: 'VARCHAR', tier: 'INTEGER', "
                    + "action: 'VARCHAR', confidence: 'DOUBLE', provider: 'VARCHAR', model: 'VARCHAR', latency_ms: 'BIGINT', tokens_in: 'BIGINT', "
                    + "tokens_out: 'BIGINT', cost_usd: 'DOUBLE', cache_hit: 'BOOLEAN', fallback_reason: 'VARCHAR', error: 'VARCHAR', "
                    + "agent_override: 'STRUCT(intent VARCHAR, team VARCHAR)', task_success: 'BOOLEAN'})");
            s.execute("CREATE TEMP TABLE t AS SELECT DISTINCT ON (turn_id) * FROM raw WHERE turn_id IS NOT NULL AND ts >= TIMESTAMP '" + START
                    + "' AND ts < TIMESTAMP '" + START.plusDays(7) + "'");
            long turns = (long) number(s, "SELECT count(*) FROM t");
            Map<String, Long> intents = new TreeMap<>();
            try (ResultSet rs = s.executeQuery("SELECT intent, count(*) FROM t GROUP BY intent")) {
                while (rs.next()) {
                    intents.put(rs.getString(1), rs.getLong(2));
                }
            }
            drain(s, "SELECT provider, count(*), count(latency_ms), quantile_disc(latency_ms, [0.5, 0.95, 0.99]), min(latency_ms), max(latency_ms), "
                    + "count(fallback_reason), count(error) FROM t GROUP BY provider");
            double p95 = number(s, "SELECT quantile_disc(latency_ms, 0.95) FROM t");
            drain(s, "SELECT provider, model, count(*), count(cost_usd), sum(cost_usd), sum(tokens_in), sum(tokens_out) FROM t GROUP BY provider, model");
            long users = (long) number(s, "SELECT count(DISTINCT user_id) FROM t");
            drain(s, "WITH u AS (SELECT user_id, count(*) AS n, sum(cost_usd) AS c FROM t GROUP BY user_id) "
                    + "SELECT avg(c), quantile_cont(c, 0.5), quantile_cont(c, 0.95), max(c) FROM u");
            drain(s, "SELECT user_id, count(*), sum(cost_usd) AS c FROM t GROUP BY user_id ORDER BY c DESC, user_id LIMIT 10");
            drain(s, "SELECT fallback_reason, count(*) FROM t WHERE fallback_reason IS NOT NULL GROUP BY 1");
            drain(s, "SELECT error, count(*) FROM t WHERE error IS NOT NULL GROUP BY 1");
            drain(s, "SELECT CAST(ts AS DATE), count(*), avg(cache_hit::INT), avg((error IS NOT NULL)::INT), avg((fallback_reason IS NOT NULL)::INT) "
                    + "FROM t GROUP BY 1");
            drain(s, "SELECT turn_id, ts, provider, model, tokens_in, tokens_out, cost_usd FROM t ORDER BY cost_usd DESC NULLS LAST, turn_id LIMIT 10");
            drain(s, "SELECT count(*) FILTER (WHERE action IN ('route', 'escalate')), count(*) FILTER (WHERE action IN ('route', 'escalate') "
                    + "AND agent_override.intent IS NOT NULL AND agent_override.intent <> intent), count(task_success), count(*) FILTER (WHERE task_success) FROM t");
            double cost = number(s, "SELECT sum(cost_usd) FROM t");
            drain(s, "SELECT * FROM t USING SAMPLE reservoir(50 ROWS) REPEATABLE (42)");
            return new Run(turns, (System.nanoTime() - t0) / 1e9, cpuSeconds() - cpu0, 0, 0, p95, users, cost, intents);
        }
    }

    static void crossCheck(Run ours, Run duck) {
        if (ours.turns != duck.turns || ours.users != duck.users || !ours.intents.equals(duck.intents)
                || Math.abs(ours.costUsd - duck.costUsd) > 1e-6 * Math.max(1, duck.costUsd) || Math.abs(ours.p95 - duck.p95) > 0.005 * duck.p95 + 0.1) {
            throw new IllegalStateException("engines disagree: ours " + ours + " vs DuckDB " + duck);
        }
    }

    private static double number(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    private static void drain(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            int cols = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= cols; i++) {
                    rs.getObject(i);
                }
            }
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
