package dev.evalops.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.evalops.router.HttpRouterClient;
import dev.evalops.router.RouterOutcome;
import dev.evalops.router.RouterRequest;
import dev.evalops.router.RouterSettings;
import dev.evalops.router.sample.SampleRouter;

/**
 * Does the router fan-out keep its concurrency slots busy? For each concurrency C, N tickets through
 * {@link HttpRouterClient#routeAll} against the sample router with an injected latency L: the floor is
 * ceil(N/C) x L; the target is wall time within 1.1x of it. A wall-clock measurement (the latency is slept, not
 * computed), so not JMH. Client and router share the machine's cores, so per-call CPU shows up at high C with a short L.
 * {@code ./evalops bench RouterFanOutBench [N=256] [latencyMs=500] [C,C,...=4,8,16,32]}.
 */
public final class RouterFanOutBench {
    private RouterFanOutBench() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        // 500 ms: the order of a real LLM router call (CONTRACTS' example answers in 812 ms)
        long latencyMs = args.length > 1 ? Long.parseLong(args[1]) : 500;
        if (latencyMs <= 0) {
            throw new IllegalArgumentException("latency must be > 0 ms: the bench compares wall time with ceil(N/C) x latency");
        }
        List<Integer> concurrencies = new ArrayList<>();
        for (String c : (args.length > 2 ? args[2] : "4,8,16,32").split(",")) {
            concurrencies.add(Integer.parseInt(c.trim()));
        }
        System.out.printf(Locale.ROOT, "RouterFanOutBench: N=%d tickets, injected latency L=%d ms, sample router on 127.0.0.1%n", n, latencyMs);
        System.out.printf(Locale.ROOT, "%5s %10s %10s %7s %10s %6s %s%n", "C", "ideal_ms", "wall_ms", "ratio", "max_in_fl", "fails", "within 1.1x");
        boolean all = true;
        try (SampleRouter router = SampleRouter.start(SampleRouter.Options.defaults().latency(Duration.ofMillis(latencyMs)))) {
            for (int c : concurrencies) {
                RouterSettings settings = RouterSettings.defaults(router.url()).withConcurrency(c).withRetries(0)
                        .withRequestTimeout(Duration.ofMillis(latencyMs * 20 + 5000));
                try (HttpRouterClient client = new HttpRouterClient(settings, Optional.empty())) {
                    client.routeAll(requests(Math.min(n, 2 * c), "warm")); // connections and JIT, not measured
                    int maxBefore = router.maxInFlight();
                    long start = System.nanoTime();
                    List<RouterOutcome> outcomes = client.routeAll(requests(n, "c" + c));
                    long wall = (System.nanoTime() - start) / 1_000_000;
                    long ideal = (long) Math.ceil((double) n / c) * latencyMs;
                    long fails = outcomes.stream().filter(o -> o instanceof RouterOutcome.Failed).count();
                    double ratio = (double) wall / ideal;
                    boolean ok = ratio <= 1.1 && fails == 0;
                    all &= ok;
                    System.out.printf(Locale.ROOT, "%5d %10d %10d %7.3f %10d %6d %s%n", c, ideal, wall, ratio, Math.max(maxBefore, router.maxInFlight()),
                            fails, ok ? "yes" : "NO");
                }
            }
        }
        System.out.println(all ? "all within 1.1x of ceil(N/C) x L" : "SOME RUNS MISSED 1.1x of ceil(N/C) x L");
    }

    private static List<RouterRequest> requests(int n, String prefix) {
        List<RouterRequest> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new RouterRequest(prefix + "-" + i, i % 2 == 0 ? "Where is my order A1234?" : "I was charged twice", "email", "bench", "golden"));
        }
        return out;
    }
}
