package dev.evalops.infra;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What varies between deployments, read from CDK context ({@code -c key=value}): see README "Deploy".
 *
 * @param env            {@code prod} or {@code staging} (any short lower-case name works; only prod is protected)
 * @param org            first word of the bucket name {@code <org>-mw-analytics-<env>}
 * @param existingBucket use this analytics bucket instead of creating one
 * @param routerUrl      the router endpoint the smoke and golden evals call
 * @param alarmEmail     subscribed to the alarm topic
 * @param routerKeyKmsKeyArn customer managed key of the router key SecureString (the AWS managed key needs no grant)
 * @param functionsDir   folder holding {@code <function>/pom.xml} and {@code <function>/target/function.zip}
 * @param evalRunsRetentionDays age at which eval runs expire
 */
public record StackSettings(String env, String org, Optional<String> existingBucket, Optional<String> routerUrl,
        Optional<String> alarmEmail, Optional<String> routerKeyKmsKeyArn, Path functionsDir, int evalRunsRetentionDays) {
    private static final Pattern ENV = Pattern.compile("[a-z][a-z0-9]{1,15}");
    private static final Pattern ORG = Pattern.compile("[a-z0-9][a-z0-9-]{0,30}");
    static final int DEFAULT_RETENTION_DAYS = 730;

    public StackSettings {
        if (env == null || !ENV.matcher(env).matches()) {
            throw new IllegalArgumentException("pass the environment as -c env=prod or -c env=staging (lower-case letters/digits), got: " + env);
        }
        if (org == null || !ORG.matcher(org).matches()) {
            throw new IllegalArgumentException("pass your organisation as -c org=<name> (lower-case, for the bucket <org>-mw-analytics-" + env
                    + "), got: " + org);
        }
        routerUrl.filter(u -> !u.startsWith("https://") && !u.startsWith("http://")).ifPresent(u -> {
            throw new IllegalArgumentException("-c routerUrl must be an http(s) URL, got: " + u);
        });
        if (evalRunsRetentionDays < 1) {
            throw new IllegalArgumentException("-c evalRunsRetentionDays must be a positive number of days, got: " + evalRunsRetentionDays);
        }
    }

    /** Reads the settings through {@code context} (the CDK app's {@code node.tryGetContext}). */
    public static StackSettings fromContext(Function<String, Object> context, Path repoRoot) {
        Function<String, Optional<String>> text = key -> Optional.ofNullable(context.apply(key)).map(Object::toString)
                .map(String::trim).filter(s -> !s.isEmpty());
        int retention;
        try {
            retention = text.apply("evalRunsRetentionDays").map(Integer::parseInt).orElse(DEFAULT_RETENTION_DAYS);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-c evalRunsRetentionDays must be a number of days: " + e.getMessage(), e);
        }
        return new StackSettings(text.apply("env").orElse(null), text.apply("org").orElse(null), text.apply("existingBucket"),
                text.apply("routerUrl"), text.apply("alarmEmail"), text.apply("routerKeyKmsKeyArn"),
                text.apply("functionsDir").map(Path::of).orElse(repoRoot.resolve("functions")).toAbsolutePath().normalize(), retention);
    }

    public boolean production() {
        return env.equals("prod");
    }

    public String stackName() {
        return "EvalOps-" + env;
    }

    public String bucketName() {
        return existingBucket.orElse(org + "-mw-analytics-" + env);
    }
}
