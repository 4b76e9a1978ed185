package dev.evalops.catalogue;

/** How much of a resource a function may use. Writers always read too: artifact stores check what is there before they write. */
public enum Access {
    READ,
    READ_WRITE,
    /** Audit entries: create new keys only (S3 If-None-Match), never overwrite or delete; for flags it is not used. */
    WRITE_ONCE
}
