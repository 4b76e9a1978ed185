package dev.evalops.smoke;

import dev.evalops.core.Outcome;

/** What the smoke-eval function returns: a run's summary, or the release gate after a gate action. */
public sealed interface SmokeResponse permits SmokeRunResult, GateResponse {
    Outcome outcome();
}
