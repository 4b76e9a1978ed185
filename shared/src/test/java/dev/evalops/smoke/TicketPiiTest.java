package dev.evalops.smoke;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.evalops.core.Json;

class TicketPiiTest {
    @Test
    void findsExactlyWhatTheSanitizerReplaces() {
        assertThat(TicketPii.spans("no personal data here")).isEmpty();
        assertThat(TicketPii.spans("mail a.b@example.com or c@example.org.")).containsExactly("a.b@example.com", "c@example.org");
        // The sentence's full stop is not part of the address.
        assertThat(TicketPii.spans("write to b@x.io.")).containsExactly("b@x.io");
        assertThat(TicketPii.spans("a@example.com")).containsExactly("a@example.com");
    }

    @Test
    void echoesLookAtEveryStringAtAnyDepth() throws Exception {
        var pii = TicketPii.spans("I am bob@example.com");
        var response = Json.mapper().readTree("""
                {"intent": "other", "notes": ["fine", "Bob@Example.com"], "meta": {"n": 3, "to": "eve@example.net"}}""");
        assertThat(TicketPii.echoes(pii, response)).containsExactly("notes[1] echoes the ticket's PII", "meta.to contains PII");
    }
}
