package dev.evalops.launcher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.evalops.core.BadInputException;

/**
 * {@code --name value} and {@code --flag} options plus positional words, checked against what the command
 * accepts so a typo is an error, not a silently ignored option.
 */
public final class LauncherArgs {
    private final String command;
    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    private LauncherArgs(String command) {
        this.command = command;
    }

    /**
     * @param valued  options that take a value
     * @param flags   options that take none
     */
    public static LauncherArgs parse(String command, List<String> args, Set<String> valued, Set<String> flags) {
        LauncherArgs parsed = new LauncherArgs(command);
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
                String name = a.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flags.contains(name) && value == null) {
                    parsed.options.put(name, "true");
                } else if (valued.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new BadInputException(command + ": option --" + name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    parsed.options.put(name, value);
                } else {
                    throw new BadInputException(command + ": unknown option --" + name + " (known: "
                            + String.join(", ", union(valued, flags)) + ")");
                }
            } else {
                parsed.positional.add(a);
            }
        }
        return parsed;
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public String required(String name) {
        return option(name).orElseThrow(() -> new BadInputException(command + ": option --" + name + " is required"));
    }

    public boolean flag(String name) {
        return options.containsKey(name);
    }

    /** A numeric option, e.g. {@code number("days", 7, Integer::valueOf)}; a value that does not parse is bad usage. */
    public <T extends Number> T number(String name, T fallback, java.util.function.Function<String, T> parse) {
        String v = options.get(name);
        try {
            return v == null ? fallback : parse.apply(v);
        } catch (NumberFormatException e) {
            throw new BadInputException(command + ": option --" + name + " must be a number, got '" + v + "'");
        }
    }

    public List<String> positional() {
        return List.copyOf(positional);
    }

    /**
     * Config overrides for an output location: a folder means S3 export off with that folder as the data
     * root; {@code s3://bucket} means S3 export on into that bucket.
     */
    public static Map<String, String> outputConfig(String out) {
        if (out.startsWith("s3://")) {
            String bucket = out.substring(5).replaceAll("/.*$", "");
            if (!out.substring(5).equals(bucket) && !out.substring(5).equals(bucket + "/")) {
                throw new BadInputException("--out s3://... must name a bucket only (runs go under eval_runs/): " + out);
            }
            return Map.of("evalops.artifacts.s3-export", "true", "evalops.artifacts.bucket", bucket);
        }
        return Map.of("evalops.artifacts.s3-export", "false", "evalops.artifacts.local-root", java.nio.file.Path.of(out).toAbsolutePath().toString());
    }

    private static List<String> union(Set<String> a, Set<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        all.sort(null);
        return all.stream().map(s -> "--" + s).toList();
    }
}
