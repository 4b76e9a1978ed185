package dev.evalops.artifacts;

/** One readable input object: a location ({@code s3://bucket/key} or a local path) and its size. */
public record InputObject(String location, long size) {
    public String fileName() {
        int slash = location.lastIndexOf('/');
        return slash < 0 ? location : location.substring(slash + 1);
    }
}
