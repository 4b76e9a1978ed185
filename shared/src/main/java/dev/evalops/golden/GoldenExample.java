package dev.evalops.golden;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One labeled ticket of a golden set (CONTRACTS §2): the text as customers write it and the route it must get. */
@RegisterForReflection
public record GoldenExample(String id, String text, String channel, String intent, String team, String template, int tier) {
}
