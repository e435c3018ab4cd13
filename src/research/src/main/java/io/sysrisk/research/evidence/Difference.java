package io.sysrisk.research.evidence;

/** A paired difference metric(a) - metric(b) on the same windows, with its interval. */
public record Difference(double estimate, Interval interval) {
}
