package dev.evalops.artifacts;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where runs leave their evidence: S3 (the analytics bucket) or, when S3 export is off, a local folder
 * with the identical layout. See README "Artifact layout".
 */
public interface ArtifactStore {

    /** Human-readable root, e.g. {@code s3://acme-mw-analytics-prod} or {@code /srv/evalops-data}. */
    String root();

    RunWriter begin(RunRef run);

    /** The manifest of a completed run; empty for a run that never completed. */
    Optional<Manifest> manifest(RunRef run);

    /** One artifact of a completed run. */
    Optional<String> readArtifact(RunRef run, String name);

    /**
     * Points {@code eval_runs/<kind>/<name>.json} at a completed run.
     *
     * @throws IllegalStateException if the run has no manifest (pointers never reference incomplete runs)
     */
    Pointer movePointer(RunRef run, String name, String movedBy);

    Optional<Pointer> pointer(String kind, String name);

    /** Completed runs of a kind dated {@code from} or later, oldest first. */
    List<RunRef> completedRuns(String kind, LocalDate from);

    /**
     * A write-once sanitized JSON document outside the run tree, e.g. {@code decision_log/...}.
     * Refuses to overwrite, so an audit entry cannot be replaced.
     */
    void putDocument(String key, JsonNode document);

    /** Documents under a prefix (e.g. {@code decision_log/2026-11-22/}), in key order. */
    List<String> listDocuments(String prefix);

    Optional<JsonNode> readDocument(String key);
}
