package dev.evalops.smoke;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.sanitize.Sanitizer;

/**
 * The PII in a ticket as the {@link Sanitizer} sees it ({@link Sanitizer#findings}, the spans {@code clean}
 * replaces), and where a router response echoes it: every recognizer the sanitizer gains is picked up here
 * without a second PII list.
 */
final class TicketPii {
    private TicketPii() {
    }

    /** The substrings of {@code text} that the sanitizer replaces, in text order. */
    static List<String> spans(String text) {
        return Sanitizer.findings(text).stream().map(f -> text.substring(f.start(), f.end())).toList();
    }

    /**
     * Every string value in the response (at any depth) that contains one of the ticket's PII spans, or any PII
     * at all: a routing decision has no business carrying personal data. Entries name the field, never the value.
     */
    static List<String> echoes(List<String> ticketPii, JsonNode response) {
        List<String> found = new ArrayList<>();
        walk(ticketPii, response, "", found);
        return found;
    }

    private static void walk(List<String> ticketPii, JsonNode node, String path, List<String> found) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            String value = node.textValue();
            String lower = value.toLowerCase(Locale.ROOT);
            boolean echoed = ticketPii.stream().anyMatch(p -> lower.contains(p.toLowerCase(Locale.ROOT)));
            if (echoed) {
                found.add(path + " echoes the ticket's PII");
            } else if (!Sanitizer.findings(value).isEmpty()) {
                found.add(path + " contains PII");
            }
        } else if (node.isObject()) {
            node.properties().forEach(e -> walk(ticketPii, e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(ticketPii, node.get(i), path + "[" + i + "]", found);
            }
        }
    }
}
