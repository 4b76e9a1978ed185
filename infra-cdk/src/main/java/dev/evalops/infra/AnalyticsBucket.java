package dev.evalops.infra;

import java.util.List;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The analytics bucket {@code <org>-mw-analytics-<env>} (CONTRACTS §5): created here with encryption, no public
 * access, TLS only, versioning, access logs and a lifecycle for {@code eval_runs/}, or an existing one imported
 * by name (its settings stay its owner's). Retained when the stack is deleted: it holds the turn exports and
 * every eval run.
 */
public final class AnalyticsBucket extends Construct {
    static final int ACCESS_LOG_DAYS = 365;
    static final int NONCURRENT_DAYS = 30;

    private final IBucket bucket;

    public AnalyticsBucket(Construct scope, String id, StackSettings settings) {
        super(scope, id);
        if (settings.existingBucket().isPresent()) {
            bucket = Bucket.fromBucketName(this, "Imported", settings.bucketName());
            return;
        }
        Bucket accessLogs = Bucket.Builder.create(this, "AccessLogs")
                .bucketName(settings.bucketName() + "-access-logs")
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .lifecycleRules(List.of(LifecycleRule.builder().id("expire-access-logs").expiration(Duration.days(ACCESS_LOG_DAYS)).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        NagSuppressions.addResourceSuppressions(accessLogs, List.of(NagPackSuppression.builder().id("AwsSolutions-S1")
                .reason("This is the access-log target of the analytics bucket; logging it into itself would loop.").build()));

        bucket = Bucket.Builder.create(this, "Bucket")
                .bucketName(settings.bucketName())
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .versioned(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix("analytics/")
                .lifecycleRules(List.of(
                        // Eval artifacts are small (KBs), under Standard-IA's 128 KiB billing minimum: expiring them is
                        // the lifecycle that pays; a transition would cost more than it saves.
                        LifecycleRule.builder().id("eval-runs-retention").prefix("eval_runs/")
                                .expiration(Duration.days(settings.evalRunsRetentionDays())).build(),
                        // Versioning guards against a bad overwrite; old versions need not live for ever.
                        LifecycleRule.builder().id("noncurrent-versions-and-uploads")
                                .noncurrentVersionExpiration(Duration.days(NONCURRENT_DAYS))
                                .abortIncompleteMultipartUploadAfter(Duration.days(7)).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
    }

    public IBucket bucket() {
        return bucket;
    }

    /** The ARN pattern of every object under {@code prefix} (e.g. {@code eval_runs/smoke/}). */
    public String objectsArn(String prefix) {
        return bucket.arnForObjects(prefix + "*");
    }
}
