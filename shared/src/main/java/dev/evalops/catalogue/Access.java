package dev.evalops.catalogue;

/** How much of a resource a function may use. Writers always read too: artifact stores check what is there before they write. */
public enum Access {
    READ, READ_WRITE
}
