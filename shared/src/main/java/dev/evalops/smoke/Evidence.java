package dev.evalops.smoke;

import java.util.List;

import dev.evalops.router.RouterOutcome;

/**
 * What one attempt of a case produced, for its assertions to judge.
 *
 * @param answers   the samples that got an answer (at least one; failed calls are judged by the runner)
 * @param ticketPii the ticket's PII spans as the sanitizer finds them
 */
record Evidence(List<RouterOutcome.Answered> answers, SafeModeState safeMode, List<String> ticketPii) {
}
