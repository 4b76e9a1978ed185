package dev.evalops.smoke;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.evalops.artifacts.Inputs;

/**
 * Which suite runs: the one the trigger names, else the override at {@code evalops.smoke.suite-key} under the
 * data root when it exists, else the default bundled in the function ({@value #BUNDLED}).
 */
@ApplicationScoped
public class SuiteLoader {
    static final String BUNDLED = "smoke/suite.json";

    private final Inputs inputs;
    private final SmokeConfig config;

    public SuiteLoader(Inputs inputs, SmokeConfig config) {
        this.inputs = inputs;
        this.config = config;
    }

    public SmokeSuite load(Optional<String> location) {
        SuiteParser parser = new SuiteParser();
        if (location.isPresent()) {
            String resolved = inputs.resolve(location.get());
            return parser.parse(inputs.readText(resolved), resolved);
        }
        if (inputs.exists(config.suiteKey())) {
            String resolved = inputs.resolve(config.suiteKey());
            return parser.parse(inputs.readText(resolved), resolved);
        }
        return parser.parse(bundled(), "classpath:" + BUNDLED);
    }

    static String bundled() {
        try (InputStream in = SuiteLoader.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the bundled suite " + BUNDLED + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled suite " + BUNDLED, e);
        }
    }
}
