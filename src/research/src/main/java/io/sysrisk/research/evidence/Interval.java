package io.sysrisk.research.evidence;

/** Lower and upper bounds of a figure: a 95% circular block-bootstrap interval. */
public record Interval(double low, double high) {
    /** True when the whole interval lies above {@code v}. */
    public boolean above(double v) {
        return low > v;
    }
}
