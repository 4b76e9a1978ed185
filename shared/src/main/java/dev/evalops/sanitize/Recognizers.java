package dev.evalops.sanitize;

import static dev.evalops.sanitize.Trigger.digits;
import static dev.evalops.sanitize.Trigger.words;
import static dev.evalops.sanitize.Validator.whole;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The recognizer table: the single source of what the sanitizer replaces, and of README's recognizer table
 * (rendered by {@link #markdownTable()}, checked by RecognizerTableTest).
 * <p>
 * Order is priority: a row only claims text no earlier row claimed (a JWT inside "Bearer ..." is a JWT; an e-mail
 * after "password:" is an e-mail). Every pattern runs only in a window around its trigger, and is written without
 * nested ambiguous quantifiers (possessive where a digit or token run could be split several ways), so the cost per
 * trigger is bounded and there is no catastrophic backtracking.
 */
final class Recognizers {
    private Recognizers() {
    }

    /** One capitalized name word: "Maria", "O'Brien", "Jean-Luc", "McAllister", "José". */
    private static final String NAME_WORD = "\\p{Lu}[\\p{L}'’-]*\\p{Ll}";
    /** Up to three name words, allowing particles ("Ludwig van Beethoven"). */
    private static final String NAME = NAME_WORD
            + "(?:[ ](?:(?:van|von|de|del|der|da|di|du|le|la|bin|al|ten|ter)[ ])?" + NAME_WORD + "){0,2}";
    private static final List<String> STREET_SUFFIXES = List.of("Street", "St", "Avenue", "Ave", "Road", "Rd", "Boulevard", "Blvd",
            "Lane", "Ln", "Drive", "Dr", "Court", "Ct", "Place", "Pl", "Terrace", "Ter", "Way", "Parkway", "Pkwy", "Highway", "Hwy",
            "Circle", "Cir", "Square", "Sq", "Close", "Crescent", "Cres", "Grove", "Gardens", "Mews", "Row", "Alley", "Plaza",
            "Trail", "Walk");
    private static final String STREET_SUFFIX = "(?:" + String.join("|", STREET_SUFFIXES) + ")";
    /** Not a row's trigger: the house-number row asks whether a street suffix follows within 100 characters. */
    static final Trigger.KeywordTrigger STREET_SUFFIX_WORDS = Trigger.wholeWords(STREET_SUFFIXES);
    /** A line break in text or in a Markdown table cell. */
    private static final String LINE_BREAK = "(?:\\r?\\n|<br[ ]?/?>)";
    private static final String SIGN_OFF = "(?i:signed|best[ \\t]+regards|kind[ \\t]+regards|warm[ \\t]+regards|regards|thank[ \\t]+you"
            + "|many[ \\t]+thanks|thanks|cheers|sincerely|best[ \\t]+wishes|best|yours[ \\t]+truly|yours)";
    private static final Trigger SIGN_OFF_TRIGGER = words(Trigger.signOffThenCapital(), "signed", "regards", "best", "kind", "warm", "thanks", "thank",
            "many", "cheers", "sincerely", "yours");
    private static final String[] COMPOUND_STREETS = { "straße", "strasse", "str.", "weg", "gasse", "platz", "allee", "ring", "damm",
        "ufer", "laan", "straat", "gracht", "plein" };
    /** "... is|was|:|=|=>" between a keyword and its value, with the keyword's own tail ("_access_key") and quotes. */
    private static final String ASSIGN = "[A-Za-z0-9_.-]{0,24}?['\"]?(?:[ \\t]*+(?:=>|[:=])|[ \\t]++(?i:is|was)(?![A-Za-z])(?:[ \\t]*+:)?)"
            + "[ \\t]*+['\"`]?";
    private static final String VALUE = "(?<pii>[^\\s'\"`,;<>()\\[\\]{}]{1,256}+)";

    static final List<Recognizer> TABLE = List.of(
            new Recognizer(PiiType.EMAIL, "address", Trigger.emailAt(), 320,
                    Pattern.compile("(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
                            + "[A-Za-z]{2,24}(?![A-Za-z0-9-])"),
                    Validator.ANY, "local@domain.tld (RFC 5322 dot-atom subset, ASCII)", "jane.doe@example.com"),

            new Recognizer(PiiType.JWT, "compact JWS", words("eyJ"), 16384,
                    Pattern.compile("(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,}+\\.[A-Za-z0-9_-]{5,}+\\.[A-Za-z0-9_-]*+"),
                    Validator.ANY, "three base64url parts, the header starting eyJ ({\")",
                    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1LTVhYjEifQ.c2lnbmF0dXJl"),

            new Recognizer(PiiType.SECRET, "PEM private key", words(Trigger.precededBy("-----"), "BEGIN").startingBefore(5),
                    16384,
                    Pattern.compile("-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----[A-Za-z0-9+/=\\s:,-]*?-----END (?:[A-Z]+ )*PRIVATE KEY-----"),
                    Validator.ANY, "a whole -----BEGIN ... PRIVATE KEY----- block, up to 16 KB",
                    "-----BEGIN PRIVATE KEY-----MIIBVQIBADANBgkqhkiG9w0BAQEFAASC-----END PRIVATE KEY-----"),

            new Recognizer(PiiType.AWS_ACCESS_KEY, "access key id", words("AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA",
                    "AIPA", "ANPA", "ANVA", "APKA", "AROA", "ASCA"), 20,
                    Pattern.compile("(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA|ASCA)[A-Z0-9]{16}(?![A-Za-z0-9])"),
                    Validator.ANY, "AKIA/ASIA/... + 16 upper-case letters or digits", "AKIAIOSFODNN7EXAMPLE"),

            new Recognizer(PiiType.BEARER_TOKEN, "Authorization credential", words("bearer", "basic"), 8192,
                    Pattern.compile("(?i:bearer|basic)[ \\t]+(?<pii>[A-Za-z0-9._~+/-]{16,}+=*+)"),
                    whole(Checks::credential), "after Bearer/Basic: 16+ token characters with a digit or mixed case",
                    "Authorization: Bearer 8f3kQ2xZ9pLm4vT7wR1y"),

            new Recognizer(PiiType.AWS_SECRET_KEY, "secret access key", Trigger.awsSecretRun(), 40,
                    Pattern.compile("(?<![A-Za-z0-9/+_-])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=_-])"),
                    whole(Checks::awsSecret), "exactly 40 base64 characters mixing cases and digits, entropy >= 4 bits/char",
                    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),

            new Recognizer(PiiType.SECRET, "password", words(Trigger.assignmentWithin(40), "pass", "pwd"), 320,
                    Pattern.compile("(?i:password|passwd|passphrase|passcode|pwd|pass)" + ASSIGN + VALUE),
                    Checks::password, "after password/pwd/passphrase + is|:|=: 6+ characters that are not a plain word",
                    "password: Tr0ub4dor&3"),

            new Recognizer(PiiType.SECRET, "key / token / secret", words(Trigger.assignmentWithin(40), "client", "secret", "token", "api", "access",
                    "private", "key", "credential", "auth"), 320,
                    Pattern.compile("(?i:client[_ -]?secret|secret|token|api[_ -]?key|apikey|access[_ -]?key|private[_ -]?key|key"
                            + "|credentials?|auth)" + ASSIGN + VALUE),
                    Checks::keyValue, "after key/token/secret/api_key/credentials + is|:|=: 10+ chars, letters and digits, "
                            + "Shannon entropy >= min(3, 0.8 log2 len) bits/char",
                    "api_key=sk_live_4eC39HqLyjWDarjtT1zdp7dc"),

            new Recognizer(PiiType.IBAN, "IBAN", Trigger.lettersThenDigits(), 48,
                    Pattern.compile("(?<![A-Za-z0-9])[A-Za-z]{2}\\d{2}(?:[ ]?[A-Za-z0-9]){10,32}+"),
                    Checks::iban, "country code + 2 check digits + BBAN, grouped or not; exact country length, ISO 7064 mod-97",
                    "DE89 3704 0044 0532 0130 00"),

            new Recognizer(PiiType.CREDIT_CARD, "card number", digits(DigitShape.CARD, false), 48,
                    Pattern.compile("(?<![\\w.,-]|\\d[ -])\\d(?:[ -]?\\d){12,22}(?![\\w]|[.,]\\d)"),
                    Checks::card, "13-19 digits, optionally grouped by spaces or dashes, not the tail of a longer grouped number; first digit 2-6, Luhn checksum",
                    "4111 1111 1111 1111"),

            new Recognizer(PiiType.US_SSN, "formatted", digits(DigitShape.SSN, false), 12,
                    Pattern.compile("(?<![\\w.,/-]|\\d[ -])\\d{3}([- ])\\d{2}\\1\\d{4}(?![\\w]|[-.,/]\\d)"),
                    whole(Checks::ssn), "AAA-GG-SSSS or AAA GG SSSS; area not 000/666/900-999, group not 00, serial not 0000",
                    "123-45-6789"),

            new Recognizer(PiiType.US_SSN, "after SSN / social security", words("ssn", "social"), 80,
                    Pattern.compile("(?i:ssn|social[ \\t]+security(?:[ \\t]+(?:number|no\\.?|#))?)[ \\t]*+(?:#|no\\.?)?[ \\t]*+"
                            + "(?:is|:|=|-)?[ \\t]*+(?<pii>\\d{3}[- ]?\\d{2}[- ]?\\d{4})(?![\\w]|[-.,/]\\d)"),
                    whole(Checks::ssn), "9 digits, any grouping, after SSN/social security; same area/group/serial rules",
                    "SSN 123456789"),

            new Recognizer(PiiType.IP_ADDRESS, "IPv4", digits(DigitShape.IPV4, false), 16,
                    Pattern.compile("(?<![\\w.]|[0-9A-Fa-f]:)(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}"
                            + "(?![\\w]|\\.\\d)"),
                    whole(Checks::publicOrPrivateIpv4), "dotted quad, octets 0-255, not the tail of an IPv6; 0.x, 127.x (loopback) and 255.x stay",
                    "203.0.113.42"),

            new Recognizer(PiiType.IP_ADDRESS, "IPv6", Trigger.ipv6Colon(), 56,
                    Pattern.compile("(?<![\\w:.])(?=[0-9A-Fa-f:]*::|(?:[0-9A-Fa-f]{1,4}:){6})[0-9A-Fa-f:]{2,39}+(?:\\.\\d{1,3}){0,3}+"
                            + "(?![\\w:]|\\.\\d)"),
                    whole(Checks::ipv6), "RFC 4291: 8 hex groups, or one :: with 2-7 groups, 4+ hex digits and a decimal digit; optional dotted IPv4 tail; ::1 and :: stay",
                    "2001:db8:85a3::8a2e:370:7334"),

            new Recognizer(PiiType.PHONE, "international", digits(DigitShape.INTERNATIONAL, true), 40,
                    Pattern.compile("(?<![\\w+]|\\d[ -])(?:\\+|00)[1-9]\\d*+(?:[ .\\-\\u00A0]?+\\(?+\\d++\\)?+){0,6}+(?![\\w]|[.,]\\d)"),
                    whole(Checks::internationalPhone), "+CC, or grouped 00CC, then digit groups (spaces, dots, dashes, parentheses); "
                            + "8-15 digits (E.164)",
                    "+44 20 7946 0958"),

            new Recognizer(PiiType.PHONE, "North American", digits(DigitShape.NANP, true), 16,
                    Pattern.compile("(?<![\\w+.-]|\\d[ -])(?:\\(\\d{3}\\)[ .-]?|\\d{3}[ .-])\\d{3}[ .-]\\d{4}(?![\\w]|[.,-]\\d)"),
                    whole(Checks::nanpPhone), "(NPA) NXX-XXXX, NPA-NXX-XXXX, NPA.NXX.XXXX; area and exchange start 2-9",
                    "(415) 555-2671"),

            new Recognizer(PiiType.PHONE, "national, trunk prefix 0", digits(DigitShape.TRUNK, true), 24,
                    Pattern.compile("(?<![\\w+.,/-]|\\d[ -])(?:\\(0\\d{1,4}\\)|0\\d++)(?:[ \\-]?+\\d++){0,4}+(?![\\w]|[.,:/-]\\d)"),
                    whole(Checks::trunkPhone), "0 + area/mobile prefix (2-5 digits) + groups (UK, DE, FR, NL, IT ...): 10-12 digits; "
                            + "10-11 when ungrouped",
                    "07700 900123"),

            new Recognizer(PiiType.PHONE, "after phone / call me", words(Trigger.digitWithin(32), "phone", "tel", "mobile", "cell", "call", "text",
                    "reach", "whatsapp", "sms"), 80,
                    Pattern.compile("(?i:telephone|phone|tel|mobile|cellphone|cell|call[ \\t]+me|text[ \\t]+me|reach[ \\t]+me|whatsapp|sms)"
                            + "(?:[ \\t]*+(?:number|no\\.?|#|on|at|is|:|-)){0,3}[ \\t]*+(?<pii>\\+?\\d{7,15})(?![\\w]|[.,]\\d)"),
                    whole(Checks::contextPhone), "7-15 ungrouped digits after phone/tel/mobile/cell/call me/text me/whatsapp",
                    "call me at 4155552671"),

            new Recognizer(PiiType.ADDRESS, "number + street + suffix", digits(DigitShape.HOUSE_NUMBER, false), 120,
                    Pattern.compile("(?<![\\w.,/-])\\d{1,5}[A-Za-z]?(?:[ ](?:\\p{Lu}[\\p{L}'’-]*|\\d{1,3}(?:st|nd|rd|th))){1,4}?[ ]"
                            + STREET_SUFFIX + "\\.?(?![\\p{L}\\d])(?:[ ](?:NW|NE|SW|SE|N|S|E|W)(?![\\p{L}\\d]))?"
                            + "(?:,?[ ](?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|Fl|#)\\.?[ ]?#?[A-Za-z0-9-]{1,6}(?![\\p{L}\\d]))?"),
                    Validator.ANY, "house number, 1-4 capitalized words, a street suffix (Street, Ave, Rd, Terrace ...), "
                            + "optional direction and Apt/Suite/Unit",
                    "742 Evergreen Terrace"),

            new Recognizer(PiiType.ADDRESS, "number + rue/avenue (FR)", digits(DigitShape.FRENCH_HOUSE_NUMBER, false), 120,
                    Pattern.compile("(?<![\\w.,/-])\\d{1,4}(?:[ ]?(?:bis|ter))?,?[ ](?i:rue|avenue|av\\.|boulevard|bd|place|chemin"
                            + "|allée|impasse|quai|cours)[ ](?:(?:de[ ]la|de[ ]l'|du|des|de|d')[ ]?)?\\p{Lu}[\\p{L}'’-]++(?![\\d:])"
                            + "(?:[ ](?:de|du|des|la|le|aux)[ ]\\p{Lu}[\\p{L}'’-]++(?![\\d:])){0,2}"),
                    Validator.ANY, "house number, rue/avenue/boulevard/place..., capitalized street name (more words only after de/du/des/la)", "12 rue de Rivoli"),

            new Recognizer(PiiType.ADDRESS, "compound street + number (DE, NL)", Trigger.numberAfterStreetWord(COMPOUND_STREETS), 64,
                    Pattern.compile("(?<![\\p{L}])\\p{Lu}[\\p{L}-]*(?i:straße|strasse|str\\.|weg|gasse|platz|allee|ring|damm|ufer|laan"
                            + "|straat|gracht|plein)[ ]\\d{1,4}[a-zA-Z]?(?![\\w])"),
                    Validator.ANY, "…straße/str./weg/gasse/platz/allee/gracht/straat/laan + house number", "Hauptstraße 12"),

            new Recognizer(PiiType.ADDRESS, "Via/Calle/Rua + name + number (IT, ES, PT)", words("via", "viale", "piazza", "corso",
                    "calle", "carrer", "avenida", "rua", "plaza", "paseo"), 96,
                    Pattern.compile("(?<![\\p{L}])(?:Via|Viale|Piazza|Corso|Calle|Carrer|Avenida|Rua|Plaza|Paseo)[ ]"
                            + "(?:(?:de[ ]la|del|de|di|della|dos|das|do|da)[ ])?\\p{Lu}[\\p{L}'’-]+(?:[ ]\\p{Lu}[\\p{L}'’-]+){0,2},?"
                            + "[ ]\\d{1,4}[a-zA-Z]?(?![\\w])"),
                    Validator.ANY, "Via/Viale/Piazza/Calle/Carrer/Avenida/Rua/Plaza + capitalized name + house number", "Via Roma 12"),

            new Recognizer(PiiType.PERSON, "my name is ...", words(Trigger.followedBy("name", false), "my"), 120,
                    Pattern.compile("(?i:my[ \\t]+name[ \\t]+is|my[ \\t]+name's|my[ \\t]+name[ \\t]*:)[ \\t]+(?<pii>" + NAME + ")"),
                    whole(Checks::personName), "1-3 capitalized words after \"my name is\" / \"my name's\"", "my name is Maria Garcia"),

            new Recognizer(PiiType.PERSON, "this is ... from", words(Trigger.followedBy("is ", true), "this"), 120,
                    Pattern.compile("(?i:this[ \\t]+is)[ \\t]+(?<pii>" + NAME + ")[ \\t]+(?i:from|at|with|here)(?![\\p{L}])"),
                    whole(Checks::personName), "capitalized words between \"this is\" and from/at/with/here",
                    "This is Tom from Acme"),

            new Recognizer(PiiType.PERSON, "sign-off", SIGN_OFF_TRIGGER, 160,
                    Pattern.compile(SIGN_OFF + "[ \\t]*[,:!.\\-–]?[ \\t]*(?:" + LINE_BREAK + "[ \\t]*)?(?<pii>" + NAME + ")[ \\t]*[.!]?[ \\t]*"
                            + "(?=" + LINE_BREAK + "|$)"),
                    whole(Checks::personName), "a name alone on the rest of the line (newline or <br>) after Signed/Regards/Thanks/Cheers/Best",
                    "Kind regards, Anna Kowalski"),

            // The same sign-off once a writer flattened the ticket onto one line (a Markdown table cell).
            new Recognizer(PiiType.PERSON, "sign-off, flattened", SIGN_OFF_TRIGGER, 160,
                    Pattern.compile(SIGN_OFF + "[ \\t]*,[ \\t]*(?<pii>" + NAME + ")(?=[ \\t]*\\||[ \\t]+\\p{Lu}\\p{Ll})"),
                    whole(Checks::personName), "after Signed,/Regards,/Thanks,: a name followed by a table cell's | or a new "
                            + "capitalized sentence", "Thanks, Maria | order A1234"),

            new Recognizer(PiiType.PERSON, "Name: field", words(Trigger.assignmentWithin(32), "full", "customer", "account", "card", "name",
                    "contact"), 120,
                    Pattern.compile("(?i:full[ \\t]+name|customer[ \\t]+name|account[ \\t]+holder|card[ \\t]*holder(?:[ \\t]+name)?"
                            + "|name[ \\t]+on[ \\t]+(?:the[ \\t]+)?card|contact[ \\t]+person|name)[ \\t]*:[ \\t]*(?<pii>" + NAME + ")"),
                    whole(Checks::personName), "capitalized words after Name:/Full name:/Cardholder:/Account holder:",
                    "Name: John Smith"),

            new Recognizer(PiiType.PERSON, "title + surname", words("Mr", "Mrs", "Ms", "Mx", "Miss", "Dr", "Prof"), 80,
                    Pattern.compile("(?:Mrs|Mr|Ms|Mx|Miss|Dr|Prof)\\.?[ \\t]+(?<pii>" + NAME_WORD + "(?:[ ]" + NAME_WORD + ")?)"),
                    whole(Checks::personName), "1-2 capitalized words after Mr/Mrs/Ms/Mx/Miss/Dr/Prof", "Mr. Okafor"),

            new Recognizer(PiiType.PERSON, "Dear ...", words("dear"), 120,
                    Pattern.compile("(?i:dear)[ \\t]+(?<pii>" + NAME + ")[ \\t]*(?=[,!:\\r\\n]|<br|$)"),
                    whole(Checks::personName), "capitalized words after Dear, up to the comma or line end", "Dear Priya,"));

    /** Every keyword trigger of the table in one trie (see {@link Keywords}). */
    static final Keywords KEYWORDS = keywordsOf(TABLE);

    private static Keywords keywordsOf(List<Recognizer> table) {
        Keywords keywords = new Keywords();
        Set<Trigger> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        keywords.add(STREET_SUFFIX_WORDS);
        for (Recognizer r : table) {
            if (r.trigger() instanceof Trigger.KeywordTrigger k && seen.add(k)) {
                keywords.add(k);
            }
        }
        return keywords;
    }

    /** README's recognizer table, rendered from {@link #TABLE} with placeholders of a fixed documentation key. */
    static String markdownTable() {
        Sanitizer doc = Sanitizer.withKey("readme".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        out.append("| # | type | format | matches / validation | example | becomes | Comprehend / Presidio |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        int row = 1;
        for (Recognizer r : TABLE) {
            out.append("| ").append(row++)
                    .append(" | `").append(r.type()).append('`')
                    .append(" | ").append(cell(r.format()))
                    .append(" | ").append(cell(r.rule()))
                    .append(" | `").append(cell(r.example())).append('`')
                    .append(" | `").append(cell(doc.clean(r.example()))).append('`')
                    .append(" | ").append(r.type().comprehend()).append(" / ").append(r.type().presidio())
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
