package dev.evalops.turns;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Synthetic production turns in the export's layout ({@code dt=YYYY-MM-DD/part-NNNNN.jsonl.gz}) for tests, demos
 * and benchmarks: the sample taxonomy's intents in a support-desk mix, several providers and models, log-normal
 * latency with a Pareto tail, cost from tokens and per-model prices, cache hits, fallbacks, errors, agent
 * overrides, partly known task success, Zipf-like users; plus the mess real exports have: non-JSON (truncated)
 * lines, wrong types, missing required fields, duplicated turn ids within a file and re-delivered across
 * partitions, late files (a day's turns landing in the next day's partition) and missing days.
 * <p>
 * Deterministic: each file draws from its own generator seeded by (seed, day, file), so files are written in
 * parallel and the same options give byte-identical files.
 */
public final class SyntheticTurns {

    /** Where files go: opened by key relative to the export root, closed by the generator. */
    @FunctionalInterface
    public interface Sink {
        OutputStream open(String key) throws IOException;
    }

    /**
     * @param missingDays  days in the range that get no files at all
     * @param lateFiles    write a {@code part-late-*} file into the next day's partition: 2% more turns of the day
     *                     plus re-deliveries (duplicates) of some of its earlier turns
     * @param users        distinct users to draw from (0: turns per day / 3)
     * @param incidentFrom from this day on (null: never), a carrier outage and a degraded provider: shipping.delay
     *                     four times as frequent, openai 2.2x slower, fallbacks 8% instead of 3%, cache hits 25%
     *                     instead of 36%, answers 1.6x longer: what the week-over-week rules are there to catch
     */
    public record Options(LocalDate start, int days, int perDay, int filesPerDay, long seed, Set<LocalDate> missingDays,
            double badLineShare, double duplicateShare, boolean lateFiles, int users, LocalDate incidentFrom) {
        public Options {
            if (days < 1 || perDay < 1 || filesPerDay < 1) {
                throw new IllegalArgumentException("days, per-day and files-per-day must be at least 1");
            }
            if (badLineShare < 0 || badLineShare > 0.5 || duplicateShare < 0 || duplicateShare > 0.5) {
                throw new IllegalArgumentException("bad-line and duplicate shares must be between 0 and 0.5");
            }
            missingDays = Set.copyOf(missingDays);
        }

        /** Clean data: no mess at all (benchmarks that compare engines on the same valid rows use it too). */
        public static Options clean(LocalDate start, int days, int perDay, int filesPerDay, long seed) {
            return new Options(start, days, perDay, filesPerDay, seed, Set.of(), 0, 0, false, 0, null);
        }

        /** The default mess: 0.5% bad lines, 0.5% duplicates, late files. */
        public static Options messy(LocalDate start, int days, int perDay, int filesPerDay, long seed) {
            return new Options(start, days, perDay, filesPerDay, seed, Set.of(), 0.005, 0.005, true, 0, null);
        }

        int userCount() {
            return users > 0 ? users : Math.max(20, perDay / 3);
        }
    }

    /**
     * What was written: every injected defect counted, so a test can expect exactly what a reader must find. Turns
     * and duplicates are by the day of their {@code ts}, bad lines by the partition they are in.
     */
    @RegisterForReflection
    public record Summary(List<String> files, long lines, long turns, long badLines, Map<String, Long> badByKind, long duplicates,
            long lateTurns, List<LocalDate> missingDays, Map<LocalDate, Long> turnsByDay, Map<LocalDate, Long> duplicatesByDay,
            Map<LocalDate, Long> badLinesByPartition) {

        /** Valid distinct turns dated {@code from..to}. */
        public long turns(LocalDate from, LocalDate to) {
            return sum(turnsByDay, from, to);
        }

        public long duplicates(LocalDate from, LocalDate to) {
            return sum(duplicatesByDay, from, to);
        }

        /** Bad lines in the partitions {@code from..to}. */
        public long badLines(LocalDate from, LocalDate to) {
            return sum(badLinesByPartition, from, to);
        }

        private static long sum(Map<LocalDate, Long> byDay, LocalDate from, LocalDate to) {
            return byDay.entrySet().stream().filter(e -> !e.getKey().isBefore(from) && !e.getKey().isAfter(to)).mapToLong(Map.Entry::getValue).sum();
        }
    }

