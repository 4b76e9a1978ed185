package dev.evalops.sanitize;

import java.util.Locale;

/**
 * What a placeholder stands for: the {@code TYPE} in {@code [TYPE#3f2a]}. Names follow AWS Comprehend's PII
 * entity types where one exists ({@link #comprehend()}), and Presidio's recognizers ({@link #presidio()}).
 */
public enum PiiType {
    EMAIL("EMAIL", "EMAIL_ADDRESS"),
    PHONE("PHONE", "PHONE_NUMBER"),
    CREDIT_CARD("CREDIT_DEBIT_NUMBER", "CREDIT_CARD"),
    IBAN("INTERNATIONAL_BANK_ACCOUNT_NUMBER", "IBAN_CODE"),
    US_SSN("SSN", "US_SSN"),
    IP_ADDRESS("IP_ADDRESS", "IP_ADDRESS"),
    AWS_ACCESS_KEY("AWS_ACCESS_KEY", "-"),
    AWS_SECRET_KEY("AWS_SECRET_KEY", "-"),
    JWT("-", "-"),
    BEARER_TOKEN("-", "-"),
    SECRET("PASSWORD", "-"),
    ADDRESS("ADDRESS", "-"),
    PERSON("NAME", "PERSON");

    private final String comprehend;
    private final String presidio;

    PiiType(String comprehend, String presidio) {
        this.comprehend = comprehend;
        this.presidio = presidio;
    }

    /** The AWS Comprehend PII entity type this corresponds to, or "-". */
    public String comprehend() {
        return comprehend;
    }

    /** The Presidio entity this corresponds to, or "-". */
    public String presidio() {
        return presidio;
    }

    /**
     * The form that is hashed: the same card, IBAN, SSN or phone written with other separators, or the same
     * e-mail in other letter case, gets the same placeholder (the reviewer sees "the same customer").
     */
    String canonical(String value) {
        return switch (this) {
            case EMAIL -> value.toLowerCase(Locale.ROOT);
            case CREDIT_CARD, US_SSN, IBAN -> alphanumericUpper(value);
            case PHONE -> phoneDigits(value);
            default -> value;
        };
    }

    private static String alphanumericUpper(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 128 && Character.isLetterOrDigit(c)) {
                out.append(Character.toUpperCase(c));
            }
        }
        return out.toString();
    }

    private static String phoneDigits(String value) {
        StringBuilder out = new StringBuilder(value.length());
        String v = value.startsWith("00") ? "+" + value.substring(2) : value;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if ((c >= '0' && c <= '9') || (c == '+' && out.isEmpty())) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
