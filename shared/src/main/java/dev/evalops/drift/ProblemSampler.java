package dev.evalops.drift;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

import dev.evalops.turns.TurnRecord;

/**
 * Streams turns once and keeps a uniform reservoir (Algorithm R) per {@link ProblemKind}, so memory stays at
 * five reservoirs however large the window is. The batch takes from the kinds in turn (round robin), so a
 * flood of one kind (say, low confidence after a model change) cannot crowd out the rare Tier 0 or error
 * turns; a kind with too few turns leaves its share to the others. Seeded: the same turns give the same batch.
 */
public final class ProblemSampler implements Consumer<TurnRecord> {
    public static final int MIN_SIZE = 10;
    public static final int MAX_SIZE = 30;

    private final int size;
    private final double lowConfidence;
    private final Instant from;
    private final Instant to;
    private final long seed;
    private final Random random;
    private final Map<ProblemKind, List<Candidate>> reservoirs = new EnumMap<>(ProblemKind.class);
    private final Map<ProblemKind, Long> population = new EnumMap<>(ProblemKind.class);
    /** Problem turns only: bounded by the window's problem count, not its traffic. */
    private final Set<String> seen = new HashSet<>();
    private long scanned;
    private long problems;
    private long outside;
    private long undated;
    private long duplicates;

    /**
     * @param from inclusive
     * @param to   exclusive
     */
    public ProblemSampler(int size, double lowConfidenceThreshold, Instant from, Instant to, long seed) {
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new IllegalArgumentException("evalops.drift.sample-size must be between " + MIN_SIZE + " and " + MAX_SIZE + ", got " + size);
        }
        this.size = size;
        this.lowConfidence = lowConfidenceThreshold;
        this.from = from;
        this.to = to;
        this.seed = seed;
        this.random = new Random(seed);
        for (ProblemKind k : ProblemKind.values()) {
            reservoirs.put(k, new ArrayList<>(size));
            population.put(k, 0L);
        }
    }

    @Override
    public void accept(TurnRecord turn) {
        scanned++;
        if (turn.ts() == null) {
            undated++;
            return;
        }
        if (turn.ts().isBefore(from) || !turn.ts().isBefore(to)) {
            outside++;
            return;
        }
        Set<ProblemKind> kinds = ProblemKind.of(turn, lowConfidence);
        if (kinds.isEmpty()) {
            return;
        }
        if (turn.turnId() != null && !seen.add(turn.turnId())) {
            duplicates++;
            return;
        }
        problems++;
        Candidate candidate = new Candidate(turn, List.copyOf(kinds));
        for (ProblemKind k : kinds) {
            long n = population.merge(k, 1L, Long::sum);
            List<Candidate> reservoir = reservoirs.get(k);
            if (reservoir.size() < size) {
                reservoir.add(candidate);
            } else {
                long slot = random.nextLong(n);
                if (slot < size) {
                    reservoir.set((int) slot, candidate);
                }
            }
        }
    }

    public ProblemSample result() {
        Map<ProblemKind, List<Candidate>> queues = new EnumMap<>(ProblemKind.class);
        reservoirs.forEach((k, r) -> {
            List<Candidate> q = new ArrayList<>(r);
            Collections.shuffle(q, random);
            queues.put(k, q);
        });
        Set<TurnRecord> picked = new HashSet<>();
        List<LabelingRow> rows = new ArrayList<>();
        Map<String, Integer> sampled = new LinkedHashMap<>();
        boolean progress = true;
        while (rows.size() < size && progress) {
            progress = false;
            for (ProblemKind k : ProblemKind.values()) {
                List<Candidate> q = queues.get(k);
                // A turn of several kinds may sit in several reservoirs: it is taken once, for the first kind that reaches it.
                while (!q.isEmpty() && picked.contains(q.get(0).turn())) {
                    q.remove(0);
                }
                if (q.isEmpty() || rows.size() >= size) {
                    continue;
                }
                Candidate c = q.remove(0);
                picked.add(c.turn());
                rows.add(LabelingRow.unlabeled(c.turn(), c.kinds()));
                sampled.merge(k.label(), 1, Integer::sum);
                progress = true;
            }
        }
        Map<String, Long> populationByLabel = new LinkedHashMap<>();
        population.forEach((k, n) -> populationByLabel.put(k.label(), n));
        return new ProblemSample(from, to, size, seed, rows, populationByLabel, sampled, scanned, problems, outside, undated, duplicates);
    }

    private record Candidate(TurnRecord turn, List<ProblemKind> kinds) {
    }
}
