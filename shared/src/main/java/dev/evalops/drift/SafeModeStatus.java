package dev.evalops.drift;

import dev.evalops.flags.Flag;
import dev.evalops.safemode.SafeModeState;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The flag as it stands after the action: parameter name, accepted version, value. */
@RegisterForReflection
public record SafeModeStatus(String parameter, long version, SafeModeState state) {
    static SafeModeStatus of(String parameter, Flag<SafeModeState> flag) {
        return new SafeModeStatus(parameter, flag.version(), flag.value());
    }
}
