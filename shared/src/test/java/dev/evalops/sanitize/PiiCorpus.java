package dev.evalops.sanitize;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.BiConsumer;

/**
 * A generated, seeded corpus of support-ticket texts with known PII and known decoys: the measure of the sanitizer
 * (SanitizerCorpusTest) and the input of its benchmark (bench SanitizerBench).
 * <p>
 * Every PII {@link #FORMATS format} is a real-world way the value shows up in a ticket ("+44 20 7946 0958",
 * "Kind regards,\nAnna Kowalski", "aws_secret_access_key = ..."), with a validly formed value (Luhn, mod-97, SSA
 * and NANP rules hold). Every {@link #DECOYS decoy} is something that must stay readable: order numbers, ticket
 * ids, timestamps, dates, versions, prices, template and intent names, and near-misses (a card number failing
 * Luhn, an IBAN failing mod-97, "password reset link"). The same seed always gives the same corpus.
 */
public final class PiiCorpus {

    /** A PII value planted at {@code text[start, end)}. */
    public record Planted(PiiType type, String format, String value, int start, int end) {
    }

    /** A decoy at {@code text[start, end)} that must not be touched. */
    public record Decoy(String kind, String value, int start, int end) {
    }

    public record Ticket(String text, List<Planted> pii, List<Decoy> decoys) {
    }

    /** One way a type of PII is written, with the sentence around it. */
    public record Format(PiiType type, String name, BiConsumer<Random, Builder> write) {
    }

    /** One kind of decoy, with the sentence around it. */
    public record DecoyKind(String kind, BiConsumer<Random, Builder> write) {
    }

    /** Appends text and remembers where planted values and decoys are. */
    public static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private final List<Planted> pii = new ArrayList<>();
        private final List<Decoy> decoys = new ArrayList<>();
        private String format = "";

        public Builder text(String s) {
            text.append(s);
            return this;
        }

        public Builder pii(PiiType type, String value) {
            pii.add(new Planted(type, format, value, text.length(), text.length() + value.length()));
            text.append(value);
            return this;
        }

        public Builder decoy(String value) {
            decoys.add(new Decoy(format, value, text.length(), text.length() + value.length()));
            text.append(value);
            return this;
        }

