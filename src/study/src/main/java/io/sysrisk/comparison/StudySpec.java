package io.sysrisk.comparison;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.sysrisk.experiment.PooledConfig;
import io.sysrisk.experiment.TrainConfig;
import io.sysrisk.inference.ModelConfig;
import io.sysrisk.research.data.Markets;
import io.sysrisk.store.ModelStore;

/**
 * The default's leave-one-market-out study as another JVM rebuilds it: its settings and the version's pooled
 * experiment, member network and training, the last three as the manifest's JSON (the form a model version already
 * round-trips in). The markets are the embedded ones, which every JVM with the study's jar holds.
 */
public record StudySpec(LeaveOneMarketOut.Settings settings, String base, String member, String train)
        implements Serializable {

    static StudySpec of(LeaveOneMarketOut.Settings settings, PooledConfig base, ModelConfig member,
                        TrainConfig train) {
        try {
            return new StudySpec(settings, ModelStore.json().writeValueAsString(base),
                    ModelStore.json().writeValueAsString(member), ModelStore.json().writeValueAsString(train));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a study's configuration does not write as JSON", e);
        }
    }

    /** Unit {@code index} of this study, computed in this JVM; its log kept in the outcome. */
    public StudyUnit.Outcome run(int index) {
        List<String> log = new ArrayList<>();
        try {
            PooledConfig b = ModelStore.json().readValue(base, PooledConfig.class);
            ModelConfig m = ModelStore.json().readValue(member, ModelConfig.class);
            TrainConfig t = ModelStore.json().readValue(train, TrainConfig.class);
            StudyUnit.Outcome o = new LeaveOneMarketOut(settings, log::add).unit(b, m, t, Markets.embedded(), index);
            return new StudyUnit.Outcome(o.index(), o.fold(), o.served(), List.copyOf(log), o.seconds(), o.ranOn());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("a study's configuration does not read back from its JSON", e);
        }
    }
}
