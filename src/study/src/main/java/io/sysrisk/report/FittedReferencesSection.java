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
    }
}
