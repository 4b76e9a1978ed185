package dev.evalops.artifacts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.core.Json;
import dev.evalops.sanitize.Sanitizer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Runs in the analytics bucket. Same layout as {@link LocalArtifactStore}. */
public final class S3ArtifactStore implements ArtifactStore {
    private final S3Client s3;
    private final String bucket;
    private final Clock clock;

    public S3ArtifactStore(S3Client s3, String bucket, Clock clock) {
        this.s3 = s3;
        this.bucket = bucket;
        this.clock = clock;
    }

    @Override
    public String root() {
        return "s3://" + bucket;
    }

    @Override
    public RunWriter begin(RunRef run) {
        String prefix = run.prefix();
        if (exists(prefix + Manifest.FILE_NAME)) {
            throw new IllegalStateException("run already exists: " + root() + "/" + prefix);
        }
        return new SanitizingRunWriter(run, Sanitizer.forRun(), clock) {
            @Override
            protected void put(String name, byte[] bytes, String contentType) {
                putObject(prefix + name, bytes, contentType, false);
            }

            @Override
            protected void remove(String name) {
                call("delete", prefix + name, () -> s3.deleteObject(b -> b.bucket(bucket).key(prefix + name)));
            }

            @Override
            protected void putManifest(byte[] bytes) {
                putObject(prefix + Manifest.FILE_NAME, bytes, "application/json", false);
            }

            @Override
            public String location() {
                return root() + "/" + prefix;
            }
        };
    }

    @Override
    public Optional<Manifest> manifest(RunRef run) {
        return get(run.prefix() + Manifest.FILE_NAME).map(text -> parse(text, Manifest.class, run.prefix() + Manifest.FILE_NAME));
    }

    @Override
    public Optional<String> readArtifact(RunRef run, String name) {
        if (manifest(run).isEmpty()) {
            return Optional.empty();
        }
        return get(run.prefix() + name);
    }

    @Override
    public Pointer movePointer(RunRef run, String name, String movedBy) {
        RunRef.requireSafe("pointer name", name);
        if (!exists(run.prefix() + Manifest.FILE_NAME)) {
            throw new IllegalStateException("refusing to point " + name + " at incomplete run " + root() + "/" + run.prefix() + " (no manifest)");
        }
        Pointer pointer = new Pointer(run.kind(), run.date().toString(), run.runId(), run.prefix(), clock.instant(), movedBy);
        putObject(pointerKey(run.kind(), name), toBytes(pointer), "application/json", false);
        return pointer;
    }

    @Override
    public Optional<Pointer> pointer(String kind, String name) {
        String key = pointerKey(kind, name);
        return get(key).map(text -> parse(text, Pointer.class, key));
    }

    @Override
    public List<RunRef> completedRuns(String kind, LocalDate from) {
        RunRef.requireSafe("kind", kind);
        String prefix = "eval_runs/" + kind + "/";
        List<RunRef> runs = new ArrayList<>();
        call("list", prefix, () -> {
            for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix).startAfter(prefix + from.minusDays(1) + "/~"))
                    .contents()) {
                runOfManifest(kind, o.key()).filter(run -> !run.date().isBefore(from)).ifPresent(runs::add);
            }
            return null;
        });
        runs.sort(Comparator.comparing(RunRef::date).thenComparing(RunRef::runId));
        return runs;
    }

    /**
     * The run whose manifest this key is: exactly {@code eval_runs/<kind>/<date>/<run_id>/manifest.json}. An artifact
     * that happens to be called {@code <dir>/manifest.json}, or a foreign object, is not a run.
     */
    private static Optional<RunRef> runOfManifest(String kind, String key) {
        String[] parts = key.split("/");
        if (parts.length != 5 || !parts[4].equals(Manifest.FILE_NAME) || !parts[1].equals(kind)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RunRef(kind, LocalDate.parse(parts[2]), parts[3]));
        } catch (RuntimeException notARun) {
            return Optional.empty();
        }
    }

    @Override
    public void putDocument(String key, JsonNode document) {
        if (exists(key)) {
            throw new IllegalStateException("document already exists and is write-once: " + root() + "/" + key);
        }
        try {
            putObject(key, toBytes(Sanitizer.forRun().clean(document)), "application/json", true);
        } catch (IllegalStateException e) {
            // If-None-Match lost a race with another writer of the same key.
            if (e.getCause() instanceof S3Exception s3e && s3e.statusCode() == 412) {
                throw new IllegalStateException("document already exists and is write-once: " + root() + "/" + key, e);
            }
            throw e;
        }
    }

    @Override
    public List<String> listDocuments(String prefix) {
        return call("list", prefix, () -> s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
                .map(S3Object::key).sorted().toList());
    }

    @Override
    public Optional<JsonNode> readDocument(String key) {
        return get(key).map(text -> parse(text, JsonNode.class, key));
    }

    private void putObject(String key, byte[] bytes, String contentType, boolean createOnly) {
        call("write", key, () -> s3.putObject(b -> {
            b.bucket(bucket).key(key).contentType(contentType);
            if (createOnly) {
                b.ifNoneMatch("*");
            }
        }, RequestBody.fromBytes(bytes)));
    }

    private boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404 && !(e instanceof NoSuchBucketException) && !"NoSuchBucket".equals(errorCode(e))) {
                return false;
            }
            throw describe("read", key, e);
        } catch (SdkException e) {
            throw describe("read", key, e);
        }
    }

    private Optional<String> get(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asString(StandardCharsets.UTF_8));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw describe("read", key, e);
        }
    }

    private <T> T call(String verb, String key, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (SdkException e) {
            throw describe(verb, key, e);
        }
    }

    private RuntimeException describe(String verb, String key, SdkException e) {
        return S3Errors.describe(verb, bucket, key, e);
    }

    private static String errorCode(S3Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    private static String pointerKey(String kind, String name) {
        RunRef.requireSafe("kind", kind);
        RunRef.requireSafe("pointer name", name);
        return "eval_runs/" + kind + "/" + name + ".json";
    }

    private static byte[] toBytes(Object value) {
        try {
            return Json.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T parse(String text, Class<T> type, String key) {
        try {
            return Json.mapper().readValue(text, type);
        } catch (IOException e) {
            throw new IllegalStateException("corrupt " + type.getSimpleName() + " at " + root() + "/" + key + ": " + e.getMessage(), e);
        }
    }
}
