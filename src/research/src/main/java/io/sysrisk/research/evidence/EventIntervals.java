package io.sysrisk.research.evidence;

/**
 * 95% block-bootstrap intervals of the share of onsets warned, false episodes per year, the daily Hanssen-Kuipers
 * skill, false alarm days per year and relative usefulness at the table's preference.
 */
public record EventIntervals(Interval warnedShare, Interval falsePerYear, Interval skill,
                             Interval falseAlarmDaysPerYear, Interval usefulness) {
}
