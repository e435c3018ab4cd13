package io.sysrisk.research.evidence;

/** One score on the onsets-out-of-calm stratum: ROC-AUC (with a 95% block-bootstrap interval) and PR-AUC. */
public record CalmRanking(String name, double rocAuc, Interval rocAucInterval, double prAuc) {
}
