package dev.evalops.golden;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-label counts for one label family (intent, team or template). Each label string is turned into an int
 * code on first sight; everything after that is array arithmetic, which is what keeps a million predictions
 * in the tens of milliseconds.
 */
final class LabelTally {
    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> labels = new ArrayList<>();
    private int[] tp = new int[16];
    private int[] fp = new int[16];
    private int[] fn = new int[16];
    private int[] support = new int[16];
    private long correct;
    private long total;

    int code(String label) {
        Integer c = codes.get(label);
        if (c != null) {
            return c;
        }
        int code = labels.size();
        codes.put(label, code);
        labels.add(label);
        if (code == tp.length) {
            grow();
        }
        return code;
    }

    void add(int gold, int predicted) {
        total++;
        support[gold]++;
        if (gold == predicted) {
            tp[gold]++;
            correct++;
        } else {
            fn[gold]++;
            fp[predicted]++;
        }
    }

    long correct() {
        return correct;
    }

    long total() {
        return total;
    }

    /** Per-label scores over the union of gold and predicted labels, sorted by label. */
    Map<String, GoldenMetrics.LabelScore> scores() {
        Map<String, GoldenMetrics.LabelScore> out = new LinkedHashMap<>();
        for (int c : sortedCodes()) {
            out.put(labels.get(c), score(c));
        }
        return out;
    }

    /** scikit-learn {@code f1_score(average="macro", zero_division=0)}: the unweighted mean over every label seen. */
    double macroF1() {
        if (labels.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (int c = 0; c < labels.size(); c++) {
            sum += f1(c);
        }
        return sum / labels.size();
    }

    private GoldenMetrics.LabelScore score(int c) {
        double precision = tp[c] + fp[c] == 0 ? 0 : (double) tp[c] / (tp[c] + fp[c]);
        double recall = support[c] == 0 ? 0 : (double) tp[c] / support[c];
        return new GoldenMetrics.LabelScore(precision, recall, f1(c), support[c]);
    }

    /** 2TP / (2TP + FP + FN): equal to the harmonic mean of precision and recall, and 0 where both are 0. */
    private double f1(int c) {
        int denom = 2 * tp[c] + fp[c] + fn[c];
        return denom == 0 ? 0 : 2.0 * tp[c] / denom;
    }

    private int[] sortedCodes() {
        Integer[] order = new Integer[labels.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> labels.get(a).compareTo(labels.get(b)));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    private void grow() {
        int n = tp.length * 2;
        tp = Arrays.copyOf(tp, n);
        fp = Arrays.copyOf(fp, n);
        fn = Arrays.copyOf(fn, n);
        support = Arrays.copyOf(support, n);
    }
}
