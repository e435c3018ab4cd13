package io.sysrisk.training;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.engine.Engine;
import io.sysrisk.SysriskVersion;
import io.sysrisk.evaluation.EvaluationReport;
import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.experiment.TrainConfig;
import io.sysrisk.inference.ModelConfig;
import io.sysrisk.labels.LabelDefinition;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.windows.ChronologicalSplit;
import io.sysrisk.windows.NormalizationStats;

/**
 * The one way a training job writes a manifest: what every version records (format, version, time, architecture,
 * software versions, training) set here, what differs between a single-market model and the pooled ensemble set by
 * the job. Parameter files are added by the store when it saves.
 */
final class ManifestBuilder {

    private final String version;
    private final ModelConfig model;
    private ModelManifest.InputSpec input;
    private NormalizationStats normalization;
    private LabelDefinition label;
    private String experiment;
    private ChronologicalSplit split;
    private Map<String, ModelManifest.PartInfo> parts = Map.of();
    private double threshold = Double.NaN;
    private ModelManifest.TrainingInfo training;
    private EvaluationReport metrics;
    private List<ModelManifest.DataFile> data = List.of();
    private ModelManifest.EnsembleInfo ensemble;
    private PooledConfig pooled;
    private ModelManifest.AlarmRule alarm;
    private List<ModelManifest.PreferenceAlarm> alarms;

    ManifestBuilder(String version, ModelConfig model) {
        this.version = version;
        this.model = model;
    }

    ManifestBuilder input(ModelManifest.InputSpec input, NormalizationStats normalization) {
        this.input = input;
        this.normalization = normalization;
        return this;
    }

    ManifestBuilder experiment(String name, LabelDefinition label, ChronologicalSplit split,
                               Map<String, ModelManifest.PartInfo> parts, List<ModelManifest.DataFile> data) {
        this.experiment = name;
        this.label = label;
        this.split = split;
        this.parts = parts;
        this.data = data;
        return this;
    }

    /** The training of one network (for an ensemble: its first member's, the others are in {@link #ensemble}). */
    ManifestBuilder training(TrainConfig cfg, WindowTrainer.Trained trained) {
        this.training = new ModelManifest.TrainingInfo(cfg, trained.positiveWeight(), trained.bestEpoch(),
                trained.epochsRun(), Math.round(trained.seconds() * 10) / 10.0, trained.device().toString(),
                trained.history());
        this.ensemble = trained.ensemble();
        return this;
    }

    ManifestBuilder evaluation(double threshold, EvaluationReport metrics) {
        this.threshold = threshold;
        this.metrics = metrics;
        return this;
    }

    /** A pooled model: its experiment's config, its served alarm rule and its alarm at every preference. */
    ManifestBuilder pooled(PooledConfig pooled, ModelManifest.AlarmRule alarm,
                           List<ModelManifest.PreferenceAlarm> alarms) {
        this.pooled = pooled;
        this.alarm = alarm;
        this.alarms = alarms;
        return this;
    }

    ModelManifest build() {
        return new ModelManifest(ModelManifest.FORMAT_VERSION, version,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), ModelManifest.architectureOf(model), model,
                input, normalization, label, experiment, split, parts, threshold, training, metrics, data, versions(),
                null, ensemble, pooled, null, alarm, alarms);
    }

    /** The software a model was made with. */
    static Map<String, String> versions() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("sysrisk", SysriskVersion.get());
        versions.put("djl", Engine.getDjlVersion());
        versions.put("pytorch", Engine.getEngine("PyTorch").getVersion());
        versions.put("java", System.getProperty("java.version"));
        return versions;
    }
}
