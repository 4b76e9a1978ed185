package dev.evalops.sanitize;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row of the recognizer table ({@link Recognizers#TABLE}): where to look, what to match, what must hold.
 *
 * @param type       placeholder type
 * @param format     the real-world format this row covers (README)
 * @param trigger    cheap prefilter: the candidates, and where a match starts at each
 * @param window     how far after its start a match may end: bounds the regex work per candidate
 * @param pattern    the match; a named group {@code pii} narrows what is replaced (context words stay readable)
 * @param validator  checksum / range / stop-word check
 * @param rule       what the pattern and validator accept, for the README
 * @param example    a value this row replaces (the table test checks it does)
 * @param narrowsToGroup whether the pattern has the {@code pii} group (derived)
 */
record Recognizer(PiiType type, String format, Trigger trigger, int window, Pattern pattern,
        Validator validator, String rule, String example, boolean narrowsToGroup) {

    static final String GROUP = "pii";

    Recognizer(PiiType type, String format, Trigger trigger, int window, Pattern pattern,
            Validator validator, String rule, String example) {
        this(type, format, trigger, window, pattern, validator, rule, example,
                pattern.namedGroups().containsKey(GROUP));
    }

    /** A matcher for {@link #scan}: transparent bounds, so lookarounds see the text around the window. */
    Matcher newMatcher() {
        return pattern.matcher("").useTransparentBounds(true).useAnchoringBounds(false);
    }

    /**
     * Adds this recognizer's findings to {@code found}, skipping those that overlap a finding of an earlier
     * (higher-priority) row. {@code reusable} is this row's {@link #newMatcher()}, reset here to the text.
     */
    void scan(Text text, Findings found, Matcher reusable) {
        String s = text.s;
        int len = s.length();
        boolean group = narrowsToGroup;
        Matcher m = null;
        int lastEnd = 0;
        int pos = 0;
        while (pos < len) {
            int t = trigger.next(text, pos);
            if (t < 0) {
                return;
            }
            pos = t + 1;
            if (found.covers(t)) {
                continue;
            }
            if (m == null) {
                m = reusable.reset(s);
            }
            int start = trigger.start(text, t);
            Span hit = null;
            if (start >= lastEnd) {
                m.region(start, Math.min(len, start + window));
                if (m.lookingAt()) {
                    hit = accept(m, group, s, found);
                }
            }
            if (hit != null) {
                found.add(new Finding(type, hit.start(), hit.end()));
                lastEnd = hit.end();
                pos = Math.max(pos, hit.end());
            }
        }
    }

    private Span accept(Matcher m, boolean group, String s, Findings found) {
        int start = group ? m.start(GROUP) : m.start();
        int end = group ? m.end(GROUP) : m.end();
        if (start < 0 || start == end) {
            return null;
        }
        Span span = validator.accept(s, start, end);
        return span == null || span.start() >= span.end() || found.overlaps(span.start(), span.end()) ? null : span;
    }
}
