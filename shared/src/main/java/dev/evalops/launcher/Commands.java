package dev.evalops.launcher;

import java.util.List;
import java.util.Optional;

/** Every {@code ./evalops} command. The function each one runs in is listed in the repo-root {@code evalops.commands}. */
public final class Commands {
    static final List<LauncherCommand> ALL = List.of(
            new InvokeCommand(),
            new dev.evalops.router.sample.SampleRouterCommand(),
            new dev.evalops.smoke.SmokeCommand(),
            new dev.evalops.smoke.GateCommand(),
            new dev.evalops.golden.GoldenEvalCommand(),
            new dev.evalops.golden.GoldenPromoteCommand(),
            new dev.evalops.golden.DemoCommand(),
            new dev.evalops.rollup.RollupCommand(),
            new dev.evalops.turns.GenerateCommand(),
            new SafeModeCommand(),
            new DriftCommand());

    private Commands() {
    }

    static Optional<LauncherCommand> find(String name) {
        return ALL.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
