package dev.evalops.release;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.evalops.artifacts.ArtifactStore;
import dev.evalops.artifacts.DecisionLog;
import dev.evalops.core.BadInputException;
import dev.evalops.flags.Flag;
import dev.evalops.flags.FlagStore;

/**
 * The release gate's rules, applied with {@link FlagStore#update} so that a person blocking the gate while a
 * smoke run finishes cannot be overwritten: every decision is re-made on the value actually current.
 * <ul>
 * <li>a red smoke run blocks an open gate, or renews its own block with the latest failing cases;</li>
 * <li>a green smoke run re-opens the gate only if the smoke eval closed it;</li>
 * <li>a person's block is never touched by the smoke eval; only a person opens it.</li>
 * </ul>
 */
@ApplicationScoped
public class ReleaseGates {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FlagStore flags;
    private final ArtifactStore audit;
    private final Clock clock;

    /** @param audit where every change is recorded, write-once, under {@code decision_log/} */
    public ReleaseGates(FlagStore flags, ArtifactStore audit, Clock clock) {
        this.flags = flags;
        this.audit = audit;
        this.clock = clock;
    }

    public String parameter() {
        return flags.parameterName(ReleaseGate.FLAG);
    }

    /** The gate as it stands; empty when the parameter does not exist (pipelines must treat that as blocked). */
    public Optional<ReleaseGate> status() {
        return flags.read(ReleaseGate.FLAG, ReleaseGate.class).map(Flag::value);
    }

    /** The verdict of a smoke run (not a dry run). */
    public GateChange afterSmokeRun(String runId, boolean green, List<String> failedCases, String reason) {
        return apply(current -> {
            if (green) {
                return current.filter(ReleaseGate::blockedBySmokeEval)
                        .map(g -> new Decision(GateChange.Action.REOPENED,
                                gate(ReleaseGate.State.OPEN, "smoke run " + runId + " green", runId, ReleaseGate.SMOKE_EVAL, List.of())));
            }
            if (current.isPresent() && current.get().blocked() && !current.get().blockedBySmokeEval()) {
                return Optional.empty();
            }
            GateChange.Action action = current.map(ReleaseGate::blockedBySmokeEval).orElse(false)
                    ? GateChange.Action.BLOCK_RENEWED : GateChange.Action.BLOCKED;
            return Optional.of(new Decision(action,
                    gate(ReleaseGate.State.BLOCKED, "smoke run " + runId + " red: " + reason, runId, ReleaseGate.SMOKE_EVAL, failedCases)));
        });
    }

    /** A person (or a pipeline acting for one) blocks releases; the smoke eval will not re-open this block. */
    public GateChange block(String by, String reason) {
        requirePerson(by, reason);
        return apply(current -> Optional.of(new Decision(GateChange.Action.BLOCKED,
                gate(ReleaseGate.State.BLOCKED, reason, null, by, List.of()))));
    }

    /** A person opens the gate, whoever closed it. Opening an open gate changes nothing. */
    public GateChange open(String by, String reason) {
        requirePerson(by, reason);
        return apply(current -> current.filter(ReleaseGate::blocked).map(g -> new Decision(GateChange.Action.OPENED,
                gate(ReleaseGate.State.OPEN, reason, null, by, List.of()))));
    }

    private GateChange apply(Function<Optional<ReleaseGate>, Optional<Decision>> rule) {
        FlagStore.Decided<ReleaseGate, Optional<Decision>> d = flags.decide(ReleaseGate.FLAG, ReleaseGate.class, rule,
                decision -> decision.map(Decision::gate));
        GateChange.Action action = d.decision().map(Decision::action).orElse(GateChange.Action.UNCHANGED);
        GateChange change = new GateChange(action, d.before().orElse(null), d.after().value(), d.after().version(), parameter());
        if (change.changed()) {
            record(change);
        }
        return change;
    }

    /** {@code decision_log/<date>/<timestamp>-gate-<action>-<id>.json}: who moved the gate, from what, to what. */
    private void record(GateChange change) {
        Instant at = change.after().at() == null ? clock.instant() : change.after().at();
        String id = change.after().runId();
        if (id == null) {
            byte[] suffix = new byte[2];
            RANDOM.nextBytes(suffix);
            id = HexFormat.of().formatHex(suffix);
        }
        new DecisionLog(audit).write(at, "gate-" + change.action().name().toLowerCase(Locale.ROOT).replace('_', '-'), id, change);
    }

    private ReleaseGate gate(ReleaseGate.State state, String reason, String runId, String by, List<String> failed) {
        return new ReleaseGate(state, reason, runId, by, failed, clock.instant());
    }

    /** What a rule wants: the action to report and the value to write. */
    private record Decision(GateChange.Action action, ReleaseGate gate) {
    }

    private static void requirePerson(String by, String reason) {
        if (by == null || by.isBlank()) {
            throw new BadInputException("release gate: field 'by' is required (who is acting)");
        }
        if (ReleaseGate.SMOKE_EVAL.equals(by.trim())) {
            throw new BadInputException("release gate: 'by' must name a person, not '" + ReleaseGate.SMOKE_EVAL
                    + "' (that name marks blocks the smoke eval may lift)");
        }
        if (reason == null || reason.isBlank()) {
            throw new BadInputException("release gate: field 'reason' is required");
        }
    }
}
