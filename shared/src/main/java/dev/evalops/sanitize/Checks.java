package dev.evalops.sanitize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The validators of the recognizer table: checksums, number plans, entropy and stop words. */
final class Checks {
    private Checks() {
    }

    // ---- payment cards ----

    /**
     * A card number at the start of a run of digit groups: the longest group-aligned prefix with 13-19 digits, a
     * major-network first digit (2-6) and a valid Luhn checksum. Dropping trailing groups lets
     * "4111 1111 1111 1111 12/27" (expiry glued on) still match the card.
     */
    static Span card(String text, int start, int end) {
        List<Integer> groupEnds = new ArrayList<>();
        for (int i = start; i < end; i++) {
            if (Text.isDigit(text.charAt(i)) && (i + 1 == end || !Text.isDigit(text.charAt(i + 1)))) {
                groupEnds.add(i + 1);
            }
        }
        for (int g = groupEnds.size() - 1; g >= 0; g--) {
            String digits = digitsOf(text, start, groupEnds.get(g));
            if (digits.length() < 13) {
                return null;
            }
            if (digits.length() <= 19 && digits.charAt(0) >= '2' && digits.charAt(0) <= '6' && luhn(digits) && !allSame(digits)) {
                return new Span(start, groupEnds.get(g));
            }
        }
        return null;
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    // ---- IBAN ----

    /** ISO 13616 country code -> IBAN length (SWIFT IBAN registry). */
    static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
            Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BI", 27),
            Map.entry("BR", 29), Map.entry("BY", 28), Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28),
            Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DJ", 27), Map.entry("DK", 18), Map.entry("DO", 28),
            Map.entry("EE", 20), Map.entry("EG", 29), Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FK", 18),
            Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GE", 22), Map.entry("GI", 23),
            Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28), Map.entry("HN", 28), Map.entry("HR", 21),
            Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23), Map.entry("IS", 26),
            Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20), Map.entry("LB", 28),
            Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21),
            Map.entry("LY", 25), Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22), Map.entry("MK", 19),
            Map.entry("MN", 20), Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NI", 28),
            Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("OM", 23), Map.entry("PK", 24), Map.entry("PL", 28),
            Map.entry("PS", 29), Map.entry("PT", 25), Map.entry("QA", 29), Map.entry("RO", 24), Map.entry("RS", 22),
            Map.entry("RU", 33), Map.entry("SA", 24), Map.entry("SC", 31), Map.entry("SD", 18), Map.entry("SE", 24),
            Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("SO", 23), Map.entry("ST", 25),
            Map.entry("SV", 28), Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29),
            Map.entry("VA", 22), Map.entry("VG", 24), Map.entry("XK", 20), Map.entry("YE", 30));

    /**
     * An IBAN at the start of the match: exactly its country's length of letters and digits (single spaces between
     * groups allowed), not followed by another letter or digit, with ISO 7064 mod-97 == 1.
     */
    static Span iban(String text, int start, int end) {
        Integer length = IBAN_LENGTHS.get(text.substring(start, start + 2).toUpperCase(Locale.ROOT));
        if (length == null) {
            return null;
        }
        StringBuilder iban = new StringBuilder(length);
        int i = start;
        while (i < end && iban.length() < length) {
            char c = text.charAt(i);
            if (Text.isDigit(c) || Text.isAsciiLetter(c)) {
                iban.append(Character.toUpperCase(c));
            } else if (c != ' ' || text.charAt(i - 1) == ' ') {
                return null;
            }
            i++;
        }
        if (iban.length() < length || (i < text.length() && Character.isLetterOrDigit(text.charAt(i)))) {
            return null;
        }
        return mod97(iban) == 1 ? new Span(start, i) : null;
    }

    private static int mod97(CharSequence iban) {
        int rem = 0;
        for (int k = 0; k < iban.length(); k++) {
            char c = iban.charAt((k + 4) % iban.length());
            int v = Text.isDigit(c) ? c - '0' : c - 'A' + 10;
            rem = v < 10 ? (rem * 10 + v) % 97 : (rem * 100 + v) % 97;
        }
        return rem;
    }

    // ---- US SSN ----

    /** SSA rules: area not 000, 666 or 900-999; group not 00; serial not 0000. */
    static boolean ssn(String value) {
        String d = digitsOf(value, 0, value.length());
        if (d.length() != 9) {
            return false;
        }
        int area = Integer.parseInt(d.substring(0, 3));
        return area != 0 && area != 666 && area < 900 && !d.startsWith("00", 3) && !d.startsWith("0000", 5);
    }

    // ---- phones ----

    /**
     * International: 8-15 digits after the prefix (E.164 allows at most 15). The 00 prefix is also how order numbers
     * and account ids start, so there it takes a grouped form whose first group is 00 + a 1-3 digit country code.
     */
    static boolean internationalPhone(String value) {
        boolean dialPrefix = value.startsWith("00");
        int n = digitsOf(value, 0, value.length()).length() - (dialPrefix ? 2 : 0);
        if (n < 8 || n > 15) {
            return false;
        }
        if (!dialPrefix) {
            return true;
        }
        int firstGroup = 0;
        while (firstGroup < value.length() && Text.isDigit(value.charAt(firstGroup))) {
            firstGroup++;
        }
        return firstGroup < value.length() && firstGroup >= 3 && firstGroup <= 5;
    }

    /** North American: area code and exchange both start with 2-9 (NANP). */
    static boolean nanpPhone(String value) {
        String d = digitsOf(value, 0, value.length());
        return d.length() == 10 && d.charAt(0) >= '2' && d.charAt(3) >= '2';
    }

    /**
     * National with trunk prefix 0 (UK, DE, FR, NL, IT...): 10-12 digits, not an international 00; when grouped, the
     * first group (trunk + area or mobile prefix) has 2-5 digits, as in every national plan ("0123456-789" is a SKU).
     */
    static boolean trunkPhone(String value) {
        String d = digitsOf(value, 0, value.length());
        if (d.length() == value.length()) {
            return d.charAt(1) != '0' && d.length() >= 10 && d.length() <= 11;
        }
        int firstGroup = 0;
        while (firstGroup < value.length() && (Text.isDigit(value.charAt(firstGroup)) || value.charAt(firstGroup) == '(')) {
            firstGroup++;
        }
        int areaDigits = digitsOf(value, 0, firstGroup).length();
        return d.charAt(1) != '0' && d.length() >= 10 && d.length() <= 12 && areaDigits >= 2 && areaDigits <= 5;
    }

    static boolean contextPhone(String value) {
        int n = digitsOf(value, 0, value.length()).length();
        return n >= 7 && n <= 15;
    }

    // ---- IP addresses ----

    /** Loopback, "this network" and broadcast-range addresses are not personal and keep local logs readable. */
    static boolean publicOrPrivateIpv4(String value) {
        int firstOctet = Integer.parseInt(value.substring(0, value.indexOf('.')));
        return firstOctet != 0 && firstOctet != 127 && firstOctet != 255;
    }

    private static final java.util.regex.Pattern DOTTED_QUAD = java.util.regex.Pattern.compile(
            "(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    /**
     * RFC 4291 text forms: eight groups of 1-4 hex digits, or fewer with exactly one "::", optionally ending in a
     * dotted IPv4 address; not the loopback {@code ::1} or the unspecified {@code ::}. A compressed form also needs
     * two groups, four hex digits and a decimal digit, so C++'s "std::vector" or "a::b" stay.
     */
    static boolean ipv6(String value) {
        int dbl = value.indexOf("::");
        if (dbl >= 0 && value.indexOf("::", dbl + 1) >= 0) {
            return false;
        }
        List<Integer> head = hextets(dbl >= 0 ? value.substring(0, dbl) : value, dbl < 0);
        List<Integer> tail = dbl >= 0 ? hextets(value.substring(dbl + 2), true) : List.of();
        if (head == null || tail == null) {
            return false;
        }
        int written = head.size() + tail.size();
        if (dbl >= 0 ? written > 7 || written < 2 || !looksNumeric(value) : written != 8) {
            return false;
        }
        List<Integer> all = new ArrayList<>(head);
        while (all.size() < 8 - tail.size()) {
            all.add(0);
        }
        all.addAll(tail);
        boolean zeroPrefix = all.subList(0, 7).stream().allMatch(v -> v == 0);
        return !(zeroPrefix && all.get(7) <= 1);
    }

    private static boolean looksNumeric(String value) {
        int hexDigits = 0;
        boolean decimal = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.digit(c, 16) >= 0) {
                hexDigits++;
                decimal |= Text.isDigit(c);
            }
        }
        return hexDigits >= 4 && decimal;
    }

    /** The values of colon-separated hex groups; the last may be a dotted IPv4 (two groups) when it ends the address. */
    private static List<Integer> hextets(String part, boolean endsAddress) {
        List<Integer> out = new ArrayList<>(8);
        if (part.isEmpty()) {
            return out;
        }
        String[] groups = part.split(":", -1);
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (endsAddress && i == groups.length - 1 && g.indexOf('.') >= 0) {
                if (!DOTTED_QUAD.matcher(g).matches()) {
                    return null;
                }
                String[] q = g.split("\\.");
                out.add(Integer.parseInt(q[0]) << 8 | Integer.parseInt(q[1]));
                out.add(Integer.parseInt(q[2]) << 8 | Integer.parseInt(q[3]));
            } else if (g.isEmpty() || g.length() > 4 || !g.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return null;
            } else {
                out.add(Integer.parseInt(g, 16));
            }
        }
        return out;
    }

    // ---- secrets ----

    /** AWS secret access key: 40 base64 characters mixing upper case, lower case and digits or symbols. */
    static boolean awsSecret(String value) {
        return hasUpper(value) && hasLower(value) && (hasDigit(value) || value.indexOf('/') >= 0 || value.indexOf('+') >= 0)
                && entropy(value) >= 4.0;
    }

    /**
     * After "password/pwd/passphrase ... is|:|=": anything of 6+ characters that is not a plain word
     * (so "password is incorrect" and "password: Reset" stay; "password: hunter22" goes).
     */
    static Span password(String text, int start, int end) {
        int e = trimTrailingDots(text, start, end);
        if (e - start < 6) {
            return null;
        }
        boolean digit = has(text, start, e, Character::isDigit);
        if (!digit && !has(text, start, e, Character::isLetter)) {
            return null;
        }
        boolean plainWord = !digit && !has(text, start, e, c -> !Character.isLetterOrDigit(c))
                && !has(text, start + 1, e, Character::isUpperCase);
        return plainWord ? null : new Span(start, e);
    }

    /**
     * After "key/token/secret/credentials ... is|:|=": a long high-entropy string: 10+ characters with letters and
     * digits and a Shannon entropy near that of random text of its length.
     */
    static Span keyValue(String text, int start, int end) {
        int e = trimTrailingDots(text, start, end);
        if (e - start < 10 || !has(text, start, e, Character::isDigit) || !has(text, start, e, Character::isLetter)) {
            return null;
        }
        double threshold = Math.min(3.0, 0.8 * log2(e - start));
        return entropy(text.substring(start, e)) >= threshold ? new Span(start, e) : null;
    }

    /** A bearer/basic credential: 16+ characters with a digit, or with both cases. */
    static boolean credential(String value) {
        return hasDigit(value) || (hasUpper(value) && hasLower(value));
    }

    /** Shannon entropy of the characters of {@code s}, in bits per character. */
    static double entropy(String s) {
        int[] ascii = new int[128];
        Map<Character, Integer> other = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) {
                ascii[c]++;
            } else {
                if (other == null) {
                    other = new java.util.HashMap<>();
                }
                other.merge(c, 1, Integer::sum);
            }
        }
        double h = 0;
        for (int c : ascii) {
            h -= term(c, s.length());
        }
        if (other != null) {
            for (int c : other.values()) {
                h -= term(c, s.length());
            }
        }
        return h;
    }

    private static double term(int count, int length) {
        if (count == 0) {
            return 0;
        }
        double p = (double) count / length;
        return p * log2(p);
    }

    // ---- person names ----

    /**
     * Capitalized words that follow "Dear", "Thanks," or "this is" without being a name. Only the first word of a
     * name is checked.
     */
    static final Set<String> NOT_NAMES = Set.of("The", "A", "An", "All", "Team", "Support", "Customer", "Customers", "Service",
            "Services", "Sir", "Sirs", "Madam", "Everyone", "Everybody", "Hello", "Hi", "Hey", "Our", "Your", "My", "This", "That",
            "Thanks", "Thank", "Regards", "Best", "Cheers", "Urgent", "Sorry", "Please", "Bye", "Again", "Admin", "Sales",
            "Billing", "Management", "Help", "Helpdesk", "Folks", "Friends", "Valued", "Colleagues", "Hiring", "Accounts",
            "Operations", "Legal", "Privacy", "Security", "Shipping", "Orders", "Logistics", "Risk", "Account", "Important",
            "Regarding", "About", "Not", "Just", "Still", "Now", "Here", "There", "Today", "Yesterday", "Tomorrow", "Me", "Us");

    static boolean personName(String value) {
        int space = value.indexOf(' ');
        return !NOT_NAMES.contains(space < 0 ? value : value.substring(0, space));
    }

    // ---- helpers ----

    static String digitsOf(String s, int start, int end) {
        StringBuilder out = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (Text.isDigit(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int trimTrailingDots(String text, int start, int end) {
        int e = end;
        while (e > start && text.charAt(e - 1) == '.') {
            e--;
        }
        return e;
    }

    private static boolean allSame(String s) {
        return s.chars().distinct().count() == 1;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static boolean has(String s, int start, int end, java.util.function.IntPredicate test) {
        for (int i = start; i < end; i++) {
            if (test.test(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDigit(String s) {
        return has(s, 0, s.length(), Character::isDigit);
    }

    private static boolean hasUpper(String s) {
        return has(s, 0, s.length(), Character::isUpperCase);
    }

    private static boolean hasLower(String s) {
        return has(s, 0, s.length(), Character::isLowerCase);
    }
}
