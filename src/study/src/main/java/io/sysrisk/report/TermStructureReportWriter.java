package io.sysrisk.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.sysrisk.research.evidence.ProbabilityEvidence;

import io.sysrisk.comparison.BlockBootstrap;
import io.sysrisk.comparison.TermStructureStudy;
import io.sysrisk.research.evaluation.AlarmNulls;
import io.sysrisk.research.evaluation.EventMetrics;
import io.sysrisk.research.evidence.Difference;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.store.ModelStore;
import io.sysrisk.research.evidence.TermStructureEvidence;

/**
 * Writes a term-structure version's report/ folder (issue 26): {@code term-structure.json} with every figure and
 * README.md with the per-horizon tables, the pooled one first.
 */
public final class TermStructureReportWriter {

    /** The JSON the page and GET /model read. */
    public static final String JSON = "term-structure.json";

    private TermStructureReportWriter() {
    }

    public static Path write(ModelManifest m, TermStructureEvidence.Result r, Path folder, String command)
            throws IOException {
        Files.createDirectories(folder);
        // The evidence contract's writer: the function reads this file with EvidenceJson.readTermStructure.
        Files.write(folder.resolve(JSON), io.sysrisk.research.evidence.EvidenceJson.write(r));
        Files.writeString(folder.resolve("README.md"), markdown(m.version(), m.label().describe(), r, command));
        return folder;
    }

