package dev.evalops.sanitize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.evalops.sanitize.PiiCorpus.Decoy;
import dev.evalops.sanitize.PiiCorpus.Planted;
import dev.evalops.sanitize.PiiCorpus.Ticket;

/**
 * The sanitizer measured on the generated corpus: per-type recall and precision, per-format recall and per-decoy
 * survival, printed and written to {@code target/sanitizer-corpus.md}.
 */
class SanitizerCorpusTest {
    /** Fixed so the report is reproducible; {@code -Dsanitizer.corpus.seed=N} measures another draw. */
    static final long SEED = Long.getLong("sanitizer.corpus.seed", 20261122L);
    static final int TICKETS = 6000;
    static final Path REPORT = Path.of("target", "sanitizer-corpus.md");

    static List<Ticket> corpus;
    static List<List<Finding>> findings;

    @BeforeAll
    static void scan() throws IOException {
        corpus = PiiCorpus.generate(SEED, TICKETS, 1.0);
        findings = new ArrayList<>(corpus.size());
        for (Ticket t : corpus) {
            findings.add(Sanitizer.findings(t.text()));
        }
        String report = report();
        System.out.println(report);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, report);
    }

    @Test
    void everyFormatAppearsOftenEnoughToMeasure() {
        Map<String, Integer> perFormat = new TreeMap<>();
        corpus.forEach(t -> t.pii().forEach(p -> perFormat.merge(p.format(), 1, Integer::sum)));
        assertThat(perFormat).hasSize(PiiCorpus.FORMATS.size());
        assertThat(perFormat.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(50));
        Map<String, Integer> perDecoy = new TreeMap<>();
        corpus.forEach(t -> t.decoys().forEach(d -> perDecoy.merge(d.kind(), 1, Integer::sum)));
        assertThat(perDecoy).hasSize(PiiCorpus.DECOYS.size());
        assertThat(perDecoy.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(100));
    }

    @Test
    void recallIsCompleteForEveryTypeAndFormat() {
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            for (Planted p : corpus.get(i).pii()) {
                if (!found(p, findings.get(i))) {
                    missed.add(p.format() + ": " + p.value() + "  in  " + corpus.get(i).text().replace("\n", "\\n"));
                }
            }
        }
        assertThat(missed).as("planted values not replaced as their type").isEmpty();
    }

    @Test
    void noPlantedValueSurvivesCleaning() {
        Sanitizer s = Sanitizer.forRun();
        List<String> leaked = new ArrayList<>();
        for (Ticket t : corpus) {
            String clean = s.clean(t.text());
            t.pii().stream().filter(p -> clean.contains(p.value())).forEach(p -> leaked.add(p.format() + ": " + p.value()));
        }
        assertThat(leaked).isEmpty();
    }

    @Test
    void decoysSurviveAtLeast99PercentPerKind() {
        Map<String, int[]> perKind = decoyCounts();
        perKind.forEach((kind, c) -> assertThat((double) c[1] / c[0]).as(kind).isGreaterThanOrEqualTo(0.99));
    }

    @Test
    void precisionIsAtLeast99PercentPerType() {
        Map<PiiType, int[]> perType = typeCounts();
        perType.forEach((type, c) -> {
            if (c[2] > 0) {
                assertThat((double) c[3] / c[2]).as(type + " precision").isGreaterThanOrEqualTo(0.99);
            }
        });
    }

    // ------------------------------------------------------------ measuring

    /** A planted value counts as found when one finding of its type covers all of it. */
    static boolean found(Planted p, List<Finding> fs) {
        return fs.stream().anyMatch(f -> f.type() == p.type() && f.start() <= p.start() && f.end() >= p.end());
    }

    static boolean touched(Decoy d, List<Finding> fs) {
        return fs.stream().anyMatch(f -> f.start() < d.end() && f.end() > d.start());
    }

    /** type -> {planted, found, findings, findings that are planted values of that type}. */
    static Map<PiiType, int[]> typeCounts() {
        Map<PiiType, int[]> out = new EnumMap<>(PiiType.class);
        for (PiiType t : PiiType.values()) {
            out.put(t, new int[4]);
        }
        for (int i = 0; i < corpus.size(); i++) {
            List<Finding> fs = findings.get(i);
            for (Planted p : corpus.get(i).pii()) {
                int[] c = out.get(p.type());
                c[0]++;
                if (found(p, fs)) {
                    c[1]++;
                }
            }
            for (Finding f : fs) {
                int[] c = out.get(f.type());
                c[2]++;
                boolean truePositive = corpus.get(i).pii().stream()
                        .anyMatch(p -> p.type() == f.type() && f.start() < p.end() && f.end() > p.start());
                if (truePositive) {
                    c[3]++;
                }
            }
        }
        return out;
    }

    /** decoy kind -> {count, survived}. */
    static Map<String, int[]> decoyCounts() {
        Map<String, int[]> out = new TreeMap<>();
        for (int i = 0; i < corpus.size(); i++) {
            for (Decoy d : corpus.get(i).decoys()) {
                int[] c = out.computeIfAbsent(d.kind(), k -> new int[2]);
                c[0]++;
                if (!touched(d, findings.get(i))) {
                    c[1]++;
                }
            }
        }
        return out;
    }

    static String report() {
        StringBuilder out = new StringBuilder();
        out.append("# Sanitizer on the generated corpus\n\n")
                .append("seed ").append(SEED).append(", ").append(corpus.size()).append(" tickets, ")
                .append(PiiCorpus.bytes(corpus)).append(" bytes, ").append(PiiCorpus.FORMATS.size()).append(" PII formats, ")
                .append(PiiCorpus.DECOYS.size()).append(" decoy kinds\n\n");
        out.append("| type | planted | found | recall | findings | true | precision |\n|---|---:|---:|---:|---:|---:|---:|\n");
        int[] total = new int[4];
        typeCounts().forEach((type, c) -> {
            for (int k = 0; k < 4; k++) {
                total[k] += c[k];
            }
            out.append(String.format("| %s | %d | %d | %s | %d | %d | %s |%n", type, c[0], c[1], pct(c[1], c[0]), c[2], c[3], pct(c[3], c[2])));
        });
        out.append(String.format("| **all** | %d | %d | %s | %d | %d | %s |%n%n", total[0], total[1], pct(total[1], total[0]), total[2], total[3],
                pct(total[3], total[2])));

        Map<String, int[]> formats = new TreeMap<>();
        for (int i = 0; i < corpus.size(); i++) {
            for (Planted p : corpus.get(i).pii()) {
                int[] c = formats.computeIfAbsent(p.format(), k -> new int[2]);
                c[0]++;
                if (found(p, findings.get(i))) {
                    c[1]++;
                }
            }
        }
        out.append("| format | planted | recall |\n|---|---:|---:|\n");
        formats.forEach((f, c) -> out.append(String.format("| %s | %d | %s |%n", f, c[0], pct(c[1], c[0]))));

        Map<String, int[]> decoys = decoyCounts();
        int n = decoys.values().stream().mapToInt(c -> c[0]).sum();
        int kept = decoys.values().stream().mapToInt(c -> c[1]).sum();
        out.append(String.format("%n| decoy | count | survived |%n|---|---:|---:|%n"));
        decoys.forEach((k, c) -> out.append(String.format("| %s | %d | %s |%n", k, c[0], pct(c[1], c[0]))));
        out.append(String.format("| **all decoys** | %d | %s |%n", n, pct(kept, n)));

        List<String> misses = new ArrayList<>();
        List<String> falsePositives = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            Ticket t = corpus.get(i);
            for (Planted p : t.pii()) {
                if (!found(p, findings.get(i))) {
                    misses.add(p.format() + ": `" + context(t.text(), p.start(), p.end()) + "`");
                }
            }
            for (Finding f : findings.get(i)) {
                if (t.pii().stream().noneMatch(p -> p.type() == f.type() && f.start() < p.end() && f.end() > p.start())) {
                    falsePositives.add(f.type() + ": `" + context(t.text(), f.start(), f.end()) + "`");
                }
            }
        }
        out.append(String.format("%nMisses (%d):%n", misses.size()));
        misses.stream().limit(30).forEach(m -> out.append("- ").append(m).append('\n'));
        out.append(String.format("%nFindings that are not a planted value of their type (%d):%n", falsePositives.size()));
        falsePositives.stream().limit(30).forEach(m -> out.append("- ").append(m).append('\n'));
        return out.toString();
    }

    /** The finding marked with ⟦ ⟧ and some text either side, on one line. */
    static String context(String text, int start, int end) {
        return (text.substring(Math.max(0, start - 40), start) + "⟦" + text.substring(start, end) + "⟧"
                + text.substring(end, Math.min(text.length(), end + 25))).replace("\n", "⏎").replace("`", "'");
    }

    static String pct(int a, int b) {
        return b == 0 ? "-" : String.format("%.2f%%", 100.0 * a / b);
    }
}
