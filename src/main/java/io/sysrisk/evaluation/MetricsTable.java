package io.sysrisk.evaluation;

import java.util.Map;

/** Metrics side by side as a Markdown table, for the console, the README and reports. */
public final class MetricsTable {
    private MetricsTable() {
    }

    public static String markdown(Map<String, Metrics> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| model | accuracy | precision | recall | F1 | ROC-AUC | PR-AUC (base rate) | Brier | TP | FP | TN | FN |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        rows.forEach((name, m) -> sb.append(String.format("| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f (%.3f) | %.3f | %d | %d | %d | %d |%n",
                name, m.accuracy(), m.precision(), m.recall(), m.f1(), m.rocAuc(), m.prAuc(), m.baseRate(), m.brier(),
                m.tp(), m.fp(), m.tn(), m.fn())));
        return sb.toString();
    }
}
