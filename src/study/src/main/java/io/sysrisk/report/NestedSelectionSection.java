package io.sysrisk.report;

import java.util.List;
import java.util.Locale;

import io.sysrisk.research.evidence.Evidence;
import io.sysrisk.training.Recipe;

/** The report's nested selection: the candidates, each selection's inner figures and pick, the members' epochs. */
final class NestedSelectionSection {

    private NestedSelectionSection() {
    }

    /** The nested selection's table: every candidate's inner figures per outer fold and for the served model. */
    static void write(StringBuilder sb, Evidence.Result r) {
        sb.append(String.format(Locale.ROOT, "%n## Nested selection: every choice made without the test fold%n%n"
                + "Candidate recipes, one change each from the anchored network:%n%n"));
        for (Evidence.Candidate c : r.candidates()) {
            sb.append("- ").append(Recipe.of(c).describe()).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "%n%d networks trained for the choices (candidates x inner folds x "
                + "seeds), over %d outer folds and the served recipe's selection. Inner PR-AUC: per inner held-out "
                + "market, weighted by its events (the best in bold). The rule (a one-standard-error rule on paired "
                + "differences): the anchored network stays unless the best candidate beats it by more than one "
                + "standard error of the per-inner-fold differences (candidate minus anchored, same held-out "
                + "market), widened to Student's t at the one-sided 84%% level (x1.84 with two inner folds, x1.20 "
                + "with four); none with one inner fold.%n%n"
                + "| held out | inner folds | %s | chosen (why) |%n|---|---|%s---|%n",
                r.configurations(), r.folds().size(),
                String.join(" | ", r.candidates().stream().map(Evidence.Candidate::name).toList()),
                "---|".repeat(r.candidates().size())));
        List<Evidence.Selection> selections = new java.util.ArrayList<>(
                r.folds().stream().map(Evidence.FoldResult::selection).toList());
        selections.add(r.served());
        for (int i = 0; i < selections.size(); i++) {
            Evidence.Selection sel = selections.get(i);
            StringBuilder row = new StringBuilder();
            for (Evidence.Candidate c : r.candidates()) {
                Double v = sel.innerPrAuc().get(c.name());
                boolean best = v != null && sel.innerPrAuc().values().stream().noneMatch(x -> x > v);
                row.append(v == null ? "" : String.format(Locale.ROOT, best ? "**%.3f**" : "%.3f", v)).append(" | ");
            }
            sb.append(String.format("| %s | %s | %s%s (%s) |%n", i < r.folds().size() ? r.folds().get(i).fold()
                            : "**served model** (every market)", String.join(", ", sel.innerFolds()), row,
                    sel.chosen(), sel.why()));
        }
        long kept = selections.stream().filter(x -> !x.chosen().equals(Recipe.ANCHORED.name())).count();
        sb.append(String.format(Locale.ROOT, "%nThe served model is trained with the last row's pick, `%s`. "
                + "A recipe other than the anchored network was chosen in %d of %d selections.%n", r.served().chosen(), kept,
                selections.size()));
    }

    /** How often each candidate's members left epoch 0 in the selections' inner folds. */
    static void innerEpochs(StringBuilder sb, Evidence.Result r) {
        List<Evidence.Selection> selections = new java.util.ArrayList<>(
                r.folds().stream().map(Evidence.FoldResult::selection).toList());
        selections.add(r.served());
        sb.append(" In the selections' inner folds, per candidate: ");
        sb.append(String.join("; ", r.candidates().stream().map(c -> {
            long members = selections.stream().flatMap(x -> x.perFoldEpochs().stream())
                    .mapToLong(x -> x.getOrDefault(c.name(), List.of()).size()).sum();
            long left = selections.stream().flatMap(x -> x.perFoldEpochs().stream())
                    .mapToLong(x -> x.getOrDefault(c.name(), List.of()).stream().filter(e -> e > 0).count()).sum();
            return c.name() + " " + left + " of " + members + " past epoch 0";
        }).toList())).append(".\n");
    }
}
