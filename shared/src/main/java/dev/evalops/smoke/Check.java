package dev.evalops.smoke;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One assertion judged on one attempt of a case: what the suite expected and what the router did. */
@RegisterForReflection
public record Check(String kind, boolean passed, String expected, String actual) {
    /** The pseudo-assertion every case has: each sample got a 200 with a JSON body. */
    public static final String ROUTER_ANSWERED = "router_answered";
}
