package io.sysrisk.report;

import java.util.Locale;

import io.sysrisk.features.AlarmFamily;
import io.sysrisk.research.evidence.Evidence;
import io.sysrisk.research.evidence.Interval;

/**
 * The report's alarms at each preference: the served recipe's alarm (a family and threshold chosen per preference
 * without the held-out market) beside each family's own alarm, out of sample, and which wins.
 */
final class PreferenceAlarmsSection {

    private PreferenceAlarmsSection() {
    }

    static void write(StringBuilder sb, Evidence.Result r) {
        if (r.preferenceAlarms() == null || r.preferenceAlarms().isEmpty()) {
            return;
        }
        sb.append("\n## Alarms at your preference: which family, which threshold\n\n");
        sb.append("A preference mu weighs a missed signal day by mu and a false alarm day by 1 - mu; **relative "
                + "usefulness** (Sarlin 2013) is 1 - the alarm's loss over the loss of the better of never and "
                + "always alarming: 0 is no better than one of those, negative is worse. The served alarm's recipe, "
                + "in each fold without its held-out market: each rule of the index level chooses its threshold on "
                + "every day the fold may learn from (train, validation and calibration parts of the other markets, "
                + "their held-out period excluded), the network its threshold on the calibration days; a threshold "
                + "is **adopted** when the lower 5% of its usefulness over block-bootstrap resamples is above 0. "
                + "The family is picked by its **transfer**: an inner leave-one-market-out over the fold's training "
                + "markets judges each market with the threshold chosen on the others (its period excluded from "
                + "them), on every training day for the rules and on the calibration days for the network (a "
                + "report made before transfer was measured has none for the network, which is then not offered); "
                + "of the adopted families with a transfer above 0, the best is served, and when none is, **no "
                + "alarm** (usefulness "
                + "0). The trailing 250-day fall is measured beside them, not offered. Figures are pooled over the "
                + "whole-history folds' test days, each family at the threshold it chose there; 95% intervals by "
                + "block bootstrap. The best simple rule is picked after the fact, on these same test days, so the "
                + "comparison favours it.\n\n");
        sb.append("| preference | alarm | usefulness [95%] | days in alarm | skill (HK) | onsets warned | false "
                + "episodes / year |\n|---|---|---|---|---|---|---|\n");
        for (Evidence.PreferenceAlarms p : r.preferenceAlarms()) {
            row(sb, p.preference(), "**served recipe (selected)**", p.selected());
            for (Evidence.FamilyAlarm f : p.families()) {
                row(sb, p.preference(), words(f.family()) + (f.candidate() ? "" : " (reference)")
                        + (f.family().equals(p.bestSimple()) ? " - best simple rule" : ""), f);
            }
        }
        sb.append("\n| preference | served recipe minus best simple rule [95%] | verdict | chosen per fold |\n"
                + "|---|---|---|---|\n");
        for (Evidence.PreferenceAlarms p : r.preferenceAlarms()) {
            Interval d = p.selectedMinusBestSimple();
            sb.append(String.format(Locale.ROOT, "| %.1f | %+.3f [%+.3f, %+.3f] vs %s | %s | %s |%n",
                    p.preference(), p.selectedMinusBestSimpleValue(), d.low(), d.high(), p.bestSimple(),
                    p.verdict(), String.join("; ", p.chosen())));
        }
        sb.append("\nThe function serves the same recipe fitted on every market (`GET /model`'s `alarms`); a request "
                + "or the page picks the preference.\n");
    }

    private static void row(StringBuilder sb, double mu, String name, Evidence.FamilyAlarm f) {
        sb.append(String.format(Locale.ROOT, "| %.1f | %s | %+.3f [%+.3f, %+.3f] | %.1f%% | %.3f | %d/%d | %.2f |%n",
                mu, name, f.usefulness(), f.usefulnessInterval().low(), f.usefulnessInterval().high(),
                100 * f.alarmShare(), f.skill(), f.warned(), f.onsets(), f.falseEpisodesPerYear()));
    }

    /** A family's id in words: its id and what it reads. */
    static String words(String id) {
        return id.equals("selected") ? id : AlarmFamily.byId(id).id() + " (" + AlarmFamily.byId(id).words() + ")";
    }
}
