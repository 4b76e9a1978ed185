package dev.evalops.artifacts;

import dev.evalops.core.BadInputException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/** Turns SDK failures into messages that name the bucket and key, the first thing on-call needs. */
final class S3Errors {
    private S3Errors() {
    }

    static RuntimeException describe(String verb, String bucket, String key, SdkException e) {
        String where = "s3://" + bucket + "/" + key;
        if (e instanceof NoSuchBucketException
                || (e instanceof AwsServiceException ase && ase.awsErrorDetails() != null
                        && "NoSuchBucket".equals(ase.awsErrorDetails().errorCode()))) {
            return new BadInputException("bucket '" + bucket + "' does not exist (needed to " + verb + " " + where
                    + "); check evalops.artifacts.bucket", e);
        }
        if (e instanceof AwsServiceException ase) {
            String code = ase.awsErrorDetails() == null ? "?" : ase.awsErrorDetails().errorCode();
            return new IllegalStateException("S3 refused to " + verb + " " + where + ": " + code + " (HTTP " + ase.statusCode() + ")", e);
        }
        if (e instanceof SdkClientException) {
            return new IllegalStateException("cannot reach S3 to " + verb + " " + where + " after the SDK's retries: " + e.getMessage(), e);
        }
        return new IllegalStateException("cannot " + verb + " " + where + ": " + e.getMessage(), e);
    }
}
