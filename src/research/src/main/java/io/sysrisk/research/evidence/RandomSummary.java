package io.sysrisk.research.evidence;

/** Mean and 5-95% range of a matched random alarm's figures over its draws. */
public record RandomSummary(int draws, double warnedMean, double warned5, double warned95,
                            double falsePerYearMean, double falsePerYear5, double falsePerYear95) {
}
