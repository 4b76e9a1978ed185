package dev.evalops.safemode;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.evalops.artifacts.ArtifactStore;
import dev.evalops.artifacts.Manifest;
import dev.evalops.artifacts.RunRef;
import dev.evalops.core.Json;

/** Reads the golden-set eval's completed runs ({@code eval_runs/golden/...}) as exit evidence. */
public final class GoldenRuns {
    static final String KIND = "golden";
    static final String METRICS = "metrics.json";

    private final ArtifactStore store;

    public GoldenRuns(ArtifactStore store) {
        this.store = store;
    }

    /**
     * The golden run that completed last at or after {@code since} (its manifest's completion time: a run
     * dated the same day but finished before safe mode began says nothing about the episode).
     */
    public Optional<GoldenRunEvidence> newestSince(Instant since) {
        return store.completedRuns(KIND, since.atZone(ZoneOffset.UTC).toLocalDate()).stream()
                .map(run -> store.manifest(run).map(m -> new Completed(run, m)))
                .flatMap(Optional::stream)
                .filter(c -> !c.manifest().completedAt().isBefore(since))
                .max(Comparator.comparing((Completed c) -> c.manifest().completedAt()))
                .map(c -> new GoldenRunEvidence(c.run().runId(), c.manifest().location(), c.manifest().completedAt(), verdict(c.run())));
    }

    private String verdict(RunRef run) {
        Optional<String> metrics = store.readArtifact(run, METRICS);
        if (metrics.isEmpty()) {
            return "UNKNOWN (no " + METRICS + ")";
        }
        try {
            JsonNode verdict = Json.mapper().readTree(metrics.get()).get("verdict");
            return verdict == null || !verdict.isTextual() ? "UNKNOWN (" + METRICS + " has no verdict)" : verdict.asText();
        } catch (IOException e) {
            return "UNKNOWN (" + METRICS + " is not JSON: " + e.getMessage() + ")";
        }
    }

    private record Completed(RunRef run, Manifest manifest) {
    }
}
