package dev.evalops.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.evalops.catalogue.AlarmCatalogue;
import dev.evalops.catalogue.AlarmSpec;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * Every resource and policy of the synthesized stacks, property by property. Expected values are written out
 * here (from the issue and CONTRACTS), not derived from the catalogue, so a catalogue edit that widens a grant
 * or moves a schedule fails a test.
 */
class EvalOpsStackTest {
    private static final String PARAM_ARN = "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter";
    private static SynthesizedApp app;
    private static Template prod;
    private static TemplateView view;
    private static TemplateView staging;

    @BeforeAll
    static void synth() {
        app = SynthesizedApp.get();
        prod = app.prod;
        view = new TemplateView(app.template("EvalOps-prod"));
        staging = new TemplateView(app.template("EvalOps-staging"));
    }

    // ---- analytics bucket -------------------------------------------------------------------------------

    @Test
    void theAnalyticsBucketIsEncryptedPrivateVersionedLoggedAndRetained() {
        prod.resourceCountIs("AWS::S3::Bucket", 2);
        prod.hasResource("AWS::S3::Bucket", Map.of(
                "DeletionPolicy", "Retain",
                "UpdateReplacePolicy", "Retain",
                "Properties", Map.of(
                        "BucketName", "acme-mw-analytics-prod",
                        "BucketEncryption", Map.of("ServerSideEncryptionConfiguration",
                                List.of(Map.of("ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
                        "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                                "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                        "VersioningConfiguration", Map.of("Status", "Enabled"),
                        "OwnershipControls", Map.of("Rules", List.of(Map.of("ObjectOwnership", "BucketOwnerEnforced"))),
                        "LoggingConfiguration", Map.of("DestinationBucketName", Map.of("Ref", logical("AWS::S3::Bucket", "BucketName",
                                "acme-mw-analytics-prod-access-logs")), "LogFilePrefix", "analytics/"),
                        "LifecycleConfiguration", Map.of("Rules", Match.exact(List.of(
                                Map.of("Id", "eval-runs-retention", "Prefix", "eval_runs/", "ExpirationInDays", 400, "Status", "Enabled"),
                                Map.of("Id", "noncurrent-versions-and-uploads", "NoncurrentVersionExpiration", Map.of("NoncurrentDays", 30),
                                        "AbortIncompleteMultipartUpload", Map.of("DaysAfterInitiation", 7), "Status", "Enabled")))))));
    }

    @Test
    void bothBucketsRefuseRequestsWithoutTls() {
        for (String bucket : List.of("acme-mw-analytics-prod", "acme-mw-analytics-prod-access-logs")) {
            String id = logical("AWS::S3::Bucket", "BucketName", bucket);
            String policy = view.find("AWS::S3::BucketPolicy", "Bucket", "${" + TemplateView.strip(id) + "}");
            assertThat(TemplateView.render(view.properties(policy).get("PolicyDocument"))).contains(
                    "{Action=s3:*, Condition={Bool={aws:SecureTransport=false}}, Effect=Deny, Principal={AWS=*}, Resource=[${"
                            + TemplateView.strip(id) + ".Arn}, ${" + TemplateView.strip(id) + ".Arn}/*]}");
        }
    }

    @Test
    void accessLogsAreDeliveredByBucketPolicyAndExpire() {
        prod.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "BucketName", "acme-mw-analytics-prod-access-logs",
                "BucketEncryption", Map.of("ServerSideEncryptionConfiguration",
                        List.of(Map.of("ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "LifecycleConfiguration", Map.of("Rules", List.of(Map.of("Id", "expire-access-logs", "ExpirationInDays", 365, "Status", "Enabled")))));
        String logs = TemplateView.strip(logical("AWS::S3::Bucket", "BucketName", "acme-mw-analytics-prod-access-logs"));
        String policy = view.find("AWS::S3::BucketPolicy", "Bucket", "${" + logs + "}");
        assertThat(TemplateView.render(view.properties(policy).get("PolicyDocument"))).contains(
                "{Action=s3:PutObject, Condition={ArnLike={aws:SourceArn=${AnalyticsBucket.Arn}}, StringEquals={aws:SourceAccount=${AWS::AccountId}}}, "
                        + "Effect=Allow, Principal={Service=logging.s3.amazonaws.com}, Resource=${" + logs + ".Arn}/analytics/*}");
    }

    // ---- parameters -------------------------------------------------------------------------------------

    @Test
    void theFlagsStartWithTheirInitialValuesAndTheRouterKeyIsNeverCreated() {
        prod.resourceCountIs("AWS::SSM::Parameter", 2);
        prod.hasResourceProperties("AWS::SSM::Parameter", Map.of("Name", "/evalops/prod/safe-mode", "Type", "String", "Tier", "Standard",
                "Value", "{\"enabled\":false,\"reason\":\"initial\",\"set_by\":\"init\",\"alarms\":[],\"since\":null}"));
        prod.hasResourceProperties("AWS::SSM::Parameter", Map.of("Name", "/evalops/prod/release-gate", "Type", "String", "Tier", "Standard",
                "Value", "{\"state\":\"open\",\"reason\":\"initial\",\"run_id\":null,\"set_by\":\"init\"}"));
        assertThat(view.ids("AWS::SSM::Parameter")).noneMatch(id -> String.valueOf(view.properties(id).get("Name")).contains("router-api-key"));
    }

    // ---- functions --------------------------------------------------------------------------------------

    @Test
    void jvmFunctionsRunJava21OnArmWithSnapStartAndTheirSizes() {
        assertFunction("smoke-eval", "java21", "arm64", 512, 180, 1);
        assertFunction("golden-set-eval", "java21", "arm64", 1024, 900, 2);
        assertFunction("weekly-rollup", "java21", "arm64", 2048, 900, null);
        for (String fn : List.of("smoke-eval", "golden-set-eval", "weekly-rollup")) {
            Map<String, Object> p = view.properties(function(fn));
            assertThat(p.get("Handler")).isEqualTo("io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest");
            assertThat(p.get("SnapStart")).isEqualTo(Map.of("ApplyOn", "PublishedVersions"));
        }
    }

    @Test
    void aNativeBuildRunsOnProvidedAl2023WithoutSnapStart() {
        assertFunction("drift-response", "provided.al2023", "x86_64", 512, 300, null);
        Map<String, Object> p = view.properties(function("drift-response"));
        assertThat(p).doesNotContainKey("SnapStart");
        assertThat(p.get("Handler")).isEqualTo("not.used.in.provided.runtime");
        assertThat(app.prodStack.functions().get("drift-response").runtimeSummary()).isEqualTo("native provided.al2023 x86_64");
        assertThat(app.prodStack.functions().get("smoke-eval").runtimeSummary()).isEqualTo("jvm java21 arm64 SnapStart");
    }

    @Test
    void eachFunctionGetsExactlyItsConfiguration() {
        Map<String, String> common = Map.of("EVALOPS_ENV", "prod", "EVALOPS_ARTIFACTS_S3_EXPORT", "true",
                "EVALOPS_ARTIFACTS_BUCKET", "${AnalyticsBucket}", "EVALOPS_FLAGS_BACKEND", "ssm", "EVALOPS_METRICS_BACKEND", "cloudwatch");
        assertThat(environment(view, "smoke-eval")).isEqualTo(with(with(common, "EVALOPS_ROUTER_URL", SynthesizedApp.ROUTER_URL),
                "EVALOPS_ROUTER_API_KEY_SOURCE", "ssm"));
        assertThat(environment(view, "golden-set-eval")).isEqualTo(with(with(common, "EVALOPS_ROUTER_URL", SynthesizedApp.ROUTER_URL),
                "EVALOPS_ROUTER_API_KEY_SOURCE", "ssm"));
        assertThat(environment(view, "weekly-rollup")).isEqualTo(common);
        assertThat(environment(view, "drift-response")).isEqualTo(with(with(common, "EVALOPS_DRIFT_GOLDEN_FUNCTION", "${goldensetevalLive}"),
                "DISABLE_SIGNAL_HANDLERS", "true"));
    }

    @Test
    void eachFunctionLogsToItsOwnRetainedGroup() {
        prod.resourceCountIs("AWS::Logs::LogGroup", 4);
        for (String fn : List.of("smoke-eval", "golden-set-eval", "weekly-rollup", "drift-response")) {
            String logs = logical("AWS::Logs::LogGroup", "LogGroupName", "/aws/lambda/evalops-prod-" + fn);
            prod.hasResource("AWS::Logs::LogGroup", Map.of("DeletionPolicy", "Retain",
                    "Properties", Map.of("LogGroupName", "/aws/lambda/evalops-prod-" + fn, "RetentionInDays", 90)));
            assertThat(TemplateView.render(view.properties(function(fn)).get("LoggingConfig")))
                    .isEqualTo("{LogGroup=${" + TemplateView.strip(logs) + "}}");
        }
    }

    @Test
    void everythingInvokesTheLiveAliasOfAPublishedVersion() {
        prod.resourceCountIs("AWS::Lambda::Alias", 4);
        prod.resourceCountIs("AWS::Lambda::Version", 4);
        for (String fn : List.of("smoke-eval", "golden-set-eval", "weekly-rollup", "drift-response")) {
            String f = TemplateView.strip(function(fn));
            String alias = view.find("AWS::Lambda::Alias", "FunctionName", "${" + f + "}");
            assertThat(view.properties(alias).get("Name")).isEqualTo("live");
            String version = TemplateView.render(view.properties(alias).get("FunctionVersion"));
            assertThat(version).startsWith("${" + f.replace("Function", "FunctionCurrentVersion")).endsWith(".Version}");
            String config = view.find("AWS::Lambda::EventInvokeConfig", "FunctionName", "${" + f + "}");
            Map<String, Object> c = view.properties(config);
            assertThat(c.get("MaximumRetryAttempts")).isEqualTo(1);
            assertThat(c.get("MaximumEventAgeInSeconds")).isEqualTo(7200);
            assertThat(TemplateView.render(c.get("DestinationConfig"))).isEqualTo("{OnFailure={Destination=${DeadLetters.Arn}}}");
            assertThat(TemplateView.render(c.get("Qualifier"))).contains("${" + TemplateView.strip(alias) + "}");
        }
    }

    // ---- IAM --------------------------------------------------------------------------------------------

    @Test
    void rolesTrustOnlyLambdaAndCarryNoManagedPolicy() {
        prod.resourceCountIs("AWS::IAM::Role", 4);
        for (String role : view.ids("AWS::IAM::Role")) {
            Map<String, Object> p = view.properties(role);
            assertThat(p).doesNotContainKey("ManagedPolicyArns");
            assertThat(TemplateView.render(p.get("AssumeRolePolicyDocument")))
                    .isEqualTo("{Statement=[{Action=sts:AssumeRole, Effect=Allow, Principal={Service=lambda.amazonaws.com}}], Version=2012-10-17}");
        }
    }

    @Test
    void smokeEvalMayTouchOnlyItsPrefixesTheGateItsAuditAndTheRouterKey() {
        assertThat(permissions("smoke-eval")).isEqualTo(common("smokeeval", Set.of(
                "Allow s3:GetObject ${AnalyticsBucket.Arn}/smoke/*",
                "Allow s3:GetObject ${AnalyticsBucket.Arn}/eval_runs/smoke/*",
                "Allow s3:PutObject ${AnalyticsBucket.Arn}/eval_runs/smoke/*",
                "Allow s3:DeleteObject ${AnalyticsBucket.Arn}/eval_runs/smoke/*",
                "Allow s3:GetObject ${AnalyticsBucket.Arn}/decision_log/*",
                "Allow s3:PutObject ${AnalyticsBucket.Arn}/decision_log/* if {Null={s3:if-none-match=false}}"),
                readParameter(PARAM_ARN + "${FlagsReleaseGate}"),
                Set.of("Allow ssm:PutParameter " + PARAM_ARN + "${FlagsReleaseGate}"),
                readParameter(PARAM_ARN + "${FlagsSafeMode}"),
                readParameter(PARAM_ARN + "/evalops/prod/router-api-key")));
    }

    @Test
    void goldenSetEvalMayTouchOnlyTheGoldenSetItsRunsAndTheRouterKey() {
        assertThat(permissions("golden-set-eval")).isEqualTo(common("goldenseteval", Set.of(
                "Allow s3:GetObject ${AnalyticsBucket.Arn}/golden/*",
                "Allow s3:GetObject ${AnalyticsBucket.Arn}/eval_runs/golden/*",
                "Allow s3:PutObject ${AnalyticsBucket.Arn}/eval_runs/golden/*",
                "Allow s3:DeleteObject ${AnalyticsBucket.Arn}/eval_runs/golden/*"),
                readParameter(PARAM_ARN + "/evalops/prod/router-api-key")));
    }

    @Test
    void weeklyRollupMayReadTurnsAndWriteOnlyItsRuns() {
        assertThat(permissions("weekly-rollup")).isEqualTo(common("weeklyrollup", Set.of(
                "Allow s3:GetObject ${AnalyticsBucket.Arn}/turns/*",
                "Allow s3:GetObject ${AnalyticsBucket.Arn}/eval_runs/rollup/*",
                "Allow s3:PutObject ${AnalyticsBucket.Arn}/eval_runs/rollup/*",
                "Allow s3:DeleteObject ${AnalyticsBucket.Arn}/eval_runs/rollup/*")));
    }

    @Test
    void driftResponseMayFlipSafeModeReadItsAlarmsAndStartTheGoldenRun() {
        assertThat(permissions("drift-response")).isEqualTo(common("driftresponse", Set.of(
                "Allow s3:GetObject ${AnalyticsBucket.Arn}/turns/*",
                "Allow s3:GetObject ${AnalyticsBucket.Arn}/eval_runs/golden/*",
                "Allow s3:GetObject ${AnalyticsBucket.Arn}/golden/*",
                "Allow s3:GetObject ${AnalyticsBucket.Arn}/labeling/*",
                "Allow s3:GetObject ${AnalyticsBucket.Arn}/eval_runs/drift/*",
                "Allow s3:PutObject ${AnalyticsBucket.Arn}/eval_runs/drift/*",
                "Allow s3:DeleteObject ${AnalyticsBucket.Arn}/eval_runs/drift/*",
                "Allow s3:GetObject ${AnalyticsBucket.Arn}/decision_log/*",
                "Allow s3:PutObject ${AnalyticsBucket.Arn}/decision_log/* if {Null={s3:if-none-match=false}}",
                "Allow cloudwatch:DescribeAlarms arn:${AWS::Partition}:cloudwatch:${AWS::Region}:${AWS::AccountId}:alarm:evalops-prod-*",
                "Allow lambda:InvokeFunction ${goldensetevalLive}",
                "Allow ssm:PutParameter " + PARAM_ARN + "${FlagsSafeMode}"),
                readParameter(PARAM_ARN + "${FlagsSafeMode}")));
    }

    @Test
    void anImportedBucketIsGrantedByNameAndACustomerKeyOnlyToRouterCallers() {
        String bucket = "arn:${AWS::Partition}:s3:::" + SynthesizedApp.STAGING_BUCKET;
        String params = "arn:${AWS::Partition}:ssm:eu-west-1:123456789012:parameter";
        Set<String> smoke = staging.permissions(role(staging, "staging", "smoke-eval"));
        assertThat(smoke).contains("Allow s3:ListBucket " + bucket, "Allow s3:GetObject " + bucket + "/smoke/*",
                "Allow s3:PutObject " + bucket + "/eval_runs/smoke/*", "Allow ssm:GetParameter " + params + "/evalops/staging/router-api-key",
                "Allow kms:Decrypt arn:aws:kms:eu-west-1:123456789012:key/router-key if {StringEquals={kms:ViaService=ssm.eu-west-1.amazonaws.com}}");
        Set<String> rollup = staging.permissions(role(staging, "staging", "weekly-rollup"));
        assertThat(rollup).contains("Allow s3:GetObject " + bucket + "/turns/*").noneMatch(p -> p.contains("kms:") || p.contains("ssm:"));
        assertThat(staging.ids("AWS::S3::Bucket")).isEmpty();
        assertThat(environment(staging, "smoke-eval")).containsEntry("EVALOPS_ARTIFACTS_BUCKET", SynthesizedApp.STAGING_BUCKET)
                .containsEntry("EVALOPS_ENV", "staging");
    }

    // ---- schedules --------------------------------------------------------------------------------------

    @Test
    void schedulesInvokeTheLiveAliasWithRetryAndADeadLetterQueue() {
        prod.resourceCountIs("AWS::Events::Rule", 3);
        assertRule("evalops-prod-smoke-nightly", "cron(0 2 * * ? *)", "smokeevalLive");
        assertRule("evalops-prod-golden-weekly", "cron(0 2 ? * SUN *)", "goldensetevalLive");
        assertRule("evalops-prod-rollup-weekly", "cron(0 2 ? * SUN *)", "weeklyrollupLive");
        assertThat(staging.ids("AWS::Events::Rule")).extracting(id -> staging.properties(id).get("Name"))
                .containsExactly("evalops-staging-smoke-nightly", "evalops-staging-rollup-weekly");
    }

    @Test
    void theDeadLetterQueueIsEncryptedTlsOnlyAndAcceptsOnlyTheRules() {
        prod.resourceCountIs("AWS::SQS::Queue", 1);
        prod.hasResourceProperties("AWS::SQS::Queue", Map.of("QueueName", "evalops-prod-dead-letters", "SqsManagedSseEnabled", true,
                "MessageRetentionPeriod", 1_209_600));
        String policy = TemplateView.render(view.properties(view.ids("AWS::SQS::QueuePolicy").get(0)).get("PolicyDocument"));
        assertThat(policy).contains("{Action=sqs:*, Condition={Bool={aws:SecureTransport=false}}, Effect=Deny, Principal={AWS=*}, Resource=${DeadLetters.Arn}}");
        for (String rule : List.of("smokenightly", "goldenweekly", "rollupweekly")) {
            assertThat(policy).contains("{Action=sqs:SendMessage, Condition={ArnEquals={aws:SourceArn=${Schedules" + rule + ".Arn}}}, Effect=Allow, "
                    + "Principal={Service=events.amazonaws.com}, Resource=${DeadLetters.Arn}");
        }
        assertThat(policy.split("events.amazonaws.com", -1)).hasSize(4);
    }

    // ---- alarms -----------------------------------------------------------------------------------------

    @Test
    void everyCatalogueAlarmWatchesItsMetricAndWakesTheRightResponders() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("evalops-prod-smoke-red", "SmokePassed Minimum LessThanThreshold 1");
        expected.put("evalops-prod-tier0-false-negatives", "Tier0FalseNegatives Maximum GreaterThanThreshold 0");
        expected.put("evalops-prod-tier2-gate-violations", "Tier2GateViolations Maximum GreaterThanThreshold 0");
        expected.put("evalops-prod-macro-f1-drop", "MacroF1 Minimum LessThanThreshold 0.9");
        expected.put("evalops-prod-latency-p95", "LatencyP95 Maximum GreaterThanOrEqualToThreshold 5000");
        expected.put("evalops-prod-cost-per-turn", "CostPerTurn Maximum GreaterThanThreshold 0.01");
        expected.put("evalops-prod-intent-mix-drift", "IntentMixDriftFlag Maximum GreaterThanOrEqualToThreshold 1");
        expected.put("evalops-prod-safe-mode-on", "SafeModeEnabled Maximum GreaterThanOrEqualToThreshold 1");
        assertThat(AlarmCatalogue.ALL).extracting(a -> a.alarmName("prod")).containsExactlyElementsOf(expected.keySet());
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Map<String, Object> p = view.properties(view.find("AWS::CloudWatch::Alarm", "AlarmName", e.getKey()));
            assertThat(p.get("MetricName") + " " + p.get("Statistic") + " " + p.get("ComparisonOperator") + " " + number(p.get("Threshold")))
                    .as(e.getKey()).isEqualTo(e.getValue());
            assertThat(p).containsEntry("Namespace", "EvalOps").containsEntry("Period", 3600).containsEntry("EvaluationPeriods", 1)
                    .containsEntry("DatapointsToAlarm", 1).containsEntry("TreatMissingData", "ignore");
            assertThat(p.get("Dimensions")).isEqualTo(List.of(Map.of("Name", "Env", "Value", "prod")));
            String responders = e.getKey().endsWith("safe-mode-on") ? "[${AlarmsTopic}]" : "[${AlarmsTopic}, ${driftresponseLive}]";
            assertThat(TemplateView.render(p.get("AlarmActions"))).as(e.getKey()).isEqualTo(responders);
            assertThat(TemplateView.render(p.get("OKActions"))).as(e.getKey()).isEqualTo(responders);
        }
    }

    @Test
    void cloudWatchMayInvokeDriftResponseOnlyForTheAlarmsThatCallIt() {
        Set<String> allowed = view.ids("AWS::Lambda::Permission").stream().map(view::properties)
                .filter(p -> "lambda.alarms.cloudwatch.amazonaws.com".equals(p.get("Principal")))
                .map(p -> TemplateView.render(p.get("FunctionName")) + " from " + TemplateView.render(p.get("SourceArn"))
                        + " in " + TemplateView.render(p.get("SourceAccount")))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = AlarmCatalogue.ALL.stream().filter(AlarmSpec::invokesDriftResponse)
                .map(a -> "${driftresponseLive} from ${Alarms" + a.id().replace("-", "") + ".Arn} in ${AWS::AccountId}")
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(allowed).hasSize(7).isEqualTo(expected);
        assertThat(staging.ids("AWS::Lambda::Permission").stream().map(staging::properties))
                .noneMatch(p -> "lambda.alarms.cloudwatch.amazonaws.com".equals(p.get("Principal")));
    }

    @Test
    void peopleHearOfFunctionErrorsAndDeadLetters() {
        prod.resourceCountIs("AWS::CloudWatch::Alarm", 8 + 4 + 1);
        for (String fn : List.of("smoke-eval", "golden-set-eval", "weekly-rollup", "drift-response")) {
            Map<String, Object> p = view.properties(view.find("AWS::CloudWatch::Alarm", "AlarmName", "evalops-prod-" + fn + "-errors"));
            assertThat(p).containsEntry("Namespace", "AWS/Lambda").containsEntry("MetricName", "Errors").containsEntry("Statistic", "Sum")
                    .containsEntry("Threshold", 1).containsEntry("TreatMissingData", "notBreaching");
            assertThat(TemplateView.render(p.get("Dimensions"))).isEqualTo("[{Name=FunctionName, Value=${" + TemplateView.strip(function(fn)) + "}}]");
            assertThat(TemplateView.render(p.get("AlarmActions"))).isEqualTo("[${AlarmsTopic}]");
        }
        Map<String, Object> dlq = view.properties(view.find("AWS::CloudWatch::Alarm", "AlarmName", "evalops-prod-dead-letters"));
        assertThat(dlq).containsEntry("Namespace", "AWS/SQS").containsEntry("MetricName", "ApproximateNumberOfMessagesVisible")
                .containsEntry("Threshold", 1);
        assertThat(TemplateView.render(dlq.get("AlarmActions"))).isEqualTo("[${AlarmsTopic}]");
    }

    @Test
    void theAlarmTopicIsEncryptedWithARotatedKeyCloudWatchMayUse() {
        prod.hasResourceProperties("AWS::SNS::Topic", Map.of("TopicName", "evalops-prod-alarms",
                "KmsMasterKeyId", Map.of("Fn::GetAtt", List.of(logicalOf("AWS::KMS::Key"), "Arn"))));
        prod.hasResource("AWS::KMS::Key", Map.of("DeletionPolicy", "Retain", "Properties", Map.of("EnableKeyRotation", true)));
        assertThat(TemplateView.render(view.properties(logicalOf("AWS::KMS::Key")).get("KeyPolicy"))).contains(
                "{Action=[kms:Decrypt, kms:GenerateDataKey*], Effect=Allow, Principal={Service=cloudwatch.amazonaws.com}, Resource=*}");
        assertThat(TemplateView.render(view.properties(logicalOf("AWS::SNS::TopicPolicy")).get("PolicyDocument")))
                .contains("Condition={Bool={aws:SecureTransport=false}}, Effect=Deny");
        prod.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "email", "Endpoint", SynthesizedApp.EMAIL));
        app.staging.resourceCountIs("AWS::SNS::Subscription", 0);
    }

    // ---- dashboard --------------------------------------------------------------------------------------

    @Test
    void theDashboardHasTheWeeklyViewOfTheOpsGuide() throws Exception {
        JsonNode body = new ObjectMapper().readTree(TemplateView.render(view.properties(logicalOf("AWS::CloudWatch::Dashboard")).get("DashboardBody")));
        assertThat(body.get("start").asText()).isEqualTo("-P84D");
        List<String> titles = body.get("widgets").findValues("title").stream().map(JsonNode::asText).toList();
        assertThat(titles).containsExactly("Alarms", "Smoke (last run)", "Golden set (last run)", "Safe mode",
                "Intent distribution, week over week (share of turns)", "Intent-mix drift (chi-square statistic; flag 1 = drifted)",
                "p95 latency by provider (ms)", "Cost (USD)", "Fallback reasons (share of turns)", "Cache-hit rate (daily)",
                "Error rate (daily)", "Smoke runs", "Safe mode and rollup gates");
        String text = body.toString();
        assertThat(text).contains("SEARCH('{EvalOps,Env,Intent} MetricName=\\\"IntentShare\\\" Env=\\\"prod\\\"', 'Average', 604800)",
                "SEARCH('{EvalOps,Env,Provider} MetricName=\\\"LatencyP95\\\" Env=\\\"prod\\\"', 'Maximum', 604800)",
                "SEARCH('{EvalOps,Env,Reason} MetricName=\\\"FallbackRate\\\" Env=\\\"prod\\\"', 'Average', 604800)");
        for (String metric : List.of("CostPerUser", "CostPerTurn", "CacheHitRate", "ErrorRate", "SmokePassed", "Accuracy", "MacroF1",
                "Tier0FalseNegatives", "SafeModeEnabled", "IntentMixDriftFlag", "RollupGatesPassed")) {
            assertThat(text).contains("[\"EvalOps\",\"" + metric + "\",\"Env\",\"prod\"");
        }
        JsonNode alarms = body.get("widgets").get(1).get("properties").get("alarms");
        assertThat(alarms).hasSize(13);
        assertThat(body.findValues("value").stream().map(JsonNode::asDouble)).contains(5000.0, 0.01);
    }

    // ---- stack-level ------------------------------------------------------------------------------------

    @Test
    void prodIsProtectedAndStagingIsDisposable() {
        assertThat(app.prodStack.getTerminationProtection()).isTrue();
        assertThat(app.stagingStack.getTerminationProtection()).isFalse();
        app.staging.hasResource("AWS::Logs::LogGroup", Map.of("DeletionPolicy", "Delete",
                "Properties", Map.of("LogGroupName", "/aws/lambda/evalops-staging-smoke-eval", "RetentionInDays", 30)));
        app.staging.hasResource("AWS::KMS::Key", Map.of("DeletionPolicy", "Delete"));
        assertThat(app.stackNames()).containsExactly("EvalOps-prod", "EvalOps-staging");
    }

    @Test
    void outputsNameWhatOperatorsInvoke() {
        prod.hasOutput("AnalyticsBucketName", Map.of("Value", Map.of("Ref", logical("AWS::S3::Bucket", "BucketName", "acme-mw-analytics-prod"))));
        for (String fn : List.of("smokeeval", "goldenseteval", "weeklyrollup", "driftresponse")) {
            assertThat(TemplateView.render(((Map<?, ?>) ((Map<?, ?>) app.template("EvalOps-prod").get("Outputs")).get(fn + "Alias")).get("Value")))
                    .isEqualTo("${" + fn + "Live}");
        }
        prod.hasOutput("AlarmTopicArn", Match.anyValue());
        prod.hasOutput("DeadLetterQueueUrl", Match.anyValue());
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private static void assertFunction(String fn, String runtime, String arch, int memory, int timeout, Integer reserved) {
        Map<String, Object> p = view.properties(function(fn));
        assertThat(p.get("Runtime")).as(fn).isEqualTo(runtime);
        assertThat(p.get("Architectures")).as(fn).isEqualTo(List.of(arch));
        assertThat(p.get("MemorySize")).as(fn).isEqualTo(memory);
        assertThat(p.get("Timeout")).as(fn).isEqualTo(timeout);
        assertThat(p.get("ReservedConcurrentExecutions")).as(fn).isEqualTo(reserved);
        assertThat(TemplateView.render(p.get("Role"))).isEqualTo("${" + TemplateView.strip(function(fn)).replace("Function", "Role") + ".Arn}");
    }

    private static void assertRule(String name, String expression, String alias) {
        String id = view.find("AWS::Events::Rule", "Name", name);
        Map<String, Object> p = view.properties(id);
        assertThat(p.get("ScheduleExpression")).isEqualTo(expression);
        assertThat(p.get("State")).isEqualTo("ENABLED");
        assertThat(TemplateView.render(p.get("Targets"))).isEqualTo("[{Arn=${" + alias + "}, DeadLetterConfig={Arn=${DeadLetters.Arn}}, Id=Target0, "
                + "RetryPolicy={MaximumEventAgeInSeconds=7200, MaximumRetryAttempts=3}}]");
        String rule = TemplateView.strip(id);
        assertThat(view.ids("AWS::Lambda::Permission").stream().map(view::properties)
                .filter(q -> ("${" + rule + ".Arn}").equals(TemplateView.render(q.get("SourceArn")))).toList())
                .singleElement()
                .satisfies(q -> assertThat(q).containsEntry("Principal", "events.amazonaws.com").containsEntry("Action", "lambda:InvokeFunction"))
                .satisfies(q -> assertThat(TemplateView.render(q.get("FunctionName"))).isEqualTo("${" + alias + "}"));
    }

    private static String function(String name) {
        return view.find("AWS::Lambda::Function", "FunctionName", "evalops-prod-" + name);
    }

    private static Set<String> permissions(String fn) {
        return view.permissions(role(view, "prod", fn));
    }

    private static String role(TemplateView v, String env, String fn) {
        return v.find("AWS::IAM::Role", "Description", "EvalOps " + fn + " (" + env + "): only its own prefixes, parameters and metrics");
    }

    private static Map<String, String> environment(TemplateView v, String fn) {
        String id = v.ids("AWS::Lambda::Function").stream()
                .filter(f -> String.valueOf(v.properties(f).get("FunctionName")).endsWith("-" + fn)).findFirst().orElseThrow();
        Map<?, ?> vars = (Map<?, ?>) ((Map<?, ?>) v.properties(id).get("Environment")).get("Variables");
        Map<String, String> out = new LinkedHashMap<>();
        vars.forEach((k, val) -> out.put((String) k, TemplateView.render(val)));
        return out;
    }

    /** What every function's role holds besides its catalogue needs: its logs, listing, the DLQ, metrics. */
    @SafeVarargs
    private static Set<String> common(String fn, Set<String>... specific) {
        Set<String> all = new TreeSet<>(Set.of(
                "Allow logs:CreateLogStream ${" + fn + "Logs.Arn}",
                "Allow logs:PutLogEvents ${" + fn + "Logs.Arn}",
                "Allow s3:ListBucket ${AnalyticsBucket.Arn}",
                "Allow sqs:SendMessage ${DeadLetters.Arn}",
                "Allow sqs:GetQueueAttributes ${DeadLetters.Arn}",
                "Allow sqs:GetQueueUrl ${DeadLetters.Arn}",
                "Allow cloudwatch:PutMetricData * if {StringEquals={cloudwatch:namespace=EvalOps}}"));
        for (Set<String> s : specific) {
            all.addAll(s);
        }
        return all;
    }

    private static Set<String> readParameter(String arn) {
        return Set.of("Allow ssm:GetParameter " + arn, "Allow ssm:GetParameters " + arn, "Allow ssm:GetParameterHistory " + arn,
                "Allow ssm:DescribeParameters " + arn);
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(base);
        m.put(key, value);
        return m;
    }

    private static String logical(String type, String key, String value) {
        return view.find(type, key, value);
    }

    private static String logicalOf(String type) {
        List<String> ids = view.ids(type);
        assertThat(ids).as(type).hasSize(1);
        return ids.get(0);
    }

    private static String number(Object n) {
        double d = ((Number) n).doubleValue();
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
