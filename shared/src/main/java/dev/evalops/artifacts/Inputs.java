package dev.evalops.artifacts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import dev.evalops.core.BadInputException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Reads inputs (golden sets, suites, turn exports, recorded predictions) from {@code s3://bucket/key} or
 * a local path, always as a stream: a week of turn logs never sits in memory. A bare relative key such as
 * {@code golden/v3/golden.jsonl} resolves against the default root (the analytics bucket when S3 export
 * is on, the local data folder otherwise).
 */
public final class Inputs {
    private final Supplier<S3Client> s3;
    private final String defaultRoot;

    /**
     * @param s3          resolved lazily, so local-only runs never build an S3 client
     * @param defaultRoot {@code s3://bucket} or a local folder
     */
    public Inputs(Supplier<S3Client> s3, String defaultRoot) {
        this.s3 = s3;
        this.defaultRoot = defaultRoot.endsWith("/") ? defaultRoot.substring(0, defaultRoot.length() - 1) : defaultRoot;
    }

    /** A location as given, or a relative key under the default root. */
    public String resolve(String locationOrKey) {
        if (locationOrKey == null || locationOrKey.isBlank()) {
            throw new BadInputException("an input location is required");
        }
        if (locationOrKey.startsWith("s3://") || locationOrKey.startsWith("/") || locationOrKey.startsWith("./")
                || locationOrKey.startsWith("../") || locationOrKey.startsWith("file:")) {
            return locationOrKey.startsWith("file:") ? Path.of(java.net.URI.create(locationOrKey)).toString() : locationOrKey;
        }
        if (!defaultRoot.startsWith("s3://") && Files.exists(Path.of(locationOrKey))) {
            return locationOrKey;
        }
        return defaultRoot + "/" + locationOrKey;
    }

    /**
     * Raw bytes of one object. The caller closes the stream. A failure while reading (the connection drops,
     * the emulator or S3 goes away mid-object) is an {@link IOException} that names the object.
     */
    public InputStream open(String locationOrKey) {
        String location = resolve(locationOrKey);
        return new LocatedInputStream(openRaw(location), location);
    }

    private InputStream openRaw(String location) {
        if (location.startsWith("s3://")) {
            S3Location loc = S3Location.parse(location);
            try {
                return s3.get().getObject(b -> b.bucket(loc.bucket()).key(loc.key()));
            } catch (NoSuchKeyException e) {
                throw new BadInputException("input not found: " + location, e);
            } catch (SdkException e) {
                throw S3Errors.describe("read", loc.bucket(), loc.key(), e);
            }
        }
        try {
            return Files.newInputStream(Path.of(location));
        } catch (NoSuchFileException e) {
            throw new BadInputException("input not found: " + location, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }

    /** UTF-8 text of one object, gunzipped when the name ends in {@code .gz}. */
    public BufferedReader openText(String locationOrKey) {
        return new BufferedReader(new InputStreamReader(openDecompressed(locationOrKey), StandardCharsets.UTF_8), 64 * 1024);
    }

    /**
     * The bytes of one object, gunzipped when the name ends in {@code .gz}. For readers that split and parse
     * UTF-8 bytes themselves (the turn reader), for whom decoding to chars first is wasted work.
     */
    public InputStream openDecompressed(String locationOrKey) {
        String location = resolve(locationOrKey);
        InputStream raw = open(location);
        try {
            // The gunzipped stream is located too: a truncated or corrupt .gz names its object when it fails.
            return location.endsWith(".gz") ? new LocatedInputStream(new GZIPInputStream(raw, 64 * 1024), location) : raw;
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            closeQuietly(raw);
            throw new BadInputException("not a gzip file: " + location + " (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            closeQuietly(raw);
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** The whole UTF-8 text of one small object (a policy, a suite), gunzipped when the name ends in {@code .gz}. */
    public String readText(String locationOrKey) {
        String location = resolve(locationOrKey);
        try (BufferedReader in = openText(location)) {
            StringBuilder out = new StringBuilder();
            char[] buf = new char[8192];
            for (int n; (n = in.read(buf)) >= 0;) {
                out.append(buf, 0, n);
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location + ": " + e.getMessage(), e);
        }
    }

    public boolean exists(String locationOrKey) {
        String location = resolve(locationOrKey);
        if (location.startsWith("s3://")) {
            S3Location loc = S3Location.parse(location);
            try {
                s3.get().headObject(b -> b.bucket(loc.bucket()).key(loc.key()));
                return true;
            } catch (NoSuchKeyException e) {
                return false;
            } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
                if (e.statusCode() == 404) {
                    return false;
                }
                throw S3Errors.describe("read", loc.bucket(), loc.key(), e);
            } catch (SdkException e) {
                throw S3Errors.describe("read", loc.bucket(), loc.key(), e);
            }
        }
        return Files.exists(Path.of(location));
    }

    /** Every object under a folder or key prefix, recursively, in name order. */
    public List<InputObject> list(String locationOrKey) {
        String location = resolve(locationOrKey);
        if (location.startsWith("s3://")) {
            S3Location loc = S3Location.parse(location);
            String prefix = loc.key().isEmpty() || loc.key().endsWith("/") ? loc.key() : loc.key() + "/";
            try {
                return s3.get().listObjectsV2Paginator(b -> b.bucket(loc.bucket()).prefix(prefix)).contents().stream()
                        .map(o -> new InputObject("s3://" + loc.bucket() + "/" + o.key(), o.size()))
                        .sorted(java.util.Comparator.comparing(InputObject::location))
                        .toList();
            } catch (SdkException e) {
                throw S3Errors.describe("list", loc.bucket(), prefix, e);
            }
        }
        Path dir = Path.of(location);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> new InputObject(p.toString(), size(p)))
                    .sorted(java.util.Comparator.comparing(InputObject::location))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // already failing with a better message
        }
    }

    /** Puts the object's location into every read failure, so a dropped connection says what it was reading. */
    private static final class LocatedInputStream extends java.io.FilterInputStream {
        private final String location;

        LocatedInputStream(InputStream in, String location) {
            super(in);
            this.location = location;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException | SdkException e) {
                throw located(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException | SdkException e) {
                throw located(e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return super.skip(n);
            } catch (IOException | SdkException e) {
                throw located(e);
            }
        }

        private IOException located(Exception e) {
            if (e instanceof IOException io && io.getMessage() != null && io.getMessage().contains(location)) {
                return io;
            }
            return new IOException("failed reading " + location + ": " + e.getMessage(), e);
        }
    }

    /** {@code s3://bucket/key} split in two. */
    public record S3Location(String bucket, String key) {
        public static S3Location parse(String uri) {
            if (!uri.startsWith("s3://")) {
                throw new BadInputException("not an s3:// location: " + uri);
            }
            String rest = uri.substring(5);
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            if (bucket.isEmpty()) {
                throw new BadInputException("no bucket in " + uri);
            }
            return new S3Location(bucket, slash < 0 ? "" : rest.substring(slash + 1));
        }
    }
}
