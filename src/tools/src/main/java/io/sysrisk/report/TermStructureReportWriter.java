package io.sysrisk.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.sysrisk.comparison.BlockBootstrap;
import io.sysrisk.comparison.TermStructureStudy;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.store.ModelStore;

/**
 * Writes a term-structure version's report/ folder (issue 26): {@code term-structure.json} with every figure and
 * README.md with the per-horizon tables, the pooled one first.
 */
public final class TermStructureReportWriter {

    /** The JSON the page and GET /model read. */
    public static final String JSON = "term-structure.json";

    private TermStructureReportWriter() {
    }

    public static Path write(ModelManifest m, TermStructureStudy.Result r, Path folder, String command)
            throws IOException {
        Files.createDirectories(folder);
        ModelStore.json().writeValue(folder.resolve(JSON).toFile(), r);
        Files.writeString(folder.resolve("README.md"), markdown(m.version(), m.label().describe(), r, command));
        return folder;
    }

    /** The README's text for {@code version}, whose label reads {@code label}. */
    public static String markdown(String version, String label, TermStructureStudy.Result r, String command) {
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
        sb.append(String.format(Locale.ROOT, "**Monotone.** %,d of %,d answers decrease with the horizon.%n%n",
                r.decreasing(), r.answers()));
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
            io.sysrisk.comparison.CalmStratum.Result c = r.calm().get(h);
            sb.append(String.format(Locale.ROOT, "| %d days | %d of %d | %,d (%,d) | %s | %s |%n", r.horizons().get(h),
                    c.calmOnsets(), c.onsets(), c.windows(), c.positives(), ranking(c.ranking().get(0)),
                    ranking(c.ranking().get(1))));
        }
        sb.append('\n');
        sb.append("## Per held-out market\n\n");
        for (TermStructureStudy.Fold f : r.folds()) {
            sb.append("### ").append(f.market()).append(", test ").append(f.period()).append("\n\n");
            sb.append("Trained on ").append(f.trainedOn()).append("; best epochs ").append(f.bestEpochs())
                    .append(".\n\n");
            table(sb, f.horizons());
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The pooled result in one sentence per horizon: beyond volatility or not, by the PR-AUC interval. */
    static String verdict(TermStructureStudy.Result r) {
        StringBuilder sb = new StringBuilder("**Verdict.** ");
        for (TermStructureStudy.Horizon h : r.pooled()) {
            BlockBootstrap.Difference d = h.prVsVolatility();
            String word = d == null ? "cannot be judged (no event)"
                    : d.interval().low() > 0 ? "ranks above volatility"
                    : d.interval().high() < 0 ? "ranks below volatility" : "is not distinguishable from volatility";
            sb.append(String.format(Locale.ROOT, "Within %d days the model %s (PR-AUC difference %s). ", h.days(),
                    word, d == null ? "n/a" : String.format(Locale.ROOT, "%+.3f [%.3f, %.3f]", d.estimate(),
                            d.interval().low(), d.interval().high())));
        }
        return sb.toString().stripTrailing();
    }

    private static void table(StringBuilder sb, java.util.List<TermStructureStudy.Horizon> rows) {
        sb.append("| within | windows | with an onset | mean probability | Brier | ROC-AUC model | ROC-AUC volatility "
                + "| ROC-AUC difference [95%] | PR-AUC model | PR-AUC volatility | PR-AUC difference [95%] |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (TermStructureStudy.Horizon h : rows) {
            sb.append(String.format(Locale.ROOT, "| %d days | %,d | %,d (%.1f%%) | %.3f | %.4f | %s | %s | %s | %s | %s "
                            + "| %s |%n", h.days(), h.windows(), h.positives(), 100 * h.baseRate(), h.meanProbability(),
                    h.brier(), f3(h.modelRocAuc()), f3(h.volatilityRocAuc()), diff(h.rocVsVolatility()),
                    f3(h.modelPrAuc()), f3(h.volatilityPrAuc()), diff(h.prVsVolatility())));
        }
    }

    private static String ranking(io.sysrisk.comparison.CalmStratum.Ranking k) {
        return Double.isNaN(k.rocAuc()) ? "n/a" : String.format(Locale.ROOT, "%.3f [%.2f, %.2f]", k.rocAuc(),
                k.rocAucInterval().low(), k.rocAucInterval().high());
    }

    private static String f3(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String diff(BlockBootstrap.Difference d) {
        return d == null ? "n/a" : String.format(Locale.ROOT, "%+.3f [%.3f, %.3f]", d.estimate(),
                d.interval().low(), d.interval().high());
    }
}
