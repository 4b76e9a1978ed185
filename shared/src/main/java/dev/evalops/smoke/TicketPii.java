package dev.evalops.smoke;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.sanitize.Sanitizer;

/**
 * The PII in a ticket as the {@link Sanitizer} sees it, and where a router response echoes it. Only the
 * sanitizer's public {@code clean} is used: the spans it replaced are recovered by aligning the cleaned text
 * with the original, so every recognizer the sanitizer gains is picked up here without a second PII list.
 */
final class TicketPii {
    /** The sanitizer's placeholder shape, e.g. {@code [EMAIL#3f2a]}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[[A-Z][A-Z0-9_]*#[0-9a-f]+\\]");

    private TicketPii() {
    }

    /** The substrings of {@code text} that the sanitizer replaces, in order (adjacent ones merged). */
    static List<String> spans(Sanitizer sanitizer, String text) {
        String cleaned = sanitizer.clean(text);
        if (cleaned.equals(text)) {
            return List.of();
        }
        // The cleaned text as a template: its literal parts quoted, each run of placeholders a lazy group.
        // Backtracking finds an alignment even when a literal also occurs inside a replaced value.
        StringBuilder regex = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(cleaned);
        int last = 0;
        boolean groupOpen = false;
        while (m.find()) {
            if (m.start() > last) {
                regex.append(Pattern.quote(cleaned.substring(last, m.start())));
                groupOpen = false;
            }
            if (!groupOpen) {
                regex.append("(.+?)");
                groupOpen = true;
            }
            last = m.end();
        }
        regex.append(Pattern.quote(cleaned.substring(last)));
        Matcher aligned = Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text);
        if (!aligned.matches()) {
            throw new IllegalStateException("the sanitizer's output does not align with its input ("
                    + aligned.groupCount() + " placeholders); cannot locate the ticket's PII");
        }
        List<String> spans = new ArrayList<>();
        for (int g = 1; g <= aligned.groupCount(); g++) {
            spans.add(aligned.group(g));
        }
        return spans;
    }

    /**
     * Every string value in the response (at any depth) that contains one of the ticket's PII spans, or any PII
     * at all: a routing decision has no business carrying personal data. Entries name the field, never the value.
     */
    static List<String> echoes(Sanitizer sanitizer, List<String> ticketPii, JsonNode response) {
        List<String> found = new ArrayList<>();
        walk(sanitizer, ticketPii, response, "", found);
        return found;
    }

    private static void walk(Sanitizer sanitizer, List<String> ticketPii, JsonNode node, String path, List<String> found) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            String value = node.textValue();
            String lower = value.toLowerCase(Locale.ROOT);
            boolean echoed = ticketPii.stream().anyMatch(p -> lower.contains(p.toLowerCase(Locale.ROOT)));
            if (echoed) {
                found.add(path + " echoes the ticket's PII");
            } else if (!sanitizer.clean(value).equals(value)) {
                found.add(path + " contains PII");
            }
        } else if (node.isObject()) {
            node.properties().forEach(e -> walk(sanitizer, ticketPii, e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(sanitizer, ticketPii, node.get(i), path + "[" + i + "]", found);
            }
        }
    }
}
