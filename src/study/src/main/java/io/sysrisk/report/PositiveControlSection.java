package io.sysrisk.report;

import static io.sysrisk.report.LomoReportWriter.diff;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.sysrisk.comparison.LeaveOneMarketOut;
import io.sysrisk.comparison.PositiveControl;
import io.sysrisk.store.ModelStore;

/** The report's positive control: its graded strengths, what each found, the detection limit; and its JSON read back. */
final class PositiveControlSection {

    private PositiveControlSection() {
    }

    /** Appends the section on {@code c}. */
    static void write(StringBuilder sb, PositiveControl.Result c) {
        sb.append(String.format(Locale.ROOT, "%n## Positive control: can this machinery find information when there "
                + "is some, and how little?%n%nThe leave-one-market-out study (%s mode: %s) run with one more input, "
                + "**planted**: on each day the coming label (1 when a fall starts in the next 20 days) plus "
                + "Gaussian noise; it reads the future by construction and exists only here. Then the same values "
                + "**shuffled** in time within each market (no information). Each run's nested selection compares "
                + "the anchored network with and without the input. It must find the first and not the second. "
                + "%s The **single-day gain** is the input alone on the test windows minus volatility (pooled "
                + "PR-AUC): what there is to find on one day; the network reads 60 days of it.%n%n"
                + "| noise | input | alone: stratified PR-AUC (volatility) | single-day gain: alone minus "
                + "volatility, pooled PR-AUC | chosen (outer folds; served) | members past epoch 0 | selected minus "
                + "volatility, pooled PR-AUC | stratified PR-AUC, selected (volatility) | found |%n"
                + "|---|---|---|---|---|---|---|---|---|%n", c.mode(), c.settings(), c.grades().size() == 1
                        ? "One strength is planted (a quick run's)."
                        : c.grades().size() + " strengths are planted, from strong to weak, each with its shuffled "
                        + "copy, to measure the smallest gain the study detects."));
        for (PositiveControl.Grade g : c.grades()) {
            for (PositiveControl.Arm a : List.of(g.planted(), g.shuffled())) {
                long members = a.bestEpochs().stream().mapToLong(List::size).sum();
                long left = a.bestEpochs().stream().mapToLong(x -> x.stream().filter(e -> e > 0).count()).sum();
                sb.append(String.format(Locale.ROOT, "| %.2f | %s | %.3f (%.3f) | %s | %s; %s | %d of %d | %s "
                                + "| %.3f (%.3f) | **%s** |%n", g.noise(), a.input(), a.alone().prAuc(),
                        a.alone().volatilityPrAuc(), diff(a.alone().prVsVolatility()),
                        String.join(", ", a.foldChoices()), a.servedChoice(), left, members, diff(a.prVsVolatility()),
                        a.selectedStratifiedPrAuc(), a.volatilityStratifiedPrAuc(), a.found() ? "yes" : "no"));
            }
        }
        sb.append(String.format(Locale.ROOT, "%nFound means: every selection chose the input, every member trained "
                + "with it left the reference, and the held-out paired interval against volatility is above 0 "
                + "(%.1f min for every run). **Detection limit.** %s The control's study runs with the settings "
                + "above, not the report's: with more held-out markets and seeds the report's own study may "
                + "detect less. `positive-control.json` holds the figures.%n", c.seconds() / 60,
                c.detectionLimit().inWords()));
    }

    /**
     * A report folder's positive control. One written before the graded strengths (one noise, its planted and
     * shuffled arms at the top level) is read as that one strength, with the settings it ran with.
     */
    static PositiveControl.Result read(Path file) throws IOException {
        com.fasterxml.jackson.databind.JsonNode tree = ModelStore.json().readTree(file.toFile());
        if (tree.has("grades")) {
            return ModelStore.json().treeToValue(tree, PositiveControl.Result.class);
        }
        if (!tree.has("planted") || !tree.has("noise")) {
            throw new IllegalArgumentException(file + " is no positive control this build reads: run it again "
                    + "(report --control-only)");
        }
        return new PositiveControl.Result(tree.get("mode").asText(), PositiveControl.describe(
                LeaveOneMarketOut.Settings.control()), List.of(new PositiveControl.Grade(tree.get("noise")
                .asDouble(), ModelStore.json().treeToValue(tree.get("planted"), PositiveControl.Arm.class),
                ModelStore.json().treeToValue(tree.get("shuffled"), PositiveControl.Arm.class))),
                tree.get("seconds").asDouble());
    }
}
