package io.sysrisk.serving;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.sysrisk.data.InputKind;
import io.sysrisk.evaluation.EvaluationReport;
import io.sysrisk.evaluation.Metrics;
import io.sysrisk.experiment.EpochStats;
import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.experiment.TrainConfig;
import io.sysrisk.inference.EnsembleConfig;
import io.sysrisk.inference.ModelConfig;
import io.sysrisk.labels.LabelDefinition;
import io.sysrisk.store.ModelManifest;
import io.sysrisk.windows.ChronologicalSplit;
import io.sysrisk.windows.NormalizationStats;

/**
 * What a native image (./mvnw package -Pnative -pl src/function -am) must keep for reflection: every type Jackson
 * builds when the store reads {@code model.json} (the core's own ObjectMapper, which Quarkus does not see). The
 * request and response types are registered by Funqy and REST themselves; the models are included as resources
 * ({@code quarkus.native.resources.includes}). {@code NativeImageConfigTest} checks this list against the manifest's
 * types, so a new manifest field cannot be forgotten here.
 */
@RegisterForReflection(targets = {
        ModelManifest.class, ModelManifest.InputSpec.class, ModelManifest.PartInfo.class,
        ModelManifest.TrainingInfo.class, ModelManifest.DataFile.class, ModelManifest.ParameterFile.class,
        ModelManifest.EnsembleInfo.class, ModelManifest.MemberRun.class, ModelManifest.AlarmRule.class,
        ModelManifest.PreferenceAlarm.class, ModelManifest.SystemicStateFile.class,
        ModelManifest.CarriedMarkets.class, ModelManifest.CarriedMarket.class,
        io.sysrisk.features.SystemicSeries.class, io.sysrisk.features.SystemicSeries.Role.class,
        io.sysrisk.data.Session.class,
        io.sysrisk.evaluation.AlarmThreshold.class,
        ModelConfig.class, EnsembleConfig.class, EnsembleConfig.Calibration.class, NormalizationStats.class,
        ChronologicalSplit.class,
        LabelDefinition.class, LabelDefinition.FutureDrawdown.class, LabelDefinition.Onset.class,
        LabelDefinition.CoCrash.class, LabelDefinition.VolatilityRegime.class,
        EvaluationReport.class, Metrics.class, TrainConfig.class, EpochStats.class,
        PooledConfig.class, PooledConfig.HeldOut.class, InputKind.class})
public final class NativeImageConfig {

    private NativeImageConfig() {
    }
}
