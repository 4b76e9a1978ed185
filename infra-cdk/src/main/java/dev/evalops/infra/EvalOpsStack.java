package dev.evalops.infra;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.evalops.catalogue.FunctionCatalogue;
import dev.evalops.catalogue.FunctionSpec;
import dev.evalops.catalogue.Needs;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * Everything one environment needs: {@code EvalOps-<env>}. The functions are the catalogue's, each deployed
 * once its module and zip exist ({@link FunctionPackage#resolve}); the rest does not depend on them.
 */
public final class EvalOpsStack extends Stack {
    private final Map<String, EvalFunction> functions = new LinkedHashMap<>();

    public EvalOpsStack(Construct scope, StackSettings settings, StackProps props) {
        super(scope, settings.stackName(), StackProps.builder()
                .env(props == null ? null : props.getEnv())
                .description("EvalOps " + settings.env() + ": evals, schedules, alarms and safe mode for the ticket router")
                .terminationProtection(settings.production())
                .build());
        Tags.of(this).add("project", "evalops");
        Tags.of(this).add("evalops:env", settings.env());

        AnalyticsBucket bucket = new AnalyticsBucket(this, "Analytics", settings);
        FlagParameters flags = new FlagParameters(this, "Flags", settings.env());
        Queue deadLetters = Queue.Builder.create(this, "DeadLetters")
                .queueName("evalops-" + settings.env() + "-dead-letters")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
        NagSuppressions.addResourceSuppressions(deadLetters, List.of(NagPackSuppression.builder().id("AwsSolutions-SQS3")
                .reason("This queue is the dead-letter queue of the schedules and of the functions' async invocations.").build()));

        Map<String, FunctionPackage> packages = FunctionPackage.resolve(settings.functionsDir(), FunctionCatalogue.ALL);
        for (FunctionSpec spec : FunctionCatalogue.ALL) {
            FunctionPackage pkg = packages.get(spec.name());
            if (pkg == null) {
                continue;
            }
            Map<String, String> environment = new LinkedHashMap<>();
            if (spec.needs().usesRouter()) {
                environment.put("EVALOPS_ROUTER_URL", settings.routerUrl().orElseThrow(() -> new IllegalArgumentException(
                        spec.name() + " calls the router: pass its endpoint as -c routerUrl=https://...")));
                // The local default is no key (the sample router); in AWS the bearer key comes from the SecureString.
                environment.put("EVALOPS_ROUTER_API_KEY_SOURCE", "ssm");
            }
            for (Needs.Invoke i : spec.needs().invokes()) {
                // Functions are built in catalogue order and FunctionPackage.resolve checked the callee is deployed.
                environment.put(i.envVar(), functions.get(i.function()).live().getFunctionArn());
            }
            functions.put(spec.name(), new EvalFunction(this, spec.name(), new EvalFunction.Props(spec, pkg, settings, bucket, flags,
                    deadLetters, environment, Map.copyOf(functions))));
        }
        List<EvalFunction> deployed = new ArrayList<>(functions.values());

        new Schedules(this, "Schedules", settings.env(), deployed, deadLetters);
        EvalOpsAlarms alarms = new EvalOpsAlarms(this, "Alarms", settings, deployed,
                Optional.ofNullable(functions.get(FunctionCatalogue.DRIFT_RESPONSE)), deadLetters);
        new EvalOpsDashboard(this, "Dashboard", settings.env(), alarms.alarms());

        CfnOutput.Builder.create(this, "AnalyticsBucketName").value(bucket.bucket().getBucketName()).build();
        CfnOutput.Builder.create(this, "AlarmTopicArn").value(alarms.topic().getTopicArn()).build();
        CfnOutput.Builder.create(this, "DeadLetterQueueUrl").value(deadLetters.getQueueUrl()).build();
        deployed.forEach(fn -> CfnOutput.Builder.create(this, fn.spec().name().replace("-", "") + "Alias")
                .description(fn.spec().name() + ": invoke this (the live alias)")
                .value(fn.live().getFunctionArn()).build());
    }

    /** The deployed functions by catalogue name, in catalogue order. */
    public Map<String, EvalFunction> functions() {
        return Collections.unmodifiableMap(functions);
    }
}
