package io.sysrisk.report;

import static io.sysrisk.report.LomoReportWriter.diff;
import static io.sysrisk.report.LomoReportWriter.num;
import static io.sysrisk.report.LomoReportWriter.pct;
import static io.sysrisk.report.LomoReportWriter.withCi;

import java.util.List;
import java.util.Locale;

import io.sysrisk.research.evidence.Evidence;

/**
 * The report's section on the paper's comparison (arXiv 2502.06847): each of its rows beside the paper's network,
 * pooled and per held-out market, and what that says of the paper's claim.
 */
final class PaperSection {

    private PaperSection() {
    }

    /** Appends the section to {@code sb} when {@code r} holds the comparison. */
    static void write(StringBuilder sb, Evidence.Result r) {
        Evidence.PaperComparison c = r.paperComparison();
        if (c == null) {
            return;
        }
        List<Evidence.PaperRow> rows = c.rows();
        int mu = Evidence.served();
        sb.append("\n## The paper's comparison (arXiv 2502.06847)\n\n");
        sb.append("The paper reports its CNN-BiLSTM-attention network at 0.89 accuracy, 0.87 recall and 0.88 F1, above "
                + "a CNN, a BiLSTM, a Transformer and a TCN alone, on data, labels and settings it does not publish. "
                + "Here each of those networks, the paper's network without attention, and the paper's network over "
                + "30- and 120-day windows is a row of this study: trained in every fold on the same markets, with "
                + "the same seeds, early stopping and Platt calibration (on the members' mean probability) as the "
                + "**" + c.network() + "** (the paper's network as this study trains it: " + c.window()
                + "-day windows of the closes' features, small size), scored on the same test days (those the "
                + "120-day window can score too, for every row of the study), its alarm threshold chosen on the same "
                + "calibration days. Differences are paired (the row minus the other, same resamples), pooled over "
                + "the whole-history folds. The alarm skill is the Hanssen-Kuipers per-day skill of each row's alarm at the "
                + "served preference, its threshold chosen like the served alarm's (falling back to the volatility rule "
                + "where the calibration days do not support one: then rows share the rule's skill). Accuracy, recall and F1 at one threshold are not reported: on events "
                + "this rare they reward the threshold more than the ranking.\n\n");
        sb.append(String.format(Locale.ROOT, "| row | network, window | pooled ROC-AUC | pooled PR-AUC | minus the "
                + "paper's network: ROC-AUC | PR-AUC | minus volatility: PR-AUC | alarm skill (mu = %.1f) | the "
                + "paper's claim | here |%n|---|---|---|---|---|---|---|---|---|---|%n", Evidence.PREFERENCES[mu]));
        Evidence.ScoreResult paper = pooled(r, Evidence.PAPER_NETWORK);
        sb.append(String.format("| %s | %s, %d days | %s | %s | | | %s | %s | the paper's network | |%n",
                c.network(), "cnn-bilstm-attention", c.window(),
                withCi(paper.metrics().rocAuc(), paper.rocAuc()), withCi(paper.metrics().prAuc(), paper.prAuc()),
                diff(c.prVsVolatility()), skill(r, Evidence.PAPER_NETWORK, mu)));
        for (Evidence.PaperRow row : rows) {
            Evidence.ScoreResult s = pooled(r, row.name());
            sb.append(String.format("| %s | %s, %d days | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    row.name().substring(Evidence.PAPER_ROW.length()), row.architecture(), row.window(),
                    withCi(s.metrics().rocAuc(), s.rocAuc()), withCi(s.metrics().prAuc(), s.prAuc()),
                    diff(row.rocVsPaper()), diff(row.prVsPaper()), diff(row.prVsVolatility()),
                    skill(r, row.name(), mu), row.claim(), row.inWords()));
        }
        sb.append("\nPR-AUC per fold:\n\n| row |");
        r.folds().forEach(f -> sb.append(' ').append(f.fold()).append(" |"));
        sb.append("\n|---|").append("---|".repeat(r.folds().size())).append('\n');
        for (String name : java.util.stream.Stream.concat(java.util.stream.Stream.of(Evidence.PAPER_NETWORK,
                Evidence.VOLATILITY), rows.stream().map(Evidence.PaperRow::name)).toList()) {
            sb.append("| ").append(Evidence.paperRow(name) ? name.substring(Evidence.PAPER_ROW.length()) : name)
                    .append(" |");
            for (Evidence.FoldResult f : r.folds()) {
                sb.append(' ').append(f.scores().stream().filter(x -> x.name().equals(name)).findFirst()
                        .map(x -> num(x.metrics().prAuc(), "%.3f")).orElse("n/a")).append(" |");
            }
            sb.append('\n');
        }
        long holds = rows.stream().filter(x -> x.inWords().startsWith("holds:")).count();
        long inPart = rows.stream().filter(x -> x.inWords().startsWith("holds in part")).count();
        long reversed = rows.stream().filter(x -> x.inWords().startsWith("reversed")).count();
        sb.append(String.format("%nIn words: of %d rows, the paper's network ranks above %d in both ROC-AUC and "
                + "PR-AUC beyond resampling noise, above %d more in one of the two, and %d rank above it; the other "
                + "%d are not told apart from it here.%n", rows.size(), holds, inPart, reversed,
                rows.size() - holds - inPart - reversed));
    }

    private static Evidence.ScoreResult pooled(Evidence.Result r, String name) {
        return r.pooled().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no pooled score called " + name));
    }

    private static String skill(Evidence.Result r, String name, int mu) {
        return r.pooledEvents().get(mu).rows().stream().filter(x -> x.name().equals(name)).findFirst()
                .map(x -> withCi(x.events().skill(), x.intervals().skill()) + " (" + x.rule() + ")").orElse("n/a");
    }
}
