package io.sysrisk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.sysrisk.experiment.ManifestExperiments;
import io.sysrisk.comparison.Comparison;
import io.sysrisk.comparison.ComparisonConfig;
import io.sysrisk.comparison.ComparisonResult;
import io.sysrisk.comparison.LeaveOneMarketOut;
import io.sysrisk.comparison.PositiveControl;
import io.sysrisk.data.Markets;
import io.sysrisk.experiment.ExperimentConfig;
import io.sysrisk.experiment.PreparedExperiment;
import io.sysrisk.model.StoredModel;
import io.sysrisk.report.LomoReportWriter;
import io.sysrisk.report.ReportWriter;
import io.sysrisk.store.ModelManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "The stored model's out-of-sample evidence, written into its version's report/ folder. The "
                + "any-index model: leave-one-market-out (each market and its era held out in turn) against the "
                + "volatility and logistic references, with event figures. A single-market model: every baseline, "
                + "ablation, walk-forward and cross-market test on its experiment.")
class Report implements Callable<Integer>, DjlJob {

    @Mixin
    StoredModelOptions stored;

    @Option(names = "--quick", description = "A small run that checks the pipeline (fewer folds or models, 2 seeds, "
            + "2 epochs); its numbers mean nothing.")
    boolean quick;

    @Option(names = "--out", description = "Report folder (default: the model version's report/).")
    Path out;

    @Option(names = "--no-positive-control", description = "any-index: skip the positive control (the study run "
            + "again in quick mode with a planted informative input and its shuffled copy; about 3 min).")
    boolean noPositiveControl;

    @Override
    public Integer call() throws Exception {
        String command = "./mvnw -q -Preport" + (quick ? " -Dsysrisk.args=--quick" : "");
        ModelManifest manifest = stored.manifest();
        if (manifest.isOneMarket()) {
            throw new IllegalArgumentException("model " + manifest.version() + " was trained on one market ("
                    + manifest.data().get(0).name() + "); its out-of-sample evidence (walk-forward) is not built yet "
                    + "(issue 25): its validation and calibration figures are in its model.json");
        }
        if (manifest.isPooled()) {
            LeaveOneMarketOut.Result result = new LeaveOneMarketOut(quick ? LeaveOneMarketOut.Settings.quick()
                    : LeaveOneMarketOut.Settings.full(), System.out::println)
                    .run(manifest.pooled(), manifest.model(), manifest.training().config(), Markets.embedded());
            PositiveControl.Result control = noPositiveControl ? null : PositiveControl.run(
                    LeaveOneMarketOut.Settings.control(), manifest.pooled(), manifest.model(),
                    manifest.training().config(), Markets.embedded(), System.out::println);
            Path folder = out != null ? out : stored.folder().resolve(ReportWriter.FOLDER);
            LomoReportWriter.write(manifest, result, control, folder, command);
            System.out.println("report written to " + folder);
            return 0;
        }
        try (StoredModel model = stored.load()) {
            ExperimentConfig experiment = ManifestExperiments.of(model.manifest());
            ComparisonResult result = new Comparison(quick ? ComparisonConfig.quick() : ComparisonConfig.full(),
                    System.out::println).run(experiment);
            Path folder = out != null ? out : model.folder().resolve(ReportWriter.FOLDER);
            ReportWriter.write(model, PreparedExperiment.prepare(experiment), result, folder, command);
            System.out.println("report written to " + folder);
        }
        return 0;
    }
}
