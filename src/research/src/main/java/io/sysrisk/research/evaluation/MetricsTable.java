package io.sysrisk.research.evaluation;

import java.util.Map;
import io.sysrisk.evaluation.Metrics;

/** Metrics side by side as a Markdown table, for the console, the README and reports. */
public final class MetricsTable {
    private MetricsTable() {
    }

    public static String markdown(Map<String, Metrics> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append("| model | accuracy | precision | recall | F1 | ROC-AUC | PR-AUC (base rate) | Brier | TP | FP | TN | FN |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        rows.forEach((name, m) -> sb.append(String.format("| %s | %s | %s | %s | %s | %s | %s (%s) | %s | %d | %d | %d | %d |%n",
                name, f3(m.accuracy()), f3(m.precision()), f3(m.recall()), f3(m.f1()), f3(m.rocAuc()), f3(m.prAuc()),
                f3(m.baseRate()), f3(m.brier()), m.tp(), m.fp(), m.tn(), m.fn())));
        return sb.toString();
    }

    /** Three decimals; "n/a" for an undefined metric (no alert, no event, not a probability). */
    public static String f3(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(java.util.Locale.ROOT, "%.3f", v);
    }
}
