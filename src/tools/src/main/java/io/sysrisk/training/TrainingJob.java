package io.sysrisk.training;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import ai.djl.inference.Predictor;
import io.sysrisk.evaluation.Evaluations;
import io.sysrisk.data.MarketData;
import io.sysrisk.evaluation.EvaluationReport;
import io.sysrisk.evaluation.MetricsTable;
import io.sysrisk.experiment.DecisionFloor;
import io.sysrisk.experiment.ExperimentConfig;
import io.sysrisk.experiment.PreparedExperiment;
import io.sysrisk.experiment.TrainConfig;
import io.sysrisk.inference.ModelConfig;
import io.sysrisk.inference.WindowBatch;
import io.sysrisk.inference.WindowScore;
import io.sysrisk.model.DjlModels;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.store.ModelStore;
import io.sysrisk.windows.Part;
import io.sysrisk.windows.PartEvents;
import io.sysrisk.windows.WindowSet;

/**
 * The training profile's job: prepare the experiment, train, evaluate on the held-out test part against the
 * references, and write the model version with its provenance to the store.
 */
public record TrainingJob(ExperimentConfig experiment, ModelConfig model, TrainConfig train, DecisionFloor floor,
                          Path storeRoot, String version) {

    public TrainingOutcome run(Consumer<String> log) {
        PreparedExperiment exp = PreparedExperiment.prepare(experiment);
        log.accept(exp.summary().stripTrailing());
        // Early stopping and the threshold are decided on validation, the figures on test: before any training.
        for (Part p : List.of(Part.VALIDATION, Part.TEST)) {
            WindowSet w = exp.part(p);
            floor.check(p.name().toLowerCase(java.util.Locale.ROOT), w.endDates().get(0),
                    w.endDates().get(w.size() - 1), PartEvents.of(w));
        }
        // Refused at once, not after minutes of training, when another run writes the same version.
        try (ModelStore.WriteLock lock = new ModelStore(storeRoot).lock(version)) {
            try (WindowTrainer.Trained result = WindowTrainer.network(model).train(exp.part(Part.TRAIN),
                    exp.part(Part.VALIDATION), null, train, log)) {
                EvaluationReport report;
                try (Predictor<WindowBatch, List<WindowScore>> predictor = result.newPredictor()) {
                    report = Evaluations.evaluate(exp, io.sysrisk.model.DjlScoring.scorer(predictor), result.threshold());
                }
                ModelManifest manifest = manifest(exp, result, report);
                Path folder = DjlModels.save(new ModelStore(storeRoot), manifest, result.model(), lock);
                TrainingOutcome outcome = new TrainingOutcome(folder, new ModelStore(storeRoot).manifest(version));
                log.accept("test part " + exp.part(Part.TEST).endDates().get(0) + ".."
                        + exp.part(Part.TEST).endDates().get(exp.part(Part.TEST).size() - 1) + " (never used for training, "
                        + "early stopping or the threshold):\n" + MetricsTable.markdown(outcome.testTable()).stripTrailing());
                log.accept("model written to " + folder);
                return outcome;
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private ModelManifest manifest(PreparedExperiment exp, WindowTrainer.Trained result, EvaluationReport report) {
        MarketData data = exp.data();
        int lookback = exp.features().firstValid();
        ModelManifest.InputSpec input = new ModelManifest.InputSpec(data.kind(), data.columns(), data.indexColumn(),
                exp.features().features().ids(), experiment.window(), lookback, experiment.window() + lookback);
        Map<String, ModelManifest.PartInfo> parts = new LinkedHashMap<>();
        for (Part p : Part.values()) {
            WindowSet w = exp.part(p);
            parts.put(p.name().toLowerCase(), new ModelManifest.PartInfo(w.endDates().get(0).toString(),
                    w.endDates().get(w.size() - 1).toString(), w.size(), w.positives()));
        }
        ModelManifest.DataFile file = new ModelManifest.DataFile(experiment.data().name(), experiment.data().sha256(),
                data.size(), data.dates().get(0).toString(), data.dates().get(data.size() - 1).toString(),
                data.report().toString());
        return new ManifestBuilder(version, model)
                .input(input, exp.normalization())
                .experiment(experiment.name(), experiment.label(), experiment.split(), parts, List.of(file))
                .training(train, result)
                .evaluation(result.threshold(), report)
                .build();
    }
}
