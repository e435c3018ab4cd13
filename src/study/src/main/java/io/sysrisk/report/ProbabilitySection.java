package io.sysrisk.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import io.sysrisk.research.evaluation.ProperScores;
import io.sysrisk.research.evidence.Evidence;
import io.sysrisk.research.evidence.ProbabilityEvidence;
import io.sysrisk.research.evidence.ProbabilityEvidence.Probabilities;
import io.sysrisk.research.evidence.ProbabilityEvidence.Skill;

/**
 * The report's first section: whether the numbers are right as probabilities (proper scores against the training
 * base rate, calibration in the large, reliability by decile, drawn as a chart), before how they rank days.
 */
final class ProbabilitySection {

    /** The reliability chart's file in the report folder. */
    static final String CHART = "reliability.png";

    private ProbabilitySection() {
    }

    /** Appends the section to {@code sb}; nothing when {@code r} holds no proper scores. */
    static void write(StringBuilder sb, Evidence.Result r) {
        ProbabilityEvidence.Verdict verdict = r.probabilityVerdict();
        if (verdict == null) {
            return;
        }
        sb.append("## Probabilities: are the numbers right? (proper scores)\n\n");
        sb.append("**").append(verdict.calibrated() ? "Calibrated out of sample." : "Not calibrated out of sample.")
                .append("** ").append(verdict.inWords()).append("\n\n");
        sb.append("Each probability is scored as a forecast, not only as a ranking: the **Brier score** (mean squared "
                + "error) and the **log loss** (mean negative log-likelihood, nats) of every test window, beside the "
                + "same scores of the forecast a user could make without the model, " + ProbabilityEvidence.REFERENCE
                + ". **Skill** is 1 - the score / the base rate's: 0 is no better than that constant, below 0 worse. "
                + "**Mean / observed**: the mean probability over the observed onset rate (1 is calibrated in the "
                + "large; the goal is each held-out market within "
                + String.format(Locale.ROOT, "%.1f-%.1fx", ProbabilityEvidence.RATIO_LOW,
                        ProbabilityEvidence.RATIO_HIGH)
                + ", with the pooled Brier skill's interval above 0). Intervals: 95% circular block bootstrap, the "
                + "model and the base rate on the same resamples. Volatility is a level, not a probability, and is "
                + "not scored here; the paper's comparison rows compare rankings. The **logistic** reference is trained "
                + "as the networks are, with their class weights, and is not Platt-calibrated: its numbers are scores "
                + "that over-predict by design, and its proper scores say so. The two **maximum-likelihood** "
                + "logistic references (unweighted, fitted on each fold's training and validation windows) are "
                + "probabilities by construction on their training data, and show what a reference fitted as well "
                + "as it can be does on a market it never saw. The networks' ensembles are Platt-calibrated on each "
                + "fold's calibration days.\n\n");
        sb.append("| held out | score | training base rate | mean / observed [95%] | Brier (base rate's) "
                + "| Brier skill [95%] | log loss (base rate's) | log-loss skill [95%] |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (Evidence.FoldResult f : r.folds()) {
            rows(sb, f.fold() + " (" + f.positives() + " of " + f.windows() + ")", f.probabilities());
        }
        rows(sb, "**pooled** (whole-history folds)", r.probabilities());
        sb.append("\nThe goal, score by score (pooled Brier skill interval above 0; every held-out market's mean "
                + "probability within the band):\n\n| score | Brier skill above 0 | every held-out market in the band "
                + "(lowest, highest) | a probability out of sample |\n|---|---|---|---|\n");
        for (Probabilities p : r.probabilities()) {
            java.util.Map<String, Probabilities> byMarket = new java.util.LinkedHashMap<>();
            r.pooledFolds().forEach(f -> byMarket.put(f.fold(), f.probabilities(p.name())));
            ProbabilityEvidence.Verdict v = ProbabilityEvidence.Verdict.of(p, byMarket);
            boolean skill = p.brierSkill().interval().low() > 0;
            boolean band = byMarket.values().stream().allMatch(Probabilities::withinBand);
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s (%.2fx, %.2fx) | **%s** |%n", p.name(),
                    skill ? "yes" : "no", band ? "yes" : "no",
                    v.ratios().values().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                    v.ratios().values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
                    v.calibrated() ? "yes" : "no"));
        }
        Probabilities model = r.probabilities(Evidence.MODEL);
        sb.append(String.format(Locale.ROOT, "%nReliability of the %s, pooled: the test windows in deciles of its "
                + "probability; what a score level meant on the markets held out is the observed onset rate in its "
                + "row.%n%n| probability from | to | windows | mean probability | observed onset rate |%n"
                + "|---|---|---|---|---|%n", Evidence.MODEL));
        for (ProperScores.Bin b : model.reliability()) {
            sb.append(String.format(Locale.ROOT, "| %.3f | %.3f | %d | %.3f | %.3f |%n", b.from(), b.to(),
                    b.windows(), b.meanProbability(), b.observedRate()));
        }
        sb.append("\n![reliability](").append(CHART).append(")\n\n");
        ownPast(sb, r.ownPast());
    }

    /** The model recalibrated on each held-out market's own past ({@link ProbabilityEvidence.OwnPast}), if any. */
    private static void ownPast(StringBuilder sb, ProbabilityEvidence.OwnPast o) {
        if (o == null) {
            return;
        }
        sb.append("### Recalibrated on the market's own past\n\n");
        sb.append("Can a market's own history set the level the other markets could not? For each held-out market "
                + "the earlier half of its test days (by count) fits, on the windows whose labels were known before "
                + "the later half begins (a label reads " + o.lookaheadDays() + " trading days after its day), "
                + "three forecasts a user with that history could make, declared before any skill figure was seen: "
                + "the model's log-odds shifted by one constant so that their mean over the past windows is the "
                + "market's past onset share (the likelihood's own condition, the share smoothed as below: its "
                + "ranking kept, its level the market's), Platt's a + b x log-odds fitted by likelihood (the level "
                + "refit where the past holds no onset window), and the market's past onset share as one constant, "
                + "(k + 0.5) / (n + 1) of its k onset windows in n. The later half is scored, beside the model as served: skill "
                + "against the training base rate as above, and against the model as served on the same days "
                + "(above 0: recalibrating helped). A risk team can do this only on a market with a history of its "
                + "own falls, and it assumes the market's onset rate stays what it was.\n\n");
        sb.append("| held out | fitted on (windows, onset windows) | scored | forecast | fitted | mean / observed [95%] "
                + "| Brier skill [95%] |\n|---|---|---|---|---|---|---|\n");
        for (ProbabilityEvidence.OwnPastFold f : o.folds()) {
            for (int k = 0; k < f.later().size(); k++) {
                Probabilities p = f.later().get(k);
                sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n",
                        k == 0 ? f.fold() : "",
                        k == 0 ? f.pastFrom() + ".." + f.pastTo() + " (" + f.pastWindows() + ", " + f.pastPositives()
                                + ")" : "",
                        k == 0 ? f.laterFrom() + ".." + f.laterTo() + " (" + p.windows() + ", " + p.positives() + ")"
                                : "", p.name(), k == 0 ? "" : f.fitted().get(k - 1), ratio(p.calibrationRatio()),
                        skill(p.brierSkill())));
            }
        }
        sb.append("\nPooled over the later halves:\n\n| forecast | mean / observed [95%] | Brier skill [95%] "
                + "| log-loss skill [95%] | Brier skill against the model as served [95%] | the goal (Brier skill "
                + "above 0, every market in the band) |\n|---|---|---|---|---|---|\n");
        for (Probabilities p : o.pooled()) {
            Probabilities versus = o.versusModel().stream().filter(v -> v.name().equals(p.name())).findFirst()
                    .orElse(null);
            boolean band = o.folds().stream().allMatch(f -> f.later().stream().filter(x -> x.name().equals(p.name()))
                    .allMatch(Probabilities::withinBand));
            boolean skill = p.brierSkill().interval().low() > 0;
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", p.name(),
                    ratio(p.calibrationRatio()), skill(p.brierSkill()), skill(p.logLossSkill()),
                    versus == null ? "" : skill(versus.brierSkill()),
                    skill && band ? "**met**" : "not met (" + (skill ? "" : "skill") + (skill || band ? "" : ", ")
                            + (band ? "" : "band") + ")"));
        }
        sb.append('\n');
    }

    private static void rows(StringBuilder sb, String fold, List<Probabilities> figures) {
        boolean first = true;
        for (Probabilities p : figures) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %.4f | %s | %.4f (%.4f) | %s | %.4f (%.4f) | %s |%n",
                    first ? fold : "", p.name(), p.referenceRate(), ratio(p.calibrationRatio()), p.brier(),
                    p.referenceBrier(), skill(p.brierSkill()), p.logLoss(), p.referenceLogLoss(),
                    skill(p.logLossSkill())));
            first = false;
        }
    }

    private static String ratio(Skill s) {
        return String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", s.estimate(), s.interval().low(), s.interval().high());
    }

    private static String skill(Skill s) {
        String v = String.format(Locale.ROOT, "%+.3f [%+.3f, %+.3f]", s.estimate(), s.interval().low(),
                s.interval().high());
        return s.interval().low() > 0 ? "**" + v + "**" : v;
    }

    /**
     * The reliability chart: observed onset rate against mean probability per decile, pooled for every probability
     * score and per held-out market for the model, beside the diagonal of a calibrated forecast.
     */
    static void chart(Path png, Evidence.Result r) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        double top = 0;
        int k = 0;
        Color[] pooledColors = {new Color(30, 60, 120), new Color(200, 110, 20), new Color(90, 150, 90),
                new Color(150, 80, 160)};
        for (Probabilities p : r.probabilities()) {
            data.addSeries(series("pooled: " + p.name(), p));
            renderer.setSeriesPaint(k, pooledColors[k % pooledColors.length]);
            renderer.setSeriesStroke(k, new BasicStroke(2.2f));
            top = Math.max(top, max(p));
            k++;
        }
        for (Evidence.FoldResult f : r.pooledFolds()) {
            Probabilities p = f.probabilities(Evidence.MODEL);
            data.addSeries(series(f.fold() + ": " + Evidence.MODEL, p));
            renderer.setSeriesPaint(k, new Color(120, 120, 120));
            renderer.setSeriesStroke(k, new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                    new float[] {3f, 3f}, 0f));
            renderer.setSeriesShapesVisible(k, false);
            top = Math.max(top, max(p));
            k++;
        }
        XYSeries diagonal = new XYSeries("calibrated (observed = probability)");
        double edge = Math.min(1, top * 1.05);
        diagonal.add(0, 0);
        diagonal.add(edge, edge);
        data.addSeries(diagonal);
        renderer.setSeriesPaint(k, Color.BLACK);
        renderer.setSeriesShapesVisible(k, false);
        Charts.saveSquare(png, "Reliability on the markets held out: deciles of each probability "
                + "(dashed grey: the model per held-out market)", data, renderer, "mean probability in the decile",
                "observed onset rate in the decile", edge);
    }

    private static XYSeries series(String name, Probabilities p) {
        XYSeries s = new XYSeries(name, false);
        for (ProperScores.Bin b : p.reliability()) {
            s.add(b.meanProbability(), b.observedRate());
        }
        return s;
    }

    private static double max(Probabilities p) {
        return p.reliability().stream().mapToDouble(b -> Math.max(b.meanProbability(), b.observedRate())).max()
                .orElse(0);
    }
}
