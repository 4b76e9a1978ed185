package dev.evalops.launcher;

import java.util.List;

/** One {@code ./evalops <command>}: turns command-line arguments into an {@link Invocation}. */
public interface LauncherCommand {
    String name();

    /** One-line synopsis for {@code --help}. */
    String usage();

    /** @throws dev.evalops.core.BadInputException on bad usage (exit code 2) */
    Invocation prepare(List<String> args);
}
