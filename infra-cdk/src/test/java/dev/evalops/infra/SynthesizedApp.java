package dev.evalops.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.evalops.catalogue.FunctionCatalogue;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudAssembly;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

/**
 * The one app every CDK test class reads (a synth costs seconds): prod with all four functions (drift-response as
 * a native x86_64 build, the others JVM), and staging on an imported bucket with only the two modules that would
 * have landed first, in an explicit account and region.
 */
final class SynthesizedApp {
    static final String ROUTER_URL = "https://router.internal.example/route";
    static final String EMAIL = "oncall@example.com";
    static final String STAGING_BUCKET = "legacy-analytics-staging";

    private static SynthesizedApp instance;

    final EvalOpsStack prodStack;
    final EvalOpsStack stagingStack;
    final CloudAssembly assembly;
    final Template prod;
    final Template staging;
    final Path outdir;

    private SynthesizedApp() throws IOException {
        Path prodFunctions = Files.createTempDirectory("evalops-cdk-prod-fns");
        StandIns.module(prodFunctions, FunctionCatalogue.SMOKE_EVAL, StandIns.Kind.JVM);
        StandIns.module(prodFunctions, FunctionCatalogue.GOLDEN_SET_EVAL, StandIns.Kind.JVM);
        StandIns.module(prodFunctions, FunctionCatalogue.WEEKLY_ROLLUP, StandIns.Kind.JVM);
        StandIns.module(prodFunctions, FunctionCatalogue.DRIFT_RESPONSE, StandIns.Kind.NATIVE_X86_64);
        Path stagingFunctions = Files.createTempDirectory("evalops-cdk-staging-fns");
        StandIns.module(stagingFunctions, FunctionCatalogue.SMOKE_EVAL, StandIns.Kind.JVM);
        StandIns.module(stagingFunctions, FunctionCatalogue.WEEKLY_ROLLUP, StandIns.Kind.JVM);

        Path out = Files.createTempDirectory("evalops-cdk-out");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.of(prodFunctions, stagingFunctions, out).forEach(SynthesizedApp::delete)));
        App app = EvalOpsApp.newApp(out.toString());
        prodStack = new EvalOpsStack(app, new StackSettings("prod", "acme", Optional.empty(), Optional.of(ROUTER_URL), Optional.of(EMAIL),
                Optional.empty(), prodFunctions, 400), null);
        stagingStack = new EvalOpsStack(app, new StackSettings("staging", "acme", Optional.of(STAGING_BUCKET), Optional.of(ROUTER_URL),
                Optional.empty(), Optional.of("arn:aws:kms:eu-west-1:123456789012:key/router-key"), stagingFunctions,
                StackSettings.DEFAULT_RETENTION_DAYS),
                StackProps.builder().env(Environment.builder().account("123456789012").region("eu-west-1").build()).build());
        assembly = app.synth();
        outdir = Path.of(assembly.getDirectory());
        prod = Template.fromJSON(template("EvalOps-prod"));
        staging = Template.fromJSON(template("EvalOps-staging"));
    }

    static synchronized SynthesizedApp get() {
        if (instance == null) {
            try {
                instance = new SynthesizedApp();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    private static void delete(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> template(String stackName) {
        return (Map<String, Object>) artifact(stackName).getTemplate();
    }

    CloudFormationStackArtifact artifact(String stackName) {
        return assembly.getStackByName(stackName);
    }

    List<String> stackNames() {
        return assembly.getStacks().stream().map(CloudFormationStackArtifact::getStackName).toList();
    }
}
