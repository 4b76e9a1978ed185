package dev.evalops.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.evalops.catalogue.Access;
import dev.evalops.catalogue.FunctionSpec;
import dev.evalops.catalogue.Needs;
import dev.evalops.metrics.MetricNames;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.destinations.SqsDestination;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * One catalogue function: its role (exactly the {@link Needs} of its spec, nothing from a managed policy), its
 * log group, the function from its built zip (native or JVM) and the alias {@value #ALIAS} that everything
 * invokes. On the JVM the alias points at a published version, which is what SnapStart snapshots.
 */
public final class EvalFunction extends Construct {
    static final String ALIAS = "live";
    static final String JVM_HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    /** provided.al2023 runs {@code bootstrap}; the handler field is required but unused. */
    static final String NATIVE_HANDLER = "not.used.in.provided.runtime";
    /** A run that threw is tried once more (a transient AWS error); bad input and red runs return normally. */
    static final int ASYNC_RETRIES = 1;
    static final Duration MAX_EVENT_AGE = Duration.hours(2);

    /**
     * @param environment    variables beyond the common ones (router URL, invoked functions' names)
     * @param invokes        the already-built functions this one may invoke, by catalogue name
     */
    public record Props(FunctionSpec spec, FunctionPackage pkg, StackSettings settings, AnalyticsBucket bucket, FlagParameters flags,
            IQueue deadLetters, Map<String, String> environment, Map<String, EvalFunction> invokes) {
    }

    private final FunctionSpec spec;
    private final FunctionPackage pkg;
    private final Function function;
    private final Alias live;
    private final Role role;

    public EvalFunction(Construct scope, String id, Props props) {
        super(scope, id);
        this.spec = props.spec();
        this.pkg = props.pkg();
        StackSettings settings = props.settings();
        String name = spec.functionName(settings.env());

        role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("EvalOps " + spec.name() + " (" + settings.env() + "): only its own prefixes, parameters and metrics")
                .build();
        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/aws/lambda/" + name)
                .retention(settings.production() ? RetentionDays.THREE_MONTHS : RetentionDays.ONE_MONTH)
                .removalPolicy(settings.production() ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)
                .build();
        logs.grantWrite(role);

        Map<String, String> env = new LinkedHashMap<>();
        env.put("EVALOPS_ENV", settings.env());
        env.put("EVALOPS_ARTIFACTS_S3_EXPORT", "true");
        env.put("EVALOPS_ARTIFACTS_BUCKET", props.bucket().bucket().getBucketName());
        env.put("EVALOPS_FLAGS_BACKEND", "ssm");
        env.put("EVALOPS_METRICS_BACKEND", "cloudwatch");
        env.putAll(props.environment());
        if (pkg.nativeImage()) {
            // What Quarkus' generated sam.native.yaml sets: the runtime, not the JVM, owns the signals.
            env.put("DISABLE_SIGNAL_HANDLERS", "true");
        }

        function = Function.Builder.create(this, "Function")
                .functionName(name)
                .description(spec.description())
                .runtime(pkg.nativeImage() ? Runtime.PROVIDED_AL2023 : Runtime.JAVA_21)
                .architecture(pkg.architecture())
                .handler(pkg.nativeImage() ? NATIVE_HANDLER : JVM_HANDLER)
                .code(Code.fromAsset(pkg.zip().toString()))
                .memorySize(spec.memoryMb())
                .timeout(Duration.seconds(spec.timeout().toSeconds()))
                .reservedConcurrentExecutions(spec.reservedConcurrency().isPresent() ? spec.reservedConcurrency().getAsInt() : null)
                .snapStart(pkg.nativeImage() ? null : SnapStartConf.ON_PUBLISHED_VERSIONS)
                .role(role)
                .logGroup(logs)
                .environment(env)
                .build();
        live = Alias.Builder.create(this, "Live")
                .aliasName(ALIAS)
                .version(function.getCurrentVersion())
                .retryAttempts(ASYNC_RETRIES)
                .maxEventAge(MAX_EVENT_AGE)
                .onFailure(new SqsDestination(props.deadLetters()))
                .build();

        grant(props);
        suppressFindings(props, pkg);
    }

    private void grant(Props props) {
        Needs needs = spec.needs();
        // S3 answers a GET/HEAD of a missing key with 403 instead of 404 unless the caller may list the bucket,
        // and the functions probe optional keys (pointers, a suite override). Listing shows key names only;
        // object access stays per prefix below.
        role.addToPolicy(PolicyStatement.Builder.create().actions(List.of("s3:ListBucket"))
                .resources(List.of(props.bucket().bucket().getBucketArn())).build());
        for (Needs.Grant g : needs.objects()) {
            List<String> objects = List.of(props.bucket().objectsArn(g.name()));
            role.addToPolicy(PolicyStatement.Builder.create().actions(List.of("s3:GetObject")).resources(objects).build());
            switch (g.access()) {
                case READ -> {
                }
                // Delete: an aborted run removes what it had already put (no half-written runs).
                case READ_WRITE -> role.addToPolicy(PolicyStatement.Builder.create().actions(List.of("s3:PutObject", "s3:DeleteObject"))
                        .resources(objects).build());
                // Audit entries: only a put that cannot overwrite (If-None-Match: *), and no delete.
                case WRITE_ONCE -> role.addToPolicy(PolicyStatement.Builder.create().actions(List.of("s3:PutObject")).resources(objects)
                        .conditions(Map.of("Null", Map.of("s3:if-none-match", "false"))).build());
            }
        }
        for (Needs.Grant g : needs.parameters()) {
            var parameter = props.flags().get(g.name());
            parameter.grantRead(role);
            if (g.access() == Access.READ_WRITE) {
                parameter.grantWrite(role);
            }
        }
        if (needs.usesRouter()) {
            props.settings().routerKeyKmsKeyArn().ifPresent(key -> role.addToPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("kms:Decrypt")).resources(List.of(key))
                    .conditions(Map.of("StringEquals", Map.of("kms:ViaService", "ssm." + Stack.of(this).getRegion() + ".amazonaws.com")))
                    .build()));
        }
        for (Needs.Invoke i : needs.invokes()) {
            props.invokes().get(i.function()).live().grantInvoke(role);
        }
        if (needs.readsAlarms()) {
            role.addToPolicy(PolicyStatement.Builder.create().actions(List.of("cloudwatch:DescribeAlarms"))
                    .resources(List.of(alarmsArn(props.settings().env()))).build());
        }
        // PutMetricData has no resource-level permissions: the namespace condition is the fence.
        role.addToPolicy(PolicyStatement.Builder.create().actions(List.of("cloudwatch:PutMetricData"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("cloudwatch:namespace", MetricNames.NAMESPACE)))
                .build());
    }

    /** Every EvalOps alarm of the environment: {@code evalops-<env>-*}. */
    private String alarmsArn(String env) {
        return Stack.of(this).formatArn(ArnComponents.builder().service("cloudwatch").resource("alarm")
                .resourceName("evalops-" + env + "-*").arnFormat(ArnFormat.COLON_RESOURCE_NAME).build());
    }

    private void suppressFindings(Props props, FunctionPackage pkg) {
        List<NagPackSuppression> roleFindings = new ArrayList<>();
        // The bucket is either this stack's (<Logical.Arn>) or imported by name (arn:<AWS::Partition>:s3:::name).
        List<Object> prefixes = new ArrayList<>();
        spec.needs().objects().forEach(g -> prefixes.add(RegexAppliesTo.builder()
                .regex("/^Resource::(<[A-Za-z0-9]+\\.Arn>|arn:<AWS::Partition>:s3:::[a-z0-9.-]+)\\/" + regexEscape(g.name()) + "\\*$/g")
                .build()));
        if (!prefixes.isEmpty()) {
            roleFindings.add(NagPackSuppression.builder().id("AwsSolutions-IAM5")
                    .reason("Object access is scoped to this function's own key prefixes (<prefix>/*) from the catalogue; runs create new keys.")
                    .appliesTo(prefixes).build());
        }
        roleFindings.add(NagPackSuppression.builder().id("AwsSolutions-IAM5")
                .reason("cloudwatch:PutMetricData has no resource-level permissions; the cloudwatch:namespace = EvalOps condition fences it.")
                .appliesTo(List.of("Resource::*")).build());
        if (spec.needs().readsAlarms()) {
            roleFindings.add(NagPackSuppression.builder().id("AwsSolutions-IAM5")
                    .reason("DescribeAlarms is limited to this environment's EvalOps alarms (evalops-<env>-*), whose names the catalogue owns.")
                    .appliesTo(List.of(RegexAppliesTo.builder().regex("/^Resource::arn:<AWS::Partition>:cloudwatch:(<AWS::Region>|[a-z0-9-]+):"
                            + "(<AWS::AccountId>|[0-9]+):alarm:evalops-" + props.settings().env() + "-\\*$/g").build()))
                    .build());
        }
        NagSuppressions.addResourceSuppressions(role, roleFindings, true);
        if (!pkg.nativeImage()) {
            NagSuppressions.addResourceSuppressions(function, List.of(NagPackSuppression.builder().id("AwsSolutions-L1")
                    .reason("The functions are compiled for Java 21 (the project's maven.compiler.release); moving to java25 is a "
                            + "deliberate build and test change, not a runtime switch.")
                    .build()));
            // CDK cannot see that the live alias publishes a version; it does, on every code or configuration change.
            Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                    "the live alias points at function.currentVersion, a published version");
        }
    }

    private static String regexEscape(String literal) {
        return literal.replace(".", "\\.").replace("/", "\\/");
    }

    public FunctionSpec spec() {
        return spec;
    }

    /** e.g. {@code native provided.al2023 x86_64} or {@code jvm java21 arm64 SnapStart}. */
    public String runtimeSummary() {
        return pkg.nativeImage() ? "native provided.al2023 " + pkg.architecture().getName()
                : "jvm java21 " + pkg.architecture().getName() + " SnapStart";
    }

    public Function function() {
        return function;
    }

    /** What schedules, alarms and other functions invoke. */
    public Alias live() {
        return live;
    }

}
