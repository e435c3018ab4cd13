package io.sysrisk.report;

import static io.sysrisk.report.LomoReportWriter.diff;

import io.sysrisk.research.evidence.Evidence;

/** The report's references fitted by maximum likelihood: what each reads, and how it stands beside the network. */
final class FittedReferencesSection {

    private FittedReferencesSection() {
    }

    /** The references fitted by maximum likelihood: what each is, the selected network minus it, it minus volatility. */
    static void write(StringBuilder sb, Evidence.Result r) {
        if (r.fittedReferences() == null || r.fittedReferences().isEmpty()) {
            return;
        }
        sb.append("\n## References fitted by maximum likelihood\n\nThe **logistic** above is trained as the networks "
                + "are (class weights, early stopping on validation) and is no probability. These are fitted as well "
                + "as a reference can be: logistic regression by maximum likelihood, unweighted, on every market's "
                + "training and validation windows of the fold (the calibration part stays for what the networks use "
                + "it for), scored on the held-out windows; their proper scores are in the first section, their "
                + "ranking in the tables above. They are in no event table or calm stratum (yet). Pooled over the "
                + "whole-history folds, paired:\n\n| reference | its inputs | selected minus it, ROC-AUC | selected "
                + "minus it, PR-AUC | it minus volatility, ROC-AUC | it minus volatility, PR-AUC |\n"
                + "|---|---|---|---|---|---|\n");
        for (Evidence.FittedReference f : r.fittedReferences()) {
            sb.append(String.format("| %s | %s | %s | %s | %s | %s |%n", f.name(), f.inputs(),
                    diff(f.rocSelectedMinus()), diff(f.prSelectedMinus()), diff(f.rocMinusVolatility()),
                    diff(f.prMinusVolatility())));
        }
        choices(sb, r);
    }

    /** Each fold's pick of a reference as its probability, chosen without its held-out market. */
    private static void choices(StringBuilder sb, Evidence.Result r) {
        if (r.probabilityChoices() == null || r.probabilityChoices().isEmpty()) {
            return;
        }
        java.util.List<String> names = new java.util.ArrayList<>(r.fittedReferences().stream()
                .map(Evidence.FittedReference::name).toList());
        sb.append(String.format(java.util.Locale.ROOT, "%n**Which one a fold would serve as its probability, chosen "
                + "without its held-out market** (the score *%s* in every table): an inner leave-one-market-out over "
                + "the fold's training markets (each inner market's period kept out of the others' fit; an inner "
                + "market needs %d onset windows) fits each reference on the other markets and scores the inner "
                + "market's training and validation windows; the best pooled Brier skill against the inner training "
                + "rate is the pick.%n%n| fold | pick |", Evidence.SELECTED_PROBABILITY,
                io.sysrisk.comparison.ProbabilitySelection.MIN_INNER_POSITIVES));
        names.forEach(n -> sb.append(" inner Brier skill: ").append(n).append(" |"));
        sb.append(" inner markets |\n|---|---|").append("---|".repeat(names.size())).append("---|\n");
        for (Evidence.ProbabilityChoice c : r.probabilityChoices()) {
            sb.append("| ").append(c.fold()).append(" | ").append(c.chosen()).append(" |");
            names.forEach(n -> sb.append(c.innerBrierSkill().containsKey(n) ? String.format(java.util.Locale.ROOT,
                    " %+.4f |", c.innerBrierSkill().get(n)) : " |"));
            sb.append(' ').append(c.innerMarkets().isEmpty() ? "none: no inner fold is possible, so no pick (the "
                    + "first reference)" : String.join(", ", c.innerMarkets())).append(" |\n");
        }
    }
}