    // The sample taxonomy (BRIEF) with a support desk's weights: where-is-my-order dominates, Tier 0 is rare.
    private static final String[] INTENTS = { "order.status", "account.password_reset", "shipping.delay", "billing.refund_status",
            "order.return", "product.question", "other", "order.cancel", "billing.invoice_request", "billing.double_charge",
            "privacy.data_deletion", "fraud.chargeback", "account.takeover", "legal.threat" };
    private static final String[] TEAMS = { "orders", "account", "logistics", "billing", "orders", "support", "support", "orders",
            "billing", "billing", "privacy", "risk", "security", "legal" };
    private static final int[] TIERS = { 2, 2, 1, 1, 1, 1, 1, 1, 2, 1, 0, 0, 0, 0 };
    private static final double[] INTENT_WEIGHTS = { 22, 12, 10, 8, 8, 8, 10, 6, 5, 4, 3, 2, 1, 1 };
    private static final double[] INCIDENT_INTENT_WEIGHTS = { 22, 12, 40, 8, 8, 8, 10, 6, 5, 4, 3, 2, 1, 1 };
    private static final String[] CHANNELS = { "email", "livechat", "web", "sms" };
    private static final double[] CHANNEL_WEIGHTS = { 35, 40, 20, 5 };
    private static final String[] TENANTS = { "acme", "globex", "initech", "umbrella" };
    private static final double[] TENANT_WEIGHTS = { 40, 25, 20, 15 };
    private static final Model[] MODELS = {
            new Model("anthropic", "m-2026-10", 900, 0.003, 0.015),
            new Model("anthropic", "m-2026-07-haiku", 450, 0.0008, 0.004),
            new Model("openai", "gpt-x-2026-09", 1100, 0.0025, 0.010),
            new Model("google", "g-2-flash", 600, 0.0003, 0.0012) };
    private static final double[] MODEL_WEIGHTS = { 50, 15, 25, 10 };
    private static final String[] FALLBACKS = { "primary_timeout", "primary_5xx", "rate_limited", "context_length" };
    private static final double[] FALLBACK_WEIGHTS = { 40, 30, 20, 10 };
    private static final String[] ERRORS = { "provider_5xx", "timeout", "schema_invalid" };
    private static final double[] ERROR_WEIGHTS = { 50, 30, 20 };
    /** Turns per hour of the UTC day: a European/US support desk. */
    private static final double[] HOURLY = { 2, 1.5, 1, 1, 1, 1.5, 3, 5, 7, 8, 8, 8, 7.5, 7.5, 8, 8, 7.5, 6.5, 5.5, 5, 4.5, 4, 3.5, 2.5 };
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final JsonFactory JSON = new JsonFactory();
    private static final java.util.HexFormat HEX = java.util.HexFormat.of();

    private record Model(String provider, String name, double medianLatencyMs, double usdPer1kIn, double usdPer1kOut) {
    }

    private final Options options;

    public SyntheticTurns(Options options) {
        this.options = options;
    }