    /** The README's text for {@code version}, whose label reads {@code label}. */
    public static String markdown(String version, String label, TermStructureEvidence.Result r, String command) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(version).append(": how soon, out of sample\n\n");
        sb.append("Made by `").append(command).append("` (").append(r.mode()).append(" settings, ")
                .append(String.format(Locale.ROOT, "%.1f min", r.seconds() / 60)).append("). Every number is in `")
                .append(JSON).append("`.\n\n");
        sb.append("**What is judged.** The version's recipe: one network with a hazard head gives the probability of "
                + "an onset of the label's fall (the label: ").append(label).append(") within each of ")
                .append(r.horizons())
                .append(" trading days; its `probability` is the ").append(r.servedHorizon())
                .append("-day one. **Design:** ").append(r.design()).append(". Each fold holds one market out over "
                + "its whole history and that period in every other market (cross-era, not only cross-series), "
                + "trains the recipe on the rest (validation and calibration parts, every embargo the longest "
                + "horizon's look-ahead), and scores the held-out market's windows. Each horizon's probability is "
                + "ranked against that horizon's label beside the reference, 20-day realized volatility on the "
                + "window's last day. Intervals: paired moving-block bootstrap (").append(r.samples())
                .append(" resamples, blocks within each market), 95%.\n\n");
        properScores(sb, r);
        sb.append(String.format(Locale.ROOT, "**Monotone.** %,d of %,d answers decrease with the horizon.%s%n%n",
                r.decreasing(), r.answers(), keptReference(r) == r.folds().size() ? " Every fold's members kept "
                        + "their reference, so this holds by construction and is no evidence." : ""));
        sb.append("## Pooled over the folds\n\n");
        table(sb, r.pooled());
        sb.append("\nPR-AUC per fold weighted by its events (the folds' calibrations differ; this does not join "
                + "their scores): ");
        for (int h = 0; h < r.horizons().size(); h++) {
            double[] s = r.stratifiedPrAuc().get(h);
            sb.append(String.format(Locale.ROOT, "%s%d days model %.3f, volatility %.3f", h == 0 ? "" : "; ",
                    r.horizons().get(h), s[0], s[1]));
        }
        sb.append(".\n\n");
        sb.append(verdict(r)).append("\n\n");
        sb.append("## Onsets out of calm\n\n");
        sb.append("The falls an early warning is for: onsets with no fall start in the ")
                .append(r.calm().get(0).calmDays()).append(" trading days before. Per horizon, the windows before "
                + "such an onset (within the horizon) against every window without an onset within it, ranked "
                + "within each fold (ROC-AUC weighted by pairs, 95% interval).\n\n");
        sb.append("| within | onsets out of calm | stratum windows (positive) | ROC-AUC model | ROC-AUC volatility |\n");
        sb.append("|---|---|---|---|---|\n");
        for (int h = 0; h < r.horizons().size(); h++) {
            io.sysrisk.research.evidence.CalmFigures c = r.calm().get(h);
            sb.append(String.format(Locale.ROOT, "| %d days | %d of %d | %,d (%,d) | %s | %s |%n", r.horizons().get(h),
                    c.calmOnsets(), c.onsets(), c.windows(), c.positives(), ranking(c.ranking().get(0)),
                    ranking(c.ranking().get(1))));
        }
        sb.append('\n');
        alarms(sb, r);
        sb.append("## Per held-out market\n\n");
        for (TermStructureEvidence.Fold f : r.folds()) {
            sb.append("### ").append(f.market()).append(", test ").append(f.period()).append("\n\n");
            sb.append("Trained on ").append(f.trainedOn()).append("; best epochs ").append(f.bestEpochs())
                    .append(".\n\n");
            table(sb, f.horizons());
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Folds in which every member of the network kept its reference (best epoch 0): volatility's fixed function. */
    private static int keptReference(TermStructureEvidence.Result r) {
        return (int) r.folds().stream().filter(f -> f.bestEpochs().stream().allMatch(e -> e == 0)).count();
    }

    /**
     * Per horizon, whether the numbers are right as probabilities: Brier and log-loss skill against that horizon's
     * training base rate, calibration in the large, and reliability by decile; and where the horizons are a fixed
     * function of volatility (every member kept its reference), that it is so.
     */
    private static void properScores(StringBuilder sb, TermStructureEvidence.Result r) {
        sb.append("## Probabilities per horizon: are the numbers right? (proper scores)\n\n");
        sb.append("Each horizon's probability scored as a forecast of that horizon's label: **Brier** and **log loss** "
                + "beside those of the forecast a user could make without the model, that horizon's training base "
                + "rate (the share of windows with an onset within it in every part the fold could read: one "
                + "constant per fold and horizon). **Skill** is 1 - the score / the base rate's (0: no better than "
                + "that constant). **Mean / observed**: mean probability over the observed rate (1 is calibrated in "
                + "the large; 0.7-1.4x on every held-out market, with a pooled Brier skill interval above 0, counts "
                + "as calibrated). 95% intervals: circular block bootstrap, model and base rate on the same "
                + "resamples.\n\n");
        sb.append("| within | held out | training base rate | mean / observed [95%] | Brier (base rate's) "
                + "| Brier skill [95%] | log-loss skill [95%] |\n|---|---|---|---|---|---|---|\n");
        for (int h = 0; h < r.horizons().size(); h++) {
            for (TermStructureEvidence.Fold f : r.folds()) {
                properRow(sb, f.horizons().get(h), f.market());
            }
            properRow(sb, r.pooled().get(h), "**pooled**");
        }
        sb.append("\n");
        for (TermStructureEvidence.Horizon h : r.pooled()) {
            ProbabilityEvidence.Probabilities p = h.probabilities();
            boolean band = r.folds().stream().allMatch(f -> f.horizons().get(r.pooled().indexOf(h))
                    .probabilities().withinBand());
            boolean calibrated = band && p.brierSkill().interval().low() > 0;
            sb.append(String.format(Locale.ROOT, "- Within %d days: %s (pooled Brier skill %+.3f [%+.3f, %+.3f]; "
                            + "every held-out market within 0.7-1.4x: %s). Reliability, pooled (mean probability -> "
                            + "observed rate per decile): %s.%n", h.days(), calibrated ? "**calibrated out of sample**"
                            : "**not calibrated out of sample: read it as a ranking of days**",
                    p.brierSkill().estimate(), p.brierSkill().interval().low(), p.brierSkill().interval().high(),
                    band ? "yes" : "no", String.join(", ", p.reliability().stream().map(b -> String.format(
                            Locale.ROOT, "%.3f->%.3f", b.meanProbability(), b.observedRate())).toList())));
        }
        int kept = keptReference(r);
        sb.append(String.format(Locale.ROOT, "%nIn %d of %d folds every member kept its reference (best epoch 0): "
                + "there the horizons' probabilities are fixed functions of 20-day volatility, not a forecast of "
                + "their own.%n%n", kept, r.folds().size()));
    }

    private static void properRow(StringBuilder sb, TermStructureEvidence.Horizon h, String fold) {
        ProbabilityEvidence.Probabilities p = h.probabilities();
        sb.append(String.format(Locale.ROOT, "| %d days | %s | %.4f | %.2f [%.2f, %.2f] | %.4f (%.4f) | %s | %s |%n",
                h.days(), fold, h.trainingRate(), p.calibrationRatio().estimate(),
                p.calibrationRatio().interval().low(), p.calibrationRatio().interval().high(), p.brier(),
                p.referenceBrier(), skill(p.brierSkill()), skill(p.logLossSkill())));
    }

    private static String skill(ProbabilityEvidence.Skill s) {
        String v = String.format(Locale.ROOT, "%+.3f [%+.3f, %+.3f]", s.estimate(), s.interval().low(),
                s.interval().high());
        return s.interval().low() > 0 ? "**" + v + "**" : v;
    }

    /**
     * Per horizon, the pooled alarm table: the horizon's alarm rule, volatility's, and the alarms that keep the
     * model alarm's shape and know nothing of the future.
     */
    private static void alarms(StringBuilder sb, TermStructureEvidence.Result r) {
        sb.append("## Alarms, per horizon\n\n");
        sb.append(String.format(Locale.ROOT, "Each horizon as an alarm. An onset within H days is *warned* by an alarm "
                + "on one of the H scored days before it, and a *signal day* is a day with an onset within H days "
                + "(its label at H). Each fold chooses the horizon's probability threshold on its calibration "
                + "windows at preference mu = %.1f; the threshold is *adopted* only when its usefulness there is above "
                + "0 with 95%% confidence, else the fold alarms by the reference rule (volatility above its training "
                + "90th percentile). Volatility gets its own threshold the same way. **Skill** is the per-day "
                + "Hanssen-Kuipers score (hit rate minus false-alarm rate, 0 for any alarm that ignores the future); "
                + "**false alarm days** are alarm days that are not signal days. The nulls keep the model alarm's "
                + "shape: *evenly spaced runs* of its alarm days and episodes, a *calendar* alarm of one day per "
                + "episode, its own sequence *circularly shifted* within each market by at least %d days (median "
                + "and 5-95%% over %d shifts). The *calm* column: onsets out of calm, as above. Pooled over the "
                + "folds; 95%% intervals: circular block bootstrap within each market.%n%n",
                io.sysrisk.research.evidence.Evidence.SERVED_PREFERENCE, AlarmNulls.MIN_SHIFT, AlarmNulls.SHIFTS));
        for (TermStructureEvidence.AlarmTable t : r.pooledAlarms()) {
            sb.append(String.format(Locale.ROOT, "**Within %d days**%n%n", t.days()));
            sb.append("| alarm | how | skill [95%] | hit rate | false-alarm rate | false alarm days / year | "
                    + "usefulness [95%] | onsets warned | calm onsets warned | alarm days / year |\n"
                    + "|---|---|---|---|---|---|---|---|---|---|\n");
            for (io.sysrisk.research.evidence.Evidence.EventRow row : t.rows()) {
                EventMetrics e = row.events();
                io.sysrisk.research.evidence.EventIntervals ci = row.intervals();
                sb.append(String.format(Locale.ROOT, "| %s | %s | %s [%s, %s] | %s | %s | %.1f | %s [%s, %s] "
                                + "| %d of %d (%s) | %d of %d (%s) | %.0f |%n", row.name(), row.rule(),
                        num(e.skill()), num(ci.skill().low()), num(ci.skill().high()), pct(e.hitRate()),
                        pct(e.falseAlarmRate()), e.falseAlarmDaysPerYear(), num(e.relativeUsefulness(t.preference())),
                        num(ci.usefulness().low()), num(ci.usefulness().high()), e.warned(), e.onsets(),
                        pct(e.warnedShare()), row.calmWarned(), row.calmOnsets(), pct(row.calmWarnedShare()),
                        e.alarmDaysPerYear()));
            }
            AlarmNulls.ShiftSummary sh = t.shifts();
            sb.append(String.format(Locale.ROOT, "| the model's alarm, circularly shifted (median [5%%, 95%%] of %d) "
                            + "|  | %s [%s, %s] |  |  | %.1f | %s [%s, %s] | %s [%s, %s] | %s [%s, %s] |  |%n",
                    sh.shifts(), num(sh.skill()[1]), num(sh.skill()[0]), num(sh.skill()[2]),
                    sh.falseAlarmDaysPerYear()[1], num(sh.usefulness()[1]), num(sh.usefulness()[0]),
                    num(sh.usefulness()[2]), pct(sh.warnedShare()[1]), pct(sh.warnedShare()[0]),
                    pct(sh.warnedShare()[2]), pct(sh.calmWarnedShare()[1]), pct(sh.calmWarnedShare()[0]),
                    pct(sh.calmWarnedShare()[2])));
            sb.append('\n').append(alarmVerdict(t)).append("\n\n");
        }
    }

    /** One horizon's alarm against the uninformative ones, in a sentence. */
    static String alarmVerdict(TermStructureEvidence.AlarmTable t) {
        io.sysrisk.research.evidence.Evidence.Verdict v = t.verdict();
        return String.format(Locale.ROOT, "Within %d days the alarm is %s. **No uninformative alarm reaches its skill: "
                        + "%s** (skill %s; always on %s, evenly spaced runs %s, calendar %s, circular shifts' 95th "
                        + "percentile %s); its skill interval is above 0: **%s**.", t.days(), t.alarmedBy(),
                v.beatsNulls() ? "met" : "not met", num(v.skill()), num(v.alwaysOn()), num(v.evenlySpaced()),
                num(v.calendar()), num(v.shift95()),
                v.skillInterval() != null && v.skillInterval().low() > 0 ? "yes" : "no");
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }

    /** The pooled result in one sentence per horizon: beyond volatility or not, by the PR-AUC interval. */
    static String verdict(TermStructureEvidence.Result r) {
        StringBuilder sb = new StringBuilder("**Verdict.** ");
        for (TermStructureEvidence.Horizon h : r.pooled()) {
            Difference d = h.prVsVolatility();
            String word = d == null ? "cannot be judged (no event)"
                    : d.interval().low() > 0 ? "ranks above volatility"
                    : d.interval().high() < 0 ? "ranks below volatility" : "is not distinguishable from volatility";
            sb.append(String.format(Locale.ROOT, "Within %d days the model %s (PR-AUC difference %s). ", h.days(),
                    word, d == null ? "n/a" : String.format(Locale.ROOT, "%+.3f [%.3f, %.3f]", d.estimate(),
                            d.interval().low(), d.interval().high())));
        }
        return sb.toString().stripTrailing();
    }

    private static void table(StringBuilder sb, java.util.List<TermStructureEvidence.Horizon> rows) {
        sb.append("| within | windows | with an onset | mean probability | Brier | ROC-AUC model | ROC-AUC volatility "
                + "| ROC-AUC difference [95%] | PR-AUC model | PR-AUC volatility | PR-AUC difference [95%] |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (TermStructureEvidence.Horizon h : rows) {
            sb.append(String.format(Locale.ROOT, "| %d days | %,d | %,d (%.1f%%) | %.3f | %.4f | %s | %s | %s | %s | %s "
                            + "| %s |%n", h.days(), h.windows(), h.positives(), 100 * h.baseRate(), h.meanProbability(),
                    h.brier(), f3(h.modelRocAuc()), f3(h.volatilityRocAuc()), diff(h.rocVsVolatility()),
                    f3(h.modelPrAuc()), f3(h.volatilityPrAuc()), diff(h.prVsVolatility())));
        }
    }

    private static String ranking(io.sysrisk.research.evidence.CalmRanking k) {
        return Double.isNaN(k.rocAuc()) ? "n/a" : String.format(Locale.ROOT, "%.3f [%.2f, %.2f]", k.rocAuc(),
                k.rocAucInterval().low(), k.rocAucInterval().high());
    }

    private static String f3(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String diff(Difference d) {
        return d == null ? "n/a" : String.format(Locale.ROOT, "%+.3f [%.3f, %.3f]", d.estimate(),
                d.interval().low(), d.interval().high());
    }
}
