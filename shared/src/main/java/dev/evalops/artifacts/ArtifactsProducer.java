package dev.evalops.artifacts;

import java.nio.file.Path;
import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

import dev.evalops.config.EvalOpsConfig;
import software.amazon.awssdk.services.s3.S3Client;

/** Picks the S3 or the local store from {@code evalops.artifacts.*}; the S3 client is built only when used. */
@ApplicationScoped
public class ArtifactsProducer {

    @Produces
    @ApplicationScoped
    ArtifactStore artifactStore(EvalOpsConfig config, Instance<S3Client> s3, Clock clock) {
        EvalOpsConfig.Artifacts a = config.artifacts();
        if (a.s3Export()) {
            return new S3ArtifactStore(s3.get(), requireBucket(a), clock);
        }
        return new LocalArtifactStore(Path.of(a.localRoot()), clock);
    }

    @Produces
    @ApplicationScoped
    Inputs inputs(EvalOpsConfig config, Instance<S3Client> s3) {
        EvalOpsConfig.Artifacts a = config.artifacts();
        String root = a.s3Export() ? "s3://" + requireBucket(a) : Path.of(a.localRoot()).toAbsolutePath().toString();
        return new Inputs(s3::get, root);
    }

    private static String requireBucket(EvalOpsConfig.Artifacts a) {
        return a.bucket().filter(b -> !b.isBlank()).orElseThrow(() -> new IllegalStateException(
                "evalops.artifacts.s3-export is on but evalops.artifacts.bucket (EVALOPS_ARTIFACTS_BUCKET) is not set"));
    }
}