    /** Writes every file through the sink, {@code threads} files at a time. */
    public Summary generate(Sink sink, int threads) {
        List<FileSpec> specs = new ArrayList<>();
        List<LocalDate> missing = new ArrayList<>();
        for (int d = 0; d < options.days(); d++) {
            LocalDate day = options.start().plusDays(d);
            if (options.missingDays().contains(day)) {
                missing.add(day);
                continue;
            }
            for (int f = 0; f < options.filesPerDay(); f++) {
                int n = options.perDay() / options.filesPerDay() + (f < options.perDay() % options.filesPerDay() ? 1 : 0);
                specs.add(new FileSpec(day, day, f, n, false));
            }
            // A missing day is missing altogether: not even the day before's late file lands in its partition.
            if (options.lateFiles() && d < options.days() - 1 && !options.missingDays().contains(day.plusDays(1))) {
                specs.add(new FileSpec(day, day.plusDays(1), 0, Math.max(1, options.perDay() / 50), true));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<Counts>> futures = new ArrayList<>();
            for (FileSpec s : specs) {
                futures.add(pool.submit(() -> writeFile(s, sink)));
            }
            Counts total = new Counts();
            List<String> files = new ArrayList<>();
            Map<LocalDate, Long> turnsByDay = new TreeMap<>();
            Map<LocalDate, Long> duplicatesByDay = new TreeMap<>();
            Map<LocalDate, Long> badByPartition = new TreeMap<>();
            for (int i = 0; i < specs.size(); i++) {
                Counts c = futures.get(i).get();
                FileSpec spec = specs.get(i);
                total.add(c);
                files.add(spec.key());
                turnsByDay.merge(spec.day(), c.turns, Long::sum);
                duplicatesByDay.merge(spec.day(), c.duplicates, Long::sum);
                badByPartition.merge(spec.partition(), c.bad, Long::sum);
            }
            return new Summary(files, total.lines, total.turns, total.bad, total.badByKind, total.duplicates, total.late, missing, turnsByDay,
                    duplicatesByDay, badByPartition);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("generation interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One output file: turns of {@code day} written into the partition of {@code partition}. */
    private record FileSpec(LocalDate day, LocalDate partition, int index, int turns, boolean late) {
        String key() {
            return "dt=" + partition + "/" + (late ? "part-late-" : "part-") + String.format("%05d", index) + ".jsonl.gz";
        }
    }

    private static final class Counts {
        long lines, turns, bad, duplicates, late;
        final Map<String, Long> badByKind = new TreeMap<>();

        void add(Counts o) {
            lines += o.lines;
            turns += o.turns;
            bad += o.bad;
            duplicates += o.duplicates;
            late += o.late;
            o.badByKind.forEach((k, v) -> badByKind.merge(k, v, Long::sum));
        }
    }

    private Counts writeFile(FileSpec spec, Sink sink) throws IOException {
        Counts counts = new Counts();
        try (OutputStream out = new BufferedOutputStream(new GZIPOutputStream(sink.open(spec.key()), 64 * 1024), 256 * 1024)) {
            if (spec.late()) {
                // A re-export: the first turns of the day's first file delivered again, byte for byte.
                int firstFile = options.perDay() / options.filesPerDay() + (options.perDay() % options.filesPerDay() > 0 ? 1 : 0);
                LineSource original = new LineSource(new FileSpec(spec.day(), spec.day(), 0, firstFile, false));
                for (int redelivered = 0; redelivered < Math.max(1, spec.turns() / 10) && original.next();) {
                    if (original.mess == Mess.NONE && !original.duplicate) {
                        write(out, original.bytes);
                        counts.lines++;
                        counts.duplicates++;
                        redelivered++;
                    }
                }
            }
            LineSource lines = new LineSource(spec);
            while (lines.next()) {
                write(out, lines.bytes);
                counts.lines++;
                if (lines.duplicate) {
                    counts.duplicates++;
                } else if (lines.mess == Mess.NONE) {
                    counts.turns++;
                    if (spec.late()) {
                        counts.late++;
                    }
                } else {
                    counts.bad++;
                    counts.badByKind.merge(lines.mess.label, 1L, Long::sum);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + spec.key() + ": " + e.getMessage(), e);
        }
        return counts;
    }

    private static void write(OutputStream out, byte[] line) throws IOException {
        out.write(line);
        out.write('\n');
    }

    /** The lines of one file in order, from the file's own seeded generator: replaying a spec replays its bytes. */
    private final class LineSource {
        private final FileSpec spec;
        private final SplittableRandom rng;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(768);
        private final byte[][] recent = new byte[64][];
        private int recentCount;
        private int turn;
        byte[] bytes;
        Mess mess;
        boolean duplicate;

        LineSource(FileSpec spec) {
            this.spec = spec;
            this.rng = new SplittableRandom(options.seed() * 1_000_003L + spec.day().toEpochDay() * 7919L + spec.index()
                    + (spec.late() ? 0x5DEECE66DL : 0));
        }

        boolean next() throws IOException {
            if (turn >= spec.turns()) {
                return false;
            }
            if (!duplicate && recentCount > 0 && rng.nextDouble() < options.duplicateShare()) {
                bytes = recent[rng.nextInt(Math.min(recentCount, recent.length))];
                duplicate = true;
                return true;
            }
            duplicate = false;
            mess = rng.nextDouble() < options.badLineShare() ? Mess.values()[1 + rng.nextInt(Mess.values().length - 1)] : Mess.NONE;
            buffer.reset();
            writeTurn(rng, spec.day(), turn, spec.turns(), spec.late() ? 1_000_000 + spec.index() : spec.index(), buffer, mess);
            bytes = buffer.toByteArray();
            if (mess == Mess.NOT_JSON) {
                bytes = java.util.Arrays.copyOf(bytes, 10 + rng.nextInt(bytes.length - 20));
            } else if (mess == Mess.NONE) {
                recent[recentCount++ % recent.length] = bytes;
            }
            turn++;
            return true;
        }
    }

    private enum Mess {
        NONE("none"), NOT_JSON("not_json"), WRONG_TYPE("wrong_type"), MISSING_FIELD("missing_field");

        final String label;

        Mess(String label) {
            this.label = label;
        }
    }

    /** One turn as a JSON line; the draws happen in a fixed order, so the same generator state gives the same line. */
    private void writeTurn(SplittableRandom rng, LocalDate day, int i, int n, int stream, ByteArrayOutputStream line, Mess mess)
            throws IOException {
        boolean incident = options.incidentFrom() != null && !day.isBefore(options.incidentFrom());
        double x = (i + rng.nextDouble()) / n;
        long ts = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() + Math.min(86_399, (long) (diurnal(x) * 86_400));
        int intent = pick(rng, incident ? INCIDENT_INTENT_WEIGHTS : INTENT_WEIGHTS);
        Model model = MODELS[pick(rng, MODEL_WEIGHTS)];
        String provider = model.provider();
        String fallback = null;
        double latency = model.medianLatencyMs() * Math.exp(0.55 * rng.nextGaussian());
        if (rng.nextDouble() < (incident ? 0.08 : 0.03)) {
            fallback = FALLBACKS[pick(rng, FALLBACK_WEIGHTS)];
            model = provider.equals("anthropic") ? MODELS[2] : MODELS[0];
            provider = model.provider();
            latency = latency * 1.8 + model.medianLatencyMs();
        }
        String error = rng.nextDouble() < 0.015 ? ERRORS[pick(rng, ERROR_WEIGHTS)] : null;
        double cacheDraw = rng.nextDouble();
        Boolean cacheHit = cacheDraw < 0.01 ? null : cacheDraw < (incident ? 0.25 : 0.36);
        if (incident && provider.equals("openai")) {
            latency *= 2.2;
        }
        if (Boolean.TRUE.equals(cacheHit)) {
            latency *= 0.6;
        }
        if (rng.nextDouble() < 0.005) {
            latency *= Math.pow(1 - rng.nextDouble(), -1 / 1.5); // Pareto tail: the slow requests p99 is about
        }
        if ("timeout".equals(error)) {
            latency = 30_000 + rng.nextDouble() * 500;
        }
        long latencyMs = Math.min(120_000, Math.round(latency));
        long tokensIn = Math.max(20, Math.round(700 * Math.exp(0.5 * rng.nextGaussian())));
        long tokensOut = error != null ? 0 : Math.max(5, Math.round((incident ? 224 : 140) * Math.exp(0.6 * rng.nextGaussian())));
        double inPrice = Boolean.TRUE.equals(cacheHit) ? model.usdPer1kIn() * 0.1 : model.usdPer1kIn();
        double cost = Math.round((tokensIn * inPrice + tokensOut * model.usdPer1kOut()) / 1000 * 1e6) / 1e6;
        int tier = TIERS[intent];
        String intentName = error != null ? "other" : INTENTS[intent];
        Double confidence = error != null ? null : Math.round((0.55 + 0.45 * Math.pow(rng.nextDouble(), 0.35)) * 1000) / 1000.0;
        String action = tier == 0 ? "escalate" : tier == 2 && confidence != null && confidence >= 0.85 ? "auto_reply" : "route";
        if (error != null) {
            tier = 1;
        }
        String[] override = null;
        if (!action.equals("auto_reply")) {
            double o = rng.nextDouble();
            if (o < 0.035) {
                int other = (intent + 1 + rng.nextInt(INTENTS.length - 1)) % INTENTS.length;
                override = new String[] { INTENTS[other], TEAMS[other] };
            } else if (o < 0.04) {
                override = new String[] { intentName, TEAMS[(intent + 3) % TEAMS.length] };
            }
        }
        Boolean taskSuccess = rng.nextDouble() < 0.45 ? null : rng.nextDouble() < (override != null ? 0.5 : 0.86);
        int user = (int) (options.userCount() * Math.pow(rng.nextDouble(), 2.5));
        int tenant = pick(rng, TENANT_WEIGHTS);
        int channel = pick(rng, CHANNEL_WEIGHTS);
        int wrongField = rng.nextInt(4);
        int missingField = rng.nextInt(3);

        try (JsonGenerator g = JSON.createGenerator(line)) {
            g.writeStartObject();
            if (mess != Mess.MISSING_FIELD || missingField != 0) {
                g.writeStringField("turn_id", "t-" + HEX.toHexDigits(mixTurnId(options.seed(), day.toEpochDay(), stream, i)));
            }
            if (mess != Mess.MISSING_FIELD || missingField != 1) {
                g.writeStringField("ts", TS.format(java.time.Instant.ofEpochSecond(ts)));
            }
            g.writeStringField("user_id", "u-" + HEX.toHexDigits((int) mixTurnId(options.seed(), -1, 0, user)));
            g.writeStringField("tenant", TENANTS[tenant]);
            g.writeStringField("channel", CHANNELS[channel]);
            if (mess != Mess.MISSING_FIELD || missingField != 2) {
                g.writeStringField("intent", intentName);
            }
            if (mess == Mess.WRONG_TYPE && wrongField == 0) {
                g.writeStringField("tier", "tier-" + tier);
            } else {
                g.writeNumberField("tier", tier);
            }
            g.writeStringField("action", action);
            if (confidence == null) {
                g.writeNullField("confidence");
            } else {
                g.writeNumberField("confidence", confidence);
            }
            g.writeStringField("provider", provider);
            g.writeStringField("model", model.name());
            if (mess == Mess.WRONG_TYPE && wrongField == 1) {
                g.writeStringField("latency_ms", latencyMs + "ms");
            } else {
                g.writeNumberField("latency_ms", latencyMs);
            }
            g.writeNumberField("tokens_in", tokensIn);
            g.writeNumberField("tokens_out", tokensOut);
            if (mess == Mess.WRONG_TYPE && wrongField == 2) {
                g.writeStringField("cost_usd", "$" + cost);
            } else {
                g.writeNumberField("cost_usd", cost);
            }
            if (mess == Mess.WRONG_TYPE && wrongField == 3) {
                g.writeStringField("cache_hit", String.valueOf(cacheHit));
            } else if (cacheHit == null) {
                g.writeNullField("cache_hit");
            } else {
                g.writeBooleanField("cache_hit", cacheHit);
            }
            nullable(g, "fallback_reason", fallback);
            nullable(g, "error", error);
            if (override == null) {
                g.writeNullField("agent_override");
            } else {
                g.writeObjectFieldStart("agent_override");
                g.writeStringField("intent", override[0]);
                g.writeStringField("team", override[1]);
                g.writeEndObject();
            }
            if (taskSuccess == null) {
                g.writeNullField("task_success");
            } else {
                g.writeBooleanField("task_success", taskSuccess);
            }
            g.writeEndObject();
        }
    }

    private static void nullable(JsonGenerator g, String field, String value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, value);
        }
    }

    /** Where in the day fraction x of the day's turns has arrived, following {@link #HOURLY}. */
    private static double diurnal(double x) {
        double total = 0;
        for (double h : HOURLY) {
            total += h;
        }
        double target = x * total;
        double acc = 0;
        for (int h = 0; h < HOURLY.length; h++) {
            if (acc + HOURLY[h] >= target) {
                return (h + (target - acc) / HOURLY[h]) / 24.0;
            }
            acc += HOURLY[h];
        }
        return 1.0 - 1e-9;
    }

    private static int pick(SplittableRandom rng, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = rng.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static long mixTurnId(long seed, long day, int stream, int i) {
        long z = seed * 0x9E3779B97F4A7C15L + day * 0xBF58476D1CE4E5B9L + (long) stream * 0x94D049BB133111EBL + i;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
