package dev.evalops.artifacts;

import java.util.List;

import dev.evalops.sanitize.Sanitizer;

/**
 * Writes one run's artifacts. Every text that goes through here is sanitized (JSON string values,
 * CSV cells, Markdown, JSONL rows): there is no way to write raw bytes, so no PII leaves a run by
 * accident. {@link #commit()} writes {@code manifest.json} last; closing without a commit removes
 * whatever was written, so a failed run leaves nothing behind.
 */
public interface RunWriter extends AutoCloseable {

    RunRef run();

    /** The run's sanitizer: use it for anything about the run that goes to logs too. */
    Sanitizer sanitizer();

    void writeJson(String name, Object value);

    void writeJsonLines(String name, Iterable<?> rows);

    void writeCsv(String name, List<String> header, Iterable<? extends List<?>> rows);

    void writeMarkdown(String name, String markdown);

    /** Writes the manifest (last) and returns it. Nothing can be written after this. */
    Manifest commit();

    /** Where the run's artifacts are, e.g. {@code s3://bucket/eval_runs/...} or a local path. */
    String location();

    /** Aborts and deletes written artifacts unless {@link #commit()} succeeded. */
    @Override
    void close();
}
