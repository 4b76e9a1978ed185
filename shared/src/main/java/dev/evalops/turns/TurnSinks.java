package dev.evalops.turns;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Where {@link SyntheticTurns} writes: a local folder, or S3 (each file staged in a temp file, uploaded on close). */
public final class TurnSinks {
    private TurnSinks() {
    }

    public static SyntheticTurns.Sink folder(Path root) {
        return key -> {
            Path file = root.resolve(key);
            Files.createDirectories(file.getParent());
            return Files.newOutputStream(file);
        };
    }

    /** @param prefix key prefix of the export root, e.g. {@code turns} */
    public static SyntheticTurns.Sink s3(S3Client s3, String bucket, String prefix) {
        String base = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        return key -> {
            Path staged = Files.createTempFile("turns-", ".jsonl.gz");
            return new FilterOutputStream(Files.newOutputStream(staged)) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    super.close();
                    try {
                        s3.putObject(r -> r.bucket(bucket).key(base + key).contentType("application/gzip"), RequestBody.fromFile(staged));
                    } catch (SdkException e) {
                        throw new IOException("cannot upload s3://" + bucket + "/" + base + key + ": " + e.getMessage(), e);
                    } finally {
                        Files.deleteIfExists(staged);
                    }
                }
            };
        };
    }
}
