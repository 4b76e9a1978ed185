package dev.evalops.smoke;

import java.util.List;

/**
 * A validated smoke suite: every case has a ticket and at least one assertion, ids are unique. Built only by
 * {@link SuiteParser}, so holding one means the suite was checked before any router call.
 *
 * @param source where it was read from ({@code classpath:smoke/suite.json}, {@code s3://...}, a path)
 */
public record SmokeSuite(String name, String source, List<SmokeCase> cases) {
    public SmokeSuite {
        cases = List.copyOf(cases);
    }

    /** One canary: a ticket sent {@code samples} times and what every answer must satisfy. */
    public record SmokeCase(String id, String description, String text, String channel, int samples,
            List<SmokeAssertion> assertions) {
        public SmokeCase {
            assertions = List.copyOf(assertions);
        }
    }
}
