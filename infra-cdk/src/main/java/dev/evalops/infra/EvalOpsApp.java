package dev.evalops.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.evalops.catalogue.FunctionCatalogue;
import dev.evalops.catalogue.FunctionSpec;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app: {@code infra-cdk/cdk synth|deploy -c env=prod|staging -c org=<org> [...]} builds the one stack of
 * that environment, with cdk-nag's AWS Solutions checks applied (a finding without a reasoned suppression fails
 * the synth).
 */
public final class EvalOpsApp {
    /**
     * Feature flags this app relies on, set in code so the unit tests synthesize exactly what the CLI does.
     * Access logs are delivered under a bucket policy (ACLs stay disabled on the log bucket); each alarm that
     * invokes drift-response gets its own Lambda permission (without the flag the second alarm's collides).
     */
    static final Map<String, Object> CONTEXT = Map.of(
            "@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy", true,
            "@aws-cdk/aws-cloudwatch-actions:changeLambdaPermissionLogicalIdForLambdaAction", true);

    private EvalOpsApp() {
    }

    /**
     * An app with {@link #CONTEXT}, plus the cdk-nag AWS Solutions checks on everything in it.
     *
     * @param outdir where to write the cloud assembly; null for the CLI's (CDK_OUTDIR)
     */
    static App newApp(String outdir) {
        App app = App.Builder.create().context(CONTEXT).outdir(outdir).build();
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        return app;
    }

    public static void main(String[] args) {
        App app = newApp(null);
        StackSettings settings;
        try {
            settings = StackSettings.fromContext(app.getNode()::tryGetContext, repoRoot());
        } catch (IllegalArgumentException e) {
            System.err.println("evalops cdk: " + e.getMessage());
            System.exit(2);
            return;
        }
        Environment env = Environment.builder()
                .account(System.getenv("CDK_DEFAULT_ACCOUNT"))
                .region(System.getenv("CDK_DEFAULT_REGION"))
                .build();
        EvalOpsStack stack = new EvalOpsStack(app, settings, StackProps.builder().env(env).build());
        List<String> absent = FunctionCatalogue.ALL.stream().map(FunctionSpec::name).filter(n -> !stack.functions().containsKey(n)).toList();
        // Which build each function got, so a stale JVM zip left by a failed native build is seen before deploying.
        List<String> deployed = stack.functions().values().stream().map(f -> f.spec().name() + " (" + f.runtimeSummary() + ")").toList();
        System.err.println("evalops cdk: " + settings.stackName() + " deploys " + (deployed.isEmpty() ? "no function" : String.join(", ", deployed))
                + (absent.isEmpty() ? "" : "; not in " + settings.functionsDir() + " yet: " + String.join(", ", absent)));
        app.synth();
    }

    /** The repository root: where cdk runs this app from infra-cdk/, or the working directory's nearest parent with functions/. */
    static Path repoRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("functions")) && Files.isDirectory(dir.resolve("infra-cdk"))) {
                return dir;
            }
        }
        throw new IllegalStateException("run the CDK app from the EvalOps repository (infra-cdk/cdk synth ...)");
    }
}