        Ticket build() {
            return new Ticket(text.toString(), List.copyOf(pii), List.copyOf(decoys));
        }
    }

    /**
     * {@code count} tickets; a share {@code piiShare} of them carries PII (round-robin over every format, so each
     * format appears about equally often), and every ticket carries decoys (round-robin over every kind).
     */
    public static List<Ticket> generate(long seed, int count, double piiShare) {
        Random rnd = new Random(seed);
        List<Ticket> out = new ArrayList<>(count);
        int nextFormat = 0;
        for (int i = 0; i < count; i++) {
            Builder b = new Builder();
            if (rnd.nextInt(3) > 0) {
                b.text(pick(rnd, GREETINGS)).text(rnd.nextBoolean() ? "\n" : " ");
            }
            filler(rnd, b, 1 + rnd.nextInt(3));
            boolean withPii = rnd.nextDouble() < piiShare;
            int decoys = 1 + rnd.nextInt(3);
            for (int k = 0; k < decoys; k++) {
                DecoyKind d = k == 0 ? DECOYS.get(i % DECOYS.size()) : pick(rnd, DECOYS);
                b.format = d.kind();
                d.write().accept(rnd, b);
                b.text(" ");
                if (withPii && k == 0) {
                    int planted = 1 + rnd.nextInt(2);
                    for (int p = 0; p < planted; p++) {
                        Format f = p == 0 ? FORMATS.get(nextFormat++ % FORMATS.size()) : pick(rnd, FORMATS);
                        b.format = f.type() + " " + f.name();
                        f.write().accept(rnd, b);
                        b.text(rnd.nextBoolean() ? " " : "\n");
                    }
                }
            }
            filler(rnd, b, rnd.nextInt(2));
            out.add(b.build());
        }
        return out;
    }

    /**
     * The distinct planted values of these tickets that a {@code PiiScan} can look for (4 characters or more):
     * what an end-to-end test feeds in and must not find again.
     */
    public static List<String> rawValues(List<Ticket> tickets) {
        return tickets.stream().flatMap(t -> t.pii().stream()).map(Planted::value).filter(v -> v.length() >= 4).distinct().toList();
    }

    /**
     * The planted values the sanitizer recognizes on their own (e-mails, formatted phones, cards, IBANs, IPs, keys,
     * JWTs, ...), for identifier fields, which hold a bare value. Names, bare digit runs and keyword-adjacent secrets
     * are only recognized with the words around them (README "Sanitizer"): they go in text fields.
     */
    public static List<String> standaloneValues(List<Ticket> tickets) {
        return rawValues(tickets).stream().filter(v -> {
            List<Finding> f = Sanitizer.findings(v);
            return f.size() == 1 && f.get(0).start() == 0 && f.get(0).end() == v.length();
        }).toList();
    }

    /** Total UTF-8 size of the tickets' texts. */
    public static long bytes(List<Ticket> tickets) {
        return tickets.stream().mapToLong(t -> t.text().getBytes(StandardCharsets.UTF_8).length).sum();
    }

    // ---------------------------------------------------------------- vocabulary

    static final List<String> GREETINGS = List.of("Hi,", "Hello,", "Hi there,", "Hello support team,", "Good morning,", "Hey,");
    static final List<String> FILLER = List.of(
            "I was charged twice for the same order and would like a refund.",
            "The package still has not arrived and the tracking page has not changed in days.",
            "Can you tell me when my order will ship?",
            "I tried to reset my password but the link in the email does not work.",
            "Please cancel the order, I no longer need it.",
            "The product I received is damaged, how do I return it?",
            "I need a copy of the invoice for my accounting department.",
            "Someone logged into my account from a device I do not recognise.",
            "Please delete all data you hold about me under GDPR.",
            "My bank says there is a chargeback pending on this purchase.",
            "If this is not fixed today I will talk to my lawyer.",
            "Does the large model come with a charger?",
            "The refund you promised last week has not shown up yet.",
            "Your app keeps logging me out every few minutes.",
            "I want to change the delivery address before it ships.",
            "The discount code was not applied at checkout.",
            "Thanks for getting back to me so quickly.",
            "This is the third time I am writing about this.",
            "Could you please look into it and let me know.",
            "I have attached a screenshot of the error.");
    static final List<String> FIRST = List.of("Maria", "John", "Aisha", "Wei", "José", "Anna", "Tom", "Priya", "Kenji", "Olga", "Liam",
            "Fatima", "Lukas", "Chloé", "Mateo", "Sofia", "Noah", "Amara", "Jean-Luc", "Siobhan", "Mohammed", "Ingrid", "Carlos", "Yuki");
    static final List<String> LAST = List.of("Garcia", "Smith", "Kowalski", "Nguyen", "O'Brien", "Müller", "Rossi", "Okafor", "Tanaka",
            "Dubois", "Schmidt", "Johansson", "McAllister", "Haddad", "Silva", "Kim", "Patel", "Novak", "Fernández", "Andersen");
    static final List<String> COMPANIES = List.of("Acme", "Globex", "Initech", "Umbrella Retail", "Northwind", "Contoso");
    static final List<String> DOMAINS = List.of("example.com", "mail.example.org", "acme-corp.io", "post.example.co.uk",
            "example.net", "students.example.edu");
    static final List<String> STREETS = List.of("Baker", "Evergreen", "Maple", "Oak", "Elm", "Pennsylvania", "Sunset", "Harbor", "Mill",
            "Church", "King", "Queen", "Victoria", "Park", "Lake", "Cedar", "Willow", "Station", "High", "Green Valley");
    static final List<String> SUFFIXES = List.of("Street", "St", "Avenue", "Ave", "Road", "Rd", "Lane", "Drive", "Court", "Terrace",
            "Boulevard", "Blvd", "Way", "Place", "Close");
    static final List<String> INTENTS = List.of("account.password_reset", "order.status", "billing.invoice_request", "order.cancel",
            "order.return", "shipping.delay", "billing.double_charge", "billing.refund_status", "product.question",
            "fraud.chargeback", "legal.threat", "account.takeover", "privacy.data_deletion");
    static final List<String> TEMPLATES = List.of("password_reset_link", "order_status_update", "invoice_copy", "cancel_order_confirm",
            "return_label", "shipping_delay_apology", "refund_duplicate_charge", "refund_status_update", "product_info",
            "generic_ack", "escalate_fraud", "escalate_legal", "escalate_security", "escalate_privacy");

    // ---------------------------------------------------------------- PII formats

    public static final List<Format> FORMATS = List.of(
            f(PiiType.EMAIL, "plain", (r, b) -> b.text("You can reach me at ").pii(PiiType.EMAIL, email(r)).text(".")),
            f(PiiType.EMAIL, "plus tag, subdomain", (r, b) -> b.text("My login is ")
                    .pii(PiiType.EMAIL, first(r).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + "+shop" + r.nextInt(99)
                            + "@mail." + pick(r, DOMAINS))),
            f(PiiType.EMAIL, "mixed case", (r, b) -> b.text("Email: ")
                    .pii(PiiType.EMAIL, ascii(first(r)) + "." + ascii(last(r)) + r.nextInt(100) + "@Example.COM")),
            f(PiiType.EMAIL, "angle brackets", (r, b) -> b.text("From: <").pii(PiiType.EMAIL, email(r)).text(">")),
            f(PiiType.EMAIL, "mailto", (r, b) -> b.text("(mailto:").pii(PiiType.EMAIL, email(r)).text(")")),
            f(PiiType.EMAIL, "JSON field", (r, b) -> b.text("{\"email\":\"").pii(PiiType.EMAIL, email(r)).text("\"}")),

            f(PiiType.PHONE, "+1 (NPA) NXX-XXXX", (r, b) -> b.text("Call me on ").pii(PiiType.PHONE, "+1 (" + npa(r) + ") " + nxx(r) + "-" + digits(r, 4))),
            f(PiiType.PHONE, "+1-NPA-NXX-XXXX", (r, b) -> b.text("My cell: ").pii(PiiType.PHONE, "+1-" + npa(r) + "-" + nxx(r) + "-" + digits(r, 4))),
            f(PiiType.PHONE, "(NPA) NXX-XXXX", (r, b) -> b.text("phone ").pii(PiiType.PHONE, "(" + npa(r) + ") " + nxx(r) + "-" + digits(r, 4))),
            f(PiiType.PHONE, "NPA-NXX-XXXX", (r, b) -> b.text("reach me at ").pii(PiiType.PHONE, npa(r) + "-" + nxx(r) + "-" + digits(r, 4))),
            f(PiiType.PHONE, "NPA.NXX.XXXX", (r, b) -> b.text("Tel ").pii(PiiType.PHONE, npa(r) + "." + nxx(r) + "." + digits(r, 4))),
            f(PiiType.PHONE, "+44 London", (r, b) -> b.text("UK number ").pii(PiiType.PHONE, "+44 20 7946 " + digits(r, 4))),
            f(PiiType.PHONE, "+44 mobile", (r, b) -> b.text("mobile ").pii(PiiType.PHONE, "+44 7700 900" + digits(r, 3))),
            f(PiiType.PHONE, "UK national 020", (r, b) -> b.text("ring ").pii(PiiType.PHONE, "020 7946 " + digits(r, 4))),
            f(PiiType.PHONE, "UK mobile 07", (r, b) -> b.text("or ").pii(PiiType.PHONE, "07700 900" + digits(r, 3))),
            f(PiiType.PHONE, "+49 Berlin", (r, b) -> b.text("Telefon ").pii(PiiType.PHONE, "+49 30 " + digits(r, 8))),
            f(PiiType.PHONE, "DE national 030", (r, b) -> b.text("Festnetz ").pii(PiiType.PHONE, "030 " + digits(r, 8))),
            f(PiiType.PHONE, "+33 pairs", (r, b) -> b.text("portable ").pii(PiiType.PHONE, "+33 " + (1 + r.nextInt(9)) + " "
                    + digits(r, 2) + " " + digits(r, 2) + " " + digits(r, 2) + " " + digits(r, 2))),
            f(PiiType.PHONE, "FR national pairs", (r, b) -> b.text("tél ").pii(PiiType.PHONE, "0" + (1 + r.nextInt(9)) + " "
                    + digits(r, 2) + " " + digits(r, 2) + " " + digits(r, 2) + " " + digits(r, 2))),
            f(PiiType.PHONE, "+91 mobile", (r, b) -> b.text("WhatsApp me ").pii(PiiType.PHONE, "+91 9" + digits(r, 4) + " " + digits(r, 5))),
            f(PiiType.PHONE, "00 prefix", (r, b) -> b.text("from abroad ").pii(PiiType.PHONE, "0044 20 7946 " + digits(r, 4))),
            f(PiiType.PHONE, "E.164", (r, b) -> b.text("number on file ").pii(PiiType.PHONE, "+4420794" + digits(r, 5))),
            f(PiiType.PHONE, "bare after call me", (r, b) -> b.text("call me at ").pii(PiiType.PHONE, npa(r) + nxx(r) + digits(r, 4))),
            f(PiiType.PHONE, "bare after phone:", (r, b) -> b.text("phone: ").pii(PiiType.PHONE, "07700" + digits(r, 6))),

            f(PiiType.CREDIT_CARD, "Visa 4-4-4-4 spaces", (r, b) -> b.text("my card ").pii(PiiType.CREDIT_CARD, group(card(r, "4", 16), 4, 4, 4, 4, " "))),
            f(PiiType.CREDIT_CARD, "Mastercard dashes", (r, b) -> b.text("card number ").pii(PiiType.CREDIT_CARD,
                    group(card(r, "5" + (1 + r.nextInt(5)), 16), 4, 4, 4, 4, "-"))),
            f(PiiType.CREDIT_CARD, "Discover contiguous", (r, b) -> b.text("charged to ").pii(PiiType.CREDIT_CARD, card(r, "6011", 16))),
            f(PiiType.CREDIT_CARD, "Amex 4-6-5", (r, b) -> b.text("Amex ").pii(PiiType.CREDIT_CARD, group(card(r, "3" + (r.nextBoolean() ? 4 : 7), 15), 4, 6, 5, 0, " "))),
            f(PiiType.CREDIT_CARD, "Visa 13 digits", (r, b) -> b.text("old card ").pii(PiiType.CREDIT_CARD, card(r, "4", 13))),
            f(PiiType.CREDIT_CARD, "UnionPay 19 digits", (r, b) -> b.text("UnionPay ").pii(PiiType.CREDIT_CARD, card(r, "62", 19))),
            f(PiiType.CREDIT_CARD, "with expiry glued on", (r, b) -> b.text("card ").pii(PiiType.CREDIT_CARD, group(card(r, "4", 16), 4, 4, 4, 4, " "))
                    .text(" " + String.format("%02d/%02d", 1 + r.nextInt(12), 27 + r.nextInt(5)))),

            f(PiiType.IBAN, "DE grouped", (r, b) -> b.text("IBAN ").pii(PiiType.IBAN, groups4(iban(r, "DE", digits(r, 18))))),
            f(PiiType.IBAN, "GB contiguous", (r, b) -> b.text("pay into ").pii(PiiType.IBAN, iban(r, "GB", letters(r, 4) + digits(r, 14)))),
            f(PiiType.IBAN, "FR grouped", (r, b) -> b.text("RIB: ").pii(PiiType.IBAN, groups4(iban(r, "FR", digits(r, 10) + alnum(r, 11) + digits(r, 2))))),
            f(PiiType.IBAN, "NL grouped", (r, b) -> b.text("rekening ").pii(PiiType.IBAN, groups4(iban(r, "NL", letters(r, 4) + digits(r, 10))))),
            f(PiiType.IBAN, "ES grouped", (r, b) -> b.text("cuenta ").pii(PiiType.IBAN, groups4(iban(r, "ES", digits(r, 20))))),
            f(PiiType.IBAN, "IT contiguous", (r, b) -> b.text("conto ").pii(PiiType.IBAN, iban(r, "IT", letters(r, 1) + digits(r, 22)))),
            f(PiiType.IBAN, "CH grouped", (r, b) -> b.text("Konto ").pii(PiiType.IBAN, groups4(iban(r, "CH", digits(r, 17))))),
            f(PiiType.IBAN, "lower case", (r, b) -> b.text("iban: ").pii(PiiType.IBAN, iban(r, "DE", digits(r, 18)).toLowerCase(Locale.ROOT))),

            f(PiiType.US_SSN, "dashed", (r, b) -> b.text("my SSN is ").pii(PiiType.US_SSN, ssn(r, "-"))),
            f(PiiType.US_SSN, "spaced", (r, b) -> b.text("social ").pii(PiiType.US_SSN, ssn(r, " "))),
            f(PiiType.US_SSN, "bare after SSN:", (r, b) -> b.text("SSN: ").pii(PiiType.US_SSN, ssn(r, ""))),
            f(PiiType.US_SSN, "after social security number", (r, b) -> b.text("social security number ").pii(PiiType.US_SSN, ssn(r, "-"))),

            f(PiiType.IP_ADDRESS, "IPv4 public", (r, b) -> b.text("logged in from ").pii(PiiType.IP_ADDRESS,
                    (1 + r.nextInt(126)) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254)))),
            f(PiiType.IP_ADDRESS, "IPv4 private", (r, b) -> b.text("router at ").pii(PiiType.IP_ADDRESS, "192.168." + r.nextInt(256) + "." + (1 + r.nextInt(254)))),
            f(PiiType.IP_ADDRESS, "IPv4 with port", (r, b) -> b.text("connect to ").pii(PiiType.IP_ADDRESS, "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254)))
                    .text(":" + (1024 + r.nextInt(60000)))),
            f(PiiType.IP_ADDRESS, "IPv6 full", (r, b) -> b.text("IPv6 ").pii(PiiType.IP_ADDRESS, ipv6(r, false))),
            f(PiiType.IP_ADDRESS, "IPv6 compressed", (r, b) -> b.text("source address ").pii(PiiType.IP_ADDRESS, ipv6(r, true))),
            f(PiiType.IP_ADDRESS, "IPv6 link-local", (r, b) -> b.text("interface ").pii(PiiType.IP_ADDRESS, "fe80::" + hex(r, 3) + ":" + hex(r, 4) + ":" + hex(r, 4) + ":" + hex(r, 4))),
            f(PiiType.IP_ADDRESS, "IPv4-mapped IPv6", (r, b) -> b.text("client ").pii(PiiType.IP_ADDRESS, "::ffff:" + (1 + r.nextInt(223)) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256))),

            f(PiiType.AWS_ACCESS_KEY, "AKIA in config", (r, b) -> b.text("aws_access_key_id = ").pii(PiiType.AWS_ACCESS_KEY, "AKIA" + base32(r, 16))),
            f(PiiType.AWS_ACCESS_KEY, "ASIA in sentence", (r, b) -> b.text("the temporary key ").pii(PiiType.AWS_ACCESS_KEY, "ASIA" + base32(r, 16)).text(" expired")),
            f(PiiType.AWS_SECRET_KEY, "after aws_secret_access_key", (r, b) -> b.text("aws_secret_access_key = ").pii(PiiType.AWS_SECRET_KEY, base64(r, 40))),
            f(PiiType.AWS_SECRET_KEY, "standalone", (r, b) -> b.text("here is what the script printed: ").pii(PiiType.AWS_SECRET_KEY, base64(r, 40))),
            f(PiiType.AWS_SECRET_KEY, "JSON field", (r, b) -> b.text("{\"SecretAccessKey\": \"").pii(PiiType.AWS_SECRET_KEY, base64(r, 40)).text("\"}")),

            f(PiiType.JWT, "standalone", (r, b) -> b.text("the token ").pii(PiiType.JWT, jwt(r)).text(" was rejected")),
            f(PiiType.JWT, "after Bearer", (r, b) -> b.text("Authorization: Bearer ").pii(PiiType.JWT, jwt(r))),
            f(PiiType.JWT, "in cookie", (r, b) -> b.text("Cookie: session=").pii(PiiType.JWT, jwt(r))),

            f(PiiType.BEARER_TOKEN, "Authorization header", (r, b) -> b.text("Authorization: Bearer ").pii(PiiType.BEARER_TOKEN, token(r, 32 + r.nextInt(16)))),
            f(PiiType.BEARER_TOKEN, "lower-case bearer", (r, b) -> b.text("I used bearer ").pii(PiiType.BEARER_TOKEN, token(r, 24)).text(" in curl")),
            f(PiiType.BEARER_TOKEN, "Basic credentials", (r, b) -> b.text("Authorization: Basic ").pii(PiiType.BEARER_TOKEN,
                    Base64.getEncoder().encodeToString((ascii(first(r)).toLowerCase(Locale.ROOT) + ":" + password(r)).getBytes(StandardCharsets.UTF_8)))),

            f(PiiType.SECRET, "password:", (r, b) -> b.text("password: ").pii(PiiType.SECRET, password(r))),
            f(PiiType.SECRET, "my password is", (r, b) -> b.text("my password is ").pii(PiiType.SECRET, password(r)).text(" if that helps")),
            f(PiiType.SECRET, "pwd=", (r, b) -> b.text("pwd=").pii(PiiType.SECRET, password(r))),
            f(PiiType.SECRET, "api_key=sk_live", (r, b) -> b.text("api_key=").pii(PiiType.SECRET, "sk_live_" + alnumMixed(r, 24))),
            f(PiiType.SECRET, "token: ghp_", (r, b) -> b.text("token: ").pii(PiiType.SECRET, "ghp_" + alnumMixed(r, 36))),
            f(PiiType.SECRET, "JSON client_secret", (r, b) -> b.text("{\"client_secret\": \"").pii(PiiType.SECRET, alnumMixed(r, 32)).text("\"}")),
            f(PiiType.SECRET, "PEM private key", (r, b) -> b.text("I pasted the key by mistake:\n").pii(PiiType.SECRET, pem(r, "RSA PRIVATE KEY")).text("\n")),
            f(PiiType.SECRET, "PEM private key, one line", (r, b) -> b.text("key file: ").pii(PiiType.SECRET, pem(r, "PRIVATE KEY").replace("\n", " "))),
            f(PiiType.SECRET, "secret key is", (r, b) -> b.text("the secret key is ").pii(PiiType.SECRET, alnumMixed(r, 20))),

            f(PiiType.PERSON, "my name is First Last", (r, b) -> b.text("my name is ").pii(PiiType.PERSON, first(r) + " " + last(r)).text(" and")),
            f(PiiType.PERSON, "My name is First", (r, b) -> b.text("My name is ").pii(PiiType.PERSON, first(r)).text(".")),
            f(PiiType.PERSON, "this is First from Company", (r, b) -> b.text("This is ").pii(PiiType.PERSON, first(r)).text(" from " + pick(r, COMPANIES) + ".")),
            f(PiiType.PERSON, "Signed, First Last", (r, b) -> b.text("\nSigned, ").pii(PiiType.PERSON, first(r) + " " + last(r)).text("\n")),
            f(PiiType.PERSON, "Thanks, newline First", (r, b) -> b.text("\nThanks,\n").pii(PiiType.PERSON, first(r)).text("\n")),
            f(PiiType.PERSON, "Best regards, newline First Last", (r, b) -> b.text("\nBest regards,\n").pii(PiiType.PERSON, first(r) + " " + last(r)).text("\n")),
            f(PiiType.PERSON, "Name: field", (r, b) -> b.text("Name: ").pii(PiiType.PERSON, first(r) + " " + last(r)).text("\n")),
            f(PiiType.PERSON, "Cardholder: field", (r, b) -> b.text("Cardholder: ").pii(PiiType.PERSON, first(r) + " " + last(r)).text(",")),
            f(PiiType.PERSON, "Mr./Ms. Surname", (r, b) -> b.text("please ask " + (r.nextBoolean() ? "Mr. " : "Ms. ")).pii(PiiType.PERSON, last(r)).text(" to call")),
            f(PiiType.PERSON, "Dear First,", (r, b) -> b.text("Dear ").pii(PiiType.PERSON, first(r)).text(",\n")),

            f(PiiType.ADDRESS, "number name suffix", (r, b) -> b.text("ship to ").pii(PiiType.ADDRESS, (1 + r.nextInt(9999)) + " " + pick(r, STREETS) + " " + pick(r, SUFFIXES)).text(", Springfield")),
            f(PiiType.ADDRESS, "with apartment", (r, b) -> b.text("I live at ").pii(PiiType.ADDRESS, (1 + r.nextInt(999)) + " " + pick(r, STREETS) + " Drive, Apt " + (1 + r.nextInt(30)) + (char) ('A' + r.nextInt(6))).text(".")),
            f(PiiType.ADDRESS, "letter suffix on number", (r, b) -> b.text("address ").pii(PiiType.ADDRESS, (1 + r.nextInt(300)) + "B " + pick(r, STREETS) + " Road")),
            f(PiiType.ADDRESS, "two words + direction", (r, b) -> b.text("deliver to ").pii(PiiType.ADDRESS, (100 + r.nextInt(9000)) + " " + pick(r, STREETS) + " Park Blvd NW")),
            f(PiiType.ADDRESS, "ordinal street", (r, b) -> b.text("office at ").pii(PiiType.ADDRESS, (1 + r.nextInt(999)) + " " + (1 + r.nextInt(99)) + "th Avenue")),
            f(PiiType.ADDRESS, "FR rue", (r, b) -> b.text("livraison au ").pii(PiiType.ADDRESS, (1 + r.nextInt(200)) + " rue de " + pick(r, List.of("Rivoli", "la Paix", "Vaugirard", "Rennes")))),
            f(PiiType.ADDRESS, "DE straße", (r, b) -> b.text("Lieferadresse ").pii(PiiType.ADDRESS, pick(r, List.of("Haupt", "Bahnhof", "Schiller", "Goethe", "Linden")) + "straße " + (1 + r.nextInt(150)))),
            f(PiiType.ADDRESS, "IT via", (r, b) -> b.text("indirizzo ").pii(PiiType.ADDRESS, "Via " + pick(r, List.of("Roma", "Garibaldi", "Mazzini", "Dante")) + " " + (1 + r.nextInt(150)))),
            f(PiiType.ADDRESS, "NL gracht", (r, b) -> b.text("adres ").pii(PiiType.ADDRESS, pick(r, List.of("Keizers", "Heren", "Prinsen")) + "gracht " + (1 + r.nextInt(600)))));

    // ---------------------------------------------------------------- decoys

    public static final List<DecoyKind> DECOYS = List.of(
            d("order number A1234", (r, b) -> b.text("Order ").decoy("A" + (1000 + r.nextInt(90000))).text(" is late.")),
            d("order number #123456", (r, b) -> b.text("Re: order ").decoy("#" + (100000 + r.nextInt(900000))).text(".")),
            d("order number 8 digits", (r, b) -> b.text("order ").decoy(String.valueOf(10000000 + r.nextInt(90000000))).text(" arrived broken.")),
            d("order code ORD-yyyy-nnnnnn", (r, b) -> b.text("ref ").decoy("ORD-2026-" + digits(r, 6)).text(".")),
            d("ticket id g-000123", (r, b) -> b.text("ticket ").decoy("g-" + digits(r, 6)).text(" reopened.")),
            d("turn id t-9f2c", (r, b) -> b.text("turn ").decoy("t-" + hex(r, 4)).text(".")),
            d("user id u-5ab1", (r, b) -> b.text("user ").decoy("u-" + hex(r, 4)).text(".")),
            d("ISO timestamp", (r, b) -> b.text("at ").decoy(String.format("2026-%02d-%02dT%02d:%02d:%02dZ", 1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(24), r.nextInt(60), r.nextInt(60)))),
            d("timestamp with space and millis", (r, b) -> b.text("logged ").decoy(String.format("2026-%02d-%02d %02d:%02d:%02d.%03d", 1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(24), r.nextInt(60), r.nextInt(60), r.nextInt(1000)))),
            d("time of day", (r, b) -> b.text("around ").decoy(String.format("%02d:%02d", r.nextInt(24), r.nextInt(60))).text(" yesterday")),
            d("time range", (r, b) -> b.text("open ").decoy(String.format("%02d:%02d-%02d:%02d", 8 + r.nextInt(3), 15 * r.nextInt(4), 16 + r.nextInt(4), 15 * r.nextInt(4))).text(" daily")),
            d("ISO date", (r, b) -> b.text("since ").decoy(String.format("2026-%02d-%02d", 1 + r.nextInt(12), 1 + r.nextInt(28)))),
            d("date dd/mm/yyyy", (r, b) -> b.text("on ").decoy(String.format("%02d/%02d/2026", 1 + r.nextInt(28), 1 + r.nextInt(12)))),
            d("date dd.mm.yyyy", (r, b) -> b.text("am ").decoy(String.format("%02d.%02d.2026", 1 + r.nextInt(28), 1 + r.nextInt(12)))),
            d("version v3", (r, b) -> b.text("golden set ").decoy("v" + (1 + r.nextInt(20)))),
            d("semantic version", (r, b) -> b.text("app version ").decoy((1 + r.nextInt(9)) + "." + r.nextInt(40) + "." + r.nextInt(20))),
            d("prompt version p-41", (r, b) -> b.text("prompt ").decoy("p-" + (1 + r.nextInt(99)))),
            d("model m-2026-10", (r, b) -> b.text("model ").decoy("m-2026-" + String.format("%02d", 1 + r.nextInt(12)))),
            d("Windows build version", (r, b) -> b.text("Windows ").decoy("10.0." + (19000 + r.nextInt(3000)) + "." + r.nextInt(5000))),
            d("price $12.99", (r, b) -> b.text("I paid ").decoy("$" + (1 + r.nextInt(500)) + "." + digits(r, 2)).text(" twice")),
            d("price EUR with thousands", (r, b) -> b.text("total ").decoy("€" + (1 + r.nextInt(9)) + "," + digits(r, 3) + ".00")),
            d("amount USD 1,234.56", (r, b) -> b.text("refund of ").decoy("USD " + (1 + r.nextInt(9)) + "," + digits(r, 3) + "." + digits(r, 2))),
            d("intent name", (r, b) -> b.text("routed as ").decoy(pick(r, INTENTS))),
            d("template name", (r, b) -> b.text("template ").decoy(pick(r, TEMPLATES))),
            d("run id", (r, b) -> b.text("run ").decoy("golden-2026" + String.format("%02d%02d", 1 + r.nextInt(12), 1 + r.nextInt(28)) + "-0200-" + hex(r, 4))),
            d("git sha", (r, b) -> b.text("build ").decoy(hex(r, 40))),
            d("UUID", (r, b) -> b.text("request id ").decoy(hex(r, 8) + "-" + hex(r, 4) + "-4" + hex(r, 3) + "-a" + hex(r, 3) + "-" + hex(r, 12))),
            d("UPS tracking number", (r, b) -> b.text("tracking ").decoy("1Z" + alnumUpper(r, 6) + digits(r, 10))),
            d("card number failing Luhn", (r, b) -> b.text("reference ").decoy(group(breakLuhn(card(r, "4", 16)), 4, 4, 4, 4, " "))),
            d("IBAN failing mod-97", (r, b) -> b.text("account ").decoy(groups4(breakIban(iban(r, "DE", digits(r, 18)))))),
            d("SSN with invalid area", (r, b) -> b.text("case ").decoy((r.nextBoolean() ? "000" : "666") + "-" + (10 + r.nextInt(89)) + "-" + (1000 + r.nextInt(9000)))),
            d("AWS ARN with account id", (r, b) -> b.text("rule ").decoy("arn:aws:events:us-east-1:" + digits(r, 12) + ":rule/weekly-rollup")),
            d("S3 URI", (r, b) -> b.text("see ").decoy("s3://acme-mw-analytics-prod/eval_runs/golden/2026-11-22/golden-20261122-0200-" + hex(r, 4) + "/")),
            d("loopback address", (r, b) -> b.text("local server ").decoy("127.0.0.1").text(":" + (8000 + r.nextInt(1000)))),
            d("quantity", (r, b) -> b.text("I ordered ").decoy((2 + r.nextInt(9)) + " Large Boxes").text(" of paper.")),
            d("HTTP status and error code", (r, b) -> b.text("got ").decoy("HTTP " + (500 + r.nextInt(5))).text(" and error ").decoy("0x8007" + hex(r, 4))),
            d("latency figures", (r, b) -> b.text("latency ").decoy((200 + r.nextInt(5000)) + " ms").text(", p95 ").decoy((1 + r.nextInt(9)) + "." + r.nextInt(10) + " s")),
            d("SKU", (r, b) -> b.text("SKU ").decoy(digits(r, 7) + "-" + digits(r, 3))),
            d("v-prefixed 4-part version", (r, b) -> b.text("firmware ").decoy("v" + (1 + r.nextInt(9)) + "." + r.nextInt(10) + "." + r.nextInt(10) + "." + r.nextInt(10))),
            d("password reset phrase", (r, b) -> b.text("the ").decoy("password reset link").text(" expired")),
            d("key issue phrase", (r, b) -> b.text("The ").decoy("key issue is latency").text(".")),
            d("token limit phrase", (r, b) -> b.text("the ").decoy("token limit: " + (1024 * (1 + r.nextInt(8))))),
            d("password is incorrect phrase", (r, b) -> b.text("it says my ").decoy("password is incorrect").text(".")),
            d("name is on the account phrase", (r, b) -> b.text("my name is ").decoy("on the account").text(" already")),
            d("This is urgent phrase", (r, b) -> b.text("This is ").decoy("Urgent").text(" from my side.")),
            d("Dear Support Team", (r, b) -> b.text("Dear ").decoy("Support Team").text(",\n")),
            d("sign-off by a team", (r, b) -> b.text("\nRegards,\n").decoy("The " + pick(r, COMPANIES) + " Team").text("\n")),
            d("Thanks for your help", (r, b) -> b.text("Thanks, ").decoy("I will wait").text(" for your answer.")),
            d("Basic plan phrase", (r, b) -> b.text("I am on the ").decoy("basic plan").text(" since May.")),
            d("access denied phrase", (r, b) -> b.text("it shows ").decoy("access denied: please contact support").text(".")),
            d("street-like product name", (r, b) -> b.text("the ").decoy("Park Avenue").text(" handbag is out of stock.")),
            d("MAC address", (r, b) -> b.text("device ").decoy(hex(r, 2) + ":" + hex(r, 2) + ":" + hex(r, 2) + ":" + hex(r, 2) + ":" + hex(r, 2) + ":" + hex(r, 2))));

    // ---------------------------------------------------------------- value generators

    private static Format f(PiiType type, String name, BiConsumer<Random, Builder> write) {
        return new Format(type, name, write);
    }

    private static DecoyKind d(String kind, BiConsumer<Random, Builder> write) {
        return new DecoyKind(kind, write);
    }

    static <T> T pick(Random r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    private static void filler(Random r, Builder b, int n) {
        for (int i = 0; i < n; i++) {
            b.text(pick(r, FILLER)).text(r.nextInt(4) == 0 ? "\n" : " ");
        }
    }

    private static String first(Random r) {
        return pick(r, FIRST);
    }

    private static String last(Random r) {
        return pick(r, LAST);
    }

    private static String ascii(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z]", "");
    }

    private static String email(Random r) {
        return (ascii(first(r)) + (r.nextBoolean() ? "." : "_") + ascii(last(r))).toLowerCase(Locale.ROOT) + "@" + pick(r, DOMAINS);
    }

    static String digits(Random r, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append((char) ('0' + r.nextInt(10)));
        }
        return s.toString();
    }

    private static String chars(Random r, String alphabet, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static String hex(Random r, int n) {
        return chars(r, "0123456789abcdef", n);
    }

    private static String letters(Random r, int n) {
        return chars(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", n);
    }

    private static String alnum(Random r, int n) {
        return chars(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", n);
    }

    private static String alnumUpper(Random r, int n) {
        return chars(r, "ABCDEFGHJKLMNPRSTUVWXYZ0123456789", n);
    }

    private static String base32(Random r, int n) {
        return chars(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", n);
    }

    /** Random mixed-case letters and digits, with at least one of each. */
    private static String alnumMixed(Random r, int n) {
        return "a" + "Q" + "7" + chars(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", n - 3);
    }

    private static String base64(Random r, int n) {
        return "K" + "p" + "3" + chars(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", n - 3);
    }

    private static String token(Random r, int n) {
        return "T" + "k" + "9" + chars(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~", n - 3);
    }

    private static String password(Random r) {
        String[] words = { "Summer", "Winter", "Dragon", "Sunshine", "Monkey", "Tiger", "Coffee" };
        return switch (r.nextInt(3)) {
            case 0 -> words[r.nextInt(words.length)] + (1990 + r.nextInt(40)) + "!";
            case 1 -> chars(r, "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789#$%&*", 10 + r.nextInt(7)) + "9";
            default -> "hunter" + digits(r, 2 + r.nextInt(3));
        };
    }

    private static String pem(Random r, String label) {
        byte[] der = new byte[180 + r.nextInt(200)];
        r.nextBytes(der);
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----";
    }

    private static String jwt(Random r) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"sub\":\"u-" + hex(r, 4) + "\",\"iat\":" + (1700000000 + r.nextInt(100000000)) + "}")
                .getBytes(StandardCharsets.UTF_8));
        byte[] sig = new byte[32];
        r.nextBytes(sig);
        return header + "." + payload + "." + b64.encodeToString(sig);
    }

    private static String npa(Random r) {
        return (2 + r.nextInt(8)) + digits(r, 2);
    }

    private static String nxx(Random r) {
        return (2 + r.nextInt(8)) + digits(r, 2);
    }

    private static String ssn(Random r, String sep) {
        int area;
        do {
            area = 1 + r.nextInt(899);
        } while (area == 666);
        return String.format("%03d%s%02d%s%04d", area, sep, 1 + r.nextInt(99), sep, 1 + r.nextInt(9999));
    }

    /** A card number with the given prefix and length whose last digit makes the Luhn checksum valid. */
    private static String card(Random r, String prefix, int length) {
        String body = prefix + digits(r, length - prefix.length() - 1);
        for (char check = '0'; check <= '9'; check++) {
            if (Checks.luhn(body + check)) {
                return body + check;
            }
        }
        throw new IllegalStateException("no Luhn digit");
    }

    private static String breakLuhn(String card) {
        char last = card.charAt(card.length() - 1);
        return card.substring(0, card.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }

    private static String group(String digits, int a, int b, int c, int d, String sep) {
        StringBuilder out = new StringBuilder();
        int pos = 0;
        for (int len : new int[] { a, b, c, d }) {
            if (len == 0) {
                continue;
            }
            if (pos > 0) {
                out.append(sep);
            }
            out.append(digits, pos, pos + len);
            pos += len;
        }
        return out.toString();
    }

    /** A valid IBAN: check digits computed by ISO 7064 mod 97-10. */
    private static String iban(Random r, String country, String bban) {
        String rearranged = bban + country + "00";
        int rem = 0;
        for (char c : rearranged.toCharArray()) {
            int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            rem = v < 10 ? (rem * 10 + v) % 97 : (rem * 100 + v) % 97;
        }
        return country + String.format("%02d", 98 - rem) + bban;
    }

    private static String breakIban(String iban) {
        char last = iban.charAt(iban.length() - 1);
        return iban.substring(0, iban.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }

    private static String groups4(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(s, i, Math.min(s.length(), i + 4));
        }
        return out.toString();
    }

    private static String ipv6(Random r, boolean compressed) {
        String[] g = new String[8];
        for (int i = 0; i < 8; i++) {
            g[i] = Integer.toHexString(r.nextInt(65536));
        }
        g[0] = "2001";
        g[1] = "db8";
        if (!compressed) {
            return String.join(":", g);
        }
        int zeroFrom = 2 + r.nextInt(3);
        int zeroTo = zeroFrom + 1 + r.nextInt(3);
        return String.join(":", java.util.Arrays.copyOfRange(g, 0, zeroFrom)) + "::"
                + String.join(":", java.util.Arrays.copyOfRange(g, zeroTo, 8));
    }

    private PiiCorpus() {
    }
}
