package dev.evalops.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import dev.evalops.sanitize.Adversarial;
import dev.evalops.sanitize.PiiCorpus;
import dev.evalops.sanitize.Sanitizer;

/**
 * Sanitizer throughput on one thread (= per core), in MB/s of UTF-8 text:
 * <ul>
 * <li>{@code tickets}: 4000 generated support tickets, 20% carrying PII, each cleaned on its own (what a run does
 * for every JSON string, CSV cell and JSONL row);</li>
 * <li>{@code report}: the same tickets as one Markdown document (what writeMarkdown does);</li>
 * <li>{@code piiDense}: 2000 tickets that all carry 1-2 PII values (the corpus of SanitizerCorpusTest);</li>
 * <li>{@code adversarial}: 64 KB inputs built to make careless patterns backtrack (Adversarial.texts()).</li>
 * </ul>
 * {@code ./evalops bench SanitizerBench [JMH options, e.g. -wi 1 -i 3]}; prints JMH's table and MB/s per case, then
 * the same cases timed by the thread's CPU time: on a machine shared with other work the wall-clock figure also
 * counts the time the thread waited for a core, the CPU-time figure is what one core does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class SanitizerBench {

    /** The inputs, identical in the benchmark fork and in main (which needs their sizes). */
    static final class Inputs {
        final String[] tickets;
        final String report;
        final String[] piiDense;
        final String[] adversarial;

        Inputs() {
            List<PiiCorpus.Ticket> realistic = PiiCorpus.generate(2026, 4000, 0.2);
            tickets = realistic.stream().map(PiiCorpus.Ticket::text).toArray(String[]::new);
            StringBuilder md = new StringBuilder("# Problem tickets\n\n| # | text |\n|---|---|\n");
            for (int i = 0; i < tickets.length; i++) {
                md.append("| ").append(i).append(" | ").append(tickets[i].replace("\n", "<br>")).append(" |\n");
            }
            report = md.toString();
            piiDense = PiiCorpus.generate(1122, 2000, 1.0).stream().map(PiiCorpus.Ticket::text).toArray(String[]::new);
            adversarial = Adversarial.texts().toArray(String[]::new);
        }

        String[] texts(String benchmark) {
            return switch (benchmark) {
                case "tickets" -> tickets;
                case "report" -> new String[] { report };
                case "piiDense" -> piiDense;
                case "adversarial" -> adversarial;
                default -> throw new IllegalArgumentException(benchmark);
            };
        }

        long bytes(String benchmark) {
            return bytes(texts(benchmark));
        }

        static long bytes(String[] texts) {
            long n = 0;
            for (String t : texts) {
                n += t.getBytes(StandardCharsets.UTF_8).length;
            }
            return n;
        }
    }

    Inputs in;
    Sanitizer sanitizer;

    @Setup
    public void setUp() {
        in = new Inputs();
        sanitizer = Sanitizer.forRun();
    }

    @Benchmark
    public void tickets(Blackhole bh) {
        for (String t : in.tickets) {
            bh.consume(sanitizer.clean(t));
        }
    }

    @Benchmark
    public String report() {
        return sanitizer.clean(in.report);
    }

    @Benchmark
    public void piiDense(Blackhole bh) {
        for (String t : in.piiDense) {
            bh.consume(sanitizer.clean(t));
        }
    }

    @Benchmark
    public void adversarial(Blackhole bh) {
        for (String t : in.adversarial) {
            bh.consume(sanitizer.clean(t));
        }
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions cli = new CommandLineOptions(args);
        Collection<RunResult> results = new Runner(new OptionsBuilder().parent(cli)
                .include(SanitizerBench.class.getName() + "\\.").build()).run();
        Inputs in = new Inputs();
        System.out.println();
        System.out.println("Sanitizer throughput, one thread (MB = 10^6 bytes of UTF-8 input)");
        System.out.printf("%-12s %12s %14s %12s%n", "case", "input bytes", "ops/s", "MB/s");
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
            double ops = r.getPrimaryResult().getScore();
            double err = r.getPrimaryResult().getScoreError();
            long bytes = in.bytes(name);
            System.out.printf("%-12s %12d %8.2f ± %-5.2f %8.1f ± %.1f%n", name, bytes, ops, err, ops * bytes / 1e6, err * bytes / 1e6);
        }
        cpuTime(in);
    }

    /** Each case cleaned for about 3 s after a 3 s warm-up, in MB per second of this thread's CPU time. */
    static void cpuTime(Inputs in) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Sanitizer sanitizer = Sanitizer.forRun();
        System.out.println();
        System.out.println("Same cases, by thread CPU time (one core's work; waiting for a core excluded)");
        System.out.printf("%-12s %12s %10s %10s%n", "case", "input bytes", "CPU s", "MB/s");
        long sink = 0;
        for (String name : new String[] { "tickets", "report", "piiDense", "adversarial" }) {
            String[] texts = in.texts(name);
            for (int phase = 0; phase < 2; phase++) {
                long cpu0 = threads.getCurrentThreadCpuTime();
                long wall0 = System.nanoTime();
                long passes = 0;
                while (System.nanoTime() - wall0 < 3_000_000_000L) {
                    for (String t : texts) {
                        sink += sanitizer.clean(t).length();
                    }
                    passes++;
                }
                double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
                if (phase == 1) {
                    System.out.printf("%-12s %12d %10.2f %10.1f%n", name, in.bytes(name), cpu, passes * in.bytes(name) / cpu / 1e6);
                }
            }
        }
        if (sink == 42) {
            System.out.println();
        }
    }
}
