package dev.evalops.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.evalops.core.Json;
import dev.evalops.sanitize.Sanitizer;

class TicketPiiTest {
    private final Sanitizer sanitizer = Sanitizer.forRun();

    @Test
    void findsWhatTheSanitizerReplacesEvenWhenALiteralRecursInsideIt() {
        assertThat(TicketPii.spans(sanitizer, "no personal data here")).isEmpty();
        assertThat(TicketPii.spans(sanitizer, "mail a.b@example.com or c@example.org.")).containsExactly("a.b@example.com", "c@example.org");
        // The literal after the address (".") also occurs inside it: the alignment must not stop at the first one.
        assertThat(TicketPii.spans(sanitizer, "write to b@x.io.")).containsExactly("b@x.io");
        assertThat(TicketPii.spans(sanitizer, "a@example.com")).containsExactly("a@example.com");
    }

    @Test
    void echoesLookAtEveryStringAtAnyDepth() throws Exception {
        var pii = TicketPii.spans(sanitizer, "I am bob@example.com");
        var response = Json.mapper().readTree("""
                {"intent": "other", "notes": ["fine", "Bob@Example.com"], "meta": {"n": 3, "to": "eve@example.net"}}""");
        assertThat(TicketPii.echoes(sanitizer, pii, response)).containsExactly("notes[1] echoes the ticket's PII", "meta.to contains PII");
    }
}
