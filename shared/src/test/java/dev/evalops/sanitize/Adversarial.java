package dev.evalops.sanitize;

import java.util.List;

/** Inputs built to make careless patterns backtrack: long runs of what the recognizers' patterns consume. */
public final class Adversarial {
    private Adversarial() {
    }

    /** About 64 KB each. */
    public static List<String> texts() {
        int n = 64 * 1024;
        return List.of(
                "a.".repeat(n / 2) + "@",
                "a-".repeat(n / 2) + "@b",
                "x@" + "a-".repeat(n / 2),
                "1 ".repeat(n / 2),
                "1-".repeat(n / 2),
                "+1 ".repeat(n / 3),
                "12 ".repeat(n / 3),
                "0".repeat(n),
                "1:".repeat(n / 2),
                "a:".repeat(n / 2),
                "::".repeat(n / 2),
                "1.".repeat(n / 2),
                "DE89 ".repeat(n / 5),
                "eyJ".repeat(n / 3),
                "eyJabcde.".repeat(n / 9),
                "password: ".repeat(n / 10),
                "key=".repeat(n / 4),
                "Bearer ".repeat(n / 7),
                "A".repeat(n),
                "my name is ".repeat(n / 11),
                "Dear Aaaa Bbbb Cccc Dddd ".repeat(n / 25),
                "1 Aaaa Bbbb Cccc Dddd Eeee ".repeat(n / 27),
                "Aaaastraße".repeat(n / 10),
                "Thanks, Aaaa Bbbb Cccc Dddd Eeee ".repeat(n / 33));
    }
}
