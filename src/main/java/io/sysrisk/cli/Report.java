package io.sysrisk.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.sysrisk.comparison.Comparison;
import io.sysrisk.comparison.ComparisonConfig;
import io.sysrisk.comparison.ComparisonResult;
import io.sysrisk.experiment.ExperimentConfig;
import io.sysrisk.experiment.PreparedExperiment;
import io.sysrisk.report.ReportWriter;
import io.sysrisk.store.StoredModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Compare the stored model's architecture with every baseline, ablation, walk-forward and "
                + "cross-market test on its experiment, and write the report into the model version's report/ folder.")
class Report implements Callable<Integer> {

    @Mixin
    StoredModelOptions stored;

    @Option(names = "--quick", description = "A small run that checks the pipeline (2 models, 2 seeds, 2 epochs); "
            + "its numbers mean nothing.")
    boolean quick;

    @Option(names = "--out", description = "Report folder (default: the model version's report/).")
    Path out;

    @Override
    public Integer call() throws Exception {
        try (StoredModel model = stored.load()) {
            ExperimentConfig experiment = model.manifest().experimentConfig();
            ComparisonResult result = new Comparison(quick ? ComparisonConfig.quick() : ComparisonConfig.full(),
                    System.out::println).run(experiment);
            Path folder = out != null ? out : model.folder().resolve(ReportWriter.FOLDER);
            ReportWriter.write(model, PreparedExperiment.prepare(experiment), result, folder,
                    "./mvnw -q -Preport" + (quick ? " -Dsysrisk.args=--quick" : ""));
            System.out.println("report written to " + folder);
        }
        return 0;
    }
}
